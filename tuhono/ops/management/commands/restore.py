from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from tuhono.ops.backup import BackupError, database_restore


class Command(BaseCommand):
    help = "Replace the database's contents with a backup made by `manage.py backup`. Stop the app servers first."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["yes"]:
            answer = input(f"Replace everything in the database with {options['path']}? Type 'restore': ")
            if answer.strip() != "restore":
                raise CommandError("Nothing was changed.")
        try:
            database_restore(path=options["path"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Restored from {options['path']}")
