from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.module_loading import import_string

# Each loader is idempotent and returns a line saying what it added. Order matters:
# councils and partnerships first, then what hangs off them.
DEMO_LOADERS = [
    "tuhono.partnerships.demo.loader.demo_load",
    "tuhono.partnerships.importing.demo.national_demo_load",
    "tuhono.accounts.demo.demo_users_load",
    "tuhono.visits.demo.demo_visits_load",
    "tuhono.vetting.demo.demo_vetting_load",
    # last: recent activity on every tie the loaders above made (the due-diligence demo adds one)
    "tuhono.partnerships.demo.activity.demo_activity_load",
]


class Command(BaseCommand):
    help = "Load the demonstration register and staff accounts. Running it twice changes nothing."

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.IS_PRODUCTION:
            # The demo makes staff accounts, an administrator among them, with a password published in the README.
            raise CommandError(
                "load_demo refuses to run on a production install (DJANGO_ENV=production): it would create staff "
                "accounts with the published demonstration password. Load real data with the import commands."
            )
        for path in DEMO_LOADERS:
            result = import_string(path)()
            self.stdout.write(f"{path.rsplit('.', 1)[-1]}: {result}")
