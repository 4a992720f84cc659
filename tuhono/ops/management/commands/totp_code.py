from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tuhono.ops.demo import demo_code


class Command(BaseCommand):
    help = "Print the current sign-in code of a demo user's authenticator (development only)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.IS_PRODUCTION:
            raise CommandError("Refused in production.")
        code = demo_code(username=options["username"])
        if code is None:
            raise CommandError(f"{options['username']} has no demo authenticator (run `manage.py demo_two_factor`).")
        self.stdout.write(code)
