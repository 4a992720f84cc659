from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tuhono.councils.models import Council
from tuhono.watchlists.enums import ListFormat
from tuhono.watchlists.services.imports import WatchlistImportRefused, watchlist_import
from tuhono.watchlists.services.index_build import index_build_now


class Command(BaseCommand):
    help = (
        "Import a watch-list file as a new version of a source and put it in force at once: the operator's "
        "explicit confirmation (staff upload and confirm in the back office). The previous version stays "
        "if the file is refused."
    )

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("path", type=Path)
        parser.add_argument("--format", choices=ListFormat.values, help="Guessed from the file when left out")
        parser.add_argument("--source", required=True, help="The list's name, e.g. 'UN SC consolidated'")
        parser.add_argument(
            "--council", help="Slug of the council a NEW list belongs to (left out: a national list)", default=None
        )

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        path: Path = options["path"]
        if not path.exists():
            raise CommandError(f"{path} does not exist")
        council = None
        if options["council"]:
            council = Council.objects.filter(slug=options["council"]).first()
            if council is None:
                raise CommandError(f"No council with the slug {options['council']!r}")
        try:
            result = watchlist_import(
                path=path, source_name=options["source"], file_format=options["format"], council=council
            )
        except WatchlistImportRefused as exc:
            raise CommandError(f"Refused: {exc.reason}. The previous version stays in force.") from exc
        self.stdout.write(result.message)
        # Build the screening index here, before returning, so screening can start at once.
        outcome = index_build_now()
        if outcome.built:
            self.stdout.write(
                f"Screening index: {outcome.entities} entities, {outcome.bytes / 1e6:.0f} MB, "
                f"built in {outcome.seconds:.1f} s."
            )
