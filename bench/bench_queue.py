"""The staff queue (`/staff/`) at the national register's size, for each role.

Side by side in one run: each role's queue over a small register (110 partnerships, as the demo) against
the same pages over 30,000 partnerships in 60 councils, with their milestones, contacts log, visits,
enquiries and screened parties. Reports the median and p95 time and the queries per page.
Runs against a throw-away test database (in memory on SQLite, or DATABASE_URL's server).
"""

from __future__ import annotations

import datetime as dt
import os
import pathlib
import random
import statistics
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from common import scratch_database, signed_in_client, timed_ms  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

SIZES = (110, 30_000)
COUNCILS = 60
ROLES = ("partnerships_officer", "security_officer", "approver", "national_coordinator")


def _row(label: str, times: list[float], queries: int) -> None:
    p95 = sorted(times)[max(0, int(len(times) * 0.95) - 1)]
    print(f"  {label:<40} median {statistics.median(times):8.2f} ms  p95 {p95:8.2f} ms  {queries:3d} queries")


def _grow(target: int, councils: list, chooser: random.Random) -> None:
    """Add partnerships (with a milestone each, and a contacts-log entry, visit or enquiry now and then)."""
    from tuhono.councils.models import PartnerSeeking
    from tuhono.partnerships.models import Milestone, Partnership
    from tuhono.places.models import Place
    from tuhono.visits.models import ContactLogEntry, PublicMessage, Visit

    start = Partnership.objects.count()
    if start >= target:
        return
    today = dt.date.today()
    places = Place.objects.bulk_create(
        [
            Place(name=f"City {n}", country_code=chooser.choice(["CN", "JP", "US", "AU", "KR"]))
            for n in range(start, target)
        ]
    )
    rows = []
    for n, place in zip(range(start, target), places, strict=True):
        signed = dt.date(1960, 1, 1) + dt.timedelta(days=chooser.randrange(0, 66 * 365))
        rows.append(
            Partnership(
                slug=f"tie-{n}",
                council=councils[n % len(councils)],
                partner=place,
                kind="sister_city",
                status=chooser.choice(["active"] * 8 + ["dormant", "ended"]),
                signed_on=signed,
                signed_precision="day",
                status_changed_on=signed,
                published=chooser.random() > 0.02,
            )
        )
    created = Partnership.objects.bulk_create(rows, batch_size=2000)
    Milestone.objects.bulk_create(
        [
            Milestone(
                partnership=p,
                occurred_on=today - dt.timedelta(days=chooser.randrange(30, 12 * 365)),
                title="Exchange",
                kind=chooser.choice(["exchange", "visit", "reconfirmed"]),
            )
            for p in created
        ],
        batch_size=2000,
    )
    ContactLogEntry.objects.bulk_create(
        [
            ContactLogEntry(
                partnership=p,
                council_id=p.council_id,
                occurred_on=today - dt.timedelta(days=chooser.randrange(1, 2000)),
                people="Zhang Wei",
                topic="Call",
                initiated_by="council",
            )
            for p in created[::10]
        ],
        batch_size=2000,
    )
    Visit.objects.bulk_create(
        [
            Visit(
                reference=f"B-{p.pk}",
                council_id=p.council_id,
                partnership=p,
                organisation="Bureau",
                country_code="CN",
                purpose="Study",
                state=chooser.choice(["received", "triaged", "vetting", "approved"]),
                source="public_request",
                reply_due_on=today + dt.timedelta(days=chooser.randrange(-10, 10)),
            )
            for p in created[::15]
        ],
        batch_size=2000,
    )
    PublicMessage.objects.bulk_create(
        [
            PublicMessage(
                reference=f"M-{p.pk}",
                council_id=p.council_id,
                kind="enquiry",
                message="A question",
                due_on=today + dt.timedelta(days=chooser.randrange(-10, 10)),
            )
            for p in created[::20]
        ],
        batch_size=2000,
    )
    # A partner-seeking entry for every 200th tie's council, and an expression of interest in it for every 40th.
    entries = PartnerSeeking.objects.bulk_create(
        [
            PartnerSeeking(
                who="nz_council",
                council_id=p.council_id,
                country_code="NZ",
                interests="Schools",
                contact_name="Contact",
                contact_email="contact@example.nz",
                published=True,
            )
            for p in created[::200]
        ]
    )
    PublicMessage.objects.bulk_create(
        [
            PublicMessage(
                reference=f"I-{p.pk}",
                council_id=entries[n % len(entries)].council_id,
                partner_seeking=entries[n % len(entries)],
                kind="interest",
                name="Someone",
                email="someone@example.org",
                message="Interested",
                due_on=today + dt.timedelta(days=chooser.randrange(-10, 10)),
            )
            for n, p in enumerate(created[::40])
        ],
        batch_size=2000,
    )


def _screen(councils: list, chooser: random.Random) -> None:
    """Screened parties for every visit, a few never screened, a few stale, some on open alerts."""
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from tuhono.vetting.models import ScreenedParty
    from tuhono.visits.models import Visit

    visit_type = ContentType.objects.get_for_model(Visit)
    now = timezone.now()
    ScreenedParty.objects.all().delete()
    parties = []
    for visit in Visit.objects.only("pk", "council_id").iterator():
        status = chooser.choice(["clear"] * 12 + ["pending", "alert"])
        parties.append(
            ScreenedParty(
                council_id=visit.council_id,
                origin="visit_party",
                case_kind="visit",
                case_type=visit_type,
                case_id=visit.pk,
                case_label=f"Visit {visit.pk}",
                name=f"Member {visit.pk}",
                subject_hash="x",
                status=status,
                screened_at=None if status == "pending" else now - dt.timedelta(days=chooser.randrange(0, 200)),
            )
        )
    ScreenedParty.objects.bulk_create(parties, batch_size=2000)


def main() -> None:
    with scratch_database() as connection:
        from django.contrib.auth.models import Group
        from django.test.utils import CaptureQueriesContext

        from tuhono.accounts.models import User
        from tuhono.accounts.roles import roles_ensure
        from tuhono.councils.models import Council

        roles_ensure()
        chooser = random.Random(2026)
        councils = [Council.objects.create(name=f"Council {n:02d}", slug=f"council-{n:02d}") for n in range(COUNCILS)]
        clients = {}
        for role in ROLES:
            user = User.objects.create(
                username=role,
                council=None if role == "national_coordinator" else councils[0],
                is_staff=True,
            )
            user.groups.add(Group.objects.get(name=role))
            clients[role] = signed_in_client(user)

        print(f"bench_queue ({connection.vendor}; one council's staff, and the national coordinator, on /staff/)")
        for size in SIZES:
            _grow(size, councils, chooser)
            _screen(councils, chooser)
            print(f"queue with {size:,} partnerships in {COUNCILS} councils:")
            for role, client in clients.items():
                assert client.get("/staff/").status_code == 200
                connection.queries_log.clear()
                with CaptureQueriesContext(connection) as queries:
                    client.get("/staff/")
                _row(role.replace("_", " "), timed_ms(lambda client=client: client.get("/staff/"), 15), len(queries))


if __name__ == "__main__":
    main()
