from typing import Any

from django.core.management.base import BaseCommand, CommandError

from tuhono.audit.models import AuditEvent
from tuhono.audit.selectors import audit_chain_problems


class Command(BaseCommand):
    help = "Check the audit trail's hash chain: report any edited, deleted or reordered event."

    def handle(self, *args: Any, **options: Any) -> None:
        problems = list(audit_chain_problems())
        count = AuditEvent.objects.count()
        if problems:
            for problem in problems:
                where = f"event #{problem.sequence}" if problem.sequence else "chain head"
                self.stderr.write(f"{where}: {problem.problem}")
            raise CommandError(f"The audit trail is broken: {len(problems)} problem(s) in {count} events")
        self.stdout.write(f"The audit trail is intact: {count} events, chain verified")
