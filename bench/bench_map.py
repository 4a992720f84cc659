"""The public map in headless Chromium: bytes transferred (gzipped) and time to the first drawn marker.

Side by side in one run: the national demo register (load_demo) and a synthetic world register of
30,000 partnerships. Each register lives in a throwaway SQLite database served by its own
`manage.py runserver`; nothing touches the project's database.

    .venv/bin/python bench/bench_map.py            # both registers, 5 page loads each
    .venv/bin/python bench/bench_map.py --runs 3

Bytes: every response the page loads (HTML, CSS, scripts, the Natural Earth countries, the map's
GeoJSON) is gzip-compressed (level 6, as a web server would) and summed. Time: the page's own
performance mark `tuhono:first-marker`, milliseconds from the start of navigation, median of runs.
"""

# ruff: noqa: S603 - the benchmark starts this project's own commands with fixed arguments
from __future__ import annotations

import argparse
import gzip
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-sync"]
SYNTHETIC_PAIRS = 30_000
GOAL_KB, GOAL_MS = 350, 1000


def populate_synthetic(count: int) -> None:
    """Runs inside a child process whose DATABASE_URL is the throwaway database."""
    import django

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    from django.core.management import call_command

    from tuhono.councils.models import Council
    from tuhono.partnerships.models import FocusArea, Partnership
    from tuhono.places.models import Place

    call_command("migrate", verbosity=0)
    rng = random.Random(7)
    seats = Place.objects.bulk_create(
        Place(
            name=f"Seat {i}",
            kind="city",
            country_code="NZ",
            latitude=rng.uniform(-46.5, -35),
            longitude=rng.uniform(167, 178.5),
        )
        for i in range(80)
    )
    councils = Council.objects.bulk_create(
        Council(name=f"Council {i}", slug=f"council-{i}", seat=seats[i]) for i in range(80)
    )
    codes = ["JP", "CN", "US", "AU", "KR", "DE", "FR", "GB", "BR", "IN", "ZA", "CA", "MX", "FJ", "WS", "TO", "ID", "IT"]
    places = Place.objects.bulk_create(
        (
            Place(
                name=f"Partner {i}",
                kind="city",
                country_code=rng.choice(codes),
                latitude=rng.uniform(-50, 70),
                longitude=rng.uniform(-180, 180),
            )
            for i in range(count)
        ),
        batch_size=2000,
    )
    kinds = ["sister_city", "friendship_city", "partner_city", "memorandum_of_cooperation"]
    statuses = ["active"] * 4 + ["dormant", "ended"]
    import datetime as dt

    partnerships = Partnership.objects.bulk_create(
        (
            Partnership(
                slug=f"synthetic-{i}",
                council=councils[i % len(councils)],
                partner=place,
                kind=rng.choice(kinds),
                status=rng.choice(statuses),
                signed_on=dt.date(rng.randint(1960, 2025), 1, 1),
                summary=f"Synthetic partnership number {i} for the map benchmark.",
                published=True,
            )
            for i, place in enumerate(places)
        ),
        batch_size=2000,
    )
    areas = FocusArea.objects.bulk_create(FocusArea(name=f"Area {i}", slug=f"area-{i}") for i in range(12))
    through = Partnership.focus_areas.through
    through.objects.bulk_create(
        (through(partnership_id=p.pk, focusarea_id=rng.choice(areas).pk) for p in partnerships), batch_size=5000
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare(database: Path, synthetic: bool) -> dict[str, str]:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "DJANGO_DEBUG": "1", "LOG_LEVEL": "ERROR"}
    env.pop("DJANGO_ENV", None)
    run = {"cwd": ROOT, "env": env, "check": True, "stdout": subprocess.DEVNULL}
    if synthetic:
        subprocess.run([PYTHON, __file__, "--populate", str(SYNTHETIC_PAIRS)], **run)
    else:
        subprocess.run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], **run)
        subprocess.run([PYTHON, "manage.py", "load_demo"], **run)
    return env


def serve(env: dict[str, str]) -> tuple[subprocess.Popen, str]:
    port = free_port()
    server = subprocess.Popen(
        [PYTHON, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/partnerships/map/", timeout=30).read()  # noqa: S310 - our own server
            break
        except OSError:
            time.sleep(0.2)
    return server, url


def measure(url: str, runs: int) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    times, sizes, raw_sizes, counts = [], [], [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        for _ in range(runs + 1):  # the first load warms the server (imports, template cache) and is not counted
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            responses: list = []
            page.on("response", lambda response, seen=responses: seen.append(response))
            page.goto(url + "/partnerships/map/", wait_until="load")
            page.wait_for_selector(".map[data-markers-drawn]", timeout=60_000)
            page.wait_for_selector(".map-country", state="attached", timeout=60_000)
            first = page.evaluate("performance.getEntriesByName('tuhono:first-marker')[0].startTime")
            markers = page.evaluate("document.querySelectorAll('.map-marker').length")
            bodies = [r.body() for r in responses if r.ok and r.request.url.startswith(url)]
            times.append(first)
            sizes.append(sum(len(gzip.compress(body, 6)) for body in bodies))
            raw_sizes.append(sum(len(body) for body in bodies))
            counts.append(markers)
            context.close()
        browser.close()
    return {
        "first_marker_ms": statistics.median(times[1:]),
        "gzip_kb": statistics.median(sizes[1:]) / 1024,
        "raw_kb": statistics.median(raw_sizes[1:]) / 1024,
        "markers": statistics.median(counts[1:]),
    }


def main(runs: int = 5) -> None:
    results = {}
    with tempfile.TemporaryDirectory(prefix="tuhono-bench-map-") as tmp:
        subprocess.run(
            [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL
        )
        for name, synthetic in (("national demo", False), (f"{SYNTHETIC_PAIRS:,} synthetic", True)):
            env = prepare(Path(tmp) / f"{'synthetic' if synthetic else 'national'}.sqlite3", synthetic)
            server, url = serve(env)
            try:
                with urllib.request.urlopen(url + "/api/map.geojson", timeout=60) as response:  # noqa: S310
                    features = response.read().count(b'"type":"Feature"')
                results[name] = {"partnerships": features, **measure(url, runs)}
            finally:
                server.terminate()
                server.wait()
    header = f"{'register':<20}{'pairs':>8}{'markers drawn':>15}{'gzip KB':>10}{'raw KB':>10}{'first marker ms':>17}"
    print(header)
    for name, r in results.items():
        print(
            f"{name:<20}{r['partnerships']:>8}{r['markers']:>15.0f}{r['gzip_kb']:>10.0f}{r['raw_kb']:>10.0f}"
            f"{r['first_marker_ms']:>17.0f}"
        )
    national = results["national demo"]
    verdict = national["gzip_kb"] <= GOAL_KB and national["first_marker_ms"] <= GOAL_MS
    print(f"goal with national data: <= {GOAL_KB} KB and <= {GOAL_MS} ms: {'met' if verdict else 'NOT met'}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--populate", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if args.populate:
        populate_synthetic(args.populate)
    else:
        main(runs=args.runs)
