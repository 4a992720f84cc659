"""Reading the register. Public callers get published records only."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import CharField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Cast, Substr
from django.utils import timezone

from tuhono.accounts.selectors import scope_to_user_council
from tuhono.places.countries import country_name

from . import search
from .enums import ANNIVERSARY_YEARS, AllianceKind, MilestoneKind, PartnershipKind, PartnershipStatus
from .models import Alliance, AllianceMember, FocusArea, Milestone, Partnership


@dataclass
class PartnershipFilters:
    """The list's filters, as plain GET parameters so that a filtered view is a link."""

    q: str = ""
    country: str = ""
    kind: str = ""
    focus: str = ""
    status: str = ""
    decade: int | None = None
    council: str = ""
    errors: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_params(cls, params: Any) -> PartnershipFilters:
        filters = cls(
            q=(params.get("q") or "").strip()[:200],
            country=(params.get("country") or "").strip().upper()[:2],
            kind=(params.get("kind") or "").strip(),
            focus=(params.get("focus") or "").strip()[:100],
            status=(params.get("status") or "").strip(),
            # A council's own install shows one council: a council filter has nothing to choose.
            council=(params.get("council") or "").strip()[:200] if is_national_install() else "",
        )
        if filters.kind and filters.kind not in PartnershipKind.values:
            filters.errors["kind"] = f"'{filters.kind}' is not a kind of partnership."
            filters.kind = ""
        if filters.status and filters.status not in PartnershipStatus.values:
            filters.errors["status"] = f"'{filters.status}' is not a status."
            filters.status = ""
        decade = (params.get("decade") or "").strip()
        if decade:
            if decade.rstrip("s").isdigit() and len(decade.rstrip("s")) == 4:
                filters.decade = int(decade.rstrip("s")) // 10 * 10
            else:
                filters.errors["decade"] = f"'{decade}' is not a decade: write it as 1990."
        return filters

    def as_params(self) -> dict[str, str]:
        params = {
            "q": self.q,
            "country": self.country,
            "kind": self.kind,
            "focus": self.focus,
            "status": self.status,
            "decade": str(self.decade) if self.decade else "",
            "council": self.council,
        }
        return {key: value for key, value in params.items() if value}

    @property
    def active(self) -> bool:
        return bool(self.as_params())


NATIONAL = "national"


def is_national_install() -> bool:
    """A national install publishes every council's register; a council's install only its own."""
    return getattr(settings, "TUHONO_INSTALL_MODE", "council") == NATIONAL


def home_council_slug() -> str | None:
    """The council whose register this install publishes, or None on a national install."""
    return None if is_national_install() else settings.TUHONO_HOME_COUNCIL_SLUG


def published_in_scope() -> QuerySet[Partnership]:
    """Published partnerships this install shows the public: the home council's, or every council's."""
    queryset = Partnership.objects.published()
    home = home_council_slug()
    return queryset.filter(council__slug=home) if home else queryset


def partnership_queryset_public() -> QuerySet[Partnership]:
    """Published partnerships with everything a list or map needs, in a fixed number of queries."""
    return (
        published_in_scope()
        .select_related("council", "council__seat", "partner", "legacy_council")
        .prefetch_related(Prefetch("focus_areas", queryset=FocusArea.objects.order_by("name")))
        .annotate(
            # Re-signed: the latest published re-signing milestone (a date with its basis).
            last_resigned_on=Subquery(_latest_resigning.values("occurred_on")[:1])
        )
    )


# What a card of the public list or a row of the map's table shows, and no more: the place's alternate names,
# the story and the council's seat were read and decoded for every card of a page, and thrown away.
CARD_FIELDS = (
    "slug",
    "kind",
    "status",
    "signed_on",
    "signed_precision",
    "summary",
    "council__name",
    "council__slug",
    "partner__name",
    "partner__kind",
    "partner__country_code",
)


def partnership_cards_public(ids: list[int]) -> dict[int, Partnership]:
    """These published partnerships by id, with what a card of the list shows, in two queries. Each has
    `focus_area_names` (by name): the names alone, read in one query, where a prefetch built a related
    manager and a model per card and tag."""
    cards: dict[int, Any] = (
        published_in_scope()
        .select_related("council", "partner")
        .only(*CARD_FIELDS)
        .annotate(last_resigned_on=Subquery(_latest_resigning.values("occurred_on")[:1]))
        .order_by()
        .in_bulk(ids)
    )
    names: dict[int, list[str]] = {pk: [] for pk in cards}
    through = Partnership.focus_areas.through
    rows = through.objects.filter(partnership_id__in=list(cards)).order_by("focusarea__name")
    for partnership_id, name in rows.values_list("partnership_id", "focusarea__name"):
        names[partnership_id].append(name)
    for pk, card in cards.items():
        card.focus_area_names = names[pk]  # type: ignore[attr-defined]
    return cards


# A re-signing is a dated event with its basis (a milestone of kind "re-signed"): a partnership whose first
# signing is not recorded shows when it was last re-signed.
_latest_resigning = Milestone.objects.filter(
    partnership=OuterRef("pk"), kind=MilestoneKind.RESIGNED, published=True
).order_by("-occurred_on", "-pk")


def partnership_list_public(filters: PartnershipFilters | None = None) -> QuerySet[Partnership]:
    queryset = partnership_queryset_public()
    return queryset if filters is None else filtered_public(queryset, filters)


def filtered_public(
    queryset: QuerySet[Partnership], filters: PartnershipFilters, *, many_matches: bool = False
) -> QuerySet[Partnership]:
    """The public list's filters applied to `queryset` (published partnerships in this install's scope).
    `many_matches`: the search is known to match much of the register (search.matching)."""
    if filters.q:
        # Names in any script and spelling, the council, focus areas and summary: the search table.
        queryset = queryset.filter(search.matching(filters.q, many=many_matches))
    if filters.country:
        queryset = queryset.filter(partner__country_code=filters.country)
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    if filters.focus:
        queryset = queryset.filter(focus_areas__slug=filters.focus)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.decade:
        queryset = queryset.filter(signed_on__year__gte=filters.decade, signed_on__year__lte=filters.decade + 9)
    if filters.council:
        queryset = queryset.filter(council__slug=filters.council)
    return queryset


def partnership_get_public(*, slug: str) -> Partnership | None:
    return (
        partnership_queryset_public()
        .prefetch_related(
            Prefetch("milestones", queryset=Milestone.objects.filter(published=True).order_by("occurred_on", "pk")),
            "status_changes",
        )
        .filter(slug=slug)
        .first()
    )


def alliance_list_public(*, kind: str | None = None, council_slug: str | None = None) -> QuerySet[Alliance]:
    queryset = Alliance.objects.filter(published=True).prefetch_related(
        Prefetch("members", queryset=AllianceMember.objects.select_related("council", "council__seat", "place")),
        "focus_areas",
    )
    if kind:
        queryset = queryset.filter(kind=kind)
    council_slug = home_council_slug() or council_slug
    if council_slug:
        queryset = queryset.filter(members__council__slug=council_slug).distinct()
    return queryset


def alliance_kinds() -> list[tuple[str, str]]:
    return list(AllianceKind.choices)


def focus_area_choices() -> QuerySet[FocusArea]:
    return FocusArea.objects.filter(partnerships__published=True).distinct().order_by("name")


def country_choices() -> list[tuple[str, str]]:
    # The partner's country as stored for the list's order: read from the published partnerships' index alone.
    codes = published_in_scope().order_by().values_list("list_country", flat=True).distinct()
    return sorted(((code, country_name(code)) for code in codes), key=lambda item: item[1])


def decade_choices() -> list[int]:
    # The distinct decades worked out in the database ('198' of '1986-01-01', in SQL on both databases):
    # a world register has tens of thousands of dates.
    decades = (
        published_in_scope()
        .filter(signed_on__isnull=False)
        .order_by()
        .annotate(decade=Substr(Cast("signed_on", output_field=CharField()), 1, 3))
        .values_list("decade", flat=True)
        .distinct()
    )
    return sorted(int(decade) * 10 for decade in decades if decade and decade.isdigit())


# --- The back office: what staff may read, and what waits on them ---------------------------------


def partnership_list_staff(user: Any, filters: PartnershipFilters | None = None, published: str = "") -> QuerySet:
    """Every partnership the user may read (their council's; all for the national coordinator), drafts too."""
    queryset = scope_to_user_council(
        Partnership.objects.select_related("council", "partner").order_by("partner__name", "pk"), user
    )
    if filters is not None:
        if filters.q:
            queryset = queryset.filter(
                Q(partner__name__icontains=filters.q)
                | Q(partner__ascii_name__icontains=filters.q)
                | Q(partner_authority__icontains=filters.q)
                | Q(council__name__icontains=filters.q)
            )
        if filters.country:
            queryset = queryset.filter(partner__country_code=filters.country)
        if filters.kind:
            queryset = queryset.filter(kind=filters.kind)
        if filters.status:
            queryset = queryset.filter(status=filters.status)
    if published in ("yes", "no"):
        queryset = queryset.filter(published=published == "yes")
    return queryset


def partnership_get_staff(user: Any, pk: int) -> Partnership | None:
    return (
        partnership_list_staff(user)
        .select_related("legacy_council")
        .prefetch_related("focus_areas", "status_changes__recorded_by", "milestones")
        .filter(pk=pk)
        .first()
    )


def drafts_to_publish(user: Any) -> QuerySet:
    """Partnerships not yet on the public pages, newest first (for the officer's queue)."""
    return partnership_list_staff(user).filter(published=False).order_by("-created_at")


def partnerships_due_for_review(user: Any, *, today: dt.date | None = None, months: int = 12) -> QuerySet:
    """Live partnerships with nothing recorded (no status change, no milestone) for `months` months."""
    today = today or timezone.localdate()
    since = today - dt.timedelta(days=round(months * 30.44))
    return (
        partnership_list_staff(user)
        .filter(status__in=[PartnershipStatus.ACTIVE, PartnershipStatus.DORMANT, PartnershipStatus.SUSPENDED])
        .exclude(status_changed_on__gte=since)
        .exclude(milestones__occurred_on__gte=since)
        .distinct()
        .order_by("status_changed_on", "pk")
    )


@dataclass(frozen=True)
class AnniversaryDue:
    partnership: Partnership
    on: dt.date
    years: int


def anniversaries_coming(user: Any, *, today: dt.date | None = None, days: int = 365) -> list[AnniversaryDue]:
    """Round-numbered anniversaries of signing that fall in the next `days` days, soonest first."""
    today = today or timezone.localdate()
    until = today + dt.timedelta(days=days)
    due = []
    live = partnership_list_staff(user).exclude(status=PartnershipStatus.ENDED).filter(signed_on__isnull=False)
    for partnership in live:
        signed = partnership.signed_on
        assert signed is not None
        for years in ANNIVERSARY_YEARS:
            year = signed.year + years
            if year < today.year or year > until.year:
                continue
            try:
                on = signed.replace(year=year)
            except ValueError:  # 29 February
                on = dt.date(year, 3, 1)
            if today <= on <= until:
                due.append(AnniversaryDue(partnership=partnership, on=on, years=years))
    return sorted(due, key=lambda item: (item.on, item.partnership.pk))


def alliance_list_staff() -> QuerySet[Alliance]:
    return Alliance.objects.prefetch_related(
        Prefetch("members", queryset=AllianceMember.objects.select_related("council", "place"))
    ).order_by("kind", "name")
