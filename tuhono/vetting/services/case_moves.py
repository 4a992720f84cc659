"""Moving a partnership or a visit after a due-diligence decision, through their own services.

Vetting imports the other domains here and nowhere else among its services;
they never import vetting (a visit's approval asks vetting through the hook
registered in `tuhono.vetting.apps`).
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from ..enums import OUTCOME_LABELS, DecisionOutcome
from ..models import Decision

GO = {DecisionOutcome.PROCEED, DecisionOutcome.PROCEED_WITH_CONDITIONS}

# decision -> {partnership status now: status it moves to}
PARTNERSHIP_MOVES: dict[str, dict[str, str]] = {
    DecisionOutcome.PROCEED: {"proposed": "active", "suspended": "active"},
    DecisionOutcome.PROCEED_WITH_CONDITIONS: {"proposed": "active", "suspended": "active"},
    DecisionOutcome.DECLINE: {"proposed": "ended"},
    DecisionOutcome.SUSPEND: {"active": "suspended", "dormant": "suspended"},
    DecisionOutcome.END: {"proposed": "ended", "active": "ended", "dormant": "ended", "suspended": "ended"},
}


def _reason(decision: Decision) -> str:
    """What the partnership's or visit's own record says: the outcome only.

    The reason and the conditions stay in due diligence; the visit's team reads
    the outcome and the travellers' conditions through `selectors.case_outcome`.
    """
    return OUTCOME_LABELS[decision.outcome] + "."


def case_apply_decision(*, actor: Any, case: Any, decision: Decision) -> str:
    """Move the case as the decision says; returns what moved ('' when nothing needed to)."""
    label = case._meta.label_lower
    if label == "partnerships.partnership":
        from tuhono.partnerships.services import partnership_change_status

        target = PARTNERSHIP_MOVES[decision.outcome].get(case.status)  # type: ignore[attr-defined]
        if not target:
            return ""
        previous = case.status  # type: ignore[attr-defined]
        partnership_change_status(
            actor=actor, partnership=case, status=target, changed_on=timezone.localdate(), reason=_reason(decision)
        )
        return f"partnership {previous} → {target}"
    if label == "visits.visit":
        from tuhono.visits.services import visit_approve, visit_decline

        state = case.state  # type: ignore[attr-defined]
        if decision.outcome in GO and state == "vetting":
            visit_approve(actor=actor, visit=case, note=_reason(decision))
            return f"visit {state} → approved"
        if decision.outcome in (DecisionOutcome.DECLINE, DecisionOutcome.END, DecisionOutcome.SUSPEND) and state in (
            "received",
            "triaged",
            "vetting",
        ):
            visit_decline(actor=actor, visit=case, reason=_reason(decision))
            return f"visit {state} → declined"
        return ""
    return ""
