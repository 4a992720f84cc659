"""Screening a CSV file of people (or organisations) in one run."""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path

from tuhono.audit.actions import AuditAction
from tuhono.audit.services import audit_record
from tuhono.core.spreadsheet import csv_dict_writer

from ..selectors import versions_in_force
from .index_build import IndexNotReady, index_build_now
from .screening import candidate_index, screen_entity, screening_threshold

INPUT_COLUMNS = [
    "full_name",
    "first_name",
    "middle_name",
    "last_name",
    "gender",
    "date_of_birth",
    "place_of_birth",
    "nationality",
    "schema",
]
OUTPUT_COLUMNS = ["match_id", "match_name", "score", "alert", "topics", "source", "explanation"]


class ScreeningInputError(ValueError):
    """The input file cannot be screened as it is."""


@dataclass
class BatchResult:
    rows: int
    alerts: int
    seconds: float
    index_seconds: float = 0.0


def screen_csv(*, input_path: Path, output_path: Path) -> BatchResult:
    """Screen every row of `input_path` and write it to `output_path` with its best match.

    Input: a header row; `full_name` is required, the other INPUT_COLUMNS are
    optional and any further columns are copied through. Output: each input
    row plus OUTPUT_COLUMNS (blank when nothing came close); `alert` is
    'true' at or above the screening threshold.
    """
    import time

    started = time.perf_counter()
    input_path, output_path = Path(input_path), Path(output_path)
    with input_path.open("r", encoding="utf-8-sig", newline="") as source:
        reader = csv.DictReader(source)
        header = [h.strip() for h in (reader.fieldnames or [])]
        if "full_name" not in header:
            raise ScreeningInputError(
                f"{input_path.name} has no 'full_name' column (found: {', '.join(header) or 'no header'}); "
                f"expected a header row with {', '.join(INPUT_COLUMNS)}"
            )
        reader.fieldnames = header
        index_started = time.perf_counter()
        try:
            index = candidate_index()
        except IndexNotReady:  # a command line, not a request: build it here rather than wait for the worker
            index_build_now()
            index = candidate_index()
        index_seconds = time.perf_counter() - index_started
        out_columns = header + [c for c in OUTPUT_COLUMNS if c not in header]
        rows = alerts = 0
        with output_path.open("w", encoding="utf-8", newline="") as target:
            writer = csv_dict_writer(target, out_columns, extrasaction="ignore")
            writer.writeheader()
            for row in reader:
                row = {k: (v or "").strip() for k, v in row.items() if k}
                names = [row.get("full_name", "")]
                parts = " ".join(p for p in (row.get("first_name"), row.get("middle_name"), row.get("last_name")) if p)
                if parts and parts.lower() != names[0].lower():
                    names.append(parts)
                matches = screen_entity(
                    names=names,
                    schema=row.get("schema") or "Person",
                    birth_dates=[row["date_of_birth"]] if row.get("date_of_birth") else [],
                    countries=[c.strip() for c in row.get("nationality", "").split(";") if c.strip()],
                    gender=row.get("gender", ""),
                    limit=1,
                    index=index,
                )
                best = matches[0] if matches else None
                row.update(
                    match_id=best.entity_id if best else "",
                    match_name=best.caption if best else "",
                    score=f"{best.score:.3f}" if best else "",
                    alert="true" if best and best.alert else "false",
                    topics=";".join(best.topics) if best else "",
                    source=best.source if best else "",
                    explanation=best.explanation if best else "",
                )
                alerts += bool(best and best.alert)
                rows += 1
                writer.writerow(row)
    _audit_batch(input_path=input_path, output_path=output_path, rows=rows, alerts=alerts)
    return BatchResult(rows=rows, alerts=alerts, seconds=time.perf_counter() - started, index_seconds=index_seconds)


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return "sha256:" + digest.hexdigest()


def _audit_batch(*, input_path: Path, output_path: Path, rows: int, alerts: int) -> None:
    """Put the run in the audit trail: against which list versions, at which threshold, how many rows and
    alerts, and the SHA-256 of the file screened and of the results, so the files kept elsewhere can be
    shown to be the ones checked. No name, file name or result text goes into the trail."""
    versions = list(versions_in_force())
    if not versions:
        return
    audit_record(
        actor=None,
        actor_label="manage.py screen",
        action=AuditAction.WATCHLIST_BATCH_SCREENED,
        target=versions[0],
        payload={
            "list_versions": [version.pk for version in versions],
            "threshold": screening_threshold(),
            "rows": rows,
            "alerts": alerts,
            "input_sha256": _file_digest(input_path),
            "output_sha256": _file_digest(output_path),
        },
    )
