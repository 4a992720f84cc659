"""The national demonstration register: New Zealand's pairs from Wikipedia's lists, through the importer."""

from __future__ import annotations

from pathlib import Path

from .services import partnerships_import

WIKIPEDIA_FILE = Path(__file__).resolve().parent / "data" / "nz-partnerships-wikipedia.csv"
WIKIPEDIA_SOURCE = "Wikipedia, Lists of twin towns and sister cities (CC BY-SA 4.0), via Hekman/twincities (MIT)"


def national_demo_load() -> str:
    """Import the bundled list (idempotent: a second run merges every row and writes nothing)."""
    result = partnerships_import(
        actor=None, data=WIKIPEDIA_FILE.read_bytes(), filename=WIKIPEDIA_FILE.name, source=WIKIPEDIA_SOURCE
    )
    return result.summary_line()
