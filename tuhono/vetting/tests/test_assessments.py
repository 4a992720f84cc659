import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone

from tuhono.audit.models import AuditEvent
from tuhono.partnerships.models import Partnership
from tuhono.vetting.enums import AssessmentStatus, DecisionOutcome, MatchStatus
from tuhono.vetting.models import ScreeningMatch
from tuhono.vetting.questionnaire import QUESTIONS
from tuhono.vetting.selectors import due_diligence_report, suggested_rating
from tuhono.vetting.services import (
    advice_record,
    assessment_start,
    assessment_submit,
    assessment_update,
    counterpart_add,
    decision_sign,
    match_dismiss,
)

REVIEW = timezone.localdate() + dt.timedelta(days=365)


def _answer_all(answers=None):
    """Every question answered the safe way, then `answers` on top."""
    safe = {key: {"answer": "no" if q.risk_answer == "yes" else "yes", "notes": ""} for key, q in QUESTIONS.items()}
    return safe | (answers or {})


def _submitted(staff, case):
    assessment = assessment_start(actor=staff["security"], case=case)
    assessment_update(
        actor=staff["security"],
        assessment=assessment,
        answers=_answer_all(),
        rating="medium",
        rationale="Provincial government counterpart; intermediary known.",
    )
    return assessment_submit(actor=staff["security"], assessment=assessment)


def test_assessment_is_prefilled_from_screening(staff, proposed, watchlist):
    counterpart_add(actor=staff["security"], partnership=proposed, name="Xi Jinping")
    counterpart_add(actor=staff["security"], partnership=proposed, name="Aroha Smith")

    assessment = assessment_start(actor=staff["security"], case=proposed)

    assert assessment.status == AssessmentStatus.DRAFT
    assert assessment.answers["screening_all_screened"]["answer"] == "yes"
    assert assessment.answers["screening_open_alerts"]["answer"] == "yes"
    assert "Xi Jinping" in assessment.answers["screening_all_screened"]["notes"]
    assert assessment_start(actor=staff["security"], case=proposed) == assessment  # one open assessment per case


def test_submitting_needs_every_answer_a_rating_and_a_rationale(staff, proposed):
    assessment = assessment_start(actor=staff["security"], case=proposed)
    with pytest.raises(ValidationError) as refused:
        assessment_submit(actor=staff["security"], assessment=assessment)
    assert {"answers", "rating", "rationale"} <= set(refused.value.message_dict)
    with pytest.raises(ValidationError):
        assessment_update(actor=staff["security"], assessment=assessment, answers={"not_a_question": {}})
    with pytest.raises(PermissionDenied):
        assessment_update(actor=staff["approver"], assessment=assessment, answers={})


def test_suggested_rating_follows_the_answers():
    assert suggested_rating(_answer_all()) == "low"
    assert suggested_rating(_answer_all({"screening_confirmed": {"answer": "yes"}})) == "critical"
    risky = {key: {"answer": "yes"} for key in ("counterparty_party_links", "exposure_assets", "advice_concern")}
    assert suggested_rating(_answer_all(risky)) == "medium"


def test_advice_is_recorded_with_agency_date_reference_and_answer(staff, proposed):
    assessment = assessment_start(actor=staff["security"], case=proposed)
    advice = advice_record(
        actor=staff["security"],
        assessment=assessment,
        agency="nzsis",
        sought_on=dt.date(2026, 3, 1),
        reference="SIS-2026-14",
        answered_on=dt.date(2026, 3, 9),
        answer="No concerns with the municipal office.",
    )
    assert advice.agency_label.startswith("New Zealand Security Intelligence Service")
    with pytest.raises(ValidationError):
        advice_record(actor=staff["security"], assessment=assessment, agency="other", sought_on=dt.date(2026, 3, 1))
    with pytest.raises(ValidationError):
        advice_record(
            actor=staff["security"],
            assessment=assessment,
            agency="mfat",
            sought_on=dt.date(2026, 3, 5),
            answered_on=dt.date(2026, 3, 1),
            answer="Too early",
        )


def test_the_assessor_cannot_sign_off_and_other_councils_cannot_either(staff, proposed):
    assessment = assessment_start(actor=staff["security2"], case=proposed)
    assessment_update(
        actor=staff["security2"], assessment=assessment, answers=_answer_all(), rating="low", rationale="Clear"
    )
    assessment_submit(actor=staff["security2"], assessment=assessment)
    for who in ("security2", "security", "other_approver", "officer", "national"):
        with pytest.raises(PermissionDenied):
            decision_sign(actor=staff[who], assessment=assessment, outcome="proceed", reason="Fine", review_on=REVIEW)


def test_approval_moves_the_proposed_partnership_to_active(staff, proposed):
    assessment = _submitted(staff, proposed)
    with pytest.raises(ValidationError):
        decision_sign(actor=staff["approver"], assessment=assessment, outcome="proceed", reason="ok", review_on=None)
    with pytest.raises(ValidationError):
        decision_sign(
            actor=staff["approver"],
            assessment=assessment,
            outcome="proceed_with_conditions",
            reason="ok",
            review_on=REVIEW,
        )  # conditions missing

    decision = decision_sign(
        actor=staff["approver"],
        assessment=assessment,
        outcome=DecisionOutcome.PROCEED_WITH_CONDITIONS,
        reason="Medium risk, mitigated",
        conditions="Agreement published; annual review with MFAT",
        review_on=REVIEW,
    )

    partnership = Partnership.objects.get(pk=proposed.pk)
    assert partnership.status == "active"
    assert partnership.status_changes.last().reason == "Cleared after due diligence with conditions for the travellers."
    assert decision.assessment.status == AssessmentStatus.DECIDED
    event = AuditEvent.objects.get(action="vetting.decision_signed")
    assert event.payload["case_moved"] == "partnership proposed → active"

    # Later the approver suspends it; the partnership follows.
    decision_sign(actor=staff["approver"], assessment=assessment, outcome="suspend", reason="Advice", review_on=REVIEW)
    assert Partnership.objects.get(pk=proposed.pk).status == "suspended"


def test_declining_ends_the_proposal_and_open_alerts_hold_a_go_ahead(staff, proposed, watchlist):
    counterpart_add(actor=staff["security"], partnership=proposed, name="Xi Jinping")
    assessment = _submitted(staff, proposed)
    with pytest.raises(ValidationError) as refused:
        decision_sign(actor=staff["approver"], assessment=assessment, outcome="proceed", reason="ok", review_on=REVIEW)
    assert "still open" in str(refused.value)

    decision_sign(actor=staff["approver"], assessment=assessment, outcome="decline", reason="PEP", review_on=REVIEW)
    assert Partnership.objects.get(pk=proposed.pk).status == "ended"


def test_visit_approval_waits_for_vetting_and_follows_the_decision(staff, council, watchlist):
    from tuhono.visits import services as visits

    visit = visits.visit_create(
        actor=staff["officer"],
        council=council,
        kind="incoming",
        organisation="Delegation",
        country_code="CN",
        purpose="Study",
        members=[{"name": "Xi Jinping", "nationality": "CN"}],
    )
    visits.visit_triage(actor=staff["officer"], visit=visit)
    visits.visit_send_to_vetting(actor=staff["officer"], visit=visit)
    from tuhono.vetting.services import screening_sweep

    screening_sweep(council_id=council.pk)
    with pytest.raises(ValidationError) as held:
        visits.visit_approve(actor=staff["approver"], visit=visit)
    assert "screening alert" in str(held.value)

    match = ScreeningMatch.objects.get(status=MatchStatus.OPEN)
    match_dismiss(actor=staff["security"], match=match, reason="Student, born 2001")
    assessment = _submitted(staff, visit)
    assert assessment.case_kind == "visit"
    decision_sign(actor=staff["approver"], assessment=assessment, outcome="proceed", reason="Clear", review_on=REVIEW)
    visit.refresh_from_db()
    assert visit.state == "approved"


def test_the_report_and_the_audit_chain_after_a_whole_case(staff, proposed, watchlist, capsys):
    counterpart_add(actor=staff["security"], partnership=proposed, name="Sergei Lavrov")
    match = ScreeningMatch.objects.get(status=MatchStatus.OPEN)
    match_dismiss(actor=staff["security"], match=match, reason="Different man, a translator")
    assessment = _submitted(staff, proposed)
    advice_record(actor=staff["security"], assessment=assessment, agency="mfat", sought_on=dt.date(2026, 2, 1))
    decision_sign(actor=staff["approver"], assessment=assessment, outcome="proceed", reason="ok", review_on=REVIEW)

    report = due_diligence_report(assessment=assessment)
    assert [p.name for p in report.parties] == ["Sergei Lavrov"]
    assert report.versions == [watchlist]
    assert report.decisions[0].decided_by == staff["approver"]
    assert len(report.advice) == 1 and len(report.sections) == 9

    call_command("audit_verify")
    assert "intact" in capsys.readouterr().out.lower()
