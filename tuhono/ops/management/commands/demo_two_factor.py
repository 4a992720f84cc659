from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tuhono.ops.demo import DEMO_TOTP_SECRET, demo_two_factor_load


class Command(BaseCommand):
    help = "Give the demo approver and security officer a known authenticator key (development only)."

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.IS_PRODUCTION:
            raise CommandError("Refused: demo authenticator keys are never created in production.")
        self.stdout.write(demo_two_factor_load())
        self.stdout.write(f"Their authenticator key (TOTP, base32): {DEMO_TOTP_SECRET}")
