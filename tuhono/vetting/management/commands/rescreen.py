from typing import Any

from django.core.management.base import BaseCommand

from tuhono.vetting.services import rescreen_pending, screening_sweep


class Command(BaseCommand):
    help = (
        "Re-screen everyone against the list versions that landed since the last run (only what each "
        "version added, changed or removed is checked). With --sweep, first screen anyone not yet screened."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--sweep", action="store_true", help="Screen unscreened parties first")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["sweep"]:
            self.stdout.write(f"Sweep: {screening_sweep()}")
        runs = rescreen_pending()
        if not runs:
            self.stdout.write("Nothing to re-screen: every list version has been checked.")
        for run in runs:
            self.stdout.write(
                f"{run.list_version.source.name} version {run.list_version_id}: {run.entities_checked} entities "
                f"changed, {run.parties_checked} parties checked, {run.matches_new} new alerts, "
                f"{run.matches_reopened} reopened, {run.matches_lapsed} lapsed."
            )
