"""Reads of screening: alerts, parties, matches, and what screening says of a case."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count, Prefetch, Q, QuerySet

from ..enums import MatchStatus, ScreeningStatus
from ..models import Counterpart, ScreenedParty, ScreeningMatch
from .common import council_scoped

# --- screening -------------------------------------------------------------------------------


def alert_queue(*, user: Any) -> QuerySet[ScreeningMatch]:
    """Open alerts of the user's council, highest score first."""
    return (
        council_scoped(ScreeningMatch.objects.all(), user, "party__council")
        .filter(status=MatchStatus.OPEN)
        .select_related("party", "list_version", "list_version__source")
        .order_by("-score", "pk")
    )


def parties_list(*, user: Any, status: str = "") -> QuerySet[ScreenedParty]:
    queryset = council_scoped(ScreenedParty.objects.all(), user).annotate(
        open_alerts=Count("matches", filter=Q(matches__status=MatchStatus.OPEN))
    )
    if status in ScreeningStatus.values:
        queryset = queryset.filter(status=status)
    return queryset.order_by("case_label", "name")


def party_get(*, user: Any, pk: int) -> ScreenedParty | None:
    return (
        council_scoped(ScreenedParty.objects.all(), user)
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
    return council_scoped(ScreeningMatch.objects.select_related("party"), user, "party__council").filter(pk=pk).first()


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
    return council_scoped(Counterpart.objects.filter(partnership=partnership), user)


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
    from ..questionnaire import QUESTIONS

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


# --- the back office's starting points -------------------------------------------------------


def list_versions_awaiting_rescreen() -> list[Any]:
    """List versions that landed and have not yet been re-screened against (run `rescreen`)."""
    from .. import engine
    from ..models import RescreenRun

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
    from tuhono.partnerships.models import Partnership
    from tuhono.visits.models import Visit

    if council_id is None:
        return []
    links = [
        CaseLink("partnership", p.pk, str(p.partner), p.get_status_display())
        for p in Partnership.objects.filter(council_id=council_id).select_related("partner").order_by("partner__name")
    ]
    for visit in Visit.objects.filter(
        council_id=council_id, state__in=["received", "triaged", "vetting", "approved"]
    ).order_by("-created_at")[:50]:
        links.append(CaseLink("visit", visit.pk, str(visit), visit.get_state_display()))
    return links
