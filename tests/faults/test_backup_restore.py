"""`manage.py backup` then `restore`: every export reads back byte for byte."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import get_resolver

from tuhono.partnerships.models import Partnership

pytestmark = pytest.mark.slow


def _exports() -> list[str]:
    """Every public, parameter-free data address: the API and the open-data exports."""
    from tests.security.urlmap import iter_patterns

    found = []
    for view_name, pattern, entry in iter_patterns(get_resolver()):
        if entry.pattern.regex.groups or "<" in pattern:
            continue
        path = "/" + pattern
        if path.startswith(("/api/", "/data/")) or view_name in ("public:partnership_list", "national:data"):
            found.append(path)
    return sorted(found)


def _read_all(client: Client, paths: list[str]) -> dict[str, bytes]:
    answers = {}
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        body = b"".join(response.streaming_content) if response.streaming else response.content
        # iCalendar's DTSTAMP is, by RFC 5545, the moment the file was generated: not data.
        answers[path] = re.sub(rb"\r\nDTSTAMP:[0-9TZ]+", b"", body)
    return answers


def test_backup_and_restore_round_trip_every_export_byte_identical(
    transactional_db: None, tmp_path: Path, settings: Any
) -> None:
    settings.TUHONO_PUBLIC_CACHE_SECONDS = 0  # rows are deleted behind the services' back: read the database
    call_command("load_demo", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    client = Client()
    paths = _exports()
    assert "/api/partnerships" in paths and len(paths) >= 3
    before = _read_all(client, paths)
    backup = tmp_path / "tuhono.backup"
    call_command("backup", str(backup), stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert backup.stat().st_size > 10_000

    # Lose data after the backup: the exports change...
    # (the home council's partnerships: the exports of a council's install show its own register)
    shown = Partnership.objects.filter(published=True, council__slug=settings.TUHONO_HOME_COUNCIL_SLUG)
    shown.order_by("pk").first().milestones.all().delete()
    Partnership.objects.filter(pk=shown.order_by("-pk").values("pk")[:1]).delete()
    assert _read_all(client, paths) != before

    # ...and come back byte for byte after the restore.
    call_command("restore", str(backup), "--yes", stdout=open("/dev/null", "w"))  # noqa: SIM115
    after = _read_all(client, paths)
    assert after.keys() == before.keys()
    for path in paths:
        assert after[path] == before[path], f"{path} differs after the restore"
