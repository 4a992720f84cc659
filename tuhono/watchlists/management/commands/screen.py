from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tuhono.watchlists.services.batch import ScreeningInputError, screen_csv
from tuhono.watchlists.services.screening import screening_threshold


class Command(BaseCommand):
    help = "Screen a CSV of people (full_name,...) against the watch lists in force; write the best match per row."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("--input", required=True, type=Path)
        parser.add_argument("--output", required=True, type=Path)

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        if not options["input"].exists():
            raise CommandError(f"{options['input']} does not exist")
        try:
            result = screen_csv(input_path=options["input"], output_path=options["output"])
        except ScreeningInputError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Screened {result.rows} rows in {result.seconds:.1f} s (of which {result.index_seconds:.1f} s "
            f"loading the lists and name reference data): {result.alerts} alert(s) at threshold "
            f"{screening_threshold():.2f}. Results in {options['output']}."
        )
