"""The screening index on disk: one per set of list versions, switched atomically, never built in a request."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command

from tuhono.watchlists.matching.mapped import MappedIndex
from tuhono.watchlists.matching.names import form_keys, name_forms
from tuhono.watchlists.services import index_build
from tuhono.watchlists.services.imports import watchlist_import
from tuhono.watchlists.services.screening import IndexNotReady, build_index, candidate_index, screen_name

pytestmark = pytest.mark.django_db

QUERIES = [
    ("Person", "Xi Jinping"),
    ("Person", "Sergey Lavrov"),
    ("Person", "Kim Jong Un"),
    ("Person", "Aroha Ngata"),
    ("Company", "Rosneft Oil Company"),
    ("Organization", "Al-Qaida"),
]


def _no_worker(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def _root(settings) -> Path:
    return Path(settings.TUHONO_SCREENING_INDEX_DIR)


def test_the_index_on_disk_finds_what_the_in_memory_index_finds(fixtures):
    watchlist_import(path=fixtures / "entities.ftm.json", source_name="OpenSanctions")
    watchlist_import(path=fixtures / "consolidated.xml", source_name="UN SC")
    mapped, memory = candidate_index(), build_index()
    assert isinstance(mapped, MappedIndex) and len(mapped) == len(memory) > 0
    for schema, name in QUERIES:
        forms = [form for form, _ in name_forms(name, schema == "Person")]
        assert mapped.search(forms, schema) == memory.search(forms, schema), name
        for key in form_keys(forms[0]):
            holders = memory.postings.get(key)
            assert mapped.key_frequency(key) == (0 if holders is None else len(holders)), key
        tokens = forms[0].split()
        assert mapped.joint_frequency(tokens) == memory.joint_frequency(tokens), name  # namesakes counted
    assert mapped.key_frequency("no-such-name-part") == 0
    assert mapped.joint_frequency(["xi", "jinping"]) >= 1 and mapped.joint_frequency(["xi", "lavrov"]) == 0


def test_a_new_version_waits_for_its_index_and_a_crashed_build_leaves_the_old_one_in_place(
    fixtures, settings, monkeypatch
):
    v1 = watchlist_import(path=fixtures / "entities.ftm.json", source_name="OpenSanctions").version
    root = _root(settings)
    old_folder = json.loads((root / "current.json").read_text())["folder"]
    assert screen_name(name="Xi Jinping")[0].alert

    _no_worker(settings)  # the build is queued, and no worker has taken it yet
    v2 = watchlist_import(path=fixtures / "entities-v2.ftm.json", source_name="OpenSanctions").version
    assert not index_build.index_ready()
    with pytest.raises(IndexNotReady):
        screen_name(name="Xi Jinping")  # never built here: the caller queues the screening

    def crash(folder, entities, **kwargs):
        Path(folder).mkdir(parents=True)
        (Path(folder) / "pks.npy").write_bytes(b"half")
        raise OSError("disk full")

    monkeypatch.setattr(index_build, "write_index", crash)
    with pytest.raises(OSError):
        index_build.index_build_now()
    pointer = json.loads((root / "current.json").read_text())
    assert pointer["folder"] == old_folder and pointer["signature"] == [v1.pk]
    assert (root / old_folder / "meta.json").exists()
    assert not index_build.index_ready()
    monkeypatch.undo()

    outcome = index_build.index_build_now()  # re-run after the crash
    assert outcome.built and outcome.signature == (v2.pk,)
    assert json.loads((root / "current.json").read_text())["signature"] == [v2.pk]
    folders = sorted(p.name for p in root.iterdir() if p.is_dir())
    assert folders == [outcome.folder.name]  # the old index and the half-built one are gone
    assert screen_name(name="Xi Jinping")[0].alert
    assert not index_build.index_build_now().built  # nothing to do twice


def test_the_import_command_builds_the_index_before_it_returns(fixtures, settings, capsys):
    _no_worker(settings)  # no worker: only the command itself can have built it
    call_command("watchlist_import", str(fixtures / "entities.ftm.json"), "--source", "OpenSanctions")
    assert "Screening index:" in capsys.readouterr().out
    assert index_build.index_ready()
    assert screen_name(name="Xi Jinping")[0].alert

    call_command("screening_index_build")
    assert "already built" in capsys.readouterr().out
    call_command("screening_index_build", "--force")
    out = capsys.readouterr().out
    assert "Screening index for list versions" in out and "built in" in out
    assert screen_name(name="Xi Jinping")[0].alert


def test_the_screen_command_builds_a_missing_index_instead_of_failing(fixtures, settings, tmp_path):
    _no_worker(settings)
    watchlist_import(path=fixtures / "entities.ftm.json", source_name="OpenSanctions")
    assert not index_build.index_ready()
    people = tmp_path / "people.csv"
    people.write_text("full_name\nXi Jinping\nAroha Ngata\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    call_command("screen", "--input", str(people), "--output", str(out))
    rows = out.read_text(encoding="utf-8").splitlines()
    assert len(rows) == 3 and ',"true",' in rows[1]
    assert index_build.index_ready()
