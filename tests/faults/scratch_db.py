"""A scratch database of the same kind the tests run on, migrated by a real `manage.py` process."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[2]


def on_postgresql() -> bool:
    return os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


def manage(*args: str, url: str, check: bool = True, **popen: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": url}
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if check and result.returncode != 0:
        raise AssertionError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


def spawn(*args: str, url: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "DATABASE_URL": url}
    return subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _admin_url(url: str) -> str:
    return url.rsplit("/", 1)[0] + "/postgres"


@contextmanager
def scratch_database(tmp_path: Path) -> Iterator[str]:
    """Yields a DATABASE_URL for a new, migrated database; drops it afterwards."""
    if on_postgresql():
        base = os.environ["DATABASE_URL"]
        name = f"{os.environ.get('TEST_DB_NAME', 'test')}_scratch_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(_admin_url(base), autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        url = base.rsplit("/", 1)[0] + "/" + name
    else:
        url = f"sqlite:///{tmp_path / 'scratch.sqlite3'}"
    try:
        manage("migrate", "--noinput", "-v0", url=url)
        yield url
    finally:
        if on_postgresql():
            with psycopg.connect(_admin_url(os.environ["DATABASE_URL"]), autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def write_transaction_open(url: str) -> bool:
    """Whether some process holds an open write transaction on this database right now."""
    if url.startswith("sqlite"):
        path = url.removeprefix("sqlite:///")
        return Path(path + "-journal").exists() or Path(path + "-wal").exists()
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(_admin_url(url), autocommit=True) as admin:
        row = admin.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND backend_xid IS NOT NULL", [name]
        ).fetchone()
    return bool(row and row[0])


def snapshot(url: str) -> str:
    """Everything in the database, as JSON, in primary-key order."""
    return manage("dumpdata", "--indent", "0", "--exclude", "sessions", url=url).stdout
