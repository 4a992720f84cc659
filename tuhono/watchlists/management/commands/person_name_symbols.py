from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tuhono.watchlists.matching.alias_corpus import ALIAS_FILE, rigour_version, write_alias_file


class Command(BaseCommand):
    help = (
        "Rewrite the person-name symbols screening reads instead of rigour's tagger, from rigour's name "
        "resources (a folder with person_names.txt, symbols.json and ordinals.json from rigour's source tree)."
    )

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("resources", type=Path)

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        resources = options["resources"]
        needed = ("person_names.txt", "symbols.json", "ordinals.json")
        missing = [name for name in needed if not (resources / name).exists()]
        if missing:
            raise CommandError(f"{resources} lacks {', '.join(missing)}")
        phrases = write_alias_file(resources)
        self.stdout.write(
            f"{phrases} phrases for rigour {rigour_version()} in {ALIAS_FILE}; rebuild the screening index."
        )
