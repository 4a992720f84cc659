"""Namesake clearings: a dismissal as a different person is remembered for those details against that entity."""

import copy
import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from freezegun import freeze_time

from tuhono.accounts.enums import Role
from tuhono.audit.models import AuditEvent
from tuhono.partnerships.services import partnership_create
from tuhono.places.services import place_get_or_create
from tuhono.vetting.enums import MatchStatus, RecordOutcome, ScreeningStatus, ScreeningTrigger
from tuhono.vetting.models import NamesakeClearing, ScreenedParty, ScreeningMatch, ScreeningRecord
from tuhono.vetting.services import (
    clearing_withdraw,
    counterpart_add,
    match_dismiss,
    rescreen_pending,
    screening_sweep,
)

from .conftest import LIST_V1
from .fixtures import _user

NAMESAKE = {"name": "Sergei Lavrov", "birth_date": "1951", "nationality": "ru"}
REASON = "A trade attaché from Kazan, patronymic Ivanovich; passport seen"


def _partnership(council, officer, city):
    return partnership_create(
        actor=officer,
        council=council,
        partner=place_get_or_create(name=city, country_code="RU"),
        kind="sister_city",
        status="proposed",
        status_reason="Approach received",
    )


def _party(actor, partnership, **details):
    counterpart_add(actor=actor, partnership=partnership, **details)
    return ScreenedParty.objects.filter(name=details["name"], case_id=partnership.pk).latest("pk")


def _cleared(staff, proposed):
    party = _party(staff["security"], proposed, **NAMESAKE)
    alert = party.matches.get(status=MatchStatus.OPEN)
    match_dismiss(actor=staff["security"], match=alert, reason=REASON)
    return party, NamesakeClearing.objects.get(match=alert)


def test_a_dismissal_is_remembered_for_twelve_months_and_audited_by_digest(staff, proposed, watchlist):
    with freeze_time("2026-03-31 10:00:00+00:00"):
        party, clearing = _cleared(staff, proposed)

    assert clearing.cleared_by == staff["security"]
    assert clearing.expires_at == dt.datetime(2027, 3, 31, 10, tzinfo=dt.UTC)
    assert clearing.entity_id == "NK-lavrov" and clearing.subject_hash == party.subject_hash
    event = AuditEvent.objects.get(action="vetting.alert_dismissed")
    assert event.payload["clearing"] == clearing.pk
    assert REASON not in str(event.payload) and event.payload["reason_digest"].startswith("sha256:")


def test_the_clearing_period_is_a_setting(staff, proposed, watchlist, settings):
    settings.TUHONO_NAMESAKE_CLEARING_MONTHS = 3
    with freeze_time("2026-11-30 09:00:00+00:00"):
        _, clearing = _cleared(staff, proposed)
    assert clearing.expires_at == dt.datetime(2027, 2, 28, 9, tzinfo=dt.UTC)  # the month's last day


def test_the_same_person_on_another_case_is_not_raised_again(staff, proposed, watchlist, council):
    _cleared(staff, proposed)
    other_case = _partnership(council, staff["officer"], "Kazan")

    again = _party(staff["security"], other_case, **NAMESAKE)

    assert again.status == ScreeningStatus.CLEAR
    held = again.matches.get(entity_id="NK-lavrov")
    assert held.status == MatchStatus.DISMISSED and held.clearing.reason == REASON
    record = ScreeningRecord.objects.filter(party=again).latest("pk")
    assert record.outcome == RecordOutcome.CLEARED
    assert record.content["candidates"][0]["cleared_by_clearing"] == held.clearing_id
    assert AuditEvent.objects.filter(action="vetting.alert_held_by_clearing", target_id=str(held.pk)).exists()


@pytest.mark.parametrize(
    "other",
    [
        {**NAMESAKE, "birth_date": "1950-03-21"},  # the same name, another date of birth: another person
        {"name": "Sergei Lavrov", "nationality": "ru"},  # less known about them: not the details cleared
    ],
)
def test_someone_else_with_the_name_is_still_raised(staff, proposed, watchlist, council, other):
    _cleared(staff, proposed)
    other_case = _partnership(council, staff["officer"], "Kazan")

    assert _party(staff["security"], other_case, **other).status == ScreeningStatus.ALERT


def test_another_councils_clearing_does_not_hold(staff, proposed, watchlist, councils):
    _cleared(staff, proposed)
    theirs = _partnership(councils[1], _user("dunedinofficer", councils[1], Role.PARTNERSHIPS_OFFICER), "Kazan")

    assert _party(staff["other_security"], theirs, **NAMESAKE).status == ScreeningStatus.ALERT


def test_an_expired_clearing_raises_the_alert_again_on_the_next_screening(staff, proposed, watchlist):
    with freeze_time("2026-01-10 08:00:00+00:00"):
        party, clearing = _cleared(staff, proposed)
    with freeze_time("2026-12-01 08:00:00+00:00"):
        assert screening_sweep().screened == 0  # still in force
    with freeze_time("2027-01-10 08:00:01+00:00"):
        assert screening_sweep().screened == 1

    match = ScreeningMatch.objects.get(pk=clearing.match_id)
    assert match.status == MatchStatus.OPEN
    assert "expired on 10 Jan 2027" in match.review_note
    assert ScreenedParty.objects.get(pk=party.pk).status == ScreeningStatus.ALERT
    record = ScreeningRecord.objects.filter(party=party).latest("pk")
    assert record.trigger == ScreeningTrigger.CLEARING_EXPIRED and record.outcome == RecordOutcome.ALERTS_RAISED
    event = AuditEvent.objects.filter(action="vetting.alert_reopened").latest("sequence")
    assert event.payload["cause"] == "expired"


def test_a_change_to_the_listed_entity_raises_it_again_for_review(staff, proposed, watchlist, import_list, council):
    party, clearing = _cleared(staff, proposed)
    unchanged = [*copy.deepcopy(LIST_V1), {"id": "NEW-1", "schema": "Person", "properties": {"name": ["Rua Tane"]}}]
    import_list(unchanged)
    rescreen_pending()
    assert ScreeningMatch.objects.get(pk=clearing.match_id).status == MatchStatus.DISMISSED

    changed = copy.deepcopy(unchanged)
    changed[1]["properties"]["position"] = ["Minister of Foreign Affairs"]
    version = import_list(changed)
    rescreen_pending()

    match = ScreeningMatch.objects.get(pk=clearing.match_id)
    assert match.status == MatchStatus.OPEN
    assert "the list entry has changed since" in match.review_note
    record = ScreeningRecord.objects.filter(party=party).latest("pk")
    assert record.trigger == ScreeningTrigger.LIST_VERSION
    assert record.content["list_versions"][0]["id"] == version.pk
    # The same details newly named on another case are raised too, with the reason.
    newcomer = _party(staff["security"], _partnership(council, staff["officer"], "Kazan"), **NAMESAKE)
    assert "changed since" in newcomer.matches.get(status=MatchStatus.OPEN).review_note


def test_a_clearing_needs_its_reason(staff, proposed, watchlist):
    party = _party(staff["security"], proposed, **NAMESAKE)
    with pytest.raises(ValidationError):
        match_dismiss(actor=staff["security"], match=party.matches.get(status=MatchStatus.OPEN), reason="  ")
    assert not NamesakeClearing.objects.exists()
    assert timezone.now()  # the clock is real again after the frozen tests


WITHDRAWAL = "Photo from the embassy matches the listed minister after all"


def test_a_withdrawn_clearing_opens_every_alert_it_held_and_the_next_screening_raises_it(
    staff, proposed, watchlist, council
):
    party, clearing = _cleared(staff, proposed)
    other_case = _partnership(council, staff["officer"], "Kazan")
    held = _party(staff["security"], other_case, **NAMESAKE)
    assert held.status == ScreeningStatus.CLEAR

    clearing_withdraw(actor=staff["security"], clearing=clearing, reason=WITHDRAWAL)

    for screened in (party, held):
        screened.refresh_from_db()
        assert screened.status == ScreeningStatus.ALERT
        match = screened.matches.get(entity_id="NK-lavrov")
        assert match.status == MatchStatus.OPEN and "was withdrawn on" in match.review_note
    newcomer = _party(staff["security"], _partnership(council, staff["officer"], "Samara"), **NAMESAKE)
    assert newcomer.status == ScreeningStatus.ALERT
    event = AuditEvent.objects.get(action="vetting.clearing_withdrawn")
    assert WITHDRAWAL not in str(event.payload) and event.payload["reason_digest"].startswith("sha256:")
    assert len(event.payload["reopened"]) == 2


def test_a_clearing_is_withdrawn_once_with_a_reason_by_a_security_officer_of_its_council(staff, proposed, watchlist):
    _, clearing = _cleared(staff, proposed)
    with pytest.raises(ValidationError):
        clearing_withdraw(actor=staff["security"], clearing=clearing, reason=" ")
    for someone in (staff["approver"], staff["officer"], staff["other_security"]):
        with pytest.raises(PermissionDenied):
            clearing_withdraw(actor=someone, clearing=clearing, reason=WITHDRAWAL)
    clearing.refresh_from_db()
    assert clearing.withdrawn_at is None

    clearing_withdraw(actor=staff["security"], clearing=clearing, reason=WITHDRAWAL)
    with pytest.raises(ValidationError, match="already withdrawn"):
        clearing_withdraw(actor=staff["security"], clearing=clearing, reason=WITHDRAWAL)
