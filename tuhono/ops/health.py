"""What /healthz reports: the database and the watch-list versions screening uses now."""

from __future__ import annotations

import time
from typing import Any

from django.db import DatabaseError, connection


def database_status() -> dict[str, Any]:
    started = time.perf_counter()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        return {"ok": False, "vendor": connection.vendor, "error": exc.__class__.__name__}
    return {"ok": True, "vendor": connection.vendor, "latency_ms": round((time.perf_counter() - started) * 1000, 2)}


def watchlist_versions() -> list[dict[str, Any]] | None:
    """The list versions in force, or None when the watch-list app is not installed."""
    try:
        from tuhono.watchlists.selectors import versions_in_force
    except ImportError:
        return None
    return [
        {
            "source": version.source.name,
            "version": version.pk,
            "file_name": version.file_name,
            "sha256": version.sha256,
            "imported_at": version.imported_at.isoformat(),
            "entities": version.entity_count,
        }
        for version in versions_in_force()
    ]


def health_report() -> tuple[bool, dict[str, Any]]:
    database = database_status()
    report: dict[str, Any] = {"status": "ok" if database["ok"] else "unavailable", "database": database}
    if database["ok"]:
        try:
            report["watchlists"] = watchlist_versions()
        except DatabaseError as exc:
            report["status"] = "unavailable"
            report["watchlists_error"] = exc.__class__.__name__
    return report["status"] == "ok", report
