"""The upload mechanism: bodies stopped at the limit, zip bombs refused before they are opened, encodings told."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadhandler import StopUpload
from django.test import RequestFactory

from tuhono.core.uploads import BoundedUploadHandler, UploadRefused, text_encoding, zip_guard


def test_a_body_is_stopped_as_soon_as_it_passes_the_limit(settings):
    settings.TUHONO_UPLOAD_MAX_BYTES = 1000
    request = RequestFactory().post("/")
    handler = BoundedUploadHandler(request)
    handler.receive_data_chunk(b"x" * 600, 0)
    with pytest.raises(StopUpload) as stopped:
        handler.receive_data_chunk(b"x" * 600, 600)
    assert stopped.value.connection_reset  # the rest of the body is not read
    assert "larger than 1000 bytes" in request.upload_refusal


def test_a_declared_length_over_the_limit_is_parsed_as_nothing(settings):
    settings.TUHONO_UPLOAD_MAX_BYTES = 1000
    request = RequestFactory().post("/")
    post, files = BoundedUploadHandler(request).handle_raw_input(None, {}, 10**9, b"boundary")
    assert not post and not files and request.upload_refusal


def _zip(members: dict[str, bytes]) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    buffer.seek(0)
    return buffer


def test_zip_guard_refuses_a_bomb_and_passes_a_workbook(tmp_path, settings):
    from pathlib import Path

    workbook = (
        Path(__file__).resolve().parents[2] / "watchlists" / "tests" / "fixtures" / "russia-sanctions-register.xlsx"
    )
    zip_guard(workbook)  # a real workbook passes
    bomb = tmp_path / "bomb.xlsx"
    bomb.write_bytes(_zip({"xl/sheet.xml": b"\0" * (20 << 20)}).getvalue())
    with pytest.raises(UploadRefused, match="decompression bomb"):
        zip_guard(bomb)
    settings.TUHONO_UPLOAD_MAX_BYTES = 100_000  # 1 MB uncompressed at most (ten times)
    many = tmp_path / "many.xlsx"
    many.write_bytes(_zip({f"part{n}.xml": bytes(range(256)) * 1000 for n in range(8)}).getvalue())
    with pytest.raises(UploadRefused, match="expand to more than"):
        zip_guard(many)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(UploadRefused, match="not a readable"):
        zip_guard(broken)


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("latin-1", "cp1252"), ("cp1252", "cp1252")],
)
def test_text_encoding_is_told_by_streaming(tmp_path, encoding, expected):
    path = tmp_path / "t.csv"
    path.write_bytes(
        ("name\nJosé Müller – Zoë\n" if encoding != "latin-1" else "name\nJosé Müller Zoë\n").encode(encoding)
    )
    assert text_encoding(path, chunk_size=7) == expected


def test_a_file_being_received_is_under_the_upload_folder_and_gone_when_closed(settings, tmp_path):
    from pathlib import Path

    from tuhono.core.uploads import ManagedTemporaryFileUploadHandler

    settings.TUHONO_UPLOAD_DIR = tmp_path
    handler = ManagedTemporaryFileUploadHandler(RequestFactory().post("/"))
    handler.new_file("file", "list.csv", "text/csv", 10)
    handler.receive_data_chunk(b"id,name\n", 0)
    received = handler.file_complete(8)
    path = Path(received.temporary_file_path())
    assert path.parent == tmp_path / "incoming" and path.read_bytes() == b"id,name\n"
    received.close()
    assert not path.exists()
