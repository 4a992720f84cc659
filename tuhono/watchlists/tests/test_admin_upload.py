"""A security officer who administers the site uploads a new version of a watch list in Django's admin."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from conftest import administrator_client
from tuhono.audit.models import AuditEvent
from tuhono.watchlists.models import ListVersion

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).resolve().parent / "fixtures"
UPLOAD = reverse("admin:watchlists_listversion_upload")


def upload(name: str, path: Path) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, path.read_bytes())


def test_a_security_officer_uploads_a_list_and_it_is_in_force(demo):
    client = administrator_client("securityadmin", "auckland", "security_officer")
    assert client.get(UPLOAD).status_code == 200
    response = client.post(
        UPLOAD,
        {
            "source": "UN SC consolidated",
            "file_format": "",
            "file": upload("consolidated.xml", FIXTURES / "consolidated.xml"),
        },
    )
    assert response.status_code == 302
    version = ListVersion.objects.get(source__name="UN SC consolidated")
    assert version.status == "in_force" and version.entity_count > 0
    event = AuditEvent.objects.filter(action="watchlist.version_imported").latest("sequence")
    assert event.actor.username == "securityadmin"


def test_a_malformed_file_is_refused_beside_the_field_and_nothing_changes(demo):
    client = administrator_client("securityadmin", "auckland", "security_officer")
    before = ListVersion.objects.filter(status="in_force").count()
    response = client.post(
        UPLOAD,
        {
            "source": "Demonstration watch list",
            "file_format": "ftm",
            "file": upload("bad.ftm.json", FIXTURES / "malformed.ftm.json"),
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Refused:" in html and "line 3" in html and "The previous version stays in force." in html
    assert ListVersion.objects.filter(status="in_force").count() == before


def test_an_officer_may_not_upload(demo, client):
    from tuhono.accounts.models import User

    client.force_login(User.objects.get(username="officer"))
    assert client.get(UPLOAD)["Location"].startswith("/admin/login/")


def test_an_ofac_list_comes_with_its_alias_and_address_files(demo):
    client = administrator_client("securityadmin", "auckland", "security_officer")
    ofac = FIXTURES / "ofac"
    response = client.post(
        UPLOAD,
        {
            "source": "OFAC SDN",
            "file_format": "ofac-csv",
            "file": upload("sdn.csv", ofac / "sdn.csv"),
            "ofac_alt": upload("whatever.csv", ofac / "alt.csv"),
            "ofac_add": upload("add.csv", ofac / "add.csv"),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert ListVersion.objects.get(source__name="OFAC SDN").entity_count > 0
