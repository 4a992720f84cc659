"""The demonstration data, loaded through the services once per test session and put back for each test.

`load_demo` goes through every service (screening, the audit trail, the search table): two seconds on SQLite and
six on PostgreSQL, asked for by some 260 tests. The first test that asks loads it and records what it changed,
table by table, and the screening index it built; each later test gets the same rows written back in one
statement per table, and the index folder linked into its own. A test whose database does not start where the
first one's did (rows made by its own fixtures first, a flushed database), or whose settings differ, loads
the demo through the services as before.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.management.color import no_style
from django.db import connection, transaction

# Settings that only say where a test keeps its files, or how long pages are cached: the demo is the same.
_PER_TEST_SETTINGS = {"TUHONO_SCREENING_INDEX_DIR", "TUHONO_UPLOAD_DIR", "TUHONO_PUBLIC_CACHE_SECONDS"}
# Larger index files are linked, not copied: an index folder is written once and never changed in place.
_LINK_FROM_BYTES = 1 << 20


@dataclass
class _Table:
    """What the demo changed in one table, as the statements that put it back."""

    name: str
    base_count: int
    delete_sql: str = ""
    removed: list[Any] = field(default_factory=list)
    insert_sql: str = ""
    inserted: list[tuple[Any, ...]] = field(default_factory=list)


@dataclass
class _Snapshot:
    tables: list[_Table]
    sequence_resets: list[str]
    index_copy: Path


_snapshots: dict[tuple[Any, ...], _Snapshot | None] = {}


def _settings_key() -> tuple[Any, ...]:
    tuhono = sorted(
        (name, repr(getattr(settings, name)))
        for name in dir(settings)
        if name.startswith("TUHONO_") and name not in _PER_TEST_SETTINGS
    )
    return (connection.vendor, connection.settings_dict["NAME"], dt.date.today(), tuple(tuhono))


def _quote(name: str) -> str:
    return connection.ops.quote_name(name)


def _table_layout() -> list[tuple[str, list[str], str]]:
    """(table, the columns a row is written back with, the key column) for every table of the database."""
    layout = []
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
            tables = cursor.fetchall()
            virtual = [name for name, sql in tables if (sql or "").upper().startswith("CREATE VIRTUAL TABLE")]
            for name, _sql in tables:
                if name.startswith("sqlite_") or any(name.startswith(f"{v}_") for v in virtual):
                    continue  # SQLite's own bookkeeping and a full-text table's storage, kept by SQLite itself
                cursor.execute(f"PRAGMA table_xinfo({_quote(name)})")
                columns = [row[1] for row in cursor.fetchall() if row[6] == 0]  # not generated, not hidden
                if name in virtual:
                    columns = ["rowid", *columns]  # a full-text row's id is the partnership's
                layout.append((name, columns, "rowid"))
        else:
            for name in connection.introspection.table_names(cursor):
                cursor.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                    "AND table_name = %s AND is_generated = 'NEVER' ORDER BY ordinal_position",
                    [name],
                )
                columns = [row[0] for row in cursor.fetchall()]
                key = connection.introspection.get_primary_key_column(cursor, name)
                if key:
                    layout.append((name, columns, key))
    return layout


def _read(table: str, columns: list[str], key: str) -> list[tuple[Any, ...]]:
    """Every row as (key, *columns)."""
    with connection.cursor() as cursor:
        listed = ", ".join(c if c == "rowid" else _quote(c) for c in columns)
        cursor.execute(f"SELECT {key if key == 'rowid' else _quote(key)}, {listed} FROM {_quote(table)}")  # noqa: S608
        return [tuple(row) for row in cursor.fetchall()]


def _index_root() -> Path:
    from tuhono.watchlists.services.index_build import index_root

    return index_root()


def _copy_index(source: Path, target: Path) -> None:
    def link_or_copy(src: str, dst: str) -> None:
        if os.path.getsize(src) >= _LINK_FROM_BYTES:
            os.link(src, dst)
        else:
            shutil.copy2(src, dst)

    if source.exists():
        shutil.copytree(source, target, copy_function=link_or_copy, dirs_exist_ok=True)


def _changes(
    name: str,
    columns: list[str],
    key: str,
    before: list[tuple[Any, ...]],
    after: list[tuple[Any, ...]],
    json_columns: dict[tuple[str, str], str],
) -> _Table:
    old = {repr(row): row for row in before}
    new = {repr(row): row for row in after}
    table = _Table(name, base_count=len(before))
    table.removed = [row[0] for text, row in old.items() if text not in new]
    if table.removed:
        marks = ", ".join(["%s"] * len(table.removed))
        where = key if key == "rowid" else _quote(key)
        table.delete_sql = f"DELETE FROM {_quote(name)} WHERE {where} IN ({marks})"  # noqa: S608
    casts = [json_columns.get((name, column)) for column in columns]
    table.inserted = [
        tuple(
            json.dumps(value) if cast and value is not None and not isinstance(value, str) else value
            for value, cast in zip(row[1:], casts, strict=True)
        )
        for text, row in new.items()
        if text not in old
    ]
    listed = ", ".join(c if c == "rowid" else _quote(c) for c in columns)
    marks = ", ".join(f"%s::{cast}" if cast else "%s" for cast in casts)
    table.insert_sql = f"INSERT INTO {_quote(name)} ({listed}) VALUES ({marks})"  # noqa: S608
    return table


def _sequence_resets(tables: list[_Table]) -> list[str]:
    """PostgreSQL: rows come back with their ids, so the id sequences of those tables carry on after them."""
    if connection.vendor != "postgresql":
        return []
    written = {table.name for table in tables if table.inserted}
    models = [m for m in apps.get_models(include_auto_created=True) if m._meta.db_table in written]
    return list(connection.ops.sequence_reset_sql(no_style(), models))


def _capture(load: Callable[[], None], keep_in: Path) -> _Snapshot:
    layout = _table_layout()
    before = {name: _read(name, columns, key) for name, columns, key in layout}
    load()
    json_columns = _json_columns()
    tables = []
    for name, columns, key in layout:
        after = _read(name, columns, key)
        if after != before[name]:
            tables.append(_changes(name, columns, key, before[name], after, json_columns))
    index_copy = keep_in / "screening-index"
    _copy_index(_index_root(), index_copy)
    return _Snapshot(tables, _sequence_resets(tables), index_copy)


def _starts_where_the_snapshot_did(snapshot: _Snapshot) -> bool:
    with connection.cursor() as cursor:
        for table in snapshot.tables:
            cursor.execute(f"SELECT COUNT(*) FROM {_quote(table.name)}")  # noqa: S608
            if cursor.fetchone()[0] != table.base_count:
                return False
    return True


def _json_columns() -> dict[tuple[str, str], str]:
    """(table, column) -> json or jsonb. Django has PostgreSQL's driver read JSON as text; it is written back
    as text cast to the column's type (a JSON string of it would be a different value)."""
    if connection.vendor != "postgresql":
        return {}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name, column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND data_type IN ('json', 'jsonb')"
        )
        return {(table, column): data_type for table, column, data_type in cursor.fetchall()}


def _restore(snapshot: _Snapshot) -> None:
    with transaction.atomic(), connection.cursor() as cursor:
        for table in snapshot.tables:
            if table.removed:
                cursor.execute(table.delete_sql, table.removed)
            if table.inserted:
                cursor.executemany(table.insert_sql, table.inserted)
        for statement in snapshot.sequence_resets:
            cursor.execute(statement)
    _copy_index(snapshot.index_copy, _index_root())


def demo_load_for_test(load: Callable[[], None], keep_in: Callable[[], Path]) -> None:
    """Load the demonstration data into this test's database: `load` the first time (and whenever the
    recorded rows cannot be put back as they were), the recorded rows after that."""
    key = _settings_key()
    snapshot = _snapshots.get(key)
    if snapshot is not None and _starts_where_the_snapshot_did(snapshot):
        _restore(snapshot)
        return
    if key in _snapshots or not connection.in_atomic_block:
        load()  # a flushed database (live-server tests) or another starting point: through the services
        return
    _snapshots[key] = None
    _snapshots[key] = _capture(load, keep_in())
