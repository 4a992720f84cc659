"""The import as one service: read, plan, report, and (unless a dry run) apply."""

from __future__ import annotations

import hashlib
import io
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tuhono.core.spreadsheet import csv_writer

from .apply import plan_apply
from .plan import ImportPlan, ProgressCallback, build_plan
from .reader import read_rows, read_rows_file

REPORT_COLUMNS = [
    "line",
    "outcome",
    "reason",
    "council",
    "partner",
    "partner_country",
    "latitude",
    "longitude",
    "located",
    "notes",
    "row",
]


@dataclass
class ImportResult:
    plan: ImportPlan
    applied: bool
    dry_run: bool
    seconds: float
    sha256: str

    @property
    def summary(self) -> dict[str, Any]:
        return {**self.plan.summary(), "seconds": round(self.seconds, 2), "applied": self.applied}

    def summary_line(self) -> str:
        s = self.plan.summary()
        verb = "Imported" if self.applied else "Dry run, nothing written" if self.dry_run else "Nothing new"
        return (
            f"{verb}: {s['rows_read']} rows read, {s['created']} created, {s['merged']} merged, "
            f"{s['rejected']} rejected, {s['unresolved']} unresolved (not placed on the map); "
            f"{s['councils_created']} new councils, {s['places_created']} new places; {self.seconds:.1f} s"
        )


def partnerships_import(
    *,
    actor: Any,
    data: bytes | None = None,
    path: Path | None = None,
    filename: str = "",
    file_format: str | None = None,
    mapping: dict[str, str] | None = None,
    dry_run: bool = False,
    only_council_id: int | None = None,
    source: str = "",
    progress: ProgressCallback | None = None,
) -> ImportResult:
    """Import a list of partnerships (place_a, country_a, place_b, country_b, ...).

    Guarantees: every row ends as created, merged (the pair is already there, either way
    round) or rejected with a reason; re-importing a file creates nothing; the import is
    atomic; published records only are created, marked with their source; one audit event.
    Give the file as `data`, or as `path` to stream it from disk (an upload: never read whole into memory).
    Raises reader.ImportFileError when the file as a whole cannot be read.
    """
    started = time.perf_counter()
    if path is not None:
        digest = hashlib.sha256()
        with Path(path).open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
        sha256 = digest.hexdigest()
        read = read_rows_file(Path(path), filename=filename, file_format=file_format, mapping=mapping)
    else:
        data = data or b""
        sha256 = hashlib.sha256(data).hexdigest()
        read = read_rows(data, filename=filename, file_format=file_format, mapping=mapping)
    plan = build_plan(
        read, filename=filename, only_council_id=only_council_id, default_source=source, progress=progress
    )
    applied = False
    if not dry_run and (plan.partnerships or plan.new_councils):
        plan_apply(plan=plan, actor=actor, sha256=sha256)
        applied = True
    return ImportResult(
        plan=plan, applied=applied, dry_run=dry_run, seconds=time.perf_counter() - started, sha256=sha256
    )


def report_csv(plan: ImportPlan) -> str:
    """One line per row of the file, with its outcome and reason (UTF-8 text, RFC 4180)."""
    buffer = io.StringIO()
    writer = csv_writer(buffer, lineterminator="\r\n")
    writer.writerow(REPORT_COLUMNS)
    for row in plan.outcomes:
        writer.writerow(
            [
                row.line,
                row.outcome,
                row.reason,
                row.council,
                row.partner,
                row.partner_country,
                "" if row.latitude is None else f"{row.latitude:.5f}",
                "" if row.longitude is None else f"{row.longitude:.5f}",
                "yes" if row.located else "no",
                "; ".join(row.notes),
                row.raw,
            ]
        )
    return buffer.getvalue()
