"""Visits: cost of a public request end to end, and the staff list pages as visits pile up.

Side by side in one run: a request through the services (reference, audit chain, members) against a
bare row insert; the staff list and queue with 20 visits against the same pages with 2,000.
Runs against a throw-away test database (in memory on SQLite, or DATABASE_URL's server).
"""

from __future__ import annotations

import datetime as dt
import os
import pathlib
import statistics
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from common import scratch_database, timed_ms  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

MEMBERS = [
    {"name": "Li Wei", "name_original": "李伟", "role": "Director", "organisation": "Bureau", "nationality": "CN"},
    {"name": "Chen Jing", "name_original": "陈静", "role": "Planner", "organisation": "Bureau", "nationality": "CN"},
]


def _row(label: str, times: list[float], queries: int | None = None) -> None:
    extra = f"  {queries:3d} queries" if queries is not None else ""
    p95 = sorted(times)[int(len(times) * 0.95) - 1]
    print(f"  {label:<52} median {statistics.median(times):7.2f} ms  p95 {p95:7.2f} ms{extra}")


def main() -> None:
    with scratch_database() as connection:
        from django.contrib.auth.models import Group
        from django.test import Client
        from django.test.utils import CaptureQueriesContext

        from tuhono.accounts.enums import Role
        from tuhono.accounts.models import User
        from tuhono.accounts.roles import roles_ensure
        from tuhono.councils.models import Council
        from tuhono.visits import services
        from tuhono.visits.models import Visit

        roles_ensure()
        council = Council.objects.create(name="Auckland Council", slug="auckland")
        officer = User.objects.create(username="officer", email="officer@example.nz", council=council, is_staff=True)
        officer.groups.add(Group.objects.get(name=Role.PARTNERSHIPS_OFFICER))
        start = dt.date.today() + dt.timedelta(weeks=20)

        def submit() -> None:
            services.visit_request_submit(
                council=council,
                organisation="Guangzhou Bureau",
                country_code="CN",
                purpose="Study",
                proposed_start=start,
                proposed_end=start,
                contact_name="Chen Jing",
                contact_email="chen@example.cn",
                members=MEMBERS,
            )

        counter = iter(range(10**6))

        def bare() -> None:
            Visit.objects.create(
                reference=f"BARE-{next(counter)}",
                council=council,
                organisation="Bureau",
                country_code="CN",
                purpose="x",
            )

        print(f"bench_visits ({connection.vendor}; screening on commit is the vetting module's, included)")
        print("public request, per submission:")
        _row("bare Visit insert (baseline)", timed_ms(bare, 200))
        _row("visit_request_submit (reference, audit, 2 members)", timed_ms(submit, 200))

        client = Client()
        client.force_login(officer)
        pages = [("visit list", "/staff/visits/"), ("queue", "/staff/")]
        Visit.objects.filter(reference__startswith="BARE-").delete()
        Visit.objects.exclude(pk__in=Visit.objects.order_by("pk").values("pk")[:20]).delete()
        for size in (20, 2000):
            while Visit.objects.count() < size:
                submit()
            print(f"staff pages with {Visit.objects.count()} visits:")
            for label, url in pages:
                client.get(url)
                connection.queries_log.clear()  # a full log (maxlen) would count nothing
                with CaptureQueriesContext(connection) as queries:
                    client.get(url)
                _row(label, timed_ms(lambda url=url: client.get(url), 30), len(queries))


if __name__ == "__main__":
    main()
