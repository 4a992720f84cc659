"""Accuracy of the Tūhono name matcher beside nomenklatura's logic-v2, on the labelled pairs.

Run: .venv/bin/python bench/bench_screening_accuracy.py [--errors]

--errors also lists every false positive and false negative at the threshold, with the
token and logic-v2 scores behind it.
"""

from __future__ import annotations

import csv
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
CASES = ROOT / "tuhono" / "watchlists" / "data" / "name-matching-cases.csv"


def prf(rows: list[tuple[bool, bool]]) -> tuple[float, float, float, int]:
    tp = sum(1 for label, pred in rows if label and pred)
    fp = sum(1 for label, pred in rows if not label and pred)
    fn = sum(1 for label, pred in rows if label and not pred)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, len(rows)


def cross_script(a: str, b: str) -> bool:
    from tuhono.watchlists.matching.names import script_key

    return script_key(a) != script_key(b)


def run(cases_path: Path = CASES, show_errors: bool = False) -> dict[str, dict[str, tuple[float, float, float, int]]]:
    import django

    django.setup()
    from followthemoney import model
    from nomenklatura.matching import LogicV2
    from nomenklatura.matching.types import ScoringConfig

    from tuhono.watchlists.matching.scoring import score_names
    from tuhono.watchlists.services.screening import screening_threshold

    threshold = screening_threshold()
    config = ScoringConfig(weights={}, config={k: v.default for k, v in LogicV2.CONFIG.items()})
    with cases_path.open(encoding="utf-8") as handle:
        cases = list(csv.DictReader(handle))

    def entity(i: str, schema: str, name: str):  # type: ignore[no-untyped-def]
        proxy = model.make_entity(schema)
        proxy.id = i
        proxy.add("name", name)
        return proxy

    ours: list[float] = []
    explained = []
    theirs: list[float] = []
    started = time.perf_counter()
    for case in cases:
        scored = score_names([case["name1"]], [case["name2"]], case["schema"], case["schema"])
        ours.append(scored.score)
        explained.append(scored)
    our_seconds = time.perf_counter() - started
    started = time.perf_counter()
    for i, case in enumerate(cases):
        a, b = entity(f"a{i}", case["schema"], case["name1"]), entity(f"b{i}", case["schema"], case["name2"])
        theirs.append(LogicV2.compare(a, b, config).score)
    their_seconds = time.perf_counter() - started

    groups: dict[str, list[int]] = defaultdict(list)
    for i, case in enumerate(cases):
        groups["overall"].append(i)
        groups[f"schema: {case['schema']}"].append(i)
        if cross_script(case["name1"], case["name2"]):
            groups["across scripts"].append(i)
        category = case["category"] or "nomenklatura checks (no category)"
        if category in {"LLM-proposed deviation", "nomenklatura checks (no category)", "logic_v2_cases"}:
            groups[f"category: {category}"].append(i)
        else:
            groups["category: other (small groups)"].append(i)

    best_theirs = max(
        (prf([(cases[i]["is_match"] == "true", theirs[i] >= t / 100) for i in groups["overall"]])[2], t / 100)
        for t in range(50, 96)
    )
    results: dict[str, dict[str, tuple[float, float, float, int]]] = {}
    for name, idx in groups.items():
        labels = [cases[i]["is_match"] == "true" for i in idx]
        results[name] = {
            "tuhono": prf([(lab, ours[i] >= threshold) for lab, i in zip(labels, idx, strict=True)]),
            "logic-v2": prf([(lab, theirs[i] >= threshold) for lab, i in zip(labels, idx, strict=True)]),
            "logic-v2 best": prf([(lab, theirs[i] >= best_theirs[1]) for lab, i in zip(labels, idx, strict=True)]),
        }
    print(f"{len(cases)} pairs; threshold {threshold:.2f}; logic-v2's own best threshold {best_theirs[1]:.2f}")
    print(f"time: Tūhono {our_seconds:.1f} s, logic-v2 alone {their_seconds:.1f} s")
    header = f"{'group':45} {'n':>4}  {'Tūhono P/R/F1':>20}  {'logic-v2 P/R/F1':>20}  {'logic-v2 @best':>20}"
    print(header)
    for name, row in results.items():
        cells = ["{:.3f}/{:.3f}/{:.3f}".format(*row[k][:3]) for k in ("tuhono", "logic-v2", "logic-v2 best")]
        print(f"{name:45} {row['tuhono'][3]:>4}  {cells[0]:>20}  {cells[1]:>20}  {cells[2]:>20}")
    if show_errors:
        print("\nerrors at the threshold (FP = alert on a non-match, FN = a match missed):")
        for case, scored in zip(cases, explained, strict=True):
            label, alert = case["is_match"] == "true", scored.score >= threshold
            if label != alert:
                kind = "FN" if label else "FP"
                print(
                    f"{kind} {scored.score:.2f} (token {scored.token:.2f}, logic-v2 {scored.logic_v2:.2f}) "
                    f"{case['schema']}: {case['name1']!r} / {case['name2']!r}"
                )
    return results


def main() -> None:
    run(show_errors="--errors" in sys.argv[1:])


if __name__ == "__main__":
    main()
