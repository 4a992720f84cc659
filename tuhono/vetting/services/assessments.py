"""Risk assessments, advice sought, and the approver's decision that moves the case."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone

from tuhono.audit.actions import AuditAction
from tuhono.audit.services import audit_record, text_digest

from ..cases import case_of, case_ref
from ..enums import Agency, AssessmentStatus, DecisionOutcome, MatchStatus, Rating
from ..models import Advice, Assessment, Decision, ScreeningMatch
from ..permissions import REFUSALS, Action, may, require
from ..questionnaire import ANSWERS, QUESTIONS
from ..selectors import assessment_prefill
from .case_moves import case_apply_decision

ANSWER_VALUES = {value for value, _ in ANSWERS}


def _audit(actor: Any, action: AuditAction, target: models.Model, council_id: int | None, **payload: Any) -> None:
    audit_record(actor=actor, action=action, target=target, council_id=council_id, payload=payload)


def _clean_answers(answers: dict[str, Any]) -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    cleaned: dict[str, dict[str, str]] = {}
    errors: dict[str, str] = {}
    for key, value in (answers or {}).items():
        if key not in QUESTIONS:
            errors[key] = "This is not a question of the assessment."
            continue
        answer = (value or {}).get("answer", "") or ""
        notes = ((value or {}).get("notes", "") or "").strip()
        if answer and answer not in ANSWER_VALUES:
            errors[key] = f"Answer yes, no or not known (not '{answer}')."
            continue
        cleaned[key] = {"answer": answer, "notes": notes}
    return cleaned, errors


@transaction.atomic
def assessment_start(*, actor: Any, case: models.Model) -> Assessment:
    """Open a draft risk assessment of a partnership, visit or mission, pre-filled from its screening.

    One assessment at a time per case: an undecided one is returned as it is.
    """
    ref = case_ref(case)
    require(actor, Action.WORK, ref.council_id)
    current = Assessment.objects.filter(
        case_type=ref.content_type, case_id=ref.pk, status__in=[AssessmentStatus.DRAFT, AssessmentStatus.SUBMITTED]
    ).first()
    if current:
        return current
    assessment = Assessment(
        council_id=ref.council_id,
        case_kind=ref.kind,
        case_type=ref.content_type,
        case_id=ref.pk,
        case_label=ref.label,
        answers=assessment_prefill(case=case),
        assessed_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    assessment.full_clean()
    assessment.save()
    _audit(actor, AuditAction.VETTING_ASSESSMENT_STARTED, assessment, ref.council_id, case=ref.label, kind=ref.kind)
    return assessment


@transaction.atomic
def assessment_update(
    *, actor: Any, assessment: Assessment, answers: dict[str, Any], rating: str = "", rationale: str = ""
) -> Assessment:
    """Save the questionnaire's answers, the rating and its rationale on a draft assessment."""
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    require(actor, Action.WORK, assessment.council_id)
    if assessment.status != AssessmentStatus.DRAFT:
        raise ValidationError("Only a draft assessment can be changed.")
    cleaned, errors = _clean_answers(answers)
    if rating and rating not in Rating.values:
        errors["rating"] = f"'{rating}' is not a rating."
    if errors:
        raise ValidationError(errors)
    before = {"rating": assessment.rating, "answers": assessment.answers}
    assessment.answers = {**assessment.answers, **cleaned}
    assessment.rating = rating
    assessment.rationale = (rationale or "").strip()
    if getattr(actor, "is_authenticated", False):
        assessment.assessed_by = actor
    assessment.full_clean()
    assessment.save()
    changed = sorted(k for k in assessment.answers if before["answers"].get(k) != assessment.answers.get(k))
    _audit(
        actor,
        AuditAction.VETTING_ASSESSMENT_UPDATED,
        assessment,
        assessment.council_id,
        rating={"from": before["rating"], "to": assessment.rating},
        answers_changed=changed,
        rationale_digest=text_digest(assessment.rationale),
        answers_digest=text_digest(json.dumps(assessment.answers, sort_keys=True, ensure_ascii=False)),
    )
    return assessment


@transaction.atomic
def assessment_submit(*, actor: Any, assessment: Assessment) -> Assessment:
    """Submit a draft for an approver's decision: every question answered, a rating and its rationale given."""
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    require(actor, Action.WORK, assessment.council_id)
    if assessment.status != AssessmentStatus.DRAFT:
        raise ValidationError("Only a draft assessment can be submitted.")
    errors: dict[str, str] = {}
    unanswered = [key for key in QUESTIONS if not assessment.answers.get(key, {}).get("answer")]
    if unanswered:
        errors["answers"] = f"Answer every question ({len(unanswered)} unanswered)."
    if not assessment.rating:
        errors["rating"] = "Choose a rating."
    if not assessment.rationale:
        errors["rationale"] = "Explain the rating."
    if errors:
        raise ValidationError(errors)
    assessment.status = AssessmentStatus.SUBMITTED
    assessment.submitted_at = timezone.now()
    if getattr(actor, "is_authenticated", False):
        assessment.assessed_by = actor
    assessment.full_clean()
    assessment.save()
    _audit(actor, AuditAction.VETTING_ASSESSMENT_SUBMITTED, assessment, assessment.council_id, rating=assessment.rating)
    return assessment


@transaction.atomic
def advice_record(
    *,
    actor: Any,
    assessment: Assessment,
    agency: str,
    sought_on: dt.date,
    agency_name: str = "",
    reference: str = "",
    question: str = "",
    answered_on: dt.date | None = None,
    answer: str = "",
) -> Advice:
    """Record advice sought from MFAT, the NZSIS or another agency (and its answer, if in)."""
    require(actor, Action.WORK, assessment.council_id)
    if answer.strip() and answered_on is None:
        raise ValidationError({"answered_on": "Give the date the answer came."})
    advice = Advice(
        assessment=assessment,
        agency=agency,
        agency_name=agency_name.strip() if agency == Agency.OTHER else "",
        sought_on=sought_on,
        reference=reference.strip(),
        question=question.strip(),
        answered_on=answered_on,
        answer=answer.strip(),
        recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    advice.full_clean()
    advice.save()
    _audit(
        actor,
        AuditAction.VETTING_ADVICE_RECORDED,
        advice,
        assessment.council_id,
        assessment=assessment.pk,
        agency=agency,
        sought_on=sought_on,
        reference=advice.reference,
        answered=bool(advice.answer),
        question_digest=text_digest(advice.question),
        answer_digest=text_digest(advice.answer),
    )
    return advice


@transaction.atomic
def advice_answer(*, actor: Any, advice: Advice, answered_on: dt.date, answer: str) -> Advice:
    """Record the answer to advice sought earlier."""
    advice = Advice.objects.select_for_update().select_related("assessment").get(pk=advice.pk)
    require(actor, Action.WORK, advice.assessment.council_id)
    if not (answer or "").strip():
        raise ValidationError({"answer": "Record the answer."})
    advice.answered_on, advice.answer = answered_on, answer.strip()
    advice.full_clean()
    advice.save()
    _audit(
        actor,
        AuditAction.VETTING_ADVICE_ANSWERED,
        advice,
        advice.assessment.council_id,
        answered_on=answered_on,
        answer_digest=text_digest(advice.answer),
    )
    return advice


OUTCOMES_AFTER_DECISION = {DecisionOutcome.SUSPEND, DecisionOutcome.END, DecisionOutcome.PROCEED}


@transaction.atomic
def decision_sign(
    *,
    actor: Any,
    assessment: Assessment,
    outcome: str,
    reason: str,
    review_on: dt.date | None,
    conditions: str = "",
    traveller_conditions: str = "",
) -> Decision:
    """An approver signs off the decision on a submitted assessment, and the case moves accordingly.

    Guarantees: the approver belongs to the council and is not the person who
    assessed the case; a decision to proceed waits until no screening alert is
    open; the partnership or visit changes status through its own services in
    the same transaction (if it cannot, nothing is recorded); audited. A
    decided case can be decided again later (suspend, end, resume).
    """
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if not may(actor, Action.DECIDE, assessment.council_id):  # a person signs, never the system
        raise PermissionDenied(REFUSALS[Action.DECIDE])
    if assessment.assessed_by_id is not None and assessment.assessed_by_id == actor.pk:
        raise PermissionDenied("The person who assessed the case cannot also sign off the decision.")
    errors: dict[str, str] = {}
    if assessment.status == AssessmentStatus.DRAFT:
        errors["outcome"] = "The assessment has not been submitted for a decision."
    elif assessment.status == AssessmentStatus.DECIDED and outcome not in OUTCOMES_AFTER_DECISION:
        errors["outcome"] = "A decided case can only go ahead again, be suspended or be ended."
    if outcome not in DecisionOutcome.values:
        errors["outcome"] = f"'{outcome}' is not a decision."
    if review_on is None:
        errors["review_on"] = "Give a date to review the decision."
    elif review_on <= timezone.localdate():
        errors["review_on"] = "The review date must be in the future."
    if outcome in (DecisionOutcome.PROCEED, DecisionOutcome.PROCEED_WITH_CONDITIONS):
        open_alerts = ScreeningMatch.objects.filter(
            party__case_type_id=assessment.case_type_id, party__case_id=assessment.case_id, status=MatchStatus.OPEN
        ).count()
        if open_alerts:
            errors["outcome"] = f"{open_alerts} screening alert(s) are still open: work them before going ahead."
    if errors or review_on is None:
        raise ValidationError(errors)
    decision = Decision(
        assessment=assessment,
        outcome=outcome,
        conditions=(conditions or "").strip(),
        traveller_conditions=(traveller_conditions or "").strip(),
        reason=(reason or "").strip(),
        review_on=review_on,
        decided_by=actor,
        decided_at=timezone.now(),
    )
    decision.full_clean()
    decision.save()
    assessment.status = AssessmentStatus.DECIDED
    assessment.save(update_fields=["status", "updated_at"])
    case = case_of(assessment.case_type_id, assessment.case_id)
    moved = case_apply_decision(actor=actor, case=case, decision=decision) if case is not None else ""
    _audit(
        actor,
        AuditAction.VETTING_DECISION_SIGNED,
        decision,
        assessment.council_id,
        assessment=assessment.pk,
        case=assessment.case_label,
        outcome=outcome,
        review_on=review_on,
        reason_digest=text_digest(decision.reason),
        conditions_digest=text_digest(decision.conditions),
        traveller_conditions_digest=text_digest(decision.traveller_conditions),
        rating=assessment.rating,
        case_moved=moved,
    )
    return decision
