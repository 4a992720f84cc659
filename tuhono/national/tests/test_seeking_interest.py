"""Expressing interest in a published partner-seeking entry, as a member of the public does it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tuhono.accounts.models import User
from tuhono.audit.models import AuditEvent
from tuhono.core.register import register_version
from tuhono.councils.models import Council
from tuhono.councils.services import partner_seeking_create, partner_seeking_set_published
from tuhono.visits.enums import DeskStatus, MessageKind
from tuhono.visits.models import PublicMessage

pytestmark = pytest.mark.django_db

FILLED = {
    "name": "Mele Tupou",
    "organisation": "Nuku'alofa City Council",
    "email": "mele@example.to",
    "message": "Our city would like to talk about youth exchanges.",
}


def _entry(*, council_slug: str | None = "dunedin", published: bool = True):
    officer = User.objects.get(username="dunedin" if council_slug == "dunedin" else "officer")
    if council_slug:
        fields = {"who": "nz_council", "council": Council.objects.get(slug=council_slug)}
    else:
        fields = {"who": "abroad", "place_name": "Nadi", "country_code": "FJ"}
    entry = partner_seeking_create(
        actor=officer,
        interests="Tourism and schools",
        contact_name="Seeker Contact",
        contact_email="seeker@example.nz",
        **fields,
    )
    if published:
        entry = partner_seeking_set_published(actor=officer, seeking=entry, published=True)
    return entry


def test_the_list_links_each_entry_to_its_page_with_the_form(client, demo):
    entry = _entry()
    url = reverse("national:partner_seeking_entry", args=[entry.pk])
    assert f'href="{url}"' in client.get(reverse("national:partner_seeking")).content.decode()
    html = client.get(url).content.decode()
    assert "Tourism and schools" in html and 'name="email"' in html and "Express interest" in html
    assert "seeker@example.nz" not in html and "Seeker Contact" not in html


def test_an_expression_of_interest_reaches_the_entrys_council_desk_and_nothing_personal_leaves_it(
    client, demo, settings, django_capture_on_commit_callbacks
):
    settings.TUHONO_DESK_SLA_DAYS = 4
    entry = _entry()
    version = register_version()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("national:partner_seeking_entry", args=[entry.pk]), FILLED)
    assert response.status_code == 302
    message = PublicMessage.objects.get(kind=MessageKind.INTEREST)
    assert message.partner_seeking == entry and message.council.slug == "dunedin"
    assert message.status == DeskStatus.NEW and message.due_on == timezone.localdate() + dt.timedelta(days=4)
    assert (message.name, message.email, message.organisation) == (
        "Mele Tupou",
        "mele@example.to",
        "Nuku'alofa City Council",
    )
    sent = client.get(response["Location"]).content.decode()
    assert message.reference in sent and "mele@example.to" not in sent

    assert register_version() == version  # a submission leaves public answers and their ETags as they were
    event = AuditEvent.objects.get(action="public_message.interest_received")
    assert "Mele" not in str(event.payload) and "mele@example.to" not in str(event.payload)
    acknowledgement, notice = sorted(mail.outbox, key=lambda m: m.to != ["mele@example.to"])
    assert acknowledgement.to == ["mele@example.to"] and message.reference in acknowledgement.body
    assert notice.to == list(User.objects.filter(username="dunedin").values_list("email", flat=True))
    for page in (reverse("national:partner_seeking"), reverse("national:partner_seeking_entry", args=[entry.pk])):
        html = client.get(page).content.decode()
        assert "Mele Tupou" not in html and "mele@example.to" not in html


def test_interest_in_an_entry_from_abroad_goes_to_the_home_councils_desk(client, demo):
    entry = _entry(council_slug=None)
    client.post(reverse("national:partner_seeking_entry", args=[entry.pk]), FILLED)
    assert PublicMessage.objects.get(kind=MessageKind.INTEREST).council.slug == "auckland"


def test_an_empty_or_overlong_form_says_what_is_wrong_by_each_field_and_saves_nothing(client, demo):
    url = reverse("national:partner_seeking_entry", args=[_entry().pk])
    html = client.post(url, {}).content.decode()
    assert "<title>Error: " in html and "There is a problem" in html
    for field, text in (
        ("name", "Enter your full name"),
        ("organisation", "Enter the council, city or organisation you write for"),
        ("email", "Enter your email address"),
        ("message", "Enter your message"),
    ):
        assert f'href="#id_{field}"' in html and text in html
    html = client.post(url, {**FILLED, "message": "x" * 3001, "email": "not-an-address"}).content.decode()
    assert "Enter a message of 3000 characters or fewer" in html
    assert "Enter an email address in the correct format" in html
    assert 'aria-describedby="id_message-hint id_message-error"' in html
    assert not PublicMessage.objects.exists()


def test_entries_not_published_take_no_interest(client, demo):
    entry = _entry(published=False)
    url = reverse("national:partner_seeking_entry", args=[entry.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, FILLED).status_code == 404
    assert not PublicMessage.objects.exists()


def test_the_form_is_rate_limited_like_the_other_public_forms_and_robots_are_dropped(client, demo, settings):
    settings.TUHONO_PUBLIC_FORM_RATE = "2/h"
    url = reverse("national:partner_seeking_entry", args=[_entry().pk])
    assert client.post(url, {**FILLED, "website": "http://spam.example"}).status_code == 302
    assert not PublicMessage.objects.exists()
    for _ in range(2):
        assert client.post(url, FILLED).status_code == 302
    response = client.post(url, FILLED)
    assert response.status_code == 429 and "Too many requests" in response.content.decode()
    assert PublicMessage.objects.count() == 2


def test_an_entry_withdrawn_while_the_form_was_open_takes_no_interest(demo):
    from django.core.exceptions import ValidationError

    from tuhono.visits.services import interest_submit

    entry = _entry()
    partner_seeking_set_published(actor=User.objects.get(username="dunedin"), seeking=entry, published=False)
    with pytest.raises(ValidationError, match="no longer on the partner-seeking list"):
        interest_submit(seeking=entry, **FILLED)
    assert not PublicMessage.objects.exists()
