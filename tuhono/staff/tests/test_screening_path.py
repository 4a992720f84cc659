"""The real path to screening: a public request or a staff edit, then vetting screens who was named."""

# ruff: noqa: F811 - the due-diligence fixtures are imported by name and used as arguments

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from conftest import otp_verified_client
from tuhono.vetting.enums import MatchStatus, PartySchema, ScreeningStatus
from tuhono.vetting.models import ScreenedParty
from tuhono.vetting.tests.fixtures import (  # noqa: F401 - fixtures
    council,
    councils,
    fresh_watchlist_index,
    import_list,
    proposed,
    staff,
    watchlist,
)
from tuhono.visits import services as visit_services
from tuhono.visits.models import Visit

pytestmark = pytest.mark.django_db

FAR = (dt.date.today() + dt.timedelta(weeks=20)).isoformat()
FAR_END = (dt.date.today() + dt.timedelta(weeks=20, days=2)).isoformat()


BLANK_MEMBER = {"name_original": "", "role": "", "organisation": "", "nationality": "", "date_of_birth": ""}


def _request(**overrides: str) -> dict[str, str]:
    data = {
        "organisation": "Chinese People's Association for Friendship with Foreign Countries",
        "country": "CN",
        "city": "Beijing",
        "partnership": "",
        "purpose": "Learn how the council plans its waterfront.",
        "topics": "urban planning",
        "proposed_start": FAR,
        "proposed_end": FAR_END,
        "sites_requested": "",
        "contact_name": "Chen Jing",
        "contact_email": "chen.jing@example.cn",
        "contact_phone": "",
        "website": "",
        "members-TOTAL_FORMS": "1",
        "members-INITIAL_FORMS": "0",
        "members-MIN_NUM_FORMS": "0",
        "members-MAX_NUM_FORMS": "60",
        "members-0-name_original": "习近平",
        "members-0-name": "Xi Jinping",
        "members-0-role": "Guest",
        "members-0-organisation": "",
        "members-0-nationality": "CN",
        "members-0-date_of_birth": "",
        "continue": "1",
    }
    data.update(overrides)
    return data


def test_a_public_request_screens_its_members_and_the_visiting_organisation(
    settings, council, staff, watchlist, django_capture_on_commit_callbacks
):
    settings.TUHONO_HOME_COUNCIL_SLUG = council.slug
    client = Client()
    assert client.post(reverse("public:visit_request"), _request()).status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("public:visit_request_check"))
    visit = Visit.objects.get()
    parties = {p.name: p for p in ScreenedParty.objects.filter(case_id=visit.pk, case_kind="visit")}
    assert parties["Xi Jinping"].status == ScreeningStatus.ALERT
    body = parties["Chinese People's Association for Friendship with Foreign Countries"]
    assert body.schema == PartySchema.ORGANIZATION and body.role_label == "Visiting organisation"
    assert body.matches.get(status=MatchStatus.OPEN).entity_id == "NK-cpaffc"


def test_a_member_added_or_renamed_by_staff_is_screened_at_once(
    council, staff, watchlist, django_capture_on_commit_callbacks
):
    visit = visit_services.visit_create(
        actor=staff["officer"],
        council=council,
        kind="outgoing",
        organisation="Mission to Qingdao",
        country_code="CN",
        purpose="Trade",
    )
    officer = otp_verified_client("officer")
    member = {"kind": "person", "name": "Mere Tawhiri", "name_original": "", "role": "", "organisation": ""}
    with django_capture_on_commit_callbacks(execute=True):
        officer.post(reverse("staff:party_add", args=[visit.pk]), {**member, "nationality": "", "date_of_birth": ""})
    party = ScreenedParty.objects.get(name="Mere Tawhiri")
    assert party.case_kind == "mission" and party.status == ScreeningStatus.CLEAR

    renamed = {**member, "name": "Sergey Lavrov", "nationality": "RU", "date_of_birth": ""}
    with django_capture_on_commit_callbacks(execute=True):
        officer.post(reverse("staff:party_edit", args=[visit.parties.get().pk]), renamed)
    party.refresh_from_db()
    assert party.name == "Sergey Lavrov" and party.status == ScreeningStatus.ALERT  # the same party, screened afresh
    assert ScreenedParty.objects.filter(case_id=visit.pk, origin="visit_party").count() == 2  # and the mission's body


def test_a_company_in_a_staff_edited_visit_is_screened(council, staff, watchlist, django_capture_on_commit_callbacks):
    officer = otp_verified_client("officer")
    visit = visit_services.visit_create(
        actor=staff["officer"],
        council=council,
        kind="incoming",
        organisation="Harbour Co",
        country_code="CN",
        purpose="x",
    )
    with django_capture_on_commit_callbacks(execute=True):
        officer.post(
            reverse("staff:party_add", args=[visit.pk]),
            {
                "kind": "organisation",
                "name": "CPAFFC",
                "name_original": "",
                "role": "Sponsor",
                "organisation": "",
                "nationality": "",
                "date_of_birth": "",
            },
        )
    sponsor = ScreenedParty.objects.get(name="CPAFFC")
    assert sponsor.schema == PartySchema.ORGANIZATION and sponsor.status == ScreeningStatus.ALERT


def test_people_in_the_contacts_log_are_screened_when_logged_in_the_back_office(
    staff, proposed, watchlist, django_capture_on_commit_callbacks
):
    officer = otp_verified_client("officer")
    with django_capture_on_commit_callbacks(execute=True):
        officer.post(
            reverse("staff:contact_entry_add", args=[proposed.pk]),
            {
                "occurred_on": "2026-03-02",
                "people": "Xi Jinping | 习近平\nMere Tawhiri",
                "topic": "Friendship visit proposal",
                "initiated_by": "intermediary",
                "organisation": "",
                "intermediary": "Chinese People's Association for Friendship with Foreign Countries",
                "offered": "",
                "notes": "",
            },
        )
    parties = {p.name: p for p in ScreenedParty.objects.filter(origin="contact")}
    assert parties["Xi Jinping"].status == ScreeningStatus.ALERT
    assert parties["Mere Tawhiri"].status == ScreeningStatus.CLEAR
    assert parties["Chinese People's Association for Friendship with Foreign Countries"].status == ScreeningStatus.ALERT
    assert all(p.case_id == proposed.pk for p in parties.values())


def test_visits_never_import_vetting():
    import pathlib

    root = pathlib.Path(__file__).resolve().parents[2] / "visits"
    offenders = [
        str(path)
        for path in root.rglob("*.py")
        if "migrations" not in path.parts and "tuhono.vetting" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
