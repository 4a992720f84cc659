from __future__ import annotations

import csv
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from followthemoney import EntityProxy, model
from followthemoney.exc import InvalidData

from tuhono.core.uploads import UploadRefused, text_encoding

from ..enums import ListFormat

Reader = Callable[[Path], Iterator[EntityProxy]]


class WatchlistFormatError(ValueError):
    """A file that cannot be read as the format it claims to be."""

    def __init__(self, reason: str, *, line: int | None = None, file_name: str = "") -> None:
        self.reason = reason
        self.line = line
        self.file_name = file_name
        where = file_name or "file"
        if line is not None:
            where = f"{where}, line {line}"
        super().__init__(f"{where}: {reason}")


def make_entity(schema: str, entity_id: str, *, line: int | None = None) -> EntityProxy:
    try:
        proxy = model.make_entity(schema)
    except InvalidData as exc:
        raise WatchlistFormatError(f"unknown schema {schema!r}", line=line) from exc
    proxy.id = entity_id
    return proxy


def add_values(proxy: EntityProxy, prop: str, values: list[str] | str | None) -> None:
    """Add values, ignoring blanks, values FollowTheMoney cannot clean (a bad date) and
    properties the schema does not have (a vessel has no birth date)."""
    if values is None or proxy.schema.get(prop) is None:
        return
    if isinstance(values, str):
        values = [values]
    for value in values:
        value = (value or "").strip()
        if value:
            proxy.add(prop, value, quiet=True)


def split_multi(value: str | None, sep: str = ";") -> list[str]:
    return [part.strip() for part in (value or "").split(sep) if part.strip()]


def open_text(path: Path):  # type: ignore[no-untyped-def]
    """The file as text: UTF-8 (with or without a byte-order mark), UTF-16 with its mark, or Windows-1252/Latin-1.

    A file in none of these is refused with the reason, before a line is parsed."""
    try:
        encoding = text_encoding(path)
    except UploadRefused as exc:
        raise WatchlistFormatError(str(exc)) from exc
    return path.open("r", encoding=encoding, newline="")


def source_files(path: Path, file_format: str) -> list[Path]:
    """Every file that makes up one published list (OFAC's SDN comes as three)."""
    if file_format == ListFormat.OFAC_CSV:
        files = [path]
        for extra in ("alt.csv", "add.csv"):
            candidate = path.with_name(extra)
            if candidate.exists():
                files.append(candidate)
        return files
    return [path]


def detect_format(path: Path) -> str:
    """Guess a file's format from its name and first bytes."""
    name = path.name.lower()
    if name.endswith(".xlsx") and zipfile.is_zipfile(path):
        return ListFormat.MFAT_XLSX
    with path.open("rb") as handle:
        raw = handle.read(4096)
    encoding = "utf-8-sig"
    for bom, name in (
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if raw.startswith(bom):
            encoding = name
            break
    head = raw.decode(encoding, errors="replace").lstrip()
    if head.startswith("<"):
        if "CONSOLIDATED_LIST" in head or "INDIVIDUALS" in head:
            return ListFormat.UN_XML
        raise WatchlistFormatError("an XML file that is not the UN consolidated list", file_name=path.name)
    if head.startswith("{"):
        return ListFormat.FTM
    first_line = head.splitlines()[0] if head else ""
    try:
        header = next(csv.reader([first_line]))
    except (csv.Error, StopIteration):
        header = []
    columns = {column.strip().lower() for column in header}
    if {"id", "schema", "name", "aliases"} <= columns and ({"dataset", "first_seen"} & columns):
        return ListFormat.SIMPLE_CSV
    if "full_name" in columns or "name" in columns:
        return ListFormat.CSV
    if name == "sdn.csv" or (header and header[0].strip().isdigit()):
        return ListFormat.OFAC_CSV
    raise WatchlistFormatError("cannot tell the format; give --format", file_name=path.name)


def reader_for(file_format: str) -> Reader:
    from . import ftm, mfat, ofac, plain_csv, simple_csv, un_xml

    readers: dict[str, Reader] = {
        ListFormat.FTM: ftm.read,
        ListFormat.SIMPLE_CSV: simple_csv.read,
        ListFormat.UN_XML: un_xml.read,
        ListFormat.OFAC_CSV: ofac.read,
        ListFormat.MFAT_XLSX: mfat.read,
        ListFormat.CSV: plain_csv.read,
    }
    try:
        return readers[file_format]
    except KeyError:
        raise WatchlistFormatError(f"unknown format {file_format!r}") from None
