"""Sample visits for the demonstration, carried through the same services staff use."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from tuhono.accounts.models import User
from tuhono.councils.models import Council
from tuhono.partnerships.models import Partnership

from . import services
from .enums import GiftDirection, GiftKind, ItineraryKind, Payer, SensitiveCategory, VisitKind
from .models import Visit


def _partnership(council: Council, city: str) -> Partnership | None:
    return Partnership.objects.filter(council=council, partner__name=city).first()


@transaction.atomic
def demo_visits_load() -> str:
    """Three sample visits in Auckland at different steps, and one in Dunedin. Idempotent."""
    auckland = Council.objects.filter(slug="auckland").first()
    officer = User.objects.filter(username="officer").first()
    approver = User.objects.filter(username="approver").first()
    security = User.objects.filter(username="security").first()
    if auckland is None or officer is None or approver is None:
        return "skipped (needs the demo councils and staff)"
    if Visit.objects.filter(council=auckland).exists():
        return "0 visits added"
    today = timezone.localdate()

    study = services.visit_request_submit(
        council=auckland,
        organisation="Guangzhou Municipal Urban Planning Bureau",
        country_code="CN",
        city="Guangzhou",
        partnership=_partnership(auckland, "Guangzhou"),
        purpose="A study visit on waterfront regeneration and public transport planning.",
        topics="urban planning, transport, waterfront",
        proposed_start=today + dt.timedelta(weeks=10),
        proposed_end=today + dt.timedelta(weeks=10, days=2),
        sites_requested="Wynyard Quarter; Britomart transport centre; Watercare Māngere treatment plant",
        contact_name="Chen Jing",
        contact_email="chen.jing@example.cn",
        members=[
            {
                "name": "Li Wei",
                "name_original": "李伟",
                "role": "Deputy Director",
                "organisation": "Guangzhou Municipal Urban Planning Bureau",
                "nationality": "CN",
            },
            {
                "name": "Chen Jing",
                "name_original": "陈静",
                "role": "Senior Planner",
                "organisation": "Guangzhou Municipal Urban Planning Bureau",
                "nationality": "CN",
            },
            {
                "name": "Zhang Min",
                "name_original": "张敏",
                "role": "Interpreter",
                "organisation": "Guangzhou Foreign Affairs Office",
                "nationality": "CN",
            },
        ],
    )
    services.visit_triage(actor=officer, visit=study, note="Fits the partnership's planning focus.")

    official = services.visit_create(
        actor=officer,
        council=auckland,
        kind=VisitKind.OFFICIAL,
        organisation="Embassy of Japan in New Zealand",
        country_code="JP",
        city="Wellington",
        partnership=_partnership(auckland, "Fukuoka"),
        purpose="Courtesy call on the mayor by the Ambassador.",
        proposed_start=today + dt.timedelta(days=21),
        proposed_end=today + dt.timedelta(days=21),
        members=[
            {
                "name": "Ambassador of Japan",
                "role": "Ambassador",
                "organisation": "Embassy of Japan",
                "nationality": "JP",
            }
        ],
    )
    services.visit_triage(actor=officer, visit=official)
    services.visit_send_to_vetting(actor=officer, visit=official)

    mission = services.visit_create(
        actor=officer,
        council=auckland,
        kind=VisitKind.OUTGOING,
        organisation="City of Los Angeles and Port of Los Angeles",
        country_code="US",
        city="Los Angeles",
        partnership=_partnership(auckland, "Los Angeles"),
        purpose="Trade mission under the Tripartite Economic Alliance: screen production, ports and tourism.",
        topics="trade, film, ports",
        proposed_start=today - dt.timedelta(days=20),
        proposed_end=today - dt.timedelta(days=14),
        members=[
            {"name": "Aroha Ngata", "role": "Mission lead", "organisation": "Auckland Council", "nationality": "NZ"},
            {
                "name": "Tāne Williams",
                "role": "Trade adviser",
                "organisation": "Auckland Unlimited",
                "nationality": "NZ",
            },
        ],
        hosts="Mayor's office",
    )
    services.itinerary_item_add(
        actor=officer,
        visit=mission,
        title="Port of Los Angeles operations tour",
        kind=ItineraryKind.SITE_VISIT,
        location="San Pedro",
        sensitive_categories=[SensitiveCategory.PORTS],
    )
    services.cost_add(
        actor=officer,
        visit=mission,
        description="Flights and accommodation",
        amount_nzd=Decimal(18400),
        paid_by=Payer.COUNCIL,
    )
    services.visit_triage(actor=officer, visit=mission)
    services.visit_send_to_vetting(actor=officer, visit=mission)
    services.visit_approve(actor=approver, visit=mission, note="Within the alliance's programme.")
    services.visit_schedule(
        actor=officer, visit=mission, starts_on=today - dt.timedelta(days=20), ends_on=today - dt.timedelta(days=14)
    )
    services.travel_briefing_record(
        actor=security or officer,
        visit=mission,
        briefed_on=today - dt.timedelta(days=25),
        attendees="Aroha Ngata, Tāne Williams",
        devices="Loan laptop and phone issued; personal devices stay at home.",
        contacts_expected="Port of Los Angeles executives; LA Mayor's Office of International Affairs.",
    )
    services.visit_complete(actor=officer, visit=mission)
    services.gift_add(
        actor=officer,
        visit=mission,
        direction=GiftDirection.RECEIVED,
        kind=GiftKind.GIFT,
        description="Framed print of the Port of Los Angeles",
        counterpart="Port of Los Angeles",
        value_nzd=Decimal(150),
    )
    services.contact_report_record(
        actor=security or officer,
        visit=mission,
        people_met="Port executive director; Deputy Mayor for International Affairs; two film studio heads.",
    )
    return "3 visits added"
