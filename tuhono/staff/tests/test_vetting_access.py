"""Due diligence is confidential: every vetting staff URL, tried by every kind of person."""

# ruff: noqa: F811 - the due-diligence fixtures are imported by name and used as arguments

import datetime as dt

import pytest
from django.urls import reverse

from tuhono.vetting.enums import MatchStatus
from tuhono.vetting.models import ScreeningMatch, ScreeningRecord
from tuhono.vetting.questionnaire import QUESTIONS
from tuhono.vetting.services import assessment_start, assessment_submit, assessment_update, counterpart_add
from tuhono.vetting.tests.fixtures import (  # noqa: F401 - fixtures
    council,
    councils,
    fresh_watchlist_index,
    import_list,
    proposed,
    staff,
    watchlist,
)

SAFE = {key: {"answer": "no" if q.risk_answer == "yes" else "yes"} for key, q in QUESTIONS.items()}


@pytest.fixture
def case(staff, proposed, watchlist):
    counterpart_add(actor=staff["security"], partnership=proposed, name="Xi Jinping")
    match = ScreeningMatch.objects.get(status=MatchStatus.OPEN)
    assessment = assessment_start(actor=staff["security"], case=proposed)
    assessment_update(actor=staff["security"], assessment=assessment, answers=SAFE, rating="high", rationale="PEP")
    assessment_submit(actor=staff["security"], assessment=assessment)
    record = ScreeningRecord.objects.get(party=match.party)
    return {"partnership": proposed, "party": match.party, "match": match, "assessment": assessment, "record": record}


# (url name, args from the case) -> expected status for each person.
# officer: partnerships officer; national: national coordinator; other: another council's security officer.
READ = {"anonymous": 302, "officer": 403, "national": 403, "approver": 200, "security": 200, "other": 404}
WORK = {**READ, "approver": 403}
DECIDE = {**READ, "security": 403}
LISTS = {**READ, "other": 200}  # their own (empty) lists

URLS = [
    ("queue", lambda c: [], LISTS),
    ("parties", lambda c: [], LISTS),
    ("assessments", lambda c: [], LISTS),
    ("party", lambda c: [c["party"].pk], READ),
    ("match_confirm", lambda c: [c["match"].pk], WORK),
    ("match_dismiss", lambda c: [c["match"].pk], WORK),
    ("case", lambda c: ["partnership", c["partnership"].pk], READ),
    ("counterpart_add", lambda c: ["partnership", c["partnership"].pk], WORK),
    ("arrangement", lambda c: ["partnership", c["partnership"].pk], READ),
    ("notice_add", lambda c: ["partnership", c["partnership"].pk], READ),
    ("assessment", lambda c: [c["assessment"].pk], READ),
    ("advice_add", lambda c: [c["assessment"].pk], WORK),
    ("decision", lambda c: [c["assessment"].pk], DECIDE),
    ("report", lambda c: [c["assessment"].pk], READ),
    ("clearings", lambda c: [], LISTS),
    ("records", lambda c: [], LISTS),
    ("records_export", lambda c: ["csv"], LISTS),
    ("records_export", lambda c: ["json"], LISTS),
    ("record", lambda c: [c["record"].pk], READ),
    ("case_records", lambda c: ["partnership", c["partnership"].pk], READ),
    ("case_records_export", lambda c: ["partnership", c["partnership"].pk, "csv"], READ),
    ("case_records_export", lambda c: ["partnership", c["partnership"].pk, "json"], READ),
]
PEOPLE = {
    "officer": "officer",
    "national": "national",
    "approver": "approver",
    "security": "security",
    "other": "othersecurity",
}


def _client(client, staff_client, who):
    """Anonymous, or signed in with password and two-factor code as that person."""
    return client if who == "anonymous" else staff_client(PEOPLE[who])


@pytest.mark.parametrize("who", ["anonymous", "officer", "national", "approver", "security", "other"])
@pytest.mark.parametrize(("name", "args", "expected"), URLS, ids=[f"{u[0]}-{i}" for i, u in enumerate(URLS)])
def test_each_vetting_page_answers_only_the_councils_security_officers_and_approvers(
    client,
    staff_client,
    staff,
    case,
    who,
    name,
    args,
    expected,
):
    client = _client(client, staff_client, who)
    response = client.get(reverse(f"staff:vetting:{name}", args=args(case)))
    assert response.status_code == expected[who]
    if who == "anonymous":
        assert response["Location"].startswith(reverse("staff:sign_in"))
    if who == "other" and response.status_code == 200:
        assert "Xi Jinping" not in response.content.decode()


@pytest.mark.parametrize("who", ["anonymous", "officer", "national", "approver", "other"])
@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("party_rescreen", lambda c: [c["party"].pk]),
        ("assessment_start", lambda c: ["partnership", c["partnership"].pk]),
        ("rescreen", lambda c: []),
    ],
)
def test_only_the_councils_security_officer_may_post_screening_actions(
    client,
    staff_client,
    staff,
    case,
    who,
    name,
    args,
):
    client = _client(client, staff_client, who)
    response = client.post(reverse(f"staff:vetting:{name}", args=args(case)))
    assert response.status_code in ({"anonymous": 302, "other": 404 if args(case) else 302}.get(who, 403),)
    if who == "other" and name == "rescreen":
        # the other council's officer may run their own sweep; it touches none of Auckland's parties
        assert ScreeningMatch.objects.get(pk=case["match"].pk).status == MatchStatus.OPEN


def test_dates_in_decision_form_are_checked(staff_client, staff, case):
    client = staff_client("approver")
    response = client.post(
        reverse("staff:vetting:decision", args=[case["assessment"].pk]),
        {"outcome": "decline", "reason": "PEP", "review_on": (dt.date.today() - dt.timedelta(days=1)).isoformat()},
    )
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
