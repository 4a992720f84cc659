from django.core.management.base import BaseCommand

from tuhono.partnerships.search import search_rebuild


class Command(BaseCommand):
    help = "Rewrite the public register's search table (names in every script, folded) from the register."

    def handle(self, *args, **options):
        count = search_rebuild()
        self.stdout.write(f"{count} partnerships indexed for search")
