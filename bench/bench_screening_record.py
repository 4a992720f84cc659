"""What the screening record costs: screening with it beside screening without it, in one run, and how
long its exports and their check against the audit chain take.

A synthetic list of LIST_SIZE people (Latin, Cyrillic and Hanzi names, from bench_vetting_rescreen),
PARTIES counterparts of a partnership (a fifth of them on the list). Each round screens every party
again with `party_screen` twice: once as shipped (a ScreeningRecord and its audit event per screening)
and once with the record switched off (the code before), alternating which goes first. Then the whole
record is exported as CSV and JSON and the JSON export is checked with `audit_verify --export`.

    .venv/bin/python bench/bench_screening_record.py
"""

from __future__ import annotations

import contextlib
import io
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
# The list's screening index is built as the import commits, in this process, as the tests do.
os.environ.setdefault("TUHONO_TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")

from bench_vetting_rescreen import LATIN, list_entity, list_word, write_list  # noqa: E402
from common import scratch_database  # noqa: E402

LIST_SIZE = int(os.environ.get("BENCH_LIST_SIZE", "5000"))
PARTIES = int(os.environ.get("BENCH_PARTIES", "200"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))


def main() -> None:
    with scratch_database():
        _run()


def _screen_all(party_screen: Any, parties: list[Any], recorded: bool) -> float:
    switch: Any = (
        mock.patch("tuhono.vetting.services.screening.screening_record_write", lambda **kwargs: None)
        if not recorded
        else contextlib.nullcontext()
    )
    with switch:
        started = time.perf_counter()
        for party in parties:
            party_screen(actor=None, party=party)
        return time.perf_counter() - started


def _run() -> None:
    from django.core.management import call_command

    from tuhono.councils.models import Council
    from tuhono.partnerships.services import partnership_create
    from tuhono.places.services import place_get_or_create
    from tuhono.vetting import engine
    from tuhono.vetting.models import ScreenedParty, ScreeningRecord
    from tuhono.vetting.selectors.memory import screening_records_csv, screening_records_json
    from tuhono.vetting.services import counterpart_add, party_screen
    from tuhono.watchlists.services.imports import watchlist_import

    rng = random.Random(20261203)
    folder = Path(tempfile.mkdtemp(prefix="bench-record-"))
    entities = [list_entity(rng, n) for n in range(LIST_SIZE)]
    names = [f"{list_word(rng, LATIN)} {list_word(rng, LATIN)}" for _ in range(PARTIES)]
    for n, name in enumerate(names[: PARTIES // 5]):
        entities.append({"id": f"listed-{n}", "schema": "Person", "properties": {"name": [name]}})
    write_list(folder / "list.ftm.json", entities)
    watchlist_import(path=folder / "list.ftm.json", source_name="Synthetic", file_format="ftm")
    council = Council.objects.create(name="Bench Council", slug="bench")
    partnership = partnership_create(
        actor=None, council=council, partner=place_get_or_create(name="Qingdao", country_code="CN"), kind="sister_city"
    )
    engine.screen(names=["Warm Up"], schema="Person")
    for name in names:
        counterpart_add(actor=None, partnership=partnership, name=name)
    parties = list(ScreenedParty.objects.all())

    timings: dict[bool, list[float]] = {True: [], False: []}
    for round_number in range(ROUNDS):
        order = (True, False) if round_number % 2 == 0 else (False, True)
        for recorded in order:
            timings[recorded].append(_screen_all(party_screen, parties, recorded))
    with_record, without = statistics.median(timings[True]), statistics.median(timings[False])

    records = ScreeningRecord.objects.all()
    count = records.count()
    started = time.perf_counter()
    csv_text = screening_records_csv(records)
    csv_seconds = time.perf_counter() - started
    started = time.perf_counter()
    json_text = screening_records_json(records, described={})
    json_seconds = time.perf_counter() - started
    exported = folder / "export.json"
    exported.write_text(json_text, encoding="utf-8")
    started = time.perf_counter()
    call_command("audit_verify", "--export", str(exported), stdout=io.StringIO())
    verify_seconds = time.perf_counter() - started

    print(f"list {len(entities)} entities; {PARTIES} parties ({PARTIES // 5} listed); {ROUNDS} rounds each, median")
    print(f"{'method':<48}{'seconds':>10}{'ms each':>10}")
    print(f"{'party_screen with the screening record':<48}{with_record:>10.2f}{with_record / PARTIES * 1000:>10.1f}")
    print(f"{'party_screen without it (the code before)':<48}{without:>10.2f}{without / PARTIES * 1000:>10.1f}")
    cost = (with_record - without) / PARTIES * 1000
    print(f"record's cost: {cost:.1f} ms a screening ({with_record / without - 1:+.0%})")
    print(
        f"{count} records: CSV export {csv_seconds:.2f} s ({len(csv_text) / 1e6:.1f} MB), JSON export "
        f"{json_seconds:.2f} s ({len(json_text) / 1e6:.1f} MB), audit_verify --export {verify_seconds:.2f} s"
    )


if __name__ == "__main__":
    main()
