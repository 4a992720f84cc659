"""The demonstration register's data files (`register/*.csv`): the seeds' facts, one row each, with the seed
text each row follows in its `seed` column (files under `seeds/`, or the bundled list of twin towns).

Read here into plain values; `loader.py` writes them through the register's services.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from tuhono.core.dates import DatePrecision, parse_partial_date

REGISTER_DIR = Path(__file__).resolve().parent / "register"


def demo_rows(name: str) -> Iterator[dict[str, str]]:
    """The rows of one data file (`councils`, `partnerships`, `milestones`, `alliances`, `alliance_members`),
    every value stripped; an empty cell is an empty string."""
    with (REGISTER_DIR / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            yield {column: (value or "").strip() for column, value in row.items()}


def listed(cell: str) -> list[str]:
    """A cell holding a list: 'Trade; Investment' -> ['Trade', 'Investment']."""
    return [part.strip() for part in cell.split(";") if part.strip()]


def partial_date(cell: str) -> tuple[dt.date | None, str]:
    """'1988', '2017-07' or '2010-11-01' as a date and its precision; an empty cell is no date."""
    return parse_partial_date(cell) if cell else (None, DatePrecision.YEAR)


def integer(cell: str) -> int | None:
    return int(cell) if cell else None


def decimal(cell: str) -> float | None:
    return float(cell) if cell else None
