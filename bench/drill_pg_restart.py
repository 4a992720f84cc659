"""Drill: restart the real PostgreSQL server while gunicorn serves under load.

    make restart-drill            # needs PostgreSQL on 127.0.0.1:5432 and the right to restart it

Every PostgreSQL client on the machine loses its connections for a moment, so this is not part of
`make test` (the test suite simulates a restart on its own database instead). A scratch database
with the demo data is created, gunicorn serves it with the page cache off (every request reads the
database), four clients request public pages, the API and /healthz without pause, and after a few
seconds the server is restarted (`pg_ctlcluster VERSION CLUSTER restart`, or $PG_RESTART_COMMAND).
It prints what the clients got, second by second: the answer wanted is 200, then "try again"
(503 with Retry-After) while the database is away, then 200 again with no help, and never a 500
or a dropped connection.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_load import Server
from common import ROOT, manage

ADMIN_URL = os.environ.get("DRILL_ADMIN_URL", "postgres://postgres@127.0.0.1:5432/postgres")
DATABASE = "tuhono_restart_drill"
PAGES = ["/partnerships/?council=auckland", "/partnerships/auckland-fukuoka/", "/api/partnerships?limit=20", "/healthz"]
BEFORE, AFTER = 5.0, 15.0


def restart_command() -> list[str]:
    if os.environ.get("PG_RESTART_COMMAND"):
        return shlex.split(os.environ["PG_RESTART_COMMAND"])
    clusters = subprocess.run(["pg_lsclusters", "--no-header"], capture_output=True, text=True, check=True)  # noqa: S607
    version, cluster = clusters.stdout.split()[:2]
    return ["pg_ctlcluster", version, cluster, "restart"]


def fresh_database() -> str:
    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{DATABASE}"')
    return ADMIN_URL.rsplit("/", 1)[0] + "/" + DATABASE


def request(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=15) as response:  # noqa: S310
            response.read()
            return str(response.status)
    except urllib.error.HTTPError as error:
        body = error.read().decode("utf-8", "replace").lower()
        said = "try again" in body or '"unavailable"' in body or "unavailable" in body
        return f"{error.code}{' try again' if error.code == 503 and said else ''}"
    except OSError as error:
        return f"connection error ({type(error).__name__})"


def main() -> None:
    url = fresh_database()
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_ALLOWED_HOSTS": "127.0.0.1"}
    manage("migrate", "--noinput", "-v0", env=env)
    manage("load_demo", env=env)
    manage("collectstatic", "--noinput", "-v0", env=env)
    server = Server(env, cache_seconds=0)
    results: list[tuple[float, str]] = []
    lock = threading.Lock()
    stop = threading.Event()
    started = time.monotonic()

    def client(offset: int) -> None:
        i = offset
        while not stop.is_set():
            outcome = request(server.base + PAGES[i % len(PAGES)])
            with lock:
                results.append((time.monotonic() - started, outcome))
            i += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(4)]
    try:
        for thread in threads:
            thread.start()
        time.sleep(BEFORE)
        command = restart_command()
        restart_at = time.monotonic() - started
        restart = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
        restart_done = time.monotonic() - started
        time.sleep(AFTER)
        stop.set()
        for thread in threads:
            thread.join()
    finally:
        server.stop()
    print(f"Restarted with: {' '.join(command)} (exit {restart.returncode}) at {restart_at:.1f} s, "
          f"back at {restart_done:.1f} s ({restart_done - restart_at:.1f} s)")  # fmt: skip
    print("\n| second | answers |")
    print("| ---: | --- |")
    for second in range(int(BEFORE + AFTER + (restart_done - restart_at)) + 1):
        counts = Counter(outcome for t, outcome in results if second <= t < second + 1)
        if counts:
            print(f"| {second} | " + ", ".join(f"{n} × {outcome}" for outcome, n in sorted(counts.items())) + " |")
    totals = Counter(outcome for _, outcome in results)
    unavailable = [t for t, outcome in results if outcome != "200"]
    print(f"\n{len(results)} requests: " + ", ".join(f"{n} × {o}" for o, n in sorted(totals.items())))
    if unavailable:
        print(f"Answers other than 200 from {min(unavailable):.1f} s to {max(unavailable):.1f} s (restart began at "
              f"{restart_at:.1f} s, pg_ctlcluster returned at {restart_done:.1f} s); every later request was "
              f"answered 200 without restarting the site")  # fmt: skip
    wrong = {o: n for o, n in totals.items() if o not in ("200", "503 try again")}
    print("Answers other than 200 and 503 'try again': " + (str(wrong) if wrong else "none"))
    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
    if wrong:
        raise SystemExit(1)


if __name__ == "__main__":
    os.chdir(ROOT)
    main()
