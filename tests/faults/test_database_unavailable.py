"""While the database restarts, visitors get a clear "try again" (503 with Retry-After), then the
site recovers by itself."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from django.db import OperationalError
from django.test import Client

from .scratch_db import ROOT, _admin_url, manage, on_postgresql, scratch_database


def test_a_database_error_in_a_page_answers_503_try_again(client: Client, db: None, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tuhono.partnerships import selectors
    from tuhono.public.views import register as public_register

    def down(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OperationalError("server closed the connection unexpectedly")

    # The reads each address makes: the public list's page, the API's list.
    monkeypatch.setattr(public_register, "partnership_page_public", down)
    monkeypatch.setattr(selectors, "partnership_list_public", down)
    response = client.get("/partnerships/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert b"Please try again in a moment" in response.content
    api = client.get("/api/partnerships")
    assert api.status_code == 503 and "try again" in api.json()["error"]
    monkeypatch.undo()
    assert client.get("/partnerships/").status_code == 200


def test_healthz_reports_the_database_and_the_lists_in_force(client: Client, db: None, settings: Any) -> None:
    settings.TUHONO_HEALTH_TOKEN = "monitoring-token-for-tests"
    response = client.get("/healthz", headers={"X-Health-Token": "monitoring-token-for-tests"})
    assert response.status_code == 200
    report = response.json()
    assert report["status"] == "ok" and report["database"]["ok"] is True
    assert report["watchlists"] == []
    assert response["Cache-Control"].startswith("max-age=0")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def gunicorn(tmp_path: Path) -> Iterator[tuple[str, str]]:
    with scratch_database(tmp_path) as url:
        manage("load_demo", url=url)
        port = _free_port()
        env = {**os.environ, "DATABASE_URL": url, "DB_CONN_MAX_AGE": "60", "DJANGO_ALLOWED_HOSTS": "127.0.0.1"}
        process = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "gunicorn", "config.wsgi", "-b", f"127.0.0.1:{port}", "-w", "2"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(base + "/hello", timeout=2)  # noqa: S310
                    break
                except OSError:
                    time.sleep(0.1)
            yield base, url
        finally:
            process.terminate()
            process.wait(timeout=10)


def _status(url: str) -> tuple[int, dict[str, str], str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


@pytest.mark.slow
@pytest.mark.skipif(not on_postgresql(), reason="a PostgreSQL restart needs PostgreSQL")
def test_postgresql_going_away_and_back_under_a_real_server(gunicorn: tuple[str, str]) -> None:
    """Simulates a restart on this test's own database only (other test runs share the server):
    refuse new connections and cut the open ones, then allow them again."""
    base, url = gunicorn
    name = url.rsplit("/", 1)[1]
    pages = ["/partnerships/", "/api/partnerships", "/healthz"]
    assert all(_status(base + page)[0] == 200 for page in pages for _ in range(3))
    with psycopg.connect(_admin_url(url), autocommit=True) as admin:
        admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [name])
        try:
            for page in pages:
                status, headers, body = _status(base + page)
                assert status == 503, (page, status, body[:300])
                assert headers.get("Retry-After") == "5"
                assert "try again" in body.lower() or '"unavailable"' in body
        finally:
            admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
    assert all(_status(base + page)[0] == 200 for page in pages for _ in range(3)), "the site did not recover"
