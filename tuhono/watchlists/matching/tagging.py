"""Person-name symbols read from the screening index instead of rigour's person-name tagger.

logic-v2 (nomenklatura) bridges names that differ letter by letter through the
symbols rigour's tagger puts on their parts: 'mikhail' and 'михаил' both carry
NAME:Q4927524, 'ted' carries NICK:TED. The person-name tagger is built from
rigour's embedded corpus of some 680,000 aliases on first use: about 6 s and
400 MB in every process, more than a fresh process may spend before its first
screening (issue 17).

So the index build writes what that tagger knows, phrase -> symbols, into
the index folder (`symbols/`, mapped like the rest of the index): every phrase
of rigour's person-name corpus, each with the symbols the tagger itself gives
it (alias_corpus.py). The tagger finds a phrase's symbols wherever the phrase
stands in a name, so a screening process analyses person names without the
tagger and applies the symbols by looking up each run of name parts, for the
query and the listed names alike: the same symbols, from shared pages.

Initials (query side) and numbers, which rigour derives from the parts
themselves rather than from its corpus, are applied here the same way.
"""

from __future__ import annotations

import tempfile
import threading
from array import array
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from nomenklatura.matching.logic_v2.names.analysis import names_product
from nomenklatura.matching.logic_v2.names.match import match_name_symbolic
from nomenklatura.matching.logic_v2.names.util import explain_alignment, part_tags_compatible
from nomenklatura.matching.types import FtResult, ScoringConfig
from nomenklatura.matching.util import FNUL
from rigour.names import Alignment, CompareConfig, Name, NameTypeTag, Symbol, analyze_names
from rigour.names.symbol import SymbolCategory

from .alias_corpus import ALIAS_FILE, aliases_for
from .keytable import KeyTable, save_bytes, write_key_table

FOLDER = "symbols"
NUMERIC = SymbolCategory.NUMERIC
_CATEGORIES = {
    category.value: category
    for category in (
        SymbolCategory.ORG_CLASS,
        SymbolCategory.SYMBOL,
        SymbolCategory.DOMAIN,
        SymbolCategory.INITIAL,
        SymbolCategory.NAME,
        SymbolCategory.NICK,
        SymbolCategory.NUMERIC,
        SymbolCategory.LOCATION,
        SymbolCategory.PHONETIC,
    )
}


def tagged_phrases(names: list[str]) -> Iterable[tuple[str, str]]:
    """(phrase, 'CATEGORY:id') for each symbol rigour's person-name tagger puts on `names`."""
    for name in analyze_names(NameTypeTag.PER, names, numerics=False, phonetics=False, consolidate=False):
        for span in name.spans:
            yield " ".join(part.form for part in span.parts), f"{span.symbol.category.value}:{span.symbol.id}"


def write_symbol_table(folder: Path) -> dict[str, int]:
    """Write the symbol table screening reads, every phrase of rigour's person-name corpus with its
    symbols (alias_corpus.py), into `folder` (at every index build).

    The table depends on the corpus file alone, so a process builds it once per corpus file and
    writes the same bytes at each later build (about 6 s of a build otherwise, whatever the list's size).
    """
    files, info = _built_symbol_table(*_corpus_identity())
    folder.mkdir()
    for name, body in files.items():
        save_bytes(folder / name, body)
    return dict(info)


def _corpus_identity() -> tuple[str, int, int]:
    stat = ALIAS_FILE.stat() if ALIAS_FILE.exists() else None
    return str(ALIAS_FILE), stat.st_size if stat else -1, stat.st_mtime_ns if stat else -1


@lru_cache(maxsize=1)
def _built_symbol_table(path: str, size: int, mtime_ns: int) -> tuple[dict[str, bytes], tuple[tuple[str, int], ...]]:
    """The symbol table's files (name -> bytes, some 30 MB) and counts for the corpus file at `path`
    as it is now (its size and modification time are part of the cache key)."""
    phrases: list[str] = []
    symbol_ids: dict[str, int] = {}
    pair_phrases = array("i")
    pair_symbols = array("i")
    for phrase, symbols in aliases_for(path=Path(path)):  # one line per phrase
        for symbol in symbols:
            pair_phrases.append(len(phrases))
            pair_symbols.append(symbol_ids.setdefault(symbol, len(symbol_ids)))
        phrases.append(phrase)
    with tempfile.TemporaryDirectory() as scratch:
        write_key_table(Path(scratch), phrases, pair_phrases, pair_symbols, values=list(symbol_ids))
        files = {path.name: path.read_bytes() for path in sorted(Path(scratch).iterdir())}
    longest = max((phrase.count(" ") + 1 for phrase in phrases), default=1)
    return files, (("phrases", len(phrases)), ("symbols", len(symbol_ids)), ("longest_phrase", longest))


class SymbolTable:
    """The mapped phrase -> symbols table of one index."""

    def __init__(self, folder: Path, longest: int) -> None:
        self.table = KeyTable(folder)
        self.longest = longest
        self._symbols: dict[int, Symbol] = {}
        # Every phrase of every name screened is looked up, found or not: the recent ones, per
        # process (bounded: the same given and family names come back screening after screening).
        self._phrase_symbols = lru_cache(maxsize=16384)(self._lookup)

    def symbols(self, phrase: str) -> tuple[Symbol, ...]:
        return self._phrase_symbols(phrase)

    def _lookup(self, phrase: str) -> tuple[Symbol, ...]:
        ids = self.table.get(phrase)
        if ids is None:
            return ()
        found = []
        for symbol_id in ids.tolist():
            symbol = self._symbols.get(symbol_id)
            if symbol is None:
                category, _, ident = self.table.value(symbol_id).partition(":")
                symbol = self._symbols[symbol_id] = Symbol(_CATEGORIES[category], ident)
            found.append(symbol)
        return tuple(found)

    def analyze(self, names: tuple[str, ...], is_query: bool) -> set[Name]:
        """`names` as rigour analyses a person's names, with the symbols looked up in this table."""
        analyzed = analyze_names(NameTypeTag.PER, list(names), symbols=False, consolidate=False)
        for name in analyzed:
            parts = name.parts
            forms = [part.form for part in parts]
            phrases = {
                " ".join(forms[start:end])
                for start in range(len(parts))
                for end in range(start + 1, min(len(parts), start + self.longest) + 1)
            }
            for phrase in phrases:
                for symbol in self.symbols(phrase):
                    name.apply_phrase(phrase, symbol)  # at every place the phrase occurs, as the tagger does
            numbered = {part.index for span in name.spans if span.symbol.category == NUMERIC for part in span.parts}
            for part in parts:
                if is_query and part.latinize and len(part.form) == 1:
                    # A single letter in a query stands for a given name ("J Smith").
                    name.apply_part(part, Symbol(SymbolCategory.INITIAL, part.comparable[0]))
                if part.integer is not None and part.index not in numbered:
                    name.apply_part(part, Symbol(NUMERIC, part.integer))
        return analyzed


_active: SymbolTable | None = None
_lock = threading.Lock()


def use_table(table: SymbolTable | None) -> None:
    """Screen person names with `table` (the mapped index's), or with rigour's own tagger (None)."""
    global _active
    with _lock:
        _active = table
        _analysis.cache_clear()


def active_table() -> SymbolTable | None:
    return _active


# Each entry holds rigour Name objects, about 11 KB (measured at 1M): 1,024 bound a worker's own copy
# at ~12 MB (4,096 would be ~47 MB in every worker) and still hold the namesakes of recent screenings.
@lru_cache(maxsize=1024)
def _analysis(table: SymbolTable, names: tuple[str, ...], is_query: bool) -> tuple[set[Name], set[Name]]:
    """The names analysed, and the same with the names contained in a longer one dropped."""
    analyzed = table.analyze(names, is_query)
    return analyzed, Name.consolidate_names(analyzed)


def person_name_match(
    table: SymbolTable, query_names: tuple[str, ...], result_names: tuple[str, ...], config: ScoringConfig
) -> FtResult:
    """logic-v2's `name_match` for two people, with the names analysed through `table`.

    The same steps as nomenklatura's `name_match` for a PER pair: a literal
    match first, then every worthwhile pair of the consolidated names compared
    by symbols and by the parts left over.
    """
    queries, queries_consolidated = _analysis(table, query_names, True)
    results, results_consolidated = _analysis(table, result_names, False)
    by_comparable: dict[str, list[Name]] = {}
    for name in results:
        by_comparable.setdefault(name.comparable, []).append(name)
    for q_name in sorted(queries, key=lambda n: len(n.comparable), reverse=True):
        for r_name in by_comparable.get(q_name.comparable, []):
            if part_tags_compatible(q_name, r_name):
                align = Alignment(qps=q_name.parts, rps=r_name.parts, score=1.0)
                return FtResult(
                    score=1.0, detail=explain_alignment(align), query=q_name.original, candidate=r_name.original
                )
    compare_config = CompareConfig(budget_tolerance=config.get_float("nm_fuzzy_cutoff_factor"))
    weights = (
        config.get_float("nm_extra_query_name"),
        config.get_float("nm_extra_result_name"),
        config.get_float("nm_family_name_weight"),
    )
    best = FtResult(score=FNUL, detail=None)
    best_matches: list[Alignment] = []
    for query_name, result_name in names_product(queries_consolidated, results_consolidated):
        outcome, matches = match_name_symbolic(query_name, result_name, compare_config, *weights)
        if outcome.score >= best.score:
            best, best_matches = outcome, matches
            if best.score == 1.0:
                break
    if best_matches and best.detail is None:
        best.detail = " ".join(explain_alignment(m) for m in best_matches)
    if best.detail is None:
        best.detail = "No name match found."
    return best
