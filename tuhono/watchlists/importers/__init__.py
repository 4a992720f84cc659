"""Readers for the published watch-list formats.

Each reader takes a path and yields FollowTheMoney entity proxies one at a
time, so a file of a million entities is never held in memory whole. A
reader that meets something it cannot read raises `WatchlistFormatError`
with the line (or row, or XML element line) and the reason.
"""

from .base import WatchlistFormatError, detect_format, reader_for, source_files

__all__ = ["WatchlistFormatError", "detect_format", "reader_for", "source_files"]
