"""Reading a partnership file as people have it: CSV, TSV or JSON, in whatever encoding, mapped to fields."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import orjson

from tuhono.core.uploads import BOMS, UploadRefused, text_encoding

FIELDS = (
    "place_a",
    "country_a",
    "place_b",
    "country_b",
    "lat_a",
    "lng_a",
    "lat_b",
    "lng_b",
    "kind",
    "status",
    "signed",
    "ended",
    "focus",
    "source",
)
REQUIRED = ("place_a", "country_a", "place_b", "country_b")
FORMATS = ("csv", "tsv", "json")

# Column names seen in the wild for each field (folded: lower case, no spaces or punctuation).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "place_a": ("placea", "city1", "citya", "town1", "place1", "city", "from", "fromcity", "council", "sistercity1"),
    "country_a": ("countrya", "country1", "fromcountry", "countrycity1"),
    "place_b": ("placeb", "city2", "cityb", "town2", "place2", "partner", "partnercity", "to", "tocity", "sistercity2"),
    "country_b": ("countryb", "country2", "partnercountry", "tocountry", "countrycity2"),
    "lat_a": ("lata", "lat1", "latitude1", "latitudea", "city1lat", "lat1deg"),
    "lng_a": ("lnga", "lng1", "lon1", "long1", "longitude1", "longitudea", "lona", "city1lng", "city1lon"),
    "lat_b": ("latb", "lat2", "latitude2", "latitudeb", "city2lat"),
    "lng_b": ("lngb", "lng2", "lon2", "long2", "longitude2", "longitudeb", "lonb", "city2lng", "city2lon"),
    "kind": ("kind", "type", "relationship", "relationshiptype"),
    "status": ("status", "state"),
    "signed": ("signed", "signedon", "since", "year", "established", "date", "startdate", "started"),
    "ended": ("ended", "endedon", "until", "enddate"),
    "focus": ("focus", "focusareas", "focusarea", "themes", "sectors"),
    "source": ("source", "sources", "reference", "url"),
}


class ImportFileError(ValueError):
    """The file as a whole cannot be read (no rows, missing required columns, bad JSON)."""


@dataclass
class SourceRow:
    line: int  # line number in the file (header is line 1), or position in a JSON list
    values: dict[str, str]
    raw: str = ""


@dataclass
class ReadResult:
    columns: list[str]
    mapping: dict[str, str]
    encoding: str
    rows: list[SourceRow] = field(default_factory=list)
    blank_lines: int = 0


def _fold_column(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.strip().lstrip("\ufeff").lower())


def decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding it was read in: BOMs honoured, UTF-8 tried, then Windows-1252."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    if data[:200].count(b"\x00") > 20:  # UTF-16 without a BOM
        encoding = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        return data.decode(encoding, errors="replace"), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def guess_format(filename: str, text: str) -> str:
    lowered = filename.lower()
    if lowered.endswith((".json", ".jsonl", ".ndjson")):
        return "json"
    if lowered.endswith((".tsv", ".tab")):
        return "tsv"
    first = text.lstrip()[:1]
    if first and first in "[{":
        return "json"
    head = text.split("\n", 1)[0]
    return "tsv" if head.count("\t") > head.count(",") else "csv"


def resolve_mapping(columns: list[str], overrides: dict[str, str] | None = None) -> dict[str, str]:
    """Which column holds each field: explicit --map first, then the column's own name, then known synonyms.

    Raises ImportFileError naming what is missing.
    """
    overrides = overrides or {}
    unknown = set(overrides) - set(FIELDS)
    if unknown:
        raise ImportFileError(
            f"Unknown field(s) in the mapping: {', '.join(sorted(unknown))}. Fields: {', '.join(FIELDS)}."
        )
    by_fold = {_fold_column(column): column for column in columns}
    mapping: dict[str, str] = {}
    for name, column in overrides.items():
        if column not in columns and _fold_column(column) not in by_fold:
            raise ImportFileError(f"The mapping names a column '{column}' that the file does not have.")
        mapping[name] = column if column in columns else by_fold[_fold_column(column)]
    taken = set(mapping.values())
    for name in FIELDS:
        if name in mapping:
            continue
        for candidate in (_fold_column(name), *SYNONYMS.get(name, ())):
            found = by_fold.get(candidate)
            if found and found not in taken:
                mapping[name] = found
                taken.add(found)
                break
    for name in ("lat_a", "lng_a", "lat_b", "lng_b"):
        # 'city1_latitude', 'Longitude (2)': a coordinate word and the side's number.
        if name in mapping:
            continue
        words = ("lat",) if name.startswith("lat") else ("lng", "lon")
        side = "1" if name.endswith("a") else "2"
        for folded, column in by_fold.items():
            if column not in taken and any(w in folded for w in words) and side in folded:
                mapping[name] = column
                taken.add(column)
                break
    missing = [name for name in REQUIRED if name not in mapping]
    if missing:
        raise ImportFileError(
            f"The file has no column for {', '.join(missing)}. Its columns are: {', '.join(columns) or 'none'}. "
            f"Name them with --map FIELD=COLUMN."
        )
    return mapping


def _clean(value: object) -> str:
    if value is None:
        return ""
    text = str(value).replace("\ufeff", "").replace("\u00a0", " ")
    return " ".join(text.split())


def read_rows(
    data: bytes, *, filename: str = "", file_format: str | None = None, mapping: dict[str, str] | None = None
) -> ReadResult:
    """Every non-blank row of the file as fields (blank lines are counted, not returned)."""
    text, encoding = decode(data)
    return _read(io.StringIO(text, newline=""), text[:4096], encoding, filename, file_format, mapping)


def file_encoding(path: Path) -> str:
    """How a file on disk is encoded, found by streaming it: BOMs honoured, UTF-16 without one, UTF-8, cp1252."""
    with path.open("rb") as handle:
        head = handle.read(200)
    for bom, encoding in BOMS:
        if head.startswith(bom):
            return encoding
    if head.count(b"\x00") > 20:  # UTF-16 without a BOM
        return "utf-16-le" if head[1:2] == b"\x00" else "utf-16-be"
    try:
        return text_encoding(path)
    except UploadRefused as error:
        raise ImportFileError(str(error)) from error


def read_rows_file(
    path: Path, *, filename: str = "", file_format: str | None = None, mapping: dict[str, str] | None = None
) -> ReadResult:
    """As `read_rows`, streaming a file on disk: the file's text is never held whole (CSV, TSV, JSON Lines)."""
    encoding = file_encoding(path)
    with path.open("r", encoding=encoding, errors="replace", newline="") as handle:
        head = handle.read(4096)
        handle.seek(0)
        return _read(handle, head, encoding, filename or path.name, file_format, mapping)


def _read(
    stream: TextIO,
    head: str,
    encoding: str,
    filename: str,
    file_format: str | None,
    mapping: dict[str, str] | None,
) -> ReadResult:
    file_format = file_format or guess_format(filename, head)
    records: list[tuple[int, dict, str]]
    if file_format not in FORMATS:
        raise ImportFileError(f"'{file_format}' is not a format this importer reads: use csv, tsv or json.")
    if file_format == "json":
        records, columns = _json_records(stream)
    else:
        records, columns = _delimited_records(stream, head, "\t" if file_format == "tsv" else ",")
    resolved = resolve_mapping(columns, mapping)
    result = ReadResult(columns=columns, mapping=resolved, encoding=encoding)
    for line, record, raw in records:
        values = {name: _clean(record.get(column)) for name, column in resolved.items()}
        if not any(values.values()):
            result.blank_lines += 1
            continue
        result.rows.append(SourceRow(line=line, values=values, raw=raw))
    return result


def _delimited_records(stream: TextIO, sample: str, delimiter: str) -> tuple[list[tuple[int, dict, str]], list[str]]:
    if delimiter == ",":
        try:
            delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
        except csv.Error:
            delimiter = ","
    reader = csv.reader(stream, delimiter=delimiter)
    header: list[str] = []
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                header = [_clean(cell) or f"column{n + 1}" for n, cell in enumerate(row)]
                break
    except csv.Error as error:
        raise ImportFileError(f"Line {reader.line_num}: {error}") from error
    if not header:
        raise ImportFileError("The file is empty: it has no header row.")

    line_buffer = io.StringIO()
    line_writer = csv.writer(line_buffer, delimiter=delimiter, lineterminator="")

    def as_read(row: list[str]) -> str:
        line_buffer.seek(0)
        line_buffer.truncate()
        line_writer.writerow(row)
        return line_buffer.getvalue()

    def records() -> Iterable[tuple[int, dict, str]]:
        for row in reader:
            padded = row + [""] * (len(header) - len(row))
            record = dict(zip(header, padded, strict=False))
            if len(row) > len(header) and any(cell.strip() for cell in row[len(header) :]):
                record["__extra__"] = delimiter.join(row[len(header) :])
            yield reader.line_num, record, as_read(row)

    try:
        return list(records()), header
    except csv.Error as error:
        raise ImportFileError(f"Line {reader.line_num}: {error}") from error


def _json_error(error: orjson.JSONDecodeError, *, line: int | None = None) -> ImportFileError:
    reason = error.msg.split(":", 1)[0]
    return ImportFileError(f"The file is not valid JSON: line {line or error.lineno}, column {error.colno}: {reason}.")


def _json_document(stream: TextIO) -> Any:
    """A JSON document, or the objects of a JSON Lines file read line by line. orjson refuses nesting deeper
    than 1024 levels with the line, never a RecursionError."""
    first = ""
    for first in stream:
        if first.strip():
            break
    stream.seek(0)
    if first.strip().startswith("{"):
        try:
            single = orjson.loads(first)
        except orjson.JSONDecodeError:
            single = None
        if isinstance(single, dict):  # JSON Lines: one object a line (a one-line document reads the same)
            document = []
            for number, line in enumerate(stream, start=1):
                if not line.strip():
                    continue
                try:
                    document.append(orjson.loads(line.strip()))
                except orjson.JSONDecodeError as error:
                    raise _json_error(error, line=number) from error
            return document[0] if len(document) == 1 else document
    text = stream.read()
    try:
        return orjson.loads(text.strip())
    except orjson.JSONDecodeError as error:
        raise _json_error(error) from error


def _json_records(stream: TextIO) -> tuple[list[tuple[int, dict, str]], list[str]]:
    document = _json_document(stream)
    if isinstance(document, dict):
        lists = [value for value in document.values() if isinstance(value, list)]
        document = lists[0] if lists else [document]
    if not isinstance(document, list):
        raise ImportFileError("The JSON file must hold a list of objects.")
    columns: list[str] = []
    records = []
    for position, item in enumerate(document, start=1):
        if isinstance(item, list):  # rows as arrays: the first is the header
            if not columns:
                columns = [str(cell) for cell in item]
                continue
            item = dict(zip(columns, item, strict=False))
        if not isinstance(item, dict):
            item = {}
        for key in item:
            if key not in columns:
                columns.append(str(key))
        try:
            raw = orjson.dumps(item).decode("utf-8")[:500]
        except (orjson.JSONEncodeError, RecursionError):
            raw = ""
        records.append((position, {str(k): v for k, v in item.items()}, raw))
    return records, columns
