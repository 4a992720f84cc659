"""Import and screening speed on a synthetic watch list in several scripts, beside a rapidfuzz brute-force scan.

Run: .venv/bin/python bench/bench_screening_speed.py [--size 1000000] [--queries 500]
The list is generated into a temporary folder (never committed) and imported into a
throw-away SQLite database, so the bench touches no project data.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LATIN_GIVEN = [
    "John",
    "Maria",
    "Ahmed",
    "Fatima",
    "Olga",
    "Ivan",
    "Pierre",
    "Hans",
    "Juan",
    "Ana",
    "Mohammed",
    "Ali",
    "Omar",
    "Wei",
    "Li",
    "Jose",
    "Carlos",
    "Luis",
    "Anna",
    "Peter",
    "Paul",
    "Mark",
    "David",
    "Daniel",
    "Sarah",
    "Laura",
    "Elena",
    "Sofia",
    "Mikhail",
    "Dmitri",
    "Yusuf",
    "Ibrahim",
    "Hassan",
    "Kwame",
    "Aroha",
    "Tane",
    "Mere",
    "Hemi",
    "Priya",
    "Rahul",
    "Arjun",
    "Kenji",
    "Hiroshi",
    "Yuki",
    "Min",
    "Ji",
    "Seo",
]
LATIN_FAMILY = [
    "Smith",
    "Garcia",
    "Muller",
    "Rossi",
    "Dubois",
    "Kowalski",
    "Novak",
    "Ivanov",
    "Petrov",
    "Hassan",
    "Khan",
    "Rahman",
    "Haddad",
    "Wang",
    "Nguyen",
    "Tanaka",
    "Suzuki",
    "Kim",
    "Park",
    "Lee",
    "Singh",
    "Patel",
    "Silva",
    "Santos",
    "Costa",
    "Oliveira",
    "Jensen",
    "Larsen",
    "Berg",
    "Ngata",
    "Parata",
    "Walker",
    "Brown",
    "Taylor",
    "Wilson",
    "Martin",
    "Thompson",
    "White",
    "Harris",
    "Clark",
    "Lewis",
    "Young",
    "Hall",
    "Allen",
    "Wright",
    "King",
    "Scott",
    "Green",
    "Baker",
    "Adams",
    "Nelson",
    "Hill",
    "Campbell",
    "Mitchell",
    "Roberts",
    "Carter",
]
CYR_GIVEN = [
    "Сергей",
    "Владимир",
    "Алексей",
    "Дмитрий",
    "Иван",
    "Ольга",
    "Анна",
    "Мария",
    "Наталья",
    "Евгений",
    "Михаил",
    "Андрей",
    "Юрий",
    "Виктор",
]
CYR_PATRONYMIC = [
    "Сергеевич",
    "Владимирович",
    "Петрович",
    "Иванович",
    "Викторович",
    "Андреевна",
    "Павловна",
    "Олеговна",
]
CYR_FAMILY = [
    "Иванов",
    "Петров",
    "Сидоров",
    "Смирнов",
    "Кузнецов",
    "Попов",
    "Лебедев",
    "Козлов",
    "Новиков",
    "Морозов",
    "Волков",
    "Соколов",
    "Лавров",
    "Орлов",
    "Зайцев",
    "Павлов",
    "Семенов",
    "Голубев",
    "Виноградов",
    "Богданов",
]
HAN_FAMILY = list(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
)
HAN_GIVEN = list("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉文斌海波宇浩然")
ARABIC_GIVEN = ["محمد", "أحمد", "علي", "عمر", "يوسف", "إبراهيم", "حسن", "خالد", "فاطمة", "عائشة", "مريم"]
ARABIC_FAMILY = ["الحسن", "العلي", "الأحمد", "القاسم", "الهاشمي", "السعدي", "الزهراني", "العتيبي"]
ORG_WORDS = [
    "Global",
    "Pacific",
    "Northern",
    "Trading",
    "Import",
    "Export",
    "Holdings",
    "Energy",
    "Shipping",
    "Logistics",
    "Technology",
    "Industrial",
    "Mining",
    "Capital",
    "Systems",
    "Electronics",
    "Aviation",
    "Marine",
    "Construction",
    "Engineering",
    "Resources",
    "Precision",
    "Dynamics",
    "Alliance",
    "United",
    "Eastern",
    "Western",
    "Star",
    "Golden",
    "Ocean",
    "Mountain",
    "River",
]
LEGAL = ["Ltd", "LLC", "GmbH", "AG", "JSC", "Co.", "Inc.", "OOO", "S.A.", "Pte.", "Ltd", "Limited", "Corporation"]


def synthetic_name(rng: random.Random) -> tuple[str, str]:
    roll = rng.random()
    if roll < 0.45:
        given = rng.choice(LATIN_GIVEN)
        middle = f" {rng.choice(LATIN_GIVEN)}" if rng.random() < 0.4 else ""
        return "Person", f"{given}{middle} {rng.choice(LATIN_FAMILY)}-{rng.choice(LATIN_FAMILY)}"
    if roll < 0.6:
        return "Person", f"{rng.choice(CYR_GIVEN)} {rng.choice(CYR_PATRONYMIC)} {rng.choice(CYR_FAMILY)}"
    if roll < 0.72:
        given = "".join(rng.choice(HAN_GIVEN) for _ in range(rng.choice((1, 2))))
        return "Person", rng.choice(HAN_FAMILY) + given
    if roll < 0.8:
        return "Person", f"{rng.choice(ARABIC_GIVEN)} {rng.choice(ARABIC_GIVEN)} {rng.choice(ARABIC_FAMILY)}"
    words = " ".join(rng.sample(ORG_WORDS, 3))
    return "Company", f"{words} {rng.choice(LEGAL)}"


def generate(path: Path, size: int, seed: int = 7) -> list[tuple[str, str]]:
    """Write `size` FtM entities; return a sample of (schema, name) for queries."""
    rng = random.Random(seed)
    sample: list[tuple[str, str]] = []
    with path.open("w", encoding="utf-8") as handle:
        for i in range(size):
            schema, name = synthetic_name(rng)
            # A serial keeps names apart the way real lists are: few exact repeats.
            tag = f"{i:x}"
            props = {"name": [f"{name} {tag}" if schema == "Company" else name], "topics": ["sanction"]}
            if schema == "Person":
                props["birthDate"] = [f"{rng.randint(1940, 2000)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"]
            handle.write(
                json.dumps(
                    {"id": f"syn-{i}", "schema": schema, "properties": props, "datasets": ["synthetic"]},
                    ensure_ascii=False,
                )
                + "\n"
            )
            if rng.random() < 2000 / size:
                sample.append((schema, props["name"][0]))
    return sample


def mangle(name: str, rng: random.Random) -> str:
    letters = list(name)
    positions = [i for i, c in enumerate(letters) if c.isalpha()]
    if positions and rng.random() < 0.7:
        i = rng.choice(positions)
        letters[i] = rng.choice("aeiouklmnrst")
    return "".join(letters)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=int(os.environ.get("BENCH_SCREENING_SIZE", "1000000")))
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--brute-force-queries", type=int, default=10)
    args, _ = parser.parse_known_args()
    run(size=args.size, queries=args.queries, brute_force_queries=args.brute_force_queries)


def run(*, size: int, queries: int, brute_force_queries: int) -> dict[str, float]:
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="tuhono-bench-") as tmp:
        folder = Path(tmp)
        data = folder / "entities.ftm.json"
        started = time.perf_counter()
        sample = generate(data, size)
        print(
            f"generated {size} entities ({data.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - started:.1f} s"
        )
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{folder / 'bench.sqlite3'}",
            "DJANGO_SETTINGS_MODULE": "config.settings",
        }
        manage = [sys.executable, str(ROOT / "manage.py")]
        # The bench's own interpreter and manage.py, with fixed arguments: no outside input.
        subprocess.run([*manage, "migrate", "-v0"], env=env, check=True)  # noqa: S603
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        started = time.perf_counter()
        subprocess.run(  # noqa: S603
            [*manage, "watchlist_import", str(data), "--format", "ftm", "--source", "Synthetic"], env=env, check=True
        )
        results["import_seconds"] = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        results["import_peak_mb"] = max(peak, before) / 1024
        print(
            f"import: {results['import_seconds']:.1f} s, peak memory {results['import_peak_mb']:.0f} MB "
            "(goal <= 300 s, <= 2048 MB)"
        )

        os.environ.update(DATABASE_URL=env["DATABASE_URL"], DJANGO_SETTINGS_MODULE="config.settings")
        import django

        django.setup()
        from rapidfuzz import fuzz, process

        from tuhono.watchlists.models import ListEntity
        from tuhono.watchlists.services.screening import build_index, screen_name

        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.perf_counter()
        index = build_index()
        results["index_seconds"] = time.perf_counter() - started
        results["index_mb"] = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024
        print(
            f"candidate index: {len(index)} entities in {results['index_seconds']:.1f} s, +{results['index_mb']:.0f} MB"
        )

        rng = random.Random(11)
        picks = [sample[rng.randrange(len(sample))] for _ in range(queries // 2)]
        workload = [(s, mangle(n, rng)) for s, n in picks]
        workload += [synthetic_name(random.Random(1000 + i)) for i in range(queries - len(workload))]
        rng.shuffle(workload)
        screen_name(name="warm up", index=index)
        latencies: list[float] = []
        slowest: list[tuple[float, str]] = []
        hits = 0
        started = time.perf_counter()
        for schema, name in workload:
            t0 = time.perf_counter()
            matches = screen_name(name=name, schema=schema, index=index, limit=1)
            latencies.append(time.perf_counter() - t0)
            slowest.append((latencies[-1], name))
            hits += bool(matches and matches[0].alert)
        total = time.perf_counter() - started
        latencies.sort()
        results["screenings_per_second"] = len(workload) / total
        results["p50_ms"] = statistics.median(latencies) * 1000
        results["p95_ms"] = latencies[int(len(latencies) * 0.95) - 1] * 1000
        print(
            f"Tūhono: {results['screenings_per_second']:.0f} screenings/s on one core, p50 {results['p50_ms']:.1f} ms, "
            f"p95 {results['p95_ms']:.1f} ms ({hits} of {len(workload)} raised an alert; "
            "half the queries are mangled list names)"
        )

        print("slowest: " + ", ".join(f"{n!r} {t * 1000:.0f} ms" for t, n in sorted(slowest)[-3:]))
        names = list(ListEntity.objects.values_list("caption", flat=True).iterator(chunk_size=50000))
        started = time.perf_counter()
        for _schema, name in workload[:brute_force_queries]:
            process.extractOne(name, names, scorer=fuzz.WRatio)
        per_query = (time.perf_counter() - started) / max(brute_force_queries, 1)
        results["brute_force_per_second"] = 1 / per_query
        print(
            f"rapidfuzz brute force (WRatio over all {len(names)} names): {results['brute_force_per_second']:.2f} "
            f"screenings/s, {per_query * 1000:.0f} ms each"
        )
    return results


if __name__ == "__main__":
    main()
