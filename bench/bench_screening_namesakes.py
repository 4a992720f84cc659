"""Namesakes on a realistic list: recall on mangled listed names, false alerts on clean people.

    .venv/bin/python bench/bench_screening_namesakes.py [--size 50000] [--clean 6000] [--mangled 1200]

The list, written as OpenSanctions FollowTheMoney entities and imported with `manage.py watchlist_import`:
the 626 listed names of tuhono/watchlists/data/name-matching-cases.csv, tens of thousands of people
drawn by Faker (seeded) from many locales and scripts (English, Māori-English, Indian, German, French,
Spanish, Vietnamese, Chinese, Korean, Japanese, Russian, Arabic, Hindi), so that common names recur as
on real lists, with birth dates, nationalities and genders (some left out), and organisations.

Screened with `manage.py screen` (its CSV interface, with date_of_birth, nationality and gender):
- mangled listed names that must alert on their entry: a typo, two letters swapped, a letter dropped
  or doubled, a middle name dropped or added, the parts reordered, another transliteration (Pinyin
  for Hanzi, a romanisation for Hangul, a Latin spelling for Cyrillic); birth date as listed, a year
  off, or not given;
- clean people that must not alert: namesakes of listed people (the same common first and last
  names, or with a middle name dropped) born years away, a quarter of them also of another nationality, and
  other people drawn from the same name distributions with other seeds. A drawn person whose name
  and birth year (within two years) are a listed person's, or who matches a listed person without a
  birth date, is left out (no screening can tell them apart) and counted.

Beside it, in the same run and on the same data, nomenklatura's logic-v1 and logic-v2 alone: each
scores the same candidates (the index's best 10 for each query) on names, birth dates, nationality and
gender, and alerts at the shipped threshold and at its own usual 0.7.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, manage
from namesakes_people import SEED, make_list, make_queries


def logic_scores(queries: list[dict], entities: dict[str, dict], candidates: list[list[str]]) -> dict[str, list]:
    """Best logic-v1 and logic-v2 score per query over the same candidates."""
    from followthemoney import model
    from nomenklatura.matching import LogicV1, LogicV2
    from nomenklatura.matching.types import ScoringConfig

    out: dict[str, list] = {}
    for label, logic in (("logic-v1", LogicV1), ("logic-v2", LogicV2)):
        config = ScoringConfig(weights={}, config={k: v.default for k, v in logic.CONFIG.items()})
        best: list[tuple[float, str]] = []
        for n, (q, ids) in enumerate(zip(queries, candidates, strict=True)):
            query = model.make_entity(q["schema"])
            query.id = f"query-{label}-{n}"  # logic-v2 caches its name analysis by entity id
            query.add("name", q["full_name"])
            if q["schema"] == "Person":
                query.add("birthDate", q["date_of_birth"] or None)
                query.add("nationality", q["nationality"] or None)
                query.add("gender", q["gender"] or None)
            top = (0.0, "")
            for entity_id in ids:
                data = entities[entity_id]
                result = model.get_proxy({"id": entity_id, "schema": data["schema"], "properties": data["properties"]})
                score = logic.compare(query, result, config).score
                if score > top[0]:
                    top = (score, entity_id)
            best.append(top)
        out[label] = best
    return out


def summary(label: str, rows: list[tuple[dict, bool, str]], entities: dict[str, dict]) -> str:
    """Recall two ways: the mangled name alerted at all, and it alerted on its own entry (or on an entry
    of the very same name: the best match shown may be either); false alerts per 1,000 clean people."""

    def hit(q: dict, alert: bool, match: str) -> bool:
        names = entities[q["target"]]["properties"]["name"]
        return alert and (match == q["target"] or entities.get(match, {}).get("properties", {}).get("name") == names)

    alerted = [a for q, a, m in rows if q["target"]]
    mangled = [hit(q, a, m) for q, a, m in rows if q["target"]]
    clean = [a for q, a, m in rows if not q["target"]]
    per_k = 1000 * sum(clean) / len(clean)
    return (
        f"{label:<26}{sum(alerted) / len(alerted):>9.3f}{sum(mangled) / len(mangled):>12.3f}"
        f"{per_k:>18.1f}{sum(clean):>9}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=int(os.environ.get("BENCH_NAMESAKE_SIZE", "50000")))
    parser.add_argument("--clean", type=int, default=6000)
    parser.add_argument("--mangled", type=int, default=1200)
    parser.add_argument("--errors", action="store_true", help="list the misses and false alerts")
    args, _ = parser.parse_known_args(sys.argv[1:] if __name__ == "__main__" else [])
    rng = random.Random(SEED)
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'db.sqlite3'}"
        import django

        django.setup()
        entities = make_list(args.size, rng)
        queries, skipped = make_queries(entities, args.clean, args.mangled, rng)
        with (folder / "list.ftm.json").open("wb") as out:
            for e in entities:
                out.write(orjson.dumps({k: v for k, v in e.items() if k != "loc"}) + b"\n")
        columns = ["full_name", "schema", "date_of_birth", "nationality", "gender", "kind", "target"]
        with (folder / "queries.csv").open("w", newline="", encoding="utf-8") as out:
            writer = csv.DictWriter(out, fieldnames=columns)
            writer.writeheader()
            writer.writerows(queries)
        env = dict(os.environ)
        manage("migrate", "--noinput", "-v0", env=env)
        started = time.perf_counter()
        print(manage("watchlist_import", str(folder / "list.ftm.json"), "--source", "Namesakes", env=env).strip())
        print(f"  import {time.perf_counter() - started:.0f} s")
        out_path = folder / "out.csv"
        print(manage("screen", "--input", str(folder / "queries.csv"), "--output", str(out_path), env=env).strip())
        with out_path.open(encoding="utf-8") as handle:
            ours = list(csv.DictReader(handle))
        from tuhono.watchlists.matching.names import PERSON_SCHEMAS, name_forms
        from tuhono.watchlists.models import ListEntity
        from tuhono.watchlists.services.screening import candidate_index, screening_threshold

        index = candidate_index()
        ids = dict(ListEntity.objects.values_list("pk", "entity_id"))
        candidates = [
            [
                ids[c.pk]
                for c in index.search(
                    [f for f, _ in name_forms(q["full_name"], q["schema"] in PERSON_SCHEMAS)],
                    q["schema"],
                    limit=10,
                    pool=300,
                )
            ]
            for q in queries
        ]
        started = time.perf_counter()
        logic = logic_scores(queries, {e["id"]: e for e in entities}, candidates)
        logic_seconds = time.perf_counter() - started
    threshold = screening_threshold()
    by_id = {e["id"]: e for e in entities}
    mangled_n = sum(1 for q in queries if q["target"])
    print(
        f"\n{len(entities)} listed entities; {mangled_n} mangled listed names, {len(queries) - mangled_n} clean people "
        f"({sum(skipped.values())} drawn people left out: {dict(skipped)}); seed {SEED}"
    )
    print(f"{'':<26}{'recall':>9}{'on entry':>12}{'false per 1000':>18}{'false':>9}")
    pairs = zip(queries, ours, strict=True)
    print(summary(f"Tūhono @{threshold:.2f}", [(q, r["alert"] == "true", r["match_id"]) for q, r in pairs], by_id))
    for label, best in logic.items():
        for t in (threshold, 0.7):
            rows = [(q, s >= t, m) for q, (s, m) in zip(queries, best, strict=True)]
            print(summary(f"{label} alone @{t:.2f}", rows, by_id))
    print(f"(logic-v1 and logic-v2 on the index's 10 best candidates: {logic_seconds:.0f} s)")
    kinds = Counter(q["kind"] for q in queries)
    print("\nTūhono by kind:")
    for kind, count in sorted(kinds.items()):
        by_kind = [(q, r) for q, r in zip(queries, ours, strict=True) if q["kind"] == kind]
        if kind.startswith("mangled"):
            good = sum(1 for q, r in by_kind if r["alert"] == "true" and r["match_id"] == q["target"])
            print(f"  {kind:<32}{count:>6}  found {good}")
        else:
            print(f"  {kind:<32}{count:>6}  false alerts {sum(1 for _, r in by_kind if r['alert'] == 'true')}")
    if args.errors:
        for q, r in zip(queries, ours, strict=True):
            missed = q["target"] and not (r["alert"] == "true" and r["match_id"] == q["target"])
            if missed or (not q["target"] and r["alert"] == "true"):
                listed = by_id.get(q["target"] or r["match_id"], {}).get("properties", {})
                print(
                    f"{'MISS' if missed else 'FALSE'} {q['kind']}: {q['full_name']} {q['date_of_birth']} "
                    f"{q['nationality']} {q['gender']} -> {r['match_name']} {r['score']} | listed {listed.get('name')} "
                    f"{listed.get('birthDate')} {listed.get('nationality')} {listed.get('gender')} | {r['explanation']}"
                )


if __name__ == "__main__":
    main()
