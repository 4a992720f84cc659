"""Rules a security officer expects: sensitive sites and alerts need a decided assessment, the notice to
government within 14 days of signing, review dates, and what counts as dormant."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tuhono.partnerships.attention import partnerships_dormant
from tuhono.partnerships.enums import PartnershipKind
from tuhono.partnerships.milestone_services import milestone_add
from tuhono.partnerships.models import Partnership
from tuhono.partnerships.services import partnership_create
from tuhono.places.services import place_get_or_create
from tuhono.vetting.enums import NoticeStage
from tuhono.vetting.selectors import deadlines
from tuhono.vetting.services import case_screen_parties, decision_sign, notice_record
from tuhono.visits import services as visits
from tuhono.visits.enums import SensitiveCategory, VisitState

from .test_assessments import REVIEW, _submitted

TODAY = timezone.localdate()


def _in_vetting(staff, council, **extra):
    visit = visits.visit_create(
        actor=staff["officer"],
        council=council,
        kind=extra.pop("kind", "incoming"),
        organisation="Osaka Water Bureau",
        country_code="JP",
        purpose="Study",
        members=[{"name": "Kenji Tanaka", "nationality": "JP"}],
        **extra,
    )
    visits.visit_triage(actor=staff["officer"], visit=visit)
    visits.visit_send_to_vetting(actor=staff["officer"], visit=visit)
    case_screen_parties(actor=None, case=visit)
    return visit


def test_a_visit_to_a_sensitive_site_waits_for_a_decided_risk_assessment(staff, council, watchlist):
    visit = _in_vetting(staff, council, sites_requested="Māngere treatment plant", sites_sensitive=True)
    with pytest.raises(ValidationError, match="sensitive site: a risk assessment must be decided"):
        visits.visit_approve(actor=staff["approver"], visit=visit)
    assessment = _submitted(staff, visit)
    with pytest.raises(ValidationError, match="awaits an approver's decision"):
        visits.visit_approve(actor=staff["approver"], visit=visit)
    decision_sign(actor=staff["approver"], assessment=assessment, outcome="proceed", reason="Low", review_on=REVIEW)
    visit.refresh_from_db()
    assert visit.state == VisitState.APPROVED


def test_a_sensitive_itinerary_item_holds_approval_but_a_clean_visit_does_not(staff, council, watchlist):
    visit = _in_vetting(staff, council)
    visits.itinerary_item_add(
        actor=staff["officer"],
        visit=visit,
        title="Port tour",
        kind="site_visit",
        sensitive_categories=[SensitiveCategory.PORTS],
    )
    with pytest.raises(ValidationError, match="sensitive site"):
        visits.visit_approve(actor=staff["approver"], visit=visit)
    clean = _in_vetting(staff, council)
    assert visits.visit_approve(actor=staff["approver"], visit=clean).state == VisitState.APPROVED


def test_an_officer_is_told_only_that_due_diligence_holds_the_visit(staff, council, watchlist):
    visit = _in_vetting(staff, council)
    visits.visit_approve(actor=staff["approver"], visit=visit)
    visits.party_add(actor=staff["officer"], visit=visit, name="Xi Jinping", nationality="CN")
    case_screen_parties(actor=None, case=visit)
    with pytest.raises(ValidationError) as held:
        visits.visit_schedule(actor=staff["officer"], visit=visit, starts_on=TODAY, ends_on=TODAY)
    message = " ".join(held.value.messages)
    assert "due diligence holds it" in message
    assert "alert" not in message and "Xi" not in message and "assessment" not in message


def _active(staff, council, name, signed_on):
    return partnership_create(
        actor=staff["officer"],
        council=council,
        partner=place_get_or_create(name=name, country_code="JP"),
        kind=PartnershipKind.FRIENDSHIP_CITY,
        signed_on=signed_on,
        signed_precision="day",
    )


def test_the_notice_is_due_14_days_after_signing_and_overdue_after(staff, council):
    late = _active(staff, council, "Sapporo", TODAY - dt.timedelta(days=20))
    fresh = _active(staff, council, "Sendai", TODAY - dt.timedelta(days=3))
    _active(staff, council, "Nara", dt.date(1990, 5, 1))  # long-standing: not a new arrangement
    register = Partnership.objects.filter(council=council)
    count, due = deadlines.notices_due(register)
    assert count == 2
    assert [(n.partnership, n.due_on, n.overdue) for n in due] == [
        (late, late.signed_on + dt.timedelta(days=14), True),
        (fresh, fresh.signed_on + dt.timedelta(days=14), False),
    ]
    assert list(deadlines.notices_overdue(register)) == [late]
    notice_record(
        actor=staff["security"], partnership=late, stage=NoticeStage.AFTER_ENTRY, notified_on=TODAY - dt.timedelta(1)
    )
    assert deadlines.notices_due(register)[0] == 1 and not deadlines.notices_overdue(register).exists()


def test_a_decision_due_for_review_reaches_the_queue(staff, proposed, watchlist):
    assessment = _submitted(staff, proposed)
    decision_sign(
        actor=staff["approver"],
        assessment=assessment,
        outcome="proceed",
        reason="ok",
        review_on=TODAY + dt.timedelta(9),
    )
    assert [d.assessment for d in deadlines.decisions_to_review(user=staff["approver"])] == [assessment]
    assert not deadlines.decisions_to_review(user=staff["approver"], today=TODAY - dt.timedelta(days=90)).exists()
    assert not deadlines.decisions_to_review(user=staff["officer"]).exists()  # not a vetting role


def test_dormant_means_no_milestone_contact_or_visit_for_the_settable_period(staff, council, settings):
    quiet = _active(staff, council, "Kobe", dt.date(2001, 1, 1))
    busy = _active(staff, council, "Kyoto", dt.date(2001, 1, 1))
    milestone_add(actor=None, partnership=busy, occurred_on=TODAY - dt.timedelta(days=2 * 365), title="Exchange")
    visited = _active(staff, council, "Nagoya", dt.date(2001, 1, 1))
    visits.visit_create(
        actor=staff["officer"],
        council=council,
        kind="incoming",
        organisation="Nagoya City",
        country_code="JP",
        purpose="Study",
        partnership=visited,
    )
    logged = _active(staff, council, "Hiroshima", dt.date(2001, 1, 1))
    visits.contact_log_entry_create(
        actor=staff["officer"],
        partnership=logged,
        occurred_on=TODAY - dt.timedelta(days=30),
        people="Mayor",
        topic="Call",
        initiated_by="council",
    )
    register = Partnership.objects.filter(council=council)
    settings.TUHONO_DORMANT_YEARS = 3
    assert set(partnerships_dormant(register)) == {quiet}
    settings.TUHONO_DORMANT_YEARS = 1
    assert set(partnerships_dormant(register)) == {quiet, busy}
