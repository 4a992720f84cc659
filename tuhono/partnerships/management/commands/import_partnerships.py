import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from tuhono.partnerships.importing.reader import FIELDS, FORMATS, ImportFileError
from tuhono.partnerships.importing.services import partnerships_import, report_csv


class Command(BaseCommand):
    help = (
        "Import partnerships from a CSV, TSV or JSON list of pairs (place_a, country_a, place_b, country_b, ...). "
        "Every row is created, merged or rejected with a reason; the import is all or nothing."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("path", help="The file to import ('-' reads standard input).")
        parser.add_argument("--format", choices=FORMATS, help="Default: from the file's name and content.")
        parser.add_argument(
            "--map",
            action="append",
            default=[],
            metavar="FIELD=COLUMN",
            help=f"Which column holds a field. Fields: {', '.join(FIELDS)}.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Plan and report, write nothing.")
        parser.add_argument("--report", metavar="REPORT.csv", help="Write one line per row with its outcome.")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar on standard error.")

    def handle(self, *args: Any, **options: Any) -> None:
        mapping: dict[str, str] = {}
        for item in options["map"]:
            field, sep, column = item.partition("=")
            if not sep or not field.strip() or not column.strip():
                raise CommandError(f"--map takes FIELD=COLUMN, not '{item}'.")
            mapping[field.strip()] = column.strip()
        path = options["path"]
        try:
            data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from error
        show = not options["no_progress"]

        def progress(done: int, total: int) -> None:
            if show:
                width = 30
                filled = width * done // max(total, 1)
                sys.stderr.write(f"\r[{'#' * filled}{' ' * (width - filled)}] {done}/{total} rows")
                if done == total:
                    sys.stderr.write("\n")
                sys.stderr.flush()

        try:
            result = partnerships_import(
                actor=None,
                data=data,
                filename=Path(path).name if path != "-" else "standard input",
                file_format=options["format"],
                mapping=mapping,
                dry_run=options["dry_run"],
                progress=progress,
            )
        except ImportFileError as error:
            raise CommandError(str(error)) from error
        if options["report"]:
            Path(options["report"]).write_text(report_csv(result.plan), encoding="utf-8-sig", newline="")
            self.stdout.write(f"Report: {options['report']} ({len(result.plan.outcomes)} rows)")
        self.stdout.write(result.summary_line())
