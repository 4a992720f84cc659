"""Checking an exported set of records against the audit trail.

An export (JSON or CSV) names, for each record, the audit event that chained it (`audit_event`,
its sequence number) and the record's `digest`. A JSON export also carries each record's
`content`, from which the digest is recomputed (`services.json_digest`). The check passes when
the trail is intact, every digest matches its content, and every event holds that digest for
that record.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from typing import Any

from .models import AuditEvent
from .selectors import audit_chain_problems
from .services import json_digest


@dataclass
class ExportCheck:
    records: int = 0
    problems: list[str] = field(default_factory=list)


def _entries(text: str) -> list[dict[str, Any]]:
    if text.lstrip().startswith("{"):
        return list(json.loads(text)["records"])
    seen: dict[str, dict[str, Any]] = {}
    for row in csv.DictReader(io.StringIO(text)):
        seen.setdefault(
            row["record"], {"id": row["record"], "audit_event": row["audit_event"], "digest": row["digest"]}
        )
    return list(seen.values())


def export_check(text: str) -> ExportCheck:
    """Check every record of an export against the audit chain (and against its own content)."""
    result = ExportCheck()
    result.problems.extend(f"the trail itself: {p.problem}" for p in audit_chain_problems())
    entries = _entries(text)
    sequences = [int(e["audit_event"]) for e in entries if str(e.get("audit_event") or "").isdigit()]
    events = {e.sequence: e for e in AuditEvent.objects.filter(sequence__in=sequences)}
    for entry in entries:
        result.records += 1
        record, digest = str(entry["id"]), str(entry.get("digest") or "")
        if "content" in entry and json_digest(entry["content"]) != digest:
            result.problems.append(f"record {record}: its content does not match its digest: it was altered")
        sequence = str(entry.get("audit_event") or "")
        event = events.get(int(sequence)) if sequence.isdigit() else None
        if event is None:
            result.problems.append(f"record {record}: no audit event #{sequence or '?'} in the trail")
        elif event.target_id != record or event.payload.get("digest") != digest:
            result.problems.append(f"record {record}: audit event #{sequence} holds another digest")
    return result
