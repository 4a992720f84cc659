"""The benches at test size: a correctness check that they run and agree with themselves, not a timing test."""

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[3] / "bench"


def _load(name: str):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.django_db
def test_accuracy_bench_runs_on_a_slice(tmp_path):
    bench = _load("bench_screening_accuracy")
    source = bench.CASES.read_text(encoding="utf-8").splitlines()
    subset = tmp_path / "cases.csv"
    subset.write_text("\n".join(source[:60]) + "\n", encoding="utf-8")
    results = bench.run(subset)
    _precision, _recall, f1, n = results["overall"]["tuhono"]
    assert n == 59
    assert f1 >= 0.7  # the easy opening cases: a broken matcher falls far below


def test_synthetic_names_cover_several_scripts():
    import random

    bench = _load("bench_screening_speed")
    rng = random.Random(3)
    names = [bench.synthetic_name(rng)[1] for _ in range(400)]
    assert any("\u4e00" <= c <= "\u9fff" for n in names for c in n)  # Hanzi
    assert any("\u0400" <= c <= "\u04ff" for n in names for c in n)  # Cyrillic
    assert any("\u0600" <= c <= "\u06ff" for n in names for c in n)  # Arabic
