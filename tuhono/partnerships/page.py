"""What a partnership's public page and the grouped public list show: the timeline in the order things
happened, the next anniversary, example data marked, partnerships grouped by region. The public site and the
staff preview read the same."""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from tuhono.places.countries import REGION_ORDER, country_name, country_region, region_label

from .enums import ANNIVERSARY_YEARS, FORMAL_KINDS, MilestoneKind
from .models import Milestone, Partnership

EXAMPLE_DATA_PREFIX = "Example data"


def is_example_data(partnership: Partnership) -> bool:
    """A record the demonstration register holds as an example, where its sources lack the fact."""
    return partnership.source.startswith(EXAMPLE_DATA_PREFIX)


@dataclass(frozen=True)
class TimelineEntry:
    on: dt.date
    when: str
    what: str
    description: str = ""
    participants: int | None = None
    value_nzd: Any = None
    kind: str = ""
    anchor: str = ""  # the entry's id on the page, which feeds link to


def partnership_timeline(partnership: Partnership, milestones: list[Milestone]) -> list[TimelineEntry]:
    """The signing and the published milestones in the order they happened (a relationship begun by a
    communiqué in 1989 and signed in 1993 reads 1989, then 1993). The signing is credited to the legacy
    council only when that council still existed then."""
    entries = [
        TimelineEntry(
            on=m.occurred_on,
            when=m.date_display,
            what=m.title,
            description=m.description,
            participants=m.participants,
            value_nzd=m.value_nzd,
            kind=m.kind,
            anchor=f"milestone-{m.pk}",
        )
        for m in milestones
    ]
    if partnership.signed_on:
        legacy = partnership.legacy_council
        by_legacy = legacy is not None and (legacy.ceased_on is None or partnership.signed_on < legacy.ceased_on)
        what = f"{partnership.get_kind_display()} signed" + (f" by {legacy.name}" if by_legacy and legacy else "")
        entries.append(
            TimelineEntry(
                on=partnership.signed_on,
                when=partnership.signed_display,
                what=what,
                description=partnership.signed_basis,
                kind=MilestoneKind.SIGNED,
                anchor="signed",
            )
        )
    # Stable: on the same date the milestones recorded first stay first, the signing after them.
    return sorted(entries, key=lambda entry: entry.on)


def partnerships_grouped_by_country(partnerships: list[Partnership]) -> OrderedDict[str, list[Partnership]]:
    """Formal relationships by the partner's country, countries in alphabetical order."""
    groups: dict[str, list[Partnership]] = {}
    for partnership in partnerships:
        if partnership.kind in FORMAL_KINDS:
            groups.setdefault(country_name(partnership.partner.country_code), []).append(partnership)
    return OrderedDict(sorted(groups.items()))


def partnerships_grouped_by_region(partnerships: list[Partnership]) -> OrderedDict[str, list[Partnership]]:
    """Formal relationships by the partner's UN M49 region (Australia and the Pacific, Asia, the Americas,
    Europe, Africa), as Auckland's own page groups them; within a region by country, then name."""
    groups: dict[str, list[Partnership]] = {}
    for partnership in partnerships:
        if partnership.kind in FORMAL_KINDS:
            groups.setdefault(country_region(partnership.partner.country_code), []).append(partnership)

    def order(region: str) -> tuple[int, str]:
        return (REGION_ORDER.index(region) if region in REGION_ORDER else len(REGION_ORDER), region)

    return OrderedDict(
        (
            region_label(region),
            sorted(groups[region], key=lambda p: (country_name(p.partner.country_code), p.partner.name, p.pk)),
        )
        for region in sorted(groups, key=order)
    )


@dataclass(frozen=True)
class Anniversary:
    year: int
    years: int

    def __str__(self) -> str:
        return f"{self.year} marks {self.years} years"


def next_anniversary(signed_on: dt.date | None, *, today: dt.date | None = None) -> Anniversary | None:
    """The next round-numbered anniversary (10, 20, 25, 30, 40, 50, ...) this year or later."""
    if signed_on is None:
        return None
    today = today or timezone.localdate()
    for years in ANNIVERSARY_YEARS:
        if signed_on.year + years >= today.year:
            return Anniversary(year=signed_on.year + years, years=years)
    return None


def partnership_page_context(partnership: Partnership) -> dict[str, Any]:
    """What the public page of a partnership shows (published milestones only): the public site and the staff
    preview read the same."""
    milestones = [m for m in partnership.milestones.all() if m.published]
    return {
        "partnership": partnership,
        "milestones": milestones,
        "timeline": partnership_timeline(partnership, milestones),
        "resignings": [m for m in milestones if m.kind == MilestoneKind.RESIGNED],
        "example_data": is_example_data(partnership),
        "status_changes": list(partnership.status_changes.all()),
        "anniversary": next_anniversary(partnership.signed_on),
    }
