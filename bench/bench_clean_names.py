"""False alerts on clean names in many scripts: the listed names of the labelled file as a watch list,
generated clean names screened against it with `manage.py screen`.

    .venv/bin/python bench/bench_clean_names.py

The list: the distinct `name2` values of tuhono/watchlists/data/name-matching-cases.csv (626 names
of sanctioned people, politicians and companies), imported with `watchlist_import --format csv`.
The clean names: Faker (seeded) persons in English, Chinese, Russian, Arabic, Korean, Japanese,
German, French and Spanish, and company names. Every alert is a false alert unless the clean name
is the same name as a listed one. Beside it, in the same run, a plain rapidfuzz screen (WRatio of
the name as written against every listed name, alert at 75), which cannot see across scripts.
"""

from __future__ import annotations

import csv
import os
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, manage

CASES = ROOT / "tuhono" / "watchlists" / "data" / "name-matching-cases.csv"
PEOPLE = [
    ("en_NZ", 1200),
    ("en_GB", 600),
    ("en_US", 600),
    ("zh_CN", 500),
    ("ru_RU", 500),
    ("ar_AA", 300),
    ("ko_KR", 300),
    ("ja_JP", 300),
    ("de_DE", 300),
    ("fr_FR", 200),
    ("es_ES", 200),
]
KNOWN_SCHEMAS = {"Person", "Company", "Organization", "Vessel"}
COMPANIES = ["en_NZ", "en_US", "de_DE", "zh_CN", "ru_RU"]
SCRIPTS = [
    ("Hangul", re.compile(r"[\uac00-\ud7a3]")),
    ("Chinese characters", re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")),
    ("Arabic", re.compile(r"[\u0600-\u06ff]")),
    ("Cyrillic", re.compile(r"[\u0400-\u04ff]")),
]


def script(name: str) -> str:
    return next((label for label, pattern in SCRIPTS if pattern.search(name)), "Latin")


def write_inputs(folder: Path) -> tuple[list[str], list[str]]:
    from faker import Faker

    listed: list[str] = []
    with CASES.open(encoding="utf-8") as source, (folder / "list.csv").open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "schema", "name"])
        for i, row in enumerate(csv.DictReader(source)):
            name = row["name2"].strip()
            if name and name not in listed:
                listed.append(name)
                schema = (
                    row["schema"] if row["schema"] in {"Person", "Company", "Organization", "Vessel"} else "LegalEntity"
                )
                writer.writerow([f"case-{i}", schema, name])
    clean: list[str] = []
    with (folder / "clean.csv").open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["full_name", "schema"])
        for n, (locale, count) in enumerate(PEOPLE):
            fake = Faker(locale)
            fake.seed_instance(2026 + n)
            for _ in range(count):
                clean.append(fake.name())
                writer.writerow([clean[-1], "Person"])
        for n, locale in enumerate(COMPANIES):
            fake = Faker(locale)
            fake.seed_instance(3026 + n)
            for _ in range(100):
                clean.append(fake.company())
                writer.writerow([clean[-1], "Company"])
    return listed, clean


def main() -> None:
    from rapidfuzz import fuzz, process

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        listed, clean = write_inputs(folder)
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}"}
        manage("migrate", "--noinput", "-v0", env=env)
        listing = str(folder / "list.csv")
        print(manage("watchlist_import", listing, "--format", "csv", "--source", "Labelled names", env=env).strip())
        print(
            manage("screen", "--input", str(folder / "clean.csv"), "--output", str(folder / "out.csv"), env=env).strip()
        )
        with (folder / "out.csv").open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
    started = time.perf_counter()
    naive = [n for n in clean if (process.extractOne(n, listed, scorer=fuzz.WRatio) or ("", 0))[1] >= 75]
    naive_seconds = time.perf_counter() - started
    alerts = [row for row in rows if row["alert"] == "true"]
    totals = Counter(script(name) for name in clean)
    ours = Counter(script(row["full_name"]) for row in alerts)
    theirs = Counter(script(name) for name in naive)
    print(f"\n{len(clean)} clean names against {len(listed)} listed names")
    print(f"{'script':<20}{'names':>8}{'Tūhono alerts':>16}{'rapidfuzz alerts':>19}")
    for label in ["Latin", *[label for label, _ in SCRIPTS]]:
        print(f"{label:<20}{totals[label]:>8}{ours[label]:>16}{theirs[label]:>19}")
    print(f"{'all':<20}{len(clean):>8}{len(alerts):>16}{len(naive):>19}   (rapidfuzz {naive_seconds:.1f} s)")
    print("\nTūhono's alerts:")
    for row in alerts:
        print(f"  {float(row['score']):.2f} {row['full_name']} -> {row['match_name']}: {row['explanation'][:120]}")


if __name__ == "__main__":
    main()
