"""Reads of what screening remembers: namesake clearings and the screening record, with its exports."""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet
from django.utils import timezone

from tuhono.audit.actions import AuditAction
from tuhono.audit.selectors import audit_event_sequences
from tuhono.audit.services import json_digest
from tuhono.core.spreadsheet import csv_writer

from ..models import NamesakeClearing, ScreeningRecord
from .common import council_scoped

RECORDED = AuditAction.VETTING_SCREENING_RECORDED


@dataclass(frozen=True)
class ClearingView:
    clearing: NamesakeClearing
    state: str  # in_force, expired, entity_changed, withdrawn, replaced
    state_label: str


_STATE_LABELS = {
    "in_force": "In force",
    "expired": "Expired: raised again at the next screening",
    "entity_changed": "The list entry has changed since: raised again for review",
    "withdrawn": "Withdrawn: raised again for review",
    "replaced": "Replaced by a later clearing",
}


def clearings_list(*, user: Any, state: str = "") -> list[ClearingView]:
    """The council's namesake clearings, newest first, each with whether it still holds."""
    now = timezone.now()
    clearings = council_scoped(NamesakeClearing.objects.all(), user).select_related(
        "cleared_by", "withdrawn_by", "party", "list_entity"
    )
    views, seen = [], set()
    for clearing in clearings.order_by("-cleared_at", "-pk"):
        key = (clearing.subject_hash, clearing.list_entity_id)
        if clearing.withdrawn_at is not None:
            current = "withdrawn"
        elif key in seen:
            current = "replaced"
        elif clearing.expires_at <= now:
            current = "expired"
        elif clearing.list_entity.content_hash != clearing.content_hash:
            current = "entity_changed"
        else:
            current = "in_force"
        seen.add(key)
        if not state or state == current:
            views.append(ClearingView(clearing, current, _STATE_LABELS[current]))
    return views


def clearing_get(*, user: Any, pk: int) -> NamesakeClearing | None:
    """One of the user's council's clearings, or None."""
    return (
        council_scoped(NamesakeClearing.objects.all(), user).select_related("party", "cleared_by").filter(pk=pk).first()
    )


def clearing_states() -> list[tuple[str, str]]:
    return list(_STATE_LABELS.items())


def _day_start(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def screening_records(
    *,
    user: Any,
    case: models.Model | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> QuerySet[ScreeningRecord]:
    """The council's screening records, newest first: of one case, and/or screened between two dates
    (both days included, in the council's time zone)."""
    records = council_scoped(ScreeningRecord.objects.all(), user).select_related("screened_by")
    if case is not None:
        records = records.filter(case_type=ContentType.objects.get_for_model(case), case_id=case.pk)
    if date_from:
        records = records.filter(screened_at__gte=_day_start(date_from))
    if date_to:
        records = records.filter(screened_at__lt=_day_start(date_to + dt.timedelta(days=1)))
    return records.order_by("-screened_at", "-pk")


def screening_record_get(*, user: Any, pk: int) -> ScreeningRecord | None:
    return council_scoped(ScreeningRecord.objects.select_related("screened_by"), user).filter(pk=pk).first()


@dataclass(frozen=True)
class RecordCheck:
    audit_event: int | None
    content_matches: bool

    @property
    def verified(self) -> bool:
        return self.audit_event is not None and self.content_matches


def screening_record_check(record: ScreeningRecord) -> RecordCheck:
    """Whether the record still matches its digest, and which audit event holds it."""
    sequences = audit_event_sequences(
        action=RECORDED, target_type=ScreeningRecord._meta.label_lower, target_ids=[record.pk]
    )
    return RecordCheck(sequences.get(record.pk), json_digest(record.content) == record.digest)


def _sequences(records: list[ScreeningRecord]) -> dict[int, int]:
    return audit_event_sequences(
        action=RECORDED, target_type=ScreeningRecord._meta.label_lower, target_ids=[r.pk for r in records]
    )


def screening_records_json(records: QuerySet[ScreeningRecord], *, described: dict[str, Any]) -> str:
    """The records as one JSON document: each with its content, digest and the audit event holding it."""
    rows = list(records)
    sequences = _sequences(rows)
    document = {
        "export": "screening record",
        "exported_at": timezone.now().astimezone(dt.UTC).isoformat(),
        "selection": described,
        "digest_rule": "sha256 of `content` as JSON with keys sorted, UTF-8, no spaces; "
        "the audit event `audit_event` holds the same digest (manage.py audit_verify --export FILE)",
        "records": [
            {"id": r.pk, "audit_event": sequences.get(r.pk), "digest": r.digest, "content": r.content} for r in rows
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=1)


CSV_COLUMNS = [
    "record",
    "audit_event",
    "digest",
    "screened_at",
    "screened_by",
    "trigger",
    "case",
    "name",
    "other_names",
    "schema",
    "birth_date",
    "nationality",
    "list_versions",
    "scope",
    "threshold",
    "outcome",
    "candidate_source",
    "candidate_entity_id",
    "candidate_caption",
    "matched_name",
    "score",
    "alert",
    "candidate_status",
    "explanation",
    "review_note",
]


def _csv_rows(record: ScreeningRecord, sequence: int | None) -> list[list[Any]]:
    content = record.content
    subject = content["subject"]
    versions = "; ".join(
        f"{v['source']} version {v['id']} (file sha256 {v['file_sha256']})" for v in content["list_versions"]
    )
    head = [
        record.pk,
        sequence if sequence is not None else "",
        record.digest,
        content["screened_at"],
        content["screened_by"],
        record.get_trigger_display(),
        content["case"]["label"],
        subject["name"],
        "; ".join(subject["aliases"]),
        subject["schema"],
        subject["birth_date"],
        subject["nationality"],
        versions,
        content["scope"],
        content["threshold"],
        record.get_outcome_display(),
    ]
    candidates = content["candidates"] or [None]
    return [
        head
        + (
            [
                c["source"],
                c["entity_id"],
                c["caption"],
                c["matched_name"],
                c["score"],
                "yes" if c["alert"] else "no",
                c["status"],
                c["explanation"],
                c["review_note"],
            ]
            if c
            else [""] * 9
        )
        for c in candidates
    ]


def screening_records_csv(records: QuerySet[ScreeningRecord]) -> str:
    """The records as CSV, one row per candidate considered (one row when none came close), every
    cell made safe for a spreadsheet. Each row names its record's digest and audit event."""
    rows = list(records)
    sequences = _sequences(rows)
    out = io.StringIO()
    writer = csv_writer(out)
    writer.writerow(CSV_COLUMNS)
    for record in rows:
        writer.writerows(_csv_rows(record, sequences.get(record.pk)))
    return out.getvalue()
