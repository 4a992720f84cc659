"""Cells for CSV and xlsx files that a spreadsheet will open: text never runs as a formula.

OWASP's rule for CSV injection: a text cell that starts with = + - @, a tab or a carriage return
gets a leading apostrophe, so a spreadsheet shows it as text, and text cells are quoted. Numbers
stay numbers: a value given as a number, or text that is only a number ("-36.85"), is written as is.
Every CSV or xlsx file the project writes goes through `csv_writer` / `csv_dict_writer` or
`xlsx_append`.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import IO, Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def safe_cell(value: Any) -> Any:
    """The value to write in a cell: text that a spreadsheet would run as a formula is made inert."""
    if value is None or isinstance(value, bool | int | float | Decimal):
        return value
    text = str(value)
    if text.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def safe_row(values: Iterable[Any]) -> list[Any]:
    return [safe_cell(value) for value in values]


class _SafeWriter:
    def __init__(self, writer: Any) -> None:
        self._writer = writer

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow(safe_row(row))

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


class _SafeDictWriter:
    def __init__(self, writer: csv.DictWriter) -> None:  # type: ignore[type-arg]
        self._writer = writer

    def writeheader(self) -> Any:
        return self._writer.writerow({name: safe_cell(name) for name in self._writer.fieldnames})

    def writerow(self, row: Mapping[str, Any]) -> Any:
        return self._writer.writerow({key: safe_cell(value) for key, value in row.items()})


def csv_writer(target: IO[str], **options: Any) -> _SafeWriter:
    """csv.writer that quotes every text cell and neutralises formulas; numbers are left unquoted."""
    return _SafeWriter(csv.writer(target, quoting=csv.QUOTE_NONNUMERIC, **options))


def csv_dict_writer(target: IO[str], fieldnames: list[str], **options: Any) -> _SafeDictWriter:
    return _SafeDictWriter(csv.DictWriter(target, fieldnames=fieldnames, quoting=csv.QUOTE_NONNUMERIC, **options))


def xlsx_append(worksheet: Any, values: Iterable[Any]) -> None:
    """Add a row to an openpyxl worksheet, with every text cell stored as text, never as a formula."""
    worksheet.append(safe_row(values))
    for cell in worksheet[worksheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"
