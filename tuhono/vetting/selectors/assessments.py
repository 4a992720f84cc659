"""Reads of assessments, the due-diligence report, and the hold on a visit's approval."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models
from django.db.models import Prefetch, QuerySet

from ..cases import case_ref
from ..enums import AssessmentStatus, DecisionOutcome, MatchStatus
from ..models import Advice, Arrangement, Assessment, Decision, ScreenedParty, ScreeningMatch
from ..questionnaire import QUESTIONNAIRE
from .common import council_scoped
from .screening import case_parties, suggested_rating

# --- assessments -----------------------------------------------------------------------------


def assessments_list(*, user: Any) -> QuerySet[Assessment]:
    return council_scoped(Assessment.objects.select_related("assessed_by"), user).order_by("-updated_at", "-pk")


def assessment_get(*, user: Any, pk: int) -> Assessment | None:
    return (
        council_scoped(Assessment.objects.select_related("assessed_by", "council"), user)
        .prefetch_related(
            Prefetch("advice", queryset=Advice.objects.select_related("recorded_by")),
            Prefetch("decisions", queryset=Decision.objects.select_related("decided_by")),
        )
        .filter(pk=pk)
        .first()
    )


def assessment_current(*, case: models.Model) -> Assessment | None:
    ref = case_ref(case)
    return Assessment.objects.filter(case_type=ref.content_type, case_id=ref.pk).order_by("-created_at", "-pk").first()


@dataclass
class QuestionView:
    key: str
    text: str
    answer: str
    notes: str


@dataclass
class SectionView:
    key: str
    title: str
    questions: list[QuestionView]


def questionnaire_view(assessment: Assessment) -> list[SectionView]:
    return [
        SectionView(
            key=section.key,
            title=section.title,
            questions=[
                QuestionView(
                    key=q.key,
                    text=q.text,
                    answer=assessment.answers.get(q.key, {}).get("answer", ""),
                    notes=assessment.answers.get(q.key, {}).get("notes", ""),
                )
                for q in section.questions
            ],
        )
        for section in QUESTIONNAIRE
    ]


@dataclass
class DueDiligenceReport:
    assessment: Assessment
    case: Any
    sections: list[SectionView]
    parties: list[ScreenedParty]
    versions: list[Any]
    advice: list[Advice]
    decisions: list[Decision]
    arrangement: Arrangement | None
    suggested_rating: str


def due_diligence_report(*, assessment: Assessment) -> DueDiligenceReport:
    """Everything a case's file holds: who was screened against which list versions, the matches and
    what was made of them, the questionnaire, advice, notices and the signed decisions."""
    from ..cases import case_of

    case = case_of(assessment.case_type_id, assessment.case_id)
    parties = list(case_parties(case=case)) if case is not None else []
    versions = sorted(
        {v for party in parties for v in party.screened_against.all()}, key=lambda v: (v.source.name, v.pk)
    )
    arrangement = None
    if case is not None and case._meta.label_lower == "partnerships.partnership":
        arrangement = Arrangement.objects.filter(partnership_id=case.pk).prefetch_related("notices").first()
    return DueDiligenceReport(
        assessment=assessment,
        case=case,
        sections=questionnaire_view(assessment),
        parties=parties,
        versions=versions,
        advice=list(assessment.advice.all()),
        decisions=list(assessment.decisions.all()),
        arrangement=arrangement,
        suggested_rating=suggested_rating(assessment.answers),
    )


def arrangement_for(*, partnership: Any) -> Arrangement | None:
    return Arrangement.objects.filter(partnership=partnership).prefetch_related("notices").first()


# --- the visit workflow's hold ---------------------------------------------------------------


def vetting_holds_for_visit(visit: Any) -> list[str]:
    """Why due diligence holds a visit's approval: open alerts, a confirmed match with no decision to
    go ahead, an assessment awaiting its decision, a decision against it, or a sensitive site or a party
    on an alert with no decided risk assessment."""
    from tuhono.visits.selectors import visit_touches_sensitive_site

    ref = case_ref(visit)
    holds = []
    matches = ScreeningMatch.objects.filter(party__case_type=ref.content_type, party__case_id=ref.pk)
    open_alerts = matches.filter(status=MatchStatus.OPEN).count()
    if open_alerts:
        holds.append(f"{open_alerts} screening alert(s) are open")
    assessment = assessment_current(case=visit)
    latest = assessment.decisions.order_by("-decided_at", "-pk").first() if assessment else None
    if assessment and assessment.status == AssessmentStatus.SUBMITTED:
        holds.append("the risk assessment awaits an approver's decision")
    if latest and latest.outcome not in (DecisionOutcome.PROCEED, DecisionOutcome.PROCEED_WITH_CONDITIONS):
        holds.append(f"due diligence decided: {latest.get_outcome_display().lower()}")
    elif matches.filter(status=MatchStatus.CONFIRMED).exists() and latest is None:
        holds.append("a screening match was confirmed and no decision to go ahead has been signed")
    decided = assessment is not None and assessment.status == AssessmentStatus.DECIDED
    if not decided:
        if not visit.is_outgoing and visit_touches_sensitive_site(visit):  # our sites, not those a mission tours
            holds.append("the visit includes a sensitive site: a risk assessment must be decided first")
        if open_alerts or matches.filter(status=MatchStatus.CONFIRMED).exists():
            holds.append("a party is on a screening alert: a risk assessment must be decided first")
    return holds
