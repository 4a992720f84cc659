import pytest
from django.urls import reverse

from conftest import administrator_client
from tuhono.accounts.models import User
from tuhono.audit.models import AuditEvent
from tuhono.partnerships.models import Partnership

pytestmark = pytest.mark.django_db


def status_url(partnership: Partnership) -> str:
    return reverse("admin:partnerships_partnership_status", args=[partnership.pk])


def test_status_change_in_the_back_office_asks_date_and_reason_and_is_audited(demo):
    client = administrator_client("aucklandadmin", "auckland")
    officer = User.objects.get(username="aucklandadmin")
    tomioka = Partnership.objects.get(partner__name="Tomioka")

    response = client.post(status_url(tomioka), {"status": "dormant", "changed_on": "", "reason": ""})
    assert response.status_code == 200
    html = response.content.decode()
    assert "This field is required." in html
    tomioka.refresh_from_db()
    assert tomioka.status == "active"

    response = client.post(
        status_url(tomioka),
        {"status": "dormant", "changed_on": "2026-11-30", "reason": "No activity since the town reopened"},
    )
    assert response.status_code == 302
    tomioka.refresh_from_db()
    assert tomioka.status == "dormant"
    event = AuditEvent.objects.filter(action="partnership.status_changed", target_id=str(tomioka.pk)).get()
    assert event.actor == officer
    assert event.actor_label == "Test Administrator (aucklandadmin)"
    assert event.payload["reason"] == "No activity since the town reopened"
    assert event.payload["changed_on"] == "2026-11-30"


def test_refused_move_is_explained_beside_the_form(demo):
    client = administrator_client("aucklandadmin", "auckland")
    busan = Partnership.objects.get(partner__name="Busan")
    response = client.post(status_url(busan), {"status": "proposed", "changed_on": "2026-01-01", "reason": "x"})
    assert response.status_code == 200
    assert "cannot become proposed" in response.content.decode()


def test_editing_in_the_admin_goes_through_the_service_and_is_audited(demo):
    client = administrator_client("aucklandadmin", "auckland")
    busan = Partnership.objects.get(partner__name="Busan")
    url = reverse("admin:partnerships_partnership_change", args=[busan.pk])
    form = client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(
        {
            "council": busan.council_id,
            "partner": busan.partner_id,
            "focus_areas": [a.pk for a in busan.focus_areas.all()],
            "summary": "Film, trade and the marine industry.",
            "published": "on",
            "milestones-TOTAL_FORMS": "0",
            "milestones-INITIAL_FORMS": "0",
            "status_changes-TOTAL_FORMS": "0",
            "status_changes-INITIAL_FORMS": "0",
        }
    )
    data.pop("id", None)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    event = AuditEvent.objects.filter(action="partnership.updated", target_id=str(busan.pk)).get()
    assert event.payload["changes"]["summary"]["to"] == "Film, trade and the marine industry."


def test_another_councils_administrator_cannot_see_or_change(demo):
    client = administrator_client("dunedinadmin", "dunedin")
    busan = Partnership.objects.get(partner__name="Busan")
    assert client.get(reverse("admin:partnerships_partnership_change", args=[busan.pk])).status_code == 302
    assert (
        client.post(status_url(busan), {"status": "dormant", "changed_on": "2026-01-01", "reason": "x"}).status_code
        == 404
    )
    listing = client.get(reverse("admin:partnerships_partnership_changelist")).content.decode()
    assert "Busan" not in listing and "Shanghai" in listing


def test_a_national_administrator_reads_all_but_edits_none(client, demo):
    client.force_login(User.objects.get(username="national"))
    # The national coordinator works in the national pages; Django's admin is not theirs.
    assert client.get(reverse("admin:partnerships_partnership_changelist")).status_code == 302
    client = administrator_client("nationaladmin", None, "national_coordinator")
    listing = client.get(reverse("admin:partnerships_partnership_changelist")).content.decode()
    assert "Busan" in listing and "Yantai" in listing
    busan = Partnership.objects.get(partner__name="Busan")
    page = client.get(reverse("admin:partnerships_partnership_change", args=[busan.pk]))
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
