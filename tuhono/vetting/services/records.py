"""The screening record: every screening written down as it happened, its digest in the audit chain."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

from django.utils import timezone

from tuhono.audit.actions import AuditAction
from tuhono.audit.services import audit_record, json_digest

from .. import engine
from ..enums import MatchStatus, RecordOutcome
from ..models import ScreenedParty, ScreeningMatch, ScreeningRecord
from ..permissions import Action, require

# Bumped when the record's content changes shape, so an old export is still read the way it was written.
RECORD_FORMAT = 1


def record_digest(content: dict[str, Any]) -> str:
    """SHA-256 of the record's content as canonical JSON (keys sorted, UTF-8, no spaces).

    Anyone can recompute it from an exported record's `content` and compare it with the
    digest in the audit chain (`manage.py audit_verify --export FILE` does both)."""
    return json_digest(content)


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat()


def _actor_label(actor: Any) -> str:
    if not getattr(actor, "is_authenticated", False):
        return "system"
    return f"{actor.get_full_name() or actor.get_username()} ({actor.get_username()})"


def _outcome(candidates: list[dict[str, Any]]) -> str:
    statuses = {c["status"] for c in candidates if c["alert"]}
    if MatchStatus.CONFIRMED in statuses:
        return RecordOutcome.CONFIRMED
    if MatchStatus.OPEN in statuses:
        return RecordOutcome.ALERTS_RAISED
    if statuses:
        return RecordOutcome.CLEARED
    return RecordOutcome.NO_MATCH


def _candidate(result: engine.Match, match: ScreeningMatch | None) -> dict[str, Any]:
    status = match.status if match else ""
    return {
        "source": result.source,
        "entity_id": result.entity_id,
        "list_version": result.list_version_id,
        "entity_content_hash": result.content_hash,
        "caption": result.caption,
        "matched_name": result.matched_name or "",
        "topics": list(result.topics),
        "score": round(float(result.score), 4),
        "alert": bool(result.alert),
        "explanation": result.explanation,
        "status": status,
        "cleared_by_clearing": match.clearing_id if match and status == MatchStatus.DISMISSED else None,
        "review_note": match.review_note if match and status == MatchStatus.OPEN else "",
    }


def screening_record_write(
    *,
    actor: Any,
    party: ScreenedParty,
    trigger: str,
    found: list[engine.Match],
    matches: dict[int, ScreeningMatch],
    versions: Iterable[engine.ListVersion],
    scope: str,
) -> ScreeningRecord:
    """Append one screening to the record and its digest to the audit chain.

    The audit event holds only the record's id, the party's id and the digest: never a
    name, a detail or an explanation. Runs in the caller's transaction.
    """
    now = timezone.now()
    candidates = [_candidate(result, matches.get(result.list_entity_pk)) for result in found]
    outcome = _outcome(candidates)
    content: dict[str, Any] = {
        "format": RECORD_FORMAT,
        "screened_at": _utc(now),
        "screened_by": _actor_label(actor),
        "trigger": trigger,
        "council": party.council_id,
        "case": {"kind": party.case_kind, "id": party.case_id, "label": party.case_label},
        "subject": {
            "party": party.pk,
            "schema": party.schema,
            "name": party.name,
            "aliases": list(party.aliases),
            "birth_date": party.birth_date,
            "nationality": party.nationality,
            "role": party.role_label,
            "origin": party.origin,
            "details_hash": party.subject_hash,
        },
        "list_versions": [
            {"id": v.pk, "source": v.source.name, "imported_at": _utc(v.imported_at), "file_sha256": v.sha256}
            for v in versions
        ],
        "scope": scope,
        "threshold": engine.screening_threshold(),
        "candidates": candidates,
        "outcome": outcome,
    }
    content = json.loads(json.dumps(content))  # exactly as it reads back from the database
    record = ScreeningRecord(
        council_id=party.council_id,
        party=party,
        case_kind=party.case_kind,
        case_type_id=party.case_type_id,
        case_id=party.case_id,
        case_label=party.case_label,
        trigger=trigger,
        screened_at=now,
        screened_by=actor if getattr(actor, "is_authenticated", False) else None,
        outcome=outcome,
        content=content,
        digest=record_digest(content),
    )
    record.full_clean()
    record.save()
    audit_record(
        actor=actor,
        action=AuditAction.VETTING_SCREENING_RECORDED,
        target=record,
        council_id=party.council_id,
        payload={"record": record.pk, "party": party.pk, "digest": record.digest},
    )
    return record


def screening_records_exported(
    *, actor: Any, council: Any, count: int, file_format: str, selection: dict[str, Any]
) -> None:
    """Note in the audit trail that someone took the screening record away: how many records, which
    case or period, which format. Names and details stay out of the trail."""
    require(actor, Action.READ, council.pk)
    audit_record(
        actor=actor,
        action=AuditAction.VETTING_SCREENING_RECORDS_EXPORTED,
        target=council,
        council_id=council.pk,
        payload={"records": count, "format": file_format, **selection},
    )
