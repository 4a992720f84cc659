"""Milestones added in Django's admin (administrators) go through the same service as the staff pages."""

import pytest
from django.urls import reverse

from conftest import otp_verified_client
from tuhono.audit.models import AuditEvent
from tuhono.partnerships.models import Partnership

pytestmark = pytest.mark.django_db


def test_a_milestone_added_in_the_admin_is_validated_and_audited_by_the_service(demo):
    client = otp_verified_client("admin")
    busan = Partnership.objects.get(partner__name="Busan")
    url = reverse("admin:partnerships_partnership_change", args=[busan.pk])
    page = client.get(url)
    form = page.context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    existing = page.context["inline_admin_formsets"][1].formset
    data.update(
        {
            "council": busan.council_id,
            "partner": busan.partner_id,
            "focus_areas": [a.pk for a in busan.focus_areas.all()],
            "milestones-TOTAL_FORMS": str(existing.initial_form_count() + 1),
            "milestones-INITIAL_FORMS": str(existing.initial_form_count()),
            "status_changes-TOTAL_FORMS": "0",
            "status_changes-INITIAL_FORMS": "0",
        }
    )
    for i, inline in enumerate(existing.initial_forms):
        for name, value in inline.initial.items():
            if value is not None:
                data[f"milestones-{i}-{name}"] = value
        data[f"milestones-{i}-partnership"] = busan.pk
        data[f"milestones-{i}-id"] = inline.instance.pk
    new = existing.initial_form_count()
    data.update(
        {
            f"milestones-{new}-kind": "exchange",
            f"milestones-{new}-occurred_on": "2025-05-05",
            f"milestones-{new}-precision": "day",
            f"milestones-{new}-title": "Film festival exchange",
            f"milestones-{new}-participants": "12",
            f"milestones-{new}-published": "on",
            f"milestones-{new}-partnership": busan.pk,
        }
    )
    data.pop("id", None)
    response = client.post(url, data)
    assert response.status_code == 302, (
        [(f.formset.errors, f.formset.non_form_errors()) for f in response.context["inline_admin_formsets"]]
        if response.context
        else ""
    )
    assert busan.milestones.get(title="Film festival exchange").participants == 12
    event = AuditEvent.objects.filter(action="partnership.milestone_added", target_id=str(busan.pk)).latest("sequence")
    assert event.payload["title"] == "Film festival exchange" and event.actor.username == "admin"
