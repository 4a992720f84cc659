"""The public forms' rate limit holds across worker processes: 30 requests sent at once to three
gunicorn workers are accepted exactly as many times as the limit allows. SQLite and PostgreSQL."""

from __future__ import annotations

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from .scratch_db import ROOT, manage, scratch_database

pytestmark = pytest.mark.slow

LIMIT = 5
REQUESTS = 30


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_serving(base: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert server.poll() is None, "gunicorn stopped"
        try:
            urllib.request.urlopen(base + "/partner-seeking/", timeout=30)  # noqa: S310 - our own test server
            return
        except OSError:  # not listening yet, or still starting up
            time.sleep(0.3)
    raise AssertionError("gunicorn did not answer")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None


def _send_at_once(base: str) -> list[int]:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _NoRedirect)
    form = opener.open(base + "/partner-seeking/", timeout=30).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)
    assert token is not None
    cookie = "; ".join(f"{c.name}={c.value}" for c in jar)

    def post(number: int) -> int:
        body = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": token.group(1),
                "who": "abroad",
                "place_name": "Valparaíso",
                "country": "CL",
                "interests": "Ports, education and culture.",
                "contact_name": f"Person {number}",
                "contact_email": "someone@example.cl",
            }
        ).encode()
        request = urllib.request.Request(base + "/partner-seeking/", data=body, headers={"Cookie": cookie})  # noqa: S310
        try:
            return int(opener.open(request, timeout=60).status)
        except urllib.error.HTTPError as answer:
            return int(answer.code)

    with ThreadPoolExecutor(max_workers=REQUESTS) as pool:
        return list(pool.map(post, range(REQUESTS)))


def test_thirty_requests_at_once_to_three_workers_are_accepted_exactly_up_to_the_limit(tmp_path: Path) -> None:
    with scratch_database(tmp_path) as url:
        port = _free_port()
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "DJANGO_ENV": "development",
            "TUHONO_PUBLIC_FORM_RATE": f"{LIMIT}/h",
            "DJANGO_TRUSTED_PROXY_COUNT": "0",
        }
        server = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "-m",
                "gunicorn",
                "config.wsgi",
                "--workers",
                "3",
                "--bind",
                f"127.0.0.1:{port}",
                "--timeout",
                "120",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            _wait_until_serving(base, server)
            answers = _send_at_once(base)
        finally:
            server.terminate()
            _, errors = server.communicate(timeout=30)
        assert sorted(set(answers)) == [302, 429], f"unexpected answers {answers}: {errors.decode()[-2000:]}"
        assert answers.count(302) == LIMIT
        stored = manage(
            "shell",
            "-c",
            "from tuhono.councils.models import PartnerSeeking; print(PartnerSeeking.objects.count())",
            url=url,
        )
        assert stored.stdout.strip().splitlines()[-1] == str(LIMIT)


COUNTING = """
from django.core.cache import caches
counts = caches["ratelimit"]
for _ in range({times}):
    counts.incr("shared-count")
"""


def test_counts_made_at_once_by_several_processes_are_never_lost(tmp_path: Path) -> None:
    processes, times = 4, 100
    with scratch_database(tmp_path) as url:
        env = {**os.environ, "DATABASE_URL": url}
        manage(
            "shell",
            "-c",
            'from django.core.cache import caches; caches["ratelimit"].add("shared-count", 0, 600)',
            url=url,
        )
        workers = [
            subprocess.Popen(  # noqa: S603
                [sys.executable, "manage.py", "shell", "-c", COUNTING.format(times=times)],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            for _ in range(processes)
        ]
        for worker in workers:
            _, errors = worker.communicate(timeout=300)
            assert worker.returncode == 0, errors.decode()[-3000:]
        total = manage(
            "shell",
            "-c",
            'from django.core.cache import caches; print(caches["ratelimit"].get("shared-count"))',
            url=url,
        )
        assert total.stdout.strip().splitlines()[-1] == str(processes * times)
