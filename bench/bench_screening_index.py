"""The screening index on disk (mapped by every process) beside the in-memory index built per process, in one run.

Run: .venv/bin/python bench/bench_screening_index.py [--size 1000000] [--queries 500] [--keep DIR]
(`make bench` runs it at BENCH_SCREENING_SIZE, default 1,000,000; --size 100000 for a quicker run.)
`--keep DIR` keeps the database, index and workload in DIR and, when DIR holds them already,
reuses them instead of importing again (the import is minutes at 1,000,000 entities), so two
trees can be measured against the same data. `--modes` picks rows; `--alerts FILE` writes each
screening's best match (pk, score, alert) for comparing two trees.

A synthetic list (bench_screening_speed's generator: several scripts, few exact repeats)
is imported with `manage.py watchlist_import` into a throw-away SQLite database;
the command builds the index before it returns. Then fresh processes, started the
way a web worker starts, screen the same names:

- cold start: wall time from starting the process to the first screening's result;
- peak RSS of the process, screenings a second on one core after start-up, p50/p95;
- four processes screening at once: their RSS and PSS (/proc/<pid>/smaps_rollup) summed, beside one.
- four workers forked from one warmed-up master (`preload`, gunicorn --preload): every process read at
  one moment while all are alive, PSS split into anonymous memory and file pages (the mapped index,
  libraries), and each worker's private dirty memory (what it holds of its own).

`--accuracy`: bench_screening_accuracy's 826 labelled pairs scored twice, with rigour's person-name
tagger and with the index's symbol table (matching/tagging.py); the two must agree.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
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
MODES = ("memory", "mapped", "four", "preload")
# --tree: the children import the project from another checkout, to measure two trees on the same data.
sys.path.insert(0, os.environ.get("BENCH_TREE") or str(ROOT))


def _speed_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_screening_speed", ROOT / "bench/bench_screening_speed.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _memory(pid: int | str = "self") -> dict[str, float]:
    values: dict[str, float] = {}
    with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
        for line in handle:
            parts = line.split()
            if parts and parts[0] in ("Rss:", "Pss:", "Pss_Anon:", "Pss_File:", "Private_Dirty:"):
                values[parts[0][:-1].lower()] = int(parts[1]) / 1024
    return values


def _screen_all(index, workload, started: float) -> dict[str, float]:  # type: ignore[no-untyped-def]
    from tuhono.watchlists.services.screening import screen_name

    screen_name(name=workload[0][1], schema=workload[0][0], index=index, limit=1)
    cold = time.time() - started
    latencies = []
    began = time.perf_counter()
    alerts = 0
    best = []
    for schema, name in workload:
        t0 = time.perf_counter()
        matches = screen_name(name=name, schema=schema, index=index, limit=1)
        latencies.append(time.perf_counter() - t0)
        alerts += bool(matches and matches[0].alert)
        best.append([matches[0].list_entity_pk, matches[0].score, matches[0].alert] if matches else None)
    total = time.perf_counter() - began
    latencies.sort()
    memory = _memory()
    return {
        "cold_start_s": cold,
        "per_second": len(workload) / total,
        "p50_ms": statistics.median(latencies) * 1000,
        "p95_ms": latencies[int(len(latencies) * 0.95) - 1] * 1000,
        "alerts": alerts,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rss_mb": memory.get("rss", 0.0),
        "pss_mb": memory.get("pss", 0.0),
        # What a forked worker holds of its own: its allocations and the master's pages it wrote to.
        "private_dirty_mb": memory.get("private_dirty", 0.0),
        # PSS split: process memory proper (anon) vs pages of files (the index, libraries), which the
        # page cache holds once for every process that maps them.
        "pss_anon_mb": memory.get("pss_anon", 0.0),
        "pss_file_mb": memory.get("pss_file", 0.0),
        "best": best,
    }


def child(mode: str, workload_path: str, started: float) -> None:
    """One screening process: start Django, screen the workload, print its figures as JSON.

    mode 'preload': warm up once, then fork four workers (gunicorn --preload) and print theirs.
    """
    import django

    django.setup()
    setup_s = time.time() - started
    from tuhono.watchlists.services.screening import build_index, candidate_index, warm_up_process

    workload = json.loads(Path(workload_path).read_text(encoding="utf-8"))
    if mode == "preload":
        from django.db import connections

        warm_up_process()
        connections.close_all()
        # Each worker reports, then waits until the master has read every process's memory at one
        # moment: read one by one as they exit, the master's heap would count once as shared with
        # the workers and again in full in the master alone.
        release_read, release_write = os.pipe()
        pipes = []
        for _ in range(4):
            read, write = os.pipe()
            forked = time.time()
            pid = os.fork()
            if pid == 0:
                os.close(read)
                os.close(release_write)
                result = _screen_all(candidate_index(), workload, forked)
                os.write(write, json.dumps(result).encode())
                os.close(write)
                os.read(release_read, 1)
                os._exit(0)
            os.close(write)
            pipes.append((pid, read))
        os.close(release_read)
        results = []
        for _, read in pipes:
            with os.fdopen(read, "rb") as handle:
                results.append(json.loads(handle.read()))
        for (pid, _), result in zip(pipes, results, strict=True):
            result.update({f"{k}_mb": v for k, v in _memory(pid).items()})
        memory = _memory()
        os.close(release_write)
        for pid, _ in pipes:
            os.waitpid(pid, 0)
        print(json.dumps({"workers": results, **{f"master_{k}_mb": v for k, v in memory.items()}}))
        return
    t0 = time.time()
    index = build_index() if mode == "memory" else candidate_index()
    index.search(["warm up"], "Person")
    index_s = time.time() - t0
    if mode == "mapped":
        warm_up_process()  # what build_index does besides indexing: the scorer's reference data, gc.freeze
    result = _screen_all(index, workload, started)
    result.update(setup_s=setup_s, index_s=index_s)
    print(json.dumps(result))


def _spawn(mode: str, workload: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    # The bench's own interpreter and file, with fixed arguments: no outside input.
    return subprocess.Popen(  # noqa: S603
        [sys.executable, __file__, "--child", mode, "--workload", str(workload), "--started", repr(time.time())],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )


def _collect(processes: list[subprocess.Popen[str]]) -> list[dict[str, float]]:
    out = []
    for process in processes:
        stdout, _ = process.communicate()
        if process.returncode:
            raise RuntimeError(f"screening process failed ({process.returncode})")
        out.append(json.loads(stdout.strip().splitlines()[-1]))
    return out


def _line(label: str, r: dict[str, float]) -> str:
    return (
        f"{label:<34}{r['cold_start_s']:>9.1f}{r['setup_s']:>9.1f}{r['index_s']:>9.2f}{r['peak_rss_mb']:>10.0f}"
        f"{r['per_second']:>10.0f}{r['p50_ms']:>8.1f}{r['p95_ms']:>8.1f}"
    )


def accuracy() -> None:
    """The labelled pairs with rigour's tagger, then with the index's symbol table."""
    spec = importlib.util.spec_from_file_location("bench_accuracy", ROOT / "bench/bench_screening_accuracy.py")
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    print("== person names analysed by rigour's tagger")
    bench.run(show_errors=True)
    from tuhono.watchlists.matching.tagging import SymbolTable, use_table, write_symbol_table

    with tempfile.TemporaryDirectory(prefix="tuhono-bench-symbols-") as tmp:
        info = write_symbol_table(Path(tmp) / "symbols")
        use_table(SymbolTable(Path(tmp) / "symbols", info["longest_phrase"]))
        print(f"\n== person names analysed with the index's symbol table ({info})")
        bench.run(show_errors=True)
        use_table(None)


def _import(speed, folder: Path, env: dict[str, str], size: int, queries: int) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Generate the list, import it (the command builds the index) and write the workload into `folder`."""
    data = folder / "entities.ftm.json"
    sample = speed.generate(data, size)
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True)  # noqa: S603
    started = time.perf_counter()
    imported = subprocess.run(  # noqa: S603
        [*manage, "watchlist_import", str(data), "--format", "ftm", "--source", "Synthetic"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    import_seconds = time.perf_counter() - started
    import_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    data.unlink()
    print(imported.stdout.strip())
    index_dir = folder / "screening-index"
    size_bytes = sum(p.stat().st_size for p in index_dir.rglob("*") if p.is_file())
    build_line = next((ln for ln in imported.stdout.splitlines() if "built in" in ln), "")
    build_seconds = float(build_line.rsplit("built in", 1)[1].split("s")[0]) if build_line else float("nan")
    print(
        f"watchlist_import (with the index build): {import_seconds:.1f} s, peak RSS {import_peak:.0f} MB; "
        f"index build {build_seconds:.1f} s, {size_bytes / 1e6:.0f} MB on disk"
    )
    rng = random.Random(11)
    picks = [sample[rng.randrange(len(sample))] for _ in range(queries // 2)]
    workload = [(s, speed.mangle(n, rng)) for s, n in picks]
    workload += [speed.synthetic_name(random.Random(1000 + i)) for i in range(queries - len(workload))]
    rng.shuffle(workload)
    (folder / "workload.json").write_text(json.dumps(workload, ensure_ascii=False), encoding="utf-8")
    return {
        "import_s": import_seconds,
        "import_peak_mb": import_peak,
        "build_s": build_seconds,
        "index_mb": size_bytes / 1e6,
    }


def run(
    *, size: int, queries: int, memory_workers: bool, keep: str = "", modes: tuple[str, ...] = MODES, alerts: str = ""
) -> dict[str, object]:
    speed = _speed_module()
    results: dict[str, object] = {"size": size}
    load = os.getloadavg()
    print(f"load average before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores")
    with contextlib.ExitStack() as stack:
        folder = Path(keep) if keep else Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="tuhono-bench-")))
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{folder / 'bench.sqlite3'}",
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "TUHONO_SCREENING_INDEX_DIR": str(folder / "screening-index"),
            "TUHONO_TASKS_BACKEND": "django_tasks.backends.dummy.DummyBackend",
        }
        workload_path = folder / "workload.json"
        if workload_path.exists():
            print(f"reusing the database, index and workload in {folder}")
        else:
            folder.mkdir(parents=True, exist_ok=True)
            results.update(_import(speed, folder, env, size, queries))
        workload = json.loads(workload_path.read_text(encoding="utf-8"))
        results["queries"] = len(workload)
        print(f"\none process, {queries} screenings (half mangled list names)")
        print(
            f"{'':<34}{'cold s':>9}{'Django s':>9}{'index s':>9}{'peak MB':>10}{'per s':>10}{'p50 ms':>8}{'p95 ms':>8}"
        )
        one: dict[str, dict[str, float]] = {}
        for mode, label in (("memory", "in-memory index built per process"), ("mapped", "index mapped from disk")):
            if mode in modes or (mode == "mapped" and "four" in modes):
                (one[mode],) = _collect([_spawn(mode, workload_path, env)])
                print(_line(label, one[mode]))
                results[mode] = one[mode]
        if alerts:
            best = {mode: one[mode].pop("best") for mode in one}
            Path(alerts).write_text(json.dumps({"workload": workload, "best": best}), encoding="utf-8")
        for r in one.values():
            r.pop("best", None)

        print("\nfour processes screening at once (gunicorn-like workers), memory at the end of their run")
        print(f"{'':<34}{'RSS MB':>10}{'PSS MB':>10}{'per s each':>12}{'cold s max':>12}")
        four_modes = [m for m in (["mapped", "memory"] if memory_workers else ["mapped"]) if "four" in modes]
        for mode in four_modes:
            four = _collect([_spawn(mode, workload_path, env) for _ in range(4)])
            rss, pss = sum(r["rss_mb"] for r in four), sum(r["pss_mb"] for r in four)
            first = one.get(mode, {})
            label = "index mapped from disk" if mode == "mapped" else "in-memory index built per process"
            if first:
                print(
                    f"{label + ', one':<34}{first['rss_mb']:>10.0f}{first['pss_mb']:>10.0f}{first['per_second']:>12.0f}"
                )
            print(
                f"{label + ', four':<34}{rss:>10.0f}{pss:>10.0f}"
                f"{statistics.mean(r['per_second'] for r in four):>12.0f}{max(r['cold_start_s'] for r in four):>12.1f}"
            )
            results[f"{mode}_four"] = {"rss_mb": rss, "pss_mb": pss}
        if "preload" in modes:
            (preload,) = _collect([_spawn("preload", workload_path, env)])
            workers = preload["workers"]
            for r in workers:
                r.pop("best", None)
            rss = preload["master_rss_mb"] + sum(r["rss_mb"] for r in workers)
            pss = preload["master_pss_mb"] + sum(r["pss_mb"] for r in workers)
            speed_each = statistics.mean(r["per_second"] for r in workers)
            cold_max = max(r["cold_start_s"] for r in workers)
            print(
                f"{'mapped, four forked (--preload)':<34}{rss:>10.0f}{pss:>10.0f}{speed_each:>12.0f}{cold_max:>12.1f}"
                "   (master included)"
            )
            print(f"{'  of which the master':<34}{preload['master_rss_mb']:>10.0f}{preload['master_pss_mb']:>10.0f}")
            dirty = [r.get("private_dirty_mb", 0.0) for r in workers]
            print(f"{'  each worker, private dirty MB':<34}{' '.join(f'{d:.0f}' for d in dirty):>20}")
            anon = preload.get("master_pss_anon_mb", 0.0) + sum(r.get("pss_anon_mb", 0.0) for r in workers)
            files = preload.get("master_pss_file_mb", 0.0) + sum(r.get("pss_file_mb", 0.0) for r in workers)
            print(f"{'  PSS anon / file, master included':<34}{anon:>10.0f}{files:>10.0f}")
            if "mapped" in one:
                alone = one["mapped"]
                print(
                    f"{'  one process, PSS anon / file':<34}{alone['pss_anon_mb']:>10.0f}{alone['pss_file_mb']:>10.0f}"
                )
            results["preload_four"] = {"rss_mb": rss, "pss_mb": pss, "workers": workers}
    load = os.getloadavg()
    print(f"load average after: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    print(
        "targets (index mapped from disk): cold start <= 5 s, peak RSS <= 600 MB, >= 100 screenings/s, p95 <= 20 ms, "
        "four workers about one"
    )
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=int(os.environ.get("BENCH_SCREENING_SIZE", "1000000")))
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--child", choices=["memory", "mapped", "preload"])
    parser.add_argument("--workload")
    parser.add_argument("--started", type=float, default=0.0)
    parser.add_argument(
        "--memory-workers", action="store_true", help="also four in-memory processes (at 1M: about 5 GB, minutes)"
    )
    parser.add_argument("--keep", default="", help="keep (or reuse) the database, index and workload in this folder")
    parser.add_argument("--modes", default=",".join(MODES), help=f"rows to run, of {','.join(MODES)}")
    parser.add_argument("--alerts", default="", help="write each screening's best match to this JSON file")
    parser.add_argument("--tree", default="", help="screen with the project checkout at this path (same data)")
    parser.add_argument("--accuracy", action="store_true", help="the labelled pairs, rigour's tagger vs index symbols")
    args, _ = parser.parse_known_args()
    if args.accuracy:
        accuracy()
        return
    if args.child:
        child(args.child, args.workload, args.started)
        return
    if args.tree:
        os.environ["BENCH_TREE"] = str(Path(args.tree).resolve())
    run(
        size=args.size,
        queries=args.queries,
        memory_workers=args.memory_workers or args.size <= 200000,
        keep=args.keep,
        modes=tuple(args.modes.split(",")),
        alerts=args.alerts,
    )


if __name__ == "__main__":
    main()
