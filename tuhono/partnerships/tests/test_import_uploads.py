"""Hostile partnership files: too large, deeply nested or malformed JSON, other encodings. Each is read or refused
beside the file field, and nothing is left behind (no partnership, no file waiting)."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tuhono.partnerships.importing.reader import ImportFileError, read_rows_file
from tuhono.partnerships.models import Partnership
from tuhono.staff.tests.conftest import signed_in
from tuhono.watchlists.tests.keepers import make_keepers

pytestmark = pytest.mark.django_db
IMPORT_URL = "/admin/partnerships/partnership/import/"
HEADER = "city1,country1,city2,country2\n"


@pytest.fixture
def admin_client():
    make_keepers()
    from tuhono.accounts.models import User

    User.objects.filter(username="admin_akl").update(is_superuser=True)
    return signed_in("admin_akl")


def waiting_files(settings) -> list[Path]:
    return [p for p in Path(settings.TUHONO_UPLOAD_DIR).rglob("*") if p.is_file()]


def post(client, content: bytes, name: str = "list.csv"):
    return client.post(IMPORT_URL, {"file": SimpleUploadedFile(name, content)})


def file_error(response) -> str:
    html = response.content.decode()
    assert '<div class="form-row errors">' in html, html[:2000]
    return html


def test_the_limit_is_said_on_the_form_and_a_larger_body_is_refused_unread(admin_client, settings):
    settings.TUHONO_UPLOAD_MAX_BYTES = 2048
    assert "up to 2 KB" in admin_client.get(IMPORT_URL).content.decode()
    response = post(admin_client, (HEADER + "Kobe,Japan,Seattle,United States\n" * 200).encode())
    assert response.status_code == 413
    assert "larger than 2 KB" in file_error(response)
    assert not Partnership.objects.exists() and waiting_files(settings) == []


@pytest.mark.parametrize(
    ("content", "name", "expected"),
    [
        (b"[" * 50_000 + b"]" * 50_000, "deep.json", "line 1"),
        (b'{"place_a": "Kobe"}\n{"place_a": "Nara"}\n{"place_a": \n', "list.jsonl", "line 3"),
        (b"[1, 2,,]", "broken.json", "line 1, column 7"),
        (b"\n\n", "empty.csv", "no header row"),
    ],
)
def test_malformed_files_are_refused_with_line_and_reason(admin_client, settings, content, name, expected):
    response = post(admin_client, content, name)
    assert response.status_code == 200
    assert expected in file_error(response)
    assert not Partnership.objects.exists() and waiting_files(settings) == []


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "latin-1", "cp1252"])
def test_text_in_each_encoding_is_read(tmp_path, encoding):
    path = tmp_path / "list.csv"
    path.write_bytes((HEADER + "Zürich,Switzerland,São Paulo,Brazil\n").encode(encoding))
    read = read_rows_file(path)
    assert [(row.values["place_a"], row.values["place_b"]) for row in read.rows] == [("Zürich", "São Paulo")]


def test_binary_is_refused_with_a_reason(tmp_path):
    path = tmp_path / "list.csv"
    path.write_bytes(HEADER.encode() + bytes(range(0x80, 0x100)) * 3 + b"\x00")
    with pytest.raises(ImportFileError, match=r"NUL bytes|not text"):
        read_rows_file(path)
