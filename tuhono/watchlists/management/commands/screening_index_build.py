from django.core.management.base import BaseCommand

from tuhono.watchlists.services.index_build import index_build_now, index_root


class Command(BaseCommand):
    help = "Build the screening index of the list versions in force (does nothing if it is built, unless --force)."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("--force", action="store_true", help="Rebuild even if the index is there")

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        outcome = index_build_now(force=options["force"])
        versions = ", ".join(str(pk) for pk in outcome.signature) or "none"
        if not outcome.signature:
            self.stdout.write("No list version is in force: nothing to index.")
        elif outcome.built:
            self.stdout.write(
                f"Screening index for list versions {versions}: {outcome.entities} entities, "
                f"{outcome.bytes / 1e6:.0f} MB in {outcome.folder}, built in {outcome.seconds:.1f} s."
            )
        else:
            self.stdout.write(f"Screening index for list versions {versions} is already built in {index_root()}.")
