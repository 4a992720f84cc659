"""The one way a due-diligence decision leaves vetting: its outcome, never its reasoning."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from ..enums import OUTCOME_LABELS, DecisionOutcome
from ..models import Decision


@dataclass(frozen=True)
class CaseOutcome:
    """What a partnership's or visit's team may know of the latest decision on it."""

    outcome: str
    label: str
    decided_on: dt.date
    review_on: dt.date
    traveller_conditions: str

    @property
    def cleared(self) -> bool:
        return self.outcome in (DecisionOutcome.PROCEED, DecisionOutcome.PROCEED_WITH_CONDITIONS)


def case_outcome(case: models.Model) -> CaseOutcome | None:
    """The latest decision on a partnership or visit, as the staff who run it may read it (None: undecided).

    Carries the outcome in neutral words, the dates and the conditions written for
    the travellers; the reason and the confidential conditions never leave vetting.
    """
    decision = (
        Decision.objects.filter(
            assessment__case_type=ContentType.objects.get_for_model(case), assessment__case_id=case.pk
        )
        .only("outcome", "decided_at", "review_on", "traveller_conditions")
        .order_by("-decided_at", "-pk")
        .first()
    )
    if decision is None:
        return None
    return CaseOutcome(
        outcome=decision.outcome,
        label=OUTCOME_LABELS[decision.outcome],
        decided_on=timezone.localdate(decision.decided_at),
        review_on=decision.review_on,
        traveller_conditions=decision.traveller_conditions,
    )
