"""Only the outcome of a decision leaves due diligence; its reasoning stays with those entitled to it."""

import datetime as dt
import hashlib

from django.core import mail
from django.utils import timezone

from tuhono.audit.models import AuditEvent
from tuhono.partnerships.models import Partnership
from tuhono.vetting.enums import MatchStatus
from tuhono.vetting.models import ScreeningMatch
from tuhono.vetting.selectors import case_outcome
from tuhono.vetting.services import (
    advice_answer,
    advice_record,
    assessment_start,
    assessment_submit,
    assessment_update,
    counterpart_add,
    decision_sign,
    match_dismiss,
    notice_record,
)

from .test_assessments import _answer_all

REVIEW = timezone.localdate() + dt.timedelta(days=365)
REASON = "Advice that the leader works for a united-front office"
CONDITIONS = "Confidential: brief the mayor on the intermediary"
FOR_TRAVELLERS = "Travel with loaner phones only"


def _submitted(staff, case, rationale="Provincial counterpart; intermediary known"):
    assessment = assessment_start(actor=staff["security"], case=case)
    assessment_update(
        actor=staff["security"], assessment=assessment, answers=_answer_all(), rating="medium", rationale=rationale
    )
    return assessment_submit(actor=staff["security"], assessment=assessment)


def _all_audit_text() -> str:
    return " ".join(str(e.payload) + e.target_label for e in AuditEvent.objects.all())


def test_a_partnership_cleared_with_conditions_carries_only_the_outcome(staff, proposed):
    assessment = _submitted(staff, proposed)
    decision_sign(
        actor=staff["approver"],
        assessment=assessment,
        outcome="proceed_with_conditions",
        reason=REASON,
        conditions=CONDITIONS,
        traveller_conditions=FOR_TRAVELLERS,
        review_on=REVIEW,
    )
    change = Partnership.objects.get(pk=proposed.pk).status_changes.last()
    assert change.reason == "Cleared after due diligence with conditions for the travellers."
    outcome = case_outcome(proposed)
    assert outcome is not None and outcome.cleared
    assert outcome.label == "Cleared after due diligence with conditions for the travellers"
    assert outcome.review_on == REVIEW and outcome.decided_on == timezone.localdate()
    assert outcome.traveller_conditions == FOR_TRAVELLERS
    assert not hasattr(outcome, "reason") and not hasattr(outcome, "conditions")
    audit = _all_audit_text()
    assert REASON not in audit and CONDITIONS not in audit
    event = AuditEvent.objects.get(action="vetting.decision_signed")
    assert event.payload["reason_digest"] == "sha256:" + hashlib.sha256(REASON.encode()).hexdigest()
    assert event.payload["conditions_digest"] == "sha256:" + hashlib.sha256(CONDITIONS.encode()).hexdigest()


def test_an_undecided_case_has_no_outcome(staff, proposed):
    assert case_outcome(proposed) is None


def test_a_visit_declined_after_due_diligence_tells_its_team_the_outcome_only(
    staff, council, watchlist, django_capture_on_commit_callbacks
):
    from tuhono.visits import services as visits

    visit = visits.visit_create(
        actor=staff["officer"],
        council=council,
        kind="incoming",
        organisation="Delegation",
        country_code="CN",
        purpose="Study",
        members=[{"name": "Aroha Smith", "nationality": "NZ"}],
    )
    visits.visit_triage(actor=staff["officer"], visit=visit)
    visits.visit_send_to_vetting(actor=staff["officer"], visit=visit)
    assessment = _submitted(staff, visit, rationale="Rationale that must stay")
    staff["officer"].email = "officer@example.org"
    staff["officer"].save(update_fields=["email"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        decision_sign(
            actor=staff["approver"],
            assessment=assessment,
            outcome="decline",
            reason=REASON,
            conditions=CONDITIONS,
            review_on=REVIEW,
        )
    visit.refresh_from_db()
    assert visit.state == "declined"
    assert visit.decision_reason == "Declined after due diligence."
    notes = " ".join(t.note for t in visit.transitions.all())
    assert REASON not in notes and CONDITIONS not in notes
    assert "Declined after due diligence" in notes
    assert mail.outbox, "the visit's officers are told it was declined"
    assert any("Declined after due diligence" in m.body for m in mail.outbox)
    for message in mail.outbox:
        assert REASON not in message.body + message.subject
        assert CONDITIONS not in message.body
    audit = _all_audit_text()
    assert REASON not in audit and "Rationale that must stay" not in audit


def test_audit_payloads_hold_digests_not_confidential_text(staff, proposed, watchlist):
    counterpart_add(actor=staff["security"], partnership=proposed, name="Sergei Lavrov", notes="Counterpart note QX")
    match = ScreeningMatch.objects.get(status=MatchStatus.OPEN)
    match_dismiss(actor=staff["security"], match=match, reason="Dismissal reason QX")
    assessment = _submitted(staff, proposed, rationale="Rationale QX")
    advice = advice_record(
        actor=staff["security"],
        assessment=assessment,
        agency="mfat",
        sought_on=dt.date(2026, 2, 1),
        question="Advice question QX",
    )
    advice_answer(actor=staff["security"], advice=advice, answered_on=dt.date(2026, 2, 9), answer="Advice answer QX")
    notice_record(
        actor=staff["security"],
        partnership=proposed,
        stage="before_negotiation",
        notified_on=dt.date(2026, 2, 1),
        notes="Notice note QX",
    )
    audit = _all_audit_text()
    assert "QX" not in audit
    dismissed = AuditEvent.objects.get(action="vetting.alert_dismissed")
    assert dismissed.payload["reason_digest"] == ("sha256:" + hashlib.sha256(b"Dismissal reason QX").hexdigest())
