"""The back office: upload, preview, apply; staff import and edit only their own council's records."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from conftest import administrator_client, otp_verified_client
from tuhono.audit.models import AuditEvent
from tuhono.partnerships.models import Partnership

pytestmark = pytest.mark.django_db
IMPORT_URL = "/admin/partnerships/partnership/import/"


def upload(client, text: str):
    return client.post(IMPORT_URL, {"file": SimpleUploadedFile("list.csv", text.encode("utf-8"))})


def test_preview_changes_nothing_then_apply_imports(demo):
    client = otp_verified_client("admin")
    before = Partnership.objects.count()
    response = upload(client, "city1,country1,city2,country2\nKobe,Japan,Seattle,United States\nX,Atlantis,Y,Japan\n")
    text = response.content.decode()
    assert "nothing has changed yet" in text
    assert "unknown country &#x27;Atlantis&#x27;" in text or "unknown country 'Atlantis'" in text
    assert Partnership.objects.count() == before
    token = response.context["token"]
    report = client.post(IMPORT_URL, {"action": "report", "token": token})
    assert report["Content-Type"].startswith("text/csv")
    assert "rejected" in report.content.decode("utf-8-sig")
    response = client.post(IMPORT_URL, {"action": "apply", "token": token})
    assert response.status_code == 302
    assert Partnership.objects.count() == before + 1
    event = AuditEvent.objects.filter(action="partnerships.imported").latest("sequence")
    assert event.actor.username == "admin" and event.payload["rejected"] == 1
    # The token is spent.
    response = client.post(IMPORT_URL, {"action": "apply", "token": token})
    assert Partnership.objects.count() == before + 1


def test_an_administrator_imports_for_their_own_council_only(demo):
    client = administrator_client("dunedinadmin", "dunedin")
    response = upload(
        client, "city1,country1,city2,country2\nDunedin,New Zealand,Ōita,Japan\nGore,New Zealand,Tamworth,Australia\n"
    )
    rows = {row.partner: row for row in response.context["rows"]}
    assert rows["Ōita"].outcome == "created"
    assert rows["Tamworth"].outcome == "rejected" and "not your council" in rows["Tamworth"].reason


def test_the_national_coordinator_and_officers_cannot_import(demo):
    for username in ("national", "officer"):
        response = otp_verified_client(username).get(IMPORT_URL)
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    # A national administrator imports a national list, for any council.
    assert administrator_client("nationaladmin", None).get(IMPORT_URL).status_code == 200


def test_administrators_see_and_edit_only_their_councils_records_national_reads_all(demo):
    dunedin_record = Partnership.objects.filter(council__slug="dunedin").first()
    auckland_record = Partnership.objects.filter(council__slug="auckland").first()
    hutt_record = Partnership.objects.filter(council__slug="hutt-city").first()
    changelist = reverse("admin:partnerships_partnership_changelist")

    client = administrator_client("dunedinadmin", "dunedin")
    listed = {p.pk for p in client.get(changelist + "?all=").context["cl"].result_list}
    assert dunedin_record.pk in listed and auckland_record.pk not in listed and hutt_record.pk not in listed
    assert client.get(reverse("admin:partnerships_partnership_change", args=[auckland_record.pk])).status_code in (
        302,
        404,
    )

    client = administrator_client("nationaladmin", None, "national_coordinator")
    response = client.get(changelist)
    assert response.context["cl"].result_count == Partnership.objects.count()
    page = client.get(reverse("admin:partnerships_partnership_change", args=[hutt_record.pk]))
    assert page.status_code == 200
    assert not page.context["has_change_permission"]  # reads, never edits
