"""Import a synthetic world file of 30,000 pairs with geocoding; compare with a plain CSV parse and the per-row path.

Runs against a throw-away test database (in memory on SQLite). Prints rows/s, seconds and peak memory.
"""

from __future__ import annotations

import csv
import io
import os
import pathlib
import random
import resource
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

PAIRS = 30_000
SAMPLE = 300  # rows through the per-row services, extrapolated

COUNTRY_SPELLINGS = {
    "GB": ["United Kingdom", "England", "Scotland", "England, United Kingdom", "UK"],
    "KR": ["South Korea", "Korea, Republic of", "Republic of Korea"],
    "US": ["United States", "USA", "United States of America"],
    "TW": ["Taiwan", "Republic of China"],
    "GE": ["Georgia (country)", "Georgia"],
    "RU": ["Russia", "Russian Federation"],
    "CZ": ["Czech Republic", "Czechia"],
}


def synthetic_file(pairs: int = PAIRS, seed: int = 2026) -> bytes:
    """Pairs of real places from the gazetteer, written as messy lists write them."""
    from tuhono.places import gazetteer
    from tuhono.places.countries import country_name

    rng = random.Random(seed)
    places = gazetteer.places_larger_than(20_000)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["city1", "country1", "city2", "country2", "lat1", "lng1", "lat2", "lng2"])

    def country(place: gazetteer.GazetteerPlace) -> str:
        return rng.choice(COUNTRY_SPELLINGS.get(place.country_code, [country_name(place.country_code)]))

    def coordinates(place: gazetteer.GazetteerPlace) -> list[str]:
        roll = rng.random()
        if roll < 0.5:
            return [f"{place.latitude:.4f}", f"{place.longitude:.4f}"]
        if roll < 0.52:
            return [f"{place.longitude:.4f}", f"{place.latitude:.4f}"]  # swapped
        if roll < 0.53:
            return ["0", "0"]
        return ["", ""]

    rows = []
    for _ in range(pairs):
        a, b = rng.sample(places, 2)
        name_a = a.name if rng.random() > 0.05 else f"{a.name} ({rng.choice(places).name})"
        row = [name_a, country(a), b.name, country(b)]
        coords = coordinates(a) + coordinates(b)
        rows.append(row + coords)
        if rng.random() < 0.1:  # the same pair listed from the other side
            rows.append([b.name, country(b), a.name, country(a), *coords[2:], *coords[:2]])
    for row in rows[:pairs]:
        writer.writerow(row)
    writer.writerow(["", "", "", ""])
    writer.writerow(["Nowhere", "Atlantis", "Paris", "France", "", "", "", ""])
    return buffer.getvalue().encode("utf-8")


def main() -> None:
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment

    from tuhono.places import gazetteer

    started = time.perf_counter()
    gazetteer.load()
    load_seconds = time.perf_counter() - started
    data = synthetic_file()
    rows = data.count(b"\n") - 1

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from tuhono.partnerships.importing.services import partnerships_import
        from tuhono.partnerships.services import partnership_create
        from tuhono.places.countries import country_code_for
        from tuhono.places.services import place_get_or_create

        # Baseline 1: only parsing the CSV.
        started = time.perf_counter()
        parsed = list(csv.reader(io.StringIO(data.decode("utf-8"))))
        assert len(parsed) > PAIRS
        parse_seconds = time.perf_counter() - started
        sample_rows = list(csv.reader(io.StringIO(synthetic_file(SAMPLE, seed=7).decode("utf-8"))))

        # Baseline 2: the per-row services (a sample, rolled back afterwards by the database teardown).
        from tuhono.councils.services import council_create

        started = time.perf_counter()
        councils: dict[str, object] = {}
        for row in sample_rows[1 : SAMPLE + 1]:
            code_a, code_b = country_code_for(row[1]), country_code_for(row[3])
            if not code_a or not code_b:
                continue
            seat = place_get_or_create(name=row[0], country_code=code_a)
            partner = place_get_or_create(name=row[2], country_code=code_b)
            if seat.pk == partner.pk:
                continue
            key = f"{seat.pk}"
            if key not in councils:
                councils[key] = council_create(
                    actor=None, name=f"{seat.name} {seat.pk}", slug=f"bench-{seat.pk}", country_code=code_a, seat=seat
                )
            try:
                partnership_create(actor=None, council=councils[key], partner=partner, kind="sister_city")
            except Exception:  # noqa: S112 - duplicates in the sample are skipped, as the importer merges them
                continue
        per_row_seconds = time.perf_counter() - started

        # The importer (the per-row sample came from another seed, so it overlaps little).
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        result = partnerships_import(actor=None, data=data, filename="synthetic-30000.csv")
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        again = partnerships_import(actor=None, data=data, filename="synthetic-30000.csv")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()

    s = result.plan.summary()
    print(f"rows in file: {rows} (pairs {PAIRS}); gazetteer index load: {load_seconds:.2f} s")
    print(f"{'path':44} {'seconds':>9} {'rows/s':>10}")
    print(f"{'plain CSV parse (baseline)':44} {parse_seconds:9.2f} {rows / parse_seconds:10.0f}")
    print(
        f"{f'per-row services, {SAMPLE} rows (baseline)':44} {per_row_seconds:9.2f} {SAMPLE / per_row_seconds:10.0f}"
        f"   -> {rows / (SAMPLE / per_row_seconds):.0f} s for the file"
    )
    print(f"{'importer: geocode + plan + bulk write':44} {result.seconds:9.2f} {rows / result.seconds:10.0f}")
    print(f"{'importer again (all merged, writes nothing)':44} {again.seconds:9.2f} {rows / again.seconds:10.0f}")
    print(
        f"peak resident memory: {rss_after / 1024:.0f} MB for the process (gazetteer index included), "
        f"{(rss_after - rss_before) / 1024:.0f} MB above the peak before the import"
    )
    print(
        f"outcome: {s['created']} created, {s['merged']} merged, {s['rejected']} rejected, "
        f"{s['unresolved']} unresolved; {s['councils_created']} councils, {s['places_created']} places"
    )
    print(f"second run: {again.plan.summary()['created']} created, {again.plan.summary()['merged']} merged")


if __name__ == "__main__":
    main()
