"""Re-screening after a list update: only what changed, beside re-screening everyone in full.

A synthetic list of LIST_SIZE people and organisations (Latin, Cyrillic and
Hanzi names), PARTIES screened parties on a partnership, then a new list
version that adds, changes and removes CHANGED entities each. Measures
`rescreen_pending` (incremental: a candidate index of the changed entities
only) against `party_screen` of every party against the whole new list (what
a system without list versions has to do), in the same run, and checks both
find the same new alerts.

    .venv/bin/python bench/bench_vetting_rescreen.py
"""

from __future__ import annotations

import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from common import scratch_database  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

LIST_SIZE = int(os.environ.get("BENCH_LIST_SIZE", "20000"))
PARTIES = int(os.environ.get("BENCH_PARTIES", "300"))
CHANGED = int(os.environ.get("BENCH_CHANGED", "100"))

LATIN = ["ka", "ri", "to", "ne", "ma", "lu", "so", "vi", "der", "an", "ber", "mon", "el", "tra", "gus", "fen"]
CYRILLIC = ["ка", "ри", "то", "не", "ма", "лу", "со", "ви", "дер", "ан", "бер", "мон"]
HANZI_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
HANZI_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华"


def list_word(rng: random.Random, syllables: list[str]) -> str:
    return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 3))).capitalize()


def list_entity(rng: random.Random, n: int) -> dict:
    kind = rng.random()
    if kind < 0.15:
        return {
            "id": f"org-{n}",
            "schema": "Organization",
            "properties": {"name": [f"{list_word(rng, LATIN)} {list_word(rng, LATIN)} Trading Company {n}"]},
        }
    if kind < 0.45:
        name = f"{list_word(rng, CYRILLIC)} {list_word(rng, CYRILLIC)}"
    elif kind < 0.65:
        name = rng.choice(HANZI_SURNAMES) + "".join(rng.choice(HANZI_GIVEN) for _ in range(rng.randint(1, 2)))
    else:
        name = f"{list_word(rng, LATIN)} {list_word(rng, LATIN)}"
    birth = f"{rng.randint(1940, 2000)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return {"id": f"p-{n}", "schema": "Person", "properties": {"name": [name], "birthDate": [birth]}}


def write_list(path: Path, entities: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for entity in entities:
            handle.write(json.dumps(entity, ensure_ascii=False) + "\n")


def main() -> None:
    with scratch_database():
        _run()


def _run() -> None:
    from tuhono.councils.models import Council
    from tuhono.partnerships.services import partnership_create
    from tuhono.places.services import place_get_or_create
    from tuhono.vetting.enums import MatchStatus
    from tuhono.vetting.models import RescreenRun, ScreenedParty, ScreeningMatch
    from tuhono.vetting.services import counterpart_add, party_screen, rescreen_pending
    from tuhono.watchlists.services.imports import watchlist_import

    rng = random.Random(20261201)
    folder = Path(tempfile.mkdtemp(prefix="bench-vetting-"))
    v1 = [list_entity(rng, n) for n in range(LIST_SIZE)]
    write_list(folder / "v1.ftm.json", v1)
    started = time.perf_counter()
    watchlist_import(path=folder / "v1.ftm.json", source_name="Synthetic", file_format="ftm")
    import_v1 = time.perf_counter() - started

    council = Council.objects.create(name="Bench Council", slug="bench")
    partnership = partnership_create(
        actor=None, council=council, partner=place_get_or_create(name="Qingdao", country_code="CN"), kind="sister_city"
    )
    # The engine's one-off start (its candidate index and name analysers), timed apart.
    from tuhono.vetting import engine

    started = time.perf_counter()
    engine.screen(names=["Warm Up"], schema="Person")
    warm_up = time.perf_counter() - started

    # Parties: most are clean names; the new version will list some of them.
    party_names = [f"{list_word(rng, LATIN)} {list_word(rng, LATIN)}" for _ in range(PARTIES)]
    started = time.perf_counter()
    for name in party_names:
        counterpart_add(actor=None, partnership=partnership, name=name)
    first_screening = time.perf_counter() - started
    rescreen_pending()  # version 1: everyone was screened against it already

    # Version 2: change CHANGED entities, remove CHANGED, add CHANGED (a fifth of them are our parties).
    v2 = [dict(e) for e in v1]
    for entity in rng.sample(v2[: LIST_SIZE // 2], CHANGED):
        entity["properties"] = {**entity["properties"], "notes": ["updated listing"]}
    removed = set(rng.sample(range(LIST_SIZE // 2, LIST_SIZE), CHANGED))
    v2 = [e for i, e in enumerate(v2) if i not in removed]
    listed = rng.sample(party_names, CHANGED // 5)
    for n in range(CHANGED):
        name = listed[n] if n < len(listed) else f"{list_word(rng, LATIN)} {list_word(rng, LATIN)}"
        v2.append({"id": f"new-{n}", "schema": "Person", "properties": {"name": [name]}})
    write_list(folder / "v2.ftm.json", v2)
    # Confirming a version re-screens everyone against what it changed, as the version commits.
    version = watchlist_import(path=folder / "v2.ftm.json", source_name="Synthetic", file_format="ftm").version
    run = RescreenRun.objects.get(list_version=version)
    incremental = (run.finished_at - run.started_at).total_seconds()
    incremental_alerts = set(
        ScreeningMatch.objects.filter(status=MatchStatus.OPEN, entity_id__startswith="new-").values_list(
            "party_id", "entity_id"
        )
    )

    started = time.perf_counter()
    for party in ScreenedParty.objects.all():
        party_screen(actor=None, party=party)
    full = time.perf_counter() - started
    full_alerts = set(
        ScreeningMatch.objects.filter(status=MatchStatus.OPEN, entity_id__startswith="new-").values_list(
            "party_id", "entity_id"
        )
    )

    print(
        f"list {LIST_SIZE} entities (import {import_v1:.1f} s); {PARTIES} parties; version 2 changes "
        f"{run.entities_checked} entities ({CHANGED} changed, {CHANGED} removed, {CHANGED} added)"
    )
    print(f"engine start (index of the list, name analysers), once per process: {warm_up:.1f} s")
    print(
        f"first screening of {PARTIES} parties, one by one as added: {first_screening:.2f} s "
        f"({first_screening / PARTIES * 1000:.1f} ms each)"
    )
    print(f"{'method':<44}{'seconds':>10}{'new alerts':>12}")
    print(f"{'re-screen on confirmation (changed only)':<44}{incremental:>10.2f}{len(incremental_alerts):>12}")
    print(f"{'party_screen of everyone (full list)':<44}{full:>10.2f}{len(full_alerts):>12}")
    print(
        f"speed-up {full / incremental:.1f}x; same alerts: {incremental_alerts == full_alerts} "
        f"(listed parties: {len(listed)})"
    )


if __name__ == "__main__":
    main()
