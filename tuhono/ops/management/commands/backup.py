from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tuhono.ops.backup import BackupError, database_backup


class Command(BaseCommand):
    help = "Write a consistent backup of the database (SQLite file copy or pg_dump custom format)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("path", nargs="?", type=Path, help="Default: backups/tuhono-<time>.backup")

    def handle(self, *args: Any, **options: Any) -> None:
        path = options["path"] or Path("backups") / f"tuhono-{timezone.now():%Y%m%dT%H%M%SZ}.backup"
        try:
            written = database_backup(path=path)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Backup written to {written} ({written.stat().st_size} bytes)")
