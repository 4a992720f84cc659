"""What due diligence is given to screen, and what each person's lists and calendar hold."""

from __future__ import annotations

import datetime as dt

import pytest

from tuhono.partnerships.models import Partnership
from tuhono.places.models import Place
from tuhono.visits import selectors, services
from tuhono.visits.enums import Initiator, PartyKind

pytestmark = pytest.mark.django_db


def test_screening_lists_each_member_in_both_scripts_and_each_organisation_once(make_visit, staff):
    visit = make_visit(
        members=[
            {
                "name": "Li Wei",
                "name_original": "李伟",
                "organisation": "Guangzhou Bureau",
                "nationality": "CN",
                "date_of_birth": dt.date(1970, 5, 1),
            },
            {"name": "Chen Jing", "name_original": "陈静", "organisation": "guangzhou bureau"},
            {"name": "Guangzhou Bureau", "kind": PartyKind.ORGANISATION},
        ],
        organisation="Guangzhou Foreign Affairs Office",
    )
    subjects = selectors.visit_parties_for_screening(visit)
    people = [s for s in subjects if s.kind == PartyKind.PERSON]
    assert [(s.name, s.name_original) for s in people] == [("Li Wei", "李伟"), ("Chen Jing", "陈静")]
    assert people[0].date_of_birth == dt.date(1970, 5, 1) and people[0].nationality == "CN"
    assert people[0].key == f"visits.visitparty:{visit.parties.first().pk}"
    organisations = sorted(s.name for s in subjects if s.kind == PartyKind.ORGANISATION)
    assert organisations == ["Guangzhou Bureau", "Guangzhou Foreign Affairs Office"]
    assert {s.council_id for s in subjects} == {visit.council_id}


def test_a_contact_log_entry_offers_its_people_organisation_and_intermediary(councils, staff):
    place = Place.objects.create(name="Guangzhou", country_code="CN")
    tie = Partnership.objects.create(slug="akl-gz", council=councils["auckland"], partner=place)
    entry = services.contact_log_entry_create(
        actor=staff["officer"],
        partnership=tie,
        occurred_on=dt.date(2026, 10, 1),
        people="Zhang Wei | 张伟\nWang Fang",
        topic="Port cooperation",
        initiated_by=Initiator.INTERMEDIARY,
        organisation="Guangzhou Port Group",
        intermediary="Friendship Association",
    )
    subjects = selectors.contact_log_parties_for_screening(entry)
    assert [(s.kind, s.name, s.name_original) for s in subjects] == [
        ("person", "Zhang Wei", "张伟"),
        ("person", "Wang Fang", ""),
        ("organisation", "Guangzhou Port Group", ""),
        ("organisation", "Friendship Association", ""),
    ]
    assert list(selectors.contact_log_for_user(user=staff["dunedin"])) == []
    assert list(selectors.contact_log_for_user(user=staff["national"])) == [entry]


def test_each_person_sees_their_councils_visits_and_the_national_view_sees_all(make_visit, staff):
    auckland, dunedin = make_visit(), make_visit(council="dunedin")
    assert list(selectors.visit_list(user=staff["officer"])) == [auckland]
    assert list(selectors.visit_list(user=staff["dunedin"])) == [dunedin]
    assert set(selectors.visit_list(user=staff["national"])) == {auckland, dunedin}
    assert list(selectors.visit_list(user=staff["officer"], q="李伟")) == [auckland]


def test_the_queue_shows_each_role_what_waits_on_it(make_visit, staff):
    visit = make_visit()
    titles = [s.title for s in selectors.visit_queue_for_user(staff["officer"])]
    assert titles == ["New requests to triage"]
    assert selectors.visit_queue_for_user(staff["approver"]) == []
    services.visit_triage(actor=staff["officer"], visit=visit)
    services.visit_send_to_vetting(actor=staff["officer"], visit=visit)
    assert [s.title for s in selectors.visit_queue_for_user(staff["approver"])] == ["Waiting for your decision"]
    assert [s.title for s in selectors.visit_queue_for_user(staff["security"])] == ["In vetting: screen the members"]
    assert selectors.visit_queue_for_user(staff["dunedin"]) == []
