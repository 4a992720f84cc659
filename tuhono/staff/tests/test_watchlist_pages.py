"""Security officers keep watch lists in the staff pages: upload, preview, confirm, restore; hostile files are refused
beside the field and leave nothing behind."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tuhono.watchlists.models import ListEntity, ListUpload, ListVersion, Source
from tuhono.watchlists.tests.keepers import NAMES, list_csv, make_keepers

from .conftest import signed_in

pytestmark = pytest.mark.django_db
UPLOAD = reverse("staff:vetting:list_upload")
LISTS = reverse("staff:vetting:lists")
FIXTURES = Path(__file__).resolve().parents[2] / "watchlists" / "tests" / "fixtures"


@pytest.fixture
def people():
    return make_keepers()


def post_list(client, content: bytes, *, name="list.csv", source="Council list", file_format="csv", **extra):
    return client.post(
        UPLOAD, {"source": source, "file_format": file_format, "file": SimpleUploadedFile(name, content), **extra}
    )


def nothing_left_behind(settings) -> None:
    assert not ListUpload.objects.exists()
    assert not Source.objects.exists() and not ListVersion.objects.exists() and not ListEntity.objects.exists()
    assert [p for p in Path(settings.TUHONO_UPLOAD_DIR).rglob("*") if p.is_file()] == []


def field_error(response) -> str:
    html = response.content.decode()
    found = re.search(r'<p class="error-message" id="id_file-error">(.*?)</p>', html, re.S)
    assert found, html[:3000]
    assert 'class="error-summary"' in html
    return re.sub(r"<[^>]+>", "", found.group(1))


def test_a_security_officer_uploads_previews_and_confirms_a_list(people):
    client = signed_in("sec_akl")
    page = client.get(UPLOAD)
    assert page.status_code == 200 and "Up to 100 MB" in page.content.decode()
    response = post_list(client, list_csv(NAMES))
    upload = ListUpload.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "staff:vetting:list_preview", args=[upload.pk]
    )
    preview = client.get(response["Location"]).content.decode()
    assert "Aleksandr Petrov" in preview and "Confirm this version" in preview
    assert not ListVersion.objects.exists()

    client.post(reverse("staff:vetting:list_confirm", args=[upload.pk]))
    version = ListVersion.objects.get()
    assert version.status == "in_force" and version.entity_count == 10
    listing = client.get(LISTS).content.decode()
    assert "Council list" in listing and "Auckland Council" in listing
    assert "Watch lists" in client.get(reverse("staff:vetting:queue")).content.decode()


def test_emptying_a_list_needs_two_different_officers(people):
    first, second = signed_in("sec_akl"), signed_in("sec_akl2")
    post_list(first, list_csv(NAMES))
    first.post(reverse("staff:vetting:list_confirm", args=[ListUpload.objects.get().pk]))

    empty = post_list(first, list_csv([]))
    assert "holds no entities" in field_error(empty)

    post_list(first, list_csv(NAMES[:1]))
    upload = ListUpload.objects.exclude(status="confirmed").get()
    preview = first.get(reverse("staff:vetting:list_preview", args=[upload.pk])).content.decode()
    assert "removes 90.0% of the entities in force" in preview
    first.post(reverse("staff:vetting:list_confirm", args=[upload.pk]))
    again = first.post(reverse("staff:vetting:list_confirm", args=[upload.pk]), follow=True).content.decode()
    assert "second, different security officer" in again
    assert ListEntity.objects.filter(removed_in_version__isnull=True).count() == 10

    page = second.get(reverse("staff:vetting:list_preview", args=[upload.pk])).content.decode()
    assert "Confirm as the second officer" in page
    second.post(reverse("staff:vetting:list_confirm", args=[upload.pk]))
    assert ListEntity.objects.filter(removed_in_version__isnull=True).count() == 1


def test_restore_from_the_list_page(people):
    client = signed_in("sec_akl")
    for names in (NAMES, NAMES[:9]):
        post_list(client, list_csv(names))
        client.post(
            reverse("staff:vetting:list_confirm", args=[ListUpload.objects.exclude(status="confirmed").get().pk])
        )
    source = Source.objects.get()
    earlier = ListVersion.objects.get(status="superseded")
    page = client.get(reverse("staff:vetting:list", args=[source.pk])).content.decode()
    assert "Restore this version" in page
    response = client.post(reverse("staff:vetting:list_restore", args=[earlier.pk]))
    restore = ListUpload.objects.get(restored_from=earlier)
    assert response["Location"] == reverse("staff:vetting:list_preview", args=[restore.pk])
    client.post(reverse("staff:vetting:list_confirm", args=[restore.pk]))
    assert ListEntity.objects.filter(removed_in_version__isnull=True).count() == 10


def test_other_councils_and_other_roles(people):
    auckland = signed_in("sec_akl")
    post_list(auckland, list_csv(NAMES))
    upload = ListUpload.objects.get()
    auckland.post(reverse("staff:vetting:list_confirm", args=[upload.pk]))
    source = Source.objects.get()

    dunedin = signed_in("sec_dud")
    assert "Council list" not in dunedin.get(LISTS).content.decode()
    assert dunedin.get(reverse("staff:vetting:list", args=[source.pk])).status_code == 404
    assert dunedin.get(reverse("staff:vetting:list_preview", args=[upload.pk])).status_code == 404
    taken = post_list(dunedin, list_csv(NAMES[:1]))
    assert "list you do not keep" in taken.content.decode()
    assert ListEntity.objects.filter(removed_in_version__isnull=True).count() == 10

    for username in ("officer_akl", "approver_akl", "admin_akl"):
        client = signed_in(username)
        assert client.get(UPLOAD).status_code == 403
        assert post_list(client, list_csv(NAMES[:1])).status_code == 403
        assert client.get(LISTS).status_code == 403
    assert ListUpload.objects.count() == 1


def test_a_body_larger_than_the_limit_is_refused_beside_the_field(people, settings):
    settings.TUHONO_UPLOAD_MAX_BYTES = 4096
    client = signed_in("sec_akl")
    assert "Up to 4 KB" in client.get(UPLOAD).content.decode()
    response = post_list(client, list_csv(NAMES * 40))
    assert response.status_code == 413
    assert "larger than 4 KB" in field_error(response)
    nothing_left_behind(settings)


def _bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as member:
            for _ in range(64):
                member.write(b"\0" * (1 << 20))
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "file_format", "content", "expected"),
    [
        ("bomb.xlsx", "mfat-xlsx", _bomb(), "decompression bomb"),
        ("deep.ftm.json", "ftm", b'{"id": "x", "schema": "Person", "p": ' + b"[" * 100_000 + b"}\n", "line 1"),
        ("bad.ftm.json", "ftm", (FIXTURES / "malformed.ftm.json").read_bytes(), "line 3"),
        ("empty.csv", "csv", list_csv([]), "holds no entities"),
        ("binary.csv", "csv", b"id,schema,name\n\x00\x01\x02\xff", "NUL bytes"),
        ("utf16-no-bom.csv", "csv", list_csv(NAMES, encoding="utf-16-le"), "UTF-16 without a byte-order mark"),
    ],
)
def test_hostile_files_are_refused_beside_the_field_and_leave_nothing(
    people, settings, name, file_format, content, expected
):
    client = signed_in("sec_akl")
    response = post_list(client, content, name=name, file_format=file_format)
    assert response.status_code == 200
    message = field_error(response)
    assert expected in message and "Nothing was changed" in message
    nothing_left_behind(settings)


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-16", "utf-8-sig"])
def test_text_in_other_encodings_is_read(people, encoding):
    client = signed_in("sec_akl")
    response = post_list(client, list_csv(["José Müller", "Zoë Ærøskøbing"], encoding=encoding))
    assert response.status_code == 302
    preview = client.get(response["Location"]).content.decode()
    assert "José Müller" in preview and "Zoë Ærøskøbing" in preview
