"""Whole-database backup and restore.

SQLite: the online backup API (a consistent copy while the site serves).
PostgreSQL: pg_dump's custom format, restored by pg_restore in one transaction, so a failed
restore leaves the database as it was.
"""

from __future__ import annotations

import os
import shutil
import sqlite3

# pg_dump/pg_restore run with an argument list, never through a shell.
import subprocess  # nosec B404
from pathlib import Path
from typing import Any

from django.db import connections


class BackupError(Exception):
    pass


def _pg_command(program: str, settings: dict[str, Any]) -> tuple[list[str], dict[str, str]]:
    binary = shutil.which(program)
    if binary is None:
        raise BackupError(f"{program} is not installed (Debian: apt-get install postgresql-client)")
    args = [binary]
    if settings.get("HOST"):
        args += ["--host", str(settings["HOST"])]
    if settings.get("PORT"):
        args += ["--port", str(settings["PORT"])]
    if settings.get("USER"):
        args += ["--username", str(settings["USER"])]
    env = dict(os.environ)
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings["PASSWORD"])
    return args, env


def _run(args: list[str], env: dict[str, str]) -> None:
    completed = subprocess.run(args, env=env, capture_output=True, text=True, check=False)  # noqa: S603  # nosec B603
    if completed.returncode != 0:
        raise BackupError(f"{Path(args[0]).name} failed: {completed.stderr.strip()[:2000]}")


def database_backup(*, path: Path, alias: str = "default") -> Path:
    """Write a consistent copy of the database to `path`."""
    connection = connections[alias]
    path.parent.mkdir(parents=True, exist_ok=True)
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        temporary = path.with_name(path.name + ".part")
        target = sqlite3.connect(temporary)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
        temporary.replace(path)
    elif connection.vendor == "postgresql":
        settings = connection.settings_dict
        args, env = _pg_command("pg_dump", settings)
        _run([*args, "--format=custom", "--no-owner", "--no-privileges", "--file", str(path), settings["NAME"]], env)
    else:
        raise BackupError(f"No backup method for {connection.vendor}")
    return path


def database_restore(*, path: Path, alias: str = "default") -> None:
    """Replace the database's contents with the backup at `path`."""
    if not path.exists():
        raise BackupError(f"{path} does not exist")
    connection = connections[alias]
    if connection.vendor == "sqlite":
        with open(path, "rb") as handle:
            if handle.read(16) != b"SQLite format 3\x00":
                raise BackupError(f"{path} is not an SQLite backup")
        connection.ensure_connection()
        source = sqlite3.connect(path)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
    elif connection.vendor == "postgresql":
        settings = connection.settings_dict
        connection.close()  # our own idle connection must not hold locks on tables being replaced
        args, env = _pg_command("pg_restore", settings)
        _run(
            [
                *args,
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--dbname",
                settings["NAME"],
                str(path),
            ],
            env,
        )
    else:
        raise BackupError(f"No restore method for {connection.vendor}")
