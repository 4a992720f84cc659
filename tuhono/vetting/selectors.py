"""Reads of the due-diligence domain.

Every confidential read takes the user and returns nothing unless they are a
security officer or approver of the record's council. The one public read is
`transparency_register`, which returns plain public fields, never a model.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count, Prefetch, Q, QuerySet

from .access import user_may_read_vetting
from .cases import case_ref
from .enums import AssessmentStatus, DecisionOutcome, MatchStatus, ScreeningStatus
from .models import Advice, Arrangement, Assessment, Counterpart, Decision, ScreenedParty, ScreeningMatch
from .questionnaire import QUESTIONNAIRE


def _scoped(queryset: QuerySet, user: Any, council_field: str = "council") -> QuerySet:
    if not user_may_read_vetting(user):
        return queryset.none()
    return queryset.filter(**{f"{council_field}_id": user.council_id})


# --- screening -------------------------------------------------------------------------------


def alert_queue(*, user: Any) -> QuerySet[ScreeningMatch]:
    """Open alerts of the user's council, highest score first."""
    return (
        _scoped(ScreeningMatch.objects.all(), user, "party__council")
        .filter(status=MatchStatus.OPEN)
        .select_related("party", "list_version", "list_version__source")
        .order_by("-score", "pk")
    )


def parties_list(*, user: Any, status: str = "") -> QuerySet[ScreenedParty]:
    queryset = _scoped(ScreenedParty.objects.all(), user).annotate(
        open_alerts=Count("matches", filter=Q(matches__status=MatchStatus.OPEN))
    )
    if status in ScreeningStatus.values:
        queryset = queryset.filter(status=status)
    return queryset.order_by("case_label", "name")


def party_get(*, user: Any, pk: int) -> ScreenedParty | None:
    return (
        _scoped(ScreenedParty.objects.all(), user)
        .prefetch_related(
            Prefetch(
                "matches",
                queryset=ScreeningMatch.objects.select_related("list_version__source", "decided_by", "list_entity"),
            ),
            "screened_against__source",
        )
        .filter(pk=pk)
        .first()
    )


def match_get(*, user: Any, pk: int) -> ScreeningMatch | None:
    return _scoped(ScreeningMatch.objects.select_related("party"), user, "party__council").filter(pk=pk).first()


def case_parties(*, case: models.Model) -> QuerySet[ScreenedParty]:
    """Everyone screened on a case (no user scope: callers have checked it)."""
    content_type = ContentType.objects.get_for_model(case)
    return (
        ScreenedParty.objects.filter(case_type=content_type, case_id=case.pk)
        .prefetch_related(
            Prefetch("matches", queryset=ScreeningMatch.objects.select_related("list_version__source", "decided_by")),
            "screened_against__source",
        )
        .select_related("screened_by")
        .order_by("name", "pk")
    )


def counterparts_for(*, user: Any, partnership: Any) -> QuerySet[Counterpart]:
    return _scoped(Counterpart.objects.filter(partnership=partnership), user)


@dataclass
class ScreeningSummary:
    parties: int = 0
    pending: int = 0
    open_alerts: int = 0
    confirmed: int = 0
    dismissed: int = 0
    lines: list[str] = field(default_factory=list)


def screening_summary(*, case: models.Model) -> ScreeningSummary:
    summary = ScreeningSummary()
    for party in case_parties(case=case):
        summary.parties += 1
        summary.pending += party.status == ScreeningStatus.PENDING
        for match in party.matches.all():
            if match.status == MatchStatus.OPEN:
                summary.open_alerts += 1
                summary.lines.append(f"Open alert: {party.name} ~ {match.caption} ({match.score:.2f})")
            elif match.status == MatchStatus.CONFIRMED:
                summary.confirmed += 1
                summary.lines.append(f"Confirmed: {party.name} = {match.caption} ({', '.join(match.topics)})")
            elif match.status == MatchStatus.DISMISSED:
                summary.dismissed += 1
                summary.lines.append(f"Dismissed: {party.name} ≠ {match.caption}: {match.decision_reason}")
    return summary


def _yn(flag: bool) -> str:
    return "yes" if flag else "no"


def assessment_prefill(*, case: models.Model) -> dict[str, dict[str, str]]:
    """Answers the facts already give: screening from the stored results, delegation facts from the visit."""
    summary = screening_summary(case=case)
    notes = (
        f"{summary.parties} people and organisations on the case; {summary.pending} not yet screened; "
        f"{summary.open_alerts} open alerts; {summary.confirmed} confirmed; {summary.dismissed} dismissed."
    )
    if summary.lines:
        notes += "\n" + "\n".join(summary.lines)
    answers = {
        "screening_all_screened": {"answer": _yn(summary.parties > 0 and not summary.pending), "notes": notes},
        "screening_open_alerts": {"answer": _yn(summary.open_alerts > 0), "notes": ""},
        "screening_confirmed": {"answer": _yn(summary.confirmed > 0), "notes": ""},
    }
    if case._meta.label_lower == "visits.visit":
        late = [p.name for p in case.parties.all() if getattr(p, "added_after_approval", False)]  # type: ignore[attr-defined]
        sensitive = [i.title for i in case.itinerary.all() if i.sensitive_categories]  # type: ignore[attr-defined]
        answers["delegation_late_changes"] = {
            "answer": _yn(bool(late)),
            "notes": ("Added after approval: " + ", ".join(late)) if late else "",
        }
        requested = str(getattr(case, "sites_requested", "") or "")
        if sensitive or requested:
            answers["delegation_sensitive_sites"] = {
                "answer": _yn(bool(sensitive)),
                "notes": "; ".join([*sensitive, requested]).strip("; "),
            }
        payer = getattr(case, "costs_paid_by", "")
        if payer:
            answers["money_paid_by_counterpart"] = {
                "answer": _yn(payer in ("visitors", "partner", "sponsor")),
                "notes": f"Costs paid by: {case.get_costs_paid_by_display()}",  # type: ignore[attr-defined]
            }
    return answers


def suggested_rating(answers: dict[str, dict[str, str]]) -> str:
    """A starting point for the rating from the answers: the officer decides, and says why."""
    from .questionnaire import QUESTIONS

    if answers.get("screening_confirmed", {}).get("answer") == "yes":
        return "critical"
    score = 0.0
    for key, question in QUESTIONS.items():
        answer = answers.get(key, {}).get("answer")
        if answer == question.risk_answer:
            score += question.weight
        elif answer == "unknown":
            score += question.weight / 2
    if score >= 12:
        return "critical"
    if score >= 7:
        return "high"
    if score >= 3:
        return "medium"
    return "low"


# --- assessments -----------------------------------------------------------------------------


def assessments_list(*, user: Any) -> QuerySet[Assessment]:
    return _scoped(Assessment.objects.select_related("assessed_by"), user).order_by("-updated_at", "-pk")


def assessment_get(*, user: Any, pk: int) -> Assessment | None:
    return (
        _scoped(Assessment.objects.select_related("assessed_by", "council"), user)
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
    from .cases import case_of

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
    go ahead, an assessment awaiting its decision, or a decision against it."""
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
    return holds


# --- the public transparency register ------------------------------------------------------


@dataclass(frozen=True)
class PublicNotice:
    stage: str
    notified_on: dt.date
    recipient: str
    response: str
    response_on: dt.date | None


@dataclass(frozen=True)
class PublicArrangement:
    """What the public may know of one foreign arrangement. Nothing here comes from an assessment."""

    kind: str
    title: str
    url_name: str
    slug: str
    parties: tuple[str, ...]
    council: str
    council_slugs: tuple[str, ...]
    country: str
    signed: str
    ended: str
    status: str
    agreement_published: bool
    agreement_text: str
    agreement_url: str
    notices: tuple[PublicNotice, ...]

    @property
    def government_notified(self) -> bool:
        return bool(self.notices)

    @property
    def government_decision(self) -> str:
        decided = [n for n in self.notices if n.response != "no response yet"]
        return decided[-1].response if decided else ""


def transparency_register(*, council_slug: str = "") -> list[PublicArrangement]:
    """Every published partnership and alliance as a foreign arrangement: parties, dates, the agreement
    where published, and whether government was notified and what it decided.

    The only read of this domain the public site may make. It returns public
    fields only; an assessment, a screening or a council decision never passes through here.
    `council_slug` narrows it to one council's arrangements (and the alliances it belongs to).
    """
    from tuhono.partnerships.selectors import alliance_list_public, partnership_queryset_public
    from tuhono.places.countries import country_name

    from .enums import GovernmentResponse, NoticeStage

    stages = dict(NoticeStage.choices)
    responses = dict(GovernmentResponse.choices)
    arrangements = {
        (a.partnership_id, a.alliance_id): a
        for a in Arrangement.objects.prefetch_related("notices").only(
            "pk", "partnership_id", "alliance_id", "agreement_published", "agreement_text", "agreement_url"
        )
    }

    def public_part(arrangement: Arrangement | None) -> dict[str, Any]:
        if arrangement is None:
            return {"agreement_published": False, "agreement_text": "", "agreement_url": "", "notices": ()}
        published = arrangement.agreement_published
        return {
            "agreement_published": published,
            "agreement_text": arrangement.agreement_text if published else "",
            "agreement_url": arrangement.agreement_url if published else "",
            "notices": tuple(
                PublicNotice(
                    stage=str(stages[n.stage]),
                    notified_on=n.notified_on,
                    recipient=n.recipient,
                    response=str(responses[n.response]).lower(),
                    response_on=n.response_on,
                )
                for n in arrangement.notices.all()
            ),
        }

    rows: list[PublicArrangement] = []
    for p in partnership_queryset_public().order_by("council__name", "partner__name"):
        rows.append(
            PublicArrangement(
                kind=p.get_kind_display(),
                title=f"{p.council.name} – {p.partner.name}",
                url_name="public:partnership_detail",
                slug=p.slug,
                parties=tuple(x for x in (p.council.name, p.partner_authority or p.partner.name) if x),
                council=p.council.name,
                council_slugs=(p.council.slug,),
                country=country_name(p.partner.country_code),
                signed=p.signed_display,
                ended=p.ended_display,
                status=p.get_status_display(),
                **public_part(arrangements.get((p.pk, None))),
            )
        )
    for alliance in alliance_list_public():
        rows.append(
            PublicArrangement(
                kind=alliance.get_kind_display(),
                title=alliance.name,
                url_name="public:alliance_detail",
                slug=alliance.slug,
                parties=tuple(str(m) for m in alliance.members.all()),
                council="",
                council_slugs=tuple(m.council.slug for m in alliance.members.all() if m.council_id),
                country="",
                signed=alliance.started_display,
                ended=str(alliance.ended_on.year) if alliance.ended_on else "",
                status="Ended" if alliance.ended_on else "Current",
                **public_part(arrangements.get((None, alliance.pk))),
            )
        )
    if council_slug:
        rows = [row for row in rows if council_slug in row.council_slugs]
    return rows


# --- the back office's starting points -------------------------------------------------------


def list_versions_awaiting_rescreen() -> list[Any]:
    """List versions that landed and have not yet been re-screened against (run `rescreen`)."""
    from . import engine
    from .models import RescreenRun

    done = RescreenRun.objects.filter(finished_at__isnull=False).values_list("list_version_id", flat=True)
    return engine.unprocessed_versions(done)


@dataclass(frozen=True)
class CaseLink:
    kind: str
    pk: int
    label: str
    state: str


def cases_for_council(*, council_id: int | None) -> list[CaseLink]:
    """The council's partnerships, and its visits still before a decision, to open as due-diligence cases."""
    from django.apps import apps

    from tuhono.partnerships.models import Partnership

    if council_id is None:
        return []
    links = [
        CaseLink("partnership", p.pk, str(p.partner), p.get_status_display())
        for p in Partnership.objects.filter(council_id=council_id).select_related("partner").order_by("partner__name")
    ]
    try:
        visit_model = apps.get_model("visits.visit")
    except LookupError:
        return links
    for visit in visit_model.objects.filter(
        council_id=council_id, state__in=["received", "triaged", "vetting", "approved"]
    ).order_by("-created_at")[:50]:
        links.append(CaseLink("visit", visit.pk, str(visit), visit.get_state_display()))
    return links
