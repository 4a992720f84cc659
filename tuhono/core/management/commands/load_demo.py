from typing import Any

from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string

# Each loader is idempotent and returns a line saying what it added. Order matters:
# councils and partnerships first, then what hangs off them.
DEMO_LOADERS = [
    "tuhono.partnerships.demo.loader.demo_load",
    "tuhono.partnerships.importing.demo.national_demo_load",
    "tuhono.partnerships.demo.activity.demo_activity_load",
    "tuhono.accounts.demo.demo_users_load",
    "tuhono.visits.demo.demo_visits_load",
    "tuhono.vetting.demo.demo_vetting_load",
]


class Command(BaseCommand):
    help = "Load the demonstration register and staff accounts. Running it twice changes nothing."

    def handle(self, *args: Any, **options: Any) -> None:
        for path in DEMO_LOADERS:
            result = import_string(path)()
            self.stdout.write(f"{path.rsplit('.', 1)[-1]}: {result}")
