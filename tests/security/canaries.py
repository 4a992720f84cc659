"""Planted canary strings in confidential fields, and who may ever see each.

Each canary is written straight into existing demo rows (bypassing services: the point is
to see where the stored value travels). Fields that do not exist (yet) are skipped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist

HOME_STAFF = frozenset({"officer", "approver", "security", "national", "admin"})
VETTING_STAFF = frozenset({"approver", "security"})
CANARY_DATE = dt.date(1911, 11, 11)
DATE_FORMS = ("1911-11-11", "11 November 1911", "11/11/1911", "Nov. 11, 1911", "11 Whiringa-ā-rangi 1911")


@dataclass(frozen=True)
class Canary:
    model: str  # app_label.ModelName
    field: str
    text: str
    may_see: frozenset[str]
    where: dict | None = None  # filter on the model's rows

    def forms(self) -> tuple[str, ...]:
        return DATE_FORMS if self.text == "DATE" else (self.text,)


CANARIES = [
    # Personal details of visitors and the council's private notes about visits.
    Canary("visits.VisitParty", "date_of_birth", "DATE", HOME_STAFF, where={"kind": "person"}),
    Canary("visits.VisitParty", "name", "CanaryPartyName Qzxv", HOME_STAFF),
    Canary("visits.Visit", "cost_notes", "CanaryCostNotes Qzxv", HOME_STAFF),
    Canary("visits.Visit", "contact_phone", "+64 9 000 CANARY", HOME_STAFF),
    Canary("visits.ContactLogEntry", "notes", "CanaryContactLog Qzxv", HOME_STAFF),
    Canary("visits.ContactLogEntry", "people", "CanaryContactPerson Qzxv", HOME_STAFF),
    Canary("visits.ContactReport", "concerns", "CanaryContactConcern Qzxv", HOME_STAFF),
    Canary("visits.TravelBriefing", "devices", "CanaryBriefingDevices Qzxv", HOME_STAFF),
    # Due diligence: only the council's security officers and approvers.
    Canary("vetting.Counterpart", "notes", "CanaryVettingCounterpart Qzxv", VETTING_STAFF),
    Canary("vetting.ScreeningMatch", "decision_reason", "CanaryMatchReason Qzxv", VETTING_STAFF),
    Canary("vetting.ScreeningMatch", "review_note", "CanaryReviewNote Qzxv", VETTING_STAFF),
    Canary("vetting.NamesakeClearing", "reason", "CanaryClearingReason Qzxv", VETTING_STAFF),
    Canary("vetting.Assessment", "rationale", "CanaryAssessment Qzxv", VETTING_STAFF),
    Canary("vetting.Advice", "answer", "CanaryAdvice Qzxv", VETTING_STAFF),
    Canary("vetting.Decision", "conditions", "CanaryDecision Qzxv", VETTING_STAFF),
    Canary("vetting.ArrangementNotice", "notes", "CanaryNotice Qzxv", VETTING_STAFF),
]


def ensure_rows() -> None:
    """Rows the demo data may lack, so their pages and canaries are covered too."""
    try:
        entry_model = apps.get_model("visits", "ContactLogEntry")
        partnership = apps.get_model("partnerships", "Partnership").objects.filter(council__slug="auckland").first()
    except LookupError:
        return
    if partnership is not None and not entry_model.objects.filter(council__slug="auckland").exists():
        entry_model.objects.create(
            partnership=partnership,
            council=partnership.council,
            occurred_on=dt.date(2026, 3, 1),
            people="Test Person",
            topic="Matrix test approach",
            initiated_by="counterpart",
        )


def plant() -> tuple[list[Canary], list[str]]:
    """Write each canary into the home council's rows; return those planted and why others were not."""
    planted, skipped = [], []
    for canary in CANARIES:
        try:
            model = apps.get_model(canary.model)
            model._meta.get_field(canary.field)
        except (LookupError, FieldDoesNotExist):
            skipped.append(f"{canary.model}.{canary.field}: no such field")
            continue
        rows = model._default_manager.all()
        names = {f.name for f in model._meta.get_fields()}
        if "council" in names:
            rows = rows.filter(council__slug="auckland")
        elif "visit" in names:
            rows = rows.filter(visit__council__slug="auckland")
        if canary.where:
            rows = rows.filter(**canary.where)
        if not rows.exists():
            skipped.append(f"{canary.model}.{canary.field}: no rows in the demo data")
            continue
        value = CANARY_DATE if canary.text == "DATE" else canary.text
        rows.update(**{canary.field: value})
        planted.append(canary)
    return planted, skipped
