"""Demonstration due diligence: a small watch list, a proposed partnership with counterparts, and the demo
visits' delegations screened against the list, all through the same services staff use."""

from __future__ import annotations

from pathlib import Path

from tuhono.accounts.models import User
from tuhono.councils.models import Council
from tuhono.partnerships.enums import PartnershipKind, PartnershipStatus
from tuhono.partnerships.models import Partnership
from tuhono.partnerships.services import partnership_create
from tuhono.places.services import place_get_or_create
from tuhono.watchlists.selectors import versions_in_force
from tuhono.watchlists.services.imports import watchlist_import
from tuhono.watchlists.services.index_build import index_build_now

from .demo_case import demo_partnership_cleared, demo_visit_declined
from .enums import CounterpartRole, PartySchema
from .models import Counterpart
from .services import counterpart_add, rescreen_pending, screening_sweep

DEMO_LIST = Path(__file__).resolve().parent / "demo_data" / "watchlist.ftm.json"
DEMO_SOURCE = "Demonstration watch list"


def demo_vetting_load() -> str:
    """Idempotent: importing the same list again changes nothing; counterparts are added once."""
    council = Council.objects.filter(slug="auckland").first()
    security = User.objects.filter(username="security").first()
    if council is None or security is None:
        return "skipped (needs the demo councils and staff)"
    if versions_in_force().filter(source__name=DEMO_SOURCE).exists():
        # Importing the same file again would change nothing but still record that it was tried.
        list_message = "demo watch list already in force."
    else:
        list_message = watchlist_import(path=DEMO_LIST, source_name=DEMO_SOURCE, file_format="ftm").message
    index_build_now()  # a command, not a request: the demo screens at once instead of waiting for the worker
    # A new approach, not one of Auckland's existing ties, so the case starts from a proposal.
    partner = place_get_or_create(name="Shenzhen", country_code="CN")
    partnership = Partnership.objects.filter(council=council, partner=partner).first()
    if partnership is None:
        partnership = partnership_create(
            # The partnerships officer records the approach; the security officer then works the case.
            actor=User.objects.filter(username="officer").first(),
            council=council,
            partner=partner,
            kind=PartnershipKind.FRIENDSHIP_CITY,
            status=PartnershipStatus.PROPOSED,
            status_reason="Approach received through an intermediary (demonstration)",
            partner_authority="Shenzhen Municipal People's Government",
            summary="A proposed friendship-city tie, under due diligence (demonstration).",
        )
    counterparts = 0
    if not Counterpart.objects.filter(partnership=partnership).exists():
        counterpart_add(
            actor=security,
            partnership=partnership,
            name="Zhao Hui",
            aliases=["赵辉"],
            position="Director, Shenzhen Foreign Affairs Office",
            nationality="CN",
        )
        counterpart_add(
            actor=security,
            partnership=partnership,
            name="Chinese Peoples Association for Friendship with Foreign Countries",
            role=CounterpartRole.INTERMEDIARY,
            schema=PartySchema.ORGANIZATION,
            position="Made the first approach",
        )
        counterparts = 2
    sweep = screening_sweep(actor=None)
    runs = rescreen_pending()
    alerts = sum(run.matches_new for run in runs)
    cases = _decided_cases(council, partnership, security)
    return (
        f"{list_message} {counterparts} counterparts added; {sweep}; re-screened everyone against "
        f"{len(runs)} new list version(s): {alerts} new alert(s); {cases}"
    )


def _decided_cases(council: Council, partnership: Partnership, security: User) -> str:
    approver = User.objects.filter(username="approver").first()
    officer = User.objects.filter(username="officer").first()
    if approver is None or officer is None:
        return "no decided cases (needs the demo approver and officer)"
    done = [demo_partnership_cleared(partnership=partnership, security=security, approver=approver)]
    try:
        from tuhono.visits.models import Visit  # noqa: F401  (the visits domain is optional for vetting)
    except ImportError:
        return done[0]
    done.append(demo_visit_declined(council=council, officer=officer, security=security, approver=approver))
    return "; ".join(done)
