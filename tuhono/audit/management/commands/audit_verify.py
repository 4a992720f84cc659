from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from tuhono.audit.export_check import export_check
from tuhono.audit.models import AuditEvent
from tuhono.audit.selectors import audit_chain_problems


class Command(BaseCommand):
    help = (
        "Check the audit trail's hash chain: report any edited, deleted or reordered event. With --export FILE, "
        "also check an exported screening record (CSV or JSON) against the chain."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--export", type=Path, help="An export whose records' digests the trail should hold")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["export"]:
            self._check_export(options["export"])
            return
        problems = list(audit_chain_problems())
        count = AuditEvent.objects.count()
        if problems:
            for problem in problems:
                where = f"event #{problem.sequence}" if problem.sequence else "chain head"
                self.stderr.write(f"{where}: {problem.problem}")
            raise CommandError(f"The audit trail is broken: {len(problems)} problem(s) in {count} events")
        self.stdout.write(f"The audit trail is intact: {count} events, chain verified")

    def _check_export(self, path: Path) -> None:
        try:
            result = export_check(path.read_text(encoding="utf-8-sig"))
        except (OSError, ValueError, KeyError) as error:
            raise CommandError(f"{path} is not a readable export: {error}") from error
        for problem in result.problems:
            self.stderr.write(problem)
        if result.problems:
            raise CommandError(f"The export does not match the audit trail: {len(result.problems)} problem(s)")
        self.stdout.write(
            f"{result.records} records checked: each digest matches its record and is in the intact audit trail"
        )
