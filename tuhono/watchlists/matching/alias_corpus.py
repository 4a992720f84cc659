"""Every phrase rigour's person-name tagger recognises, with its symbols: the index's symbol table.

The index build writes these phrases into the index folder (tagging.py), so a
screening process finds a name's symbols by lookup instead of building the
tagger. They come from `data/person-name-symbols.tsv.gz`: one line per phrase, tab, its symbols
('NAME:Q4927524 NICK:MIKE'), written by `write_alias_file` from rigour's own
name resources (person_names.txt, symbols.json, ordinals.json in rigour's
source tree) with the tagger itself deciding each phrase's symbols, so a
phrase is exactly what the tagger would find in a name.

The file's first line names the rigour version it was made with; a test
checks that it is the installed one (regenerate it when rigour is upgraded:
`manage.py person_name_symbols <folder with rigour's name resources>`).
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path

ALIAS_FILE = Path(__file__).resolve().parent.parent / "data" / "person-name-symbols.tsv.gz"
HEADER = "# rigour "
BATCH = 2000


def rigour_version() -> str:
    return version("rigour")


def alias_file_version(path: Path = ALIAS_FILE) -> str:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        first = handle.readline().rstrip("\n")
    return first[len(HEADER) :] if first.startswith(HEADER) else ""


def aliases_for(symbols: set[str] | None = None, path: Path = ALIAS_FILE) -> Iterator[tuple[str, list[str]]]:
    """(phrase, its symbols) for every phrase of the corpus; only those among `symbols` if given."""
    if not path.exists():
        return
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            phrase, _, listed = line.rstrip("\n").partition("\t")
            wanted = [symbol for symbol in listed.split(" ") if symbols is None or symbol in symbols]
            if wanted:
                yield phrase, wanted


def _candidate_phrases(resources: Path) -> Iterator[str]:
    with (resources / "person_names.txt").open(encoding="utf-8") as handle:
        for line in handle:
            aliases, _, _ = line.partition(" => ")
            yield from (alias.strip() for alias in aliases.split(", ") if alias.strip())
    symbols = json.loads((resources / "symbols.json").read_text(encoding="utf-8"))
    for group in ("person_symbols", "person_nick", "person_name_parts"):
        for forms in symbols.get(group, {}).values():
            yield from forms
    for ordinal in json.loads((resources / "ordinals.json").read_text(encoding="utf-8")):
        yield from ordinal["forms"]


def write_alias_file(resources: Path, path: Path = ALIAS_FILE) -> int:
    """Tag every phrase of rigour's person-name resources in `resources` and write what the tagger finds.

    Returns the number of phrases written."""
    from .tagging import tagged_phrases

    found: dict[str, set[str]] = {}
    batch: list[str] = []

    def flush() -> None:
        for phrase, symbol in tagged_phrases(batch):
            found.setdefault(phrase, set()).add(symbol)
        batch.clear()

    for phrase in _candidate_phrases(resources):
        batch.append(phrase)
        if len(batch) >= BATCH:
            flush()
    flush()
    # mtime=0: the same resources give the same bytes.
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as packed:
        packed.write(f"{HEADER}{rigour_version()}\n".encode())
        for phrase in sorted(found):
            packed.write(f"{phrase}\t{' '.join(sorted(found[phrase]))}\n".encode())
    return len(found)
