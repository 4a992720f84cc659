"""Two staff editing one milestone or one partner-seeking entry: the second is told, and nothing is lost."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tuhono.councils.services import partner_seeking_create
from tuhono.partnerships.models import Milestone, Partnership

from .conftest import signed_in

pytestmark = pytest.mark.django_db


def _version_in(html: str) -> str:
    found = re.search(r'name="version" value="(\d+)"', html)
    assert found, "the form carries the version it was opened at"
    return found.group(1)


def test_a_milestone_saved_by_two_staff_the_second_is_told_what_changed_and_keeps_their_input(clients):
    first, second = clients["officer"], signed_in("admin")
    partnership = Partnership.objects.get(council__slug="auckland", partner__name="Fukuoka")
    milestone = Milestone.objects.create(
        partnership=partnership,
        kind="exchange",
        occurred_on="2025-04-10",
        precision="day",
        title="Student exchange",
        participants=24,
    )
    url = reverse("staff:register_milestone_edit", args=[milestone.pk])
    opened = {
        "version": _version_in(second.get(url).content.decode()),  # both open the form at the same version
        "kind": "exchange",
        "occurred_on": "2025-04-10",
        "precision": "day",
        "title": "Student exchange",
        "participants": "24",
        "published": "on",
    }
    assert first.post(url, {**opened, "participants": "30"}).status_code == 302

    response = second.post(url, {**opened, "title": "Student exchange to Fukuoka"})
    html = response.content.decode()
    assert response.status_code == 200 and "Someone else saved this record" in html
    assert "Oliver Officer changed" in html and "participants from “24” to “30”" in html
    assert 'value="Student exchange to Fukuoka"' in html
    milestone.refresh_from_db()
    assert (milestone.title, milestone.participants) == ("Student exchange", 30)

    again = {**opened, "version": _version_in(html), "title": "Student exchange to Fukuoka", "participants": "30"}
    assert second.post(url, again).status_code == 302
    milestone.refresh_from_db()
    assert (milestone.title, milestone.participants) == ("Student exchange to Fukuoka", 30)


def test_a_partner_seeking_entry_saved_or_published_meanwhile_is_not_overwritten(clients):
    from tuhono.accounts.models import User

    first, second = clients["officer"], signed_in("admin")
    entry = partner_seeking_create(
        actor=User.objects.get(username="officer"),
        who="abroad",
        place_name="Nadi",
        country_code="FJ",
        interests="Tourism",
        contact_name="Mere",
        contact_email="mere@example.org",
    )
    url = reverse("staff:register_seeking_edit", args=[entry.pk])
    opened = {
        "version": _version_in(second.get(url).content.decode()),
        "who": "abroad",
        "place_name": "Nadi",
        "country_code": "FJ",
        "interests": "Tourism",
        "contact_name": "Mere",
        "contact_email": "mere@example.org",
    }
    assert first.post(url, {**opened, "contact_email": "mere.new@example.org"}).status_code == 302

    html = second.post(url, {**opened, "interests": "Tourism and schools"}).content.decode()
    assert "Someone else saved this record" in html and "changed contact email" in html
    assert "mere.new@example.org" not in html.split("conflict-heading")[1].split("</ul>")[0]  # names, not values
    assert "Tourism and schools" in html
    entry.refresh_from_db()
    assert (entry.interests, entry.contact_email) == ("Tourism", "mere.new@example.org")

    first.post(reverse("staff:register_seeking_publish", args=[entry.pk]))
    again = {**opened, "version": _version_in(html), "interests": "Tourism and schools"}
    html = second.post(url, again).content.decode()
    assert "Someone else saved this record" in html and "published it" in html
    entry.refresh_from_db()
    assert entry.interests == "Tourism" and entry.published

    response = second.post(url, {**again, "version": _version_in(html), "contact_email": entry.contact_email})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.interests, entry.contact_email) == ("Tourism and schools", "mere.new@example.org")
