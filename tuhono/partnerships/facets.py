"""What the public list and map offer to filter by: countries, focus areas, decades and councils.

Each choice list is a question about the whole published register (which countries hold a partner?),
and at national or world scale (30,000 partnerships) answering them took longer than the page's own
query. They change only when the published register does, so they are worked out once per version of
the register (tuhono/core/register.py: the services move it in the same transaction as the change)
and kept in the default cache; the expiry covers changes made outside the services. Every search and
filtered page, cached or not, then reads them from memory.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from django.core.cache import cache
from django.db.models import Count, Exists, OuterRef, Q

from tuhono.core.register import register_version

from .models import FocusArea, Partnership
from .selectors import NATIONAL, country_choices, decade_choices, home_council_slug, published_in_scope

# A change made outside the services (a data repair in the shell) shows in the choices within this time.
SNAPSHOT_SECONDS = 300

T = TypeVar("T")


def per_register_version(name: str, compute: Callable[[], T]) -> T:
    """`compute()` once per published register version and install scope."""
    key = f"register-snapshot:{register_version()}:{home_council_slug() or NATIONAL}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, SNAPSHOT_SECONDS)
    return value


@dataclass(frozen=True)
class FilterChoices:
    countries: list[tuple[str, str]]  # (ISO code, name), by name
    focus_areas: list[FocusArea]
    decades: list[int]
    councils: list[tuple[str, str]]  # (slug, name): a national install's councils holding partnerships

    def as_context(self) -> dict[str, object]:
        return {
            "country_choices": self.countries,
            "focus_choices": self.focus_areas,
            "decade_choices": self.decades,
            "council_choices": self.councils,
        }


def filter_choices_public() -> FilterChoices:
    return per_register_version("filter-choices", _filter_choices)


def _filter_choices() -> FilterChoices:
    return FilterChoices(
        countries=country_choices(), focus_areas=_focus_areas(), decades=decade_choices(), councils=_councils()
    )


def _focus_areas() -> list[FocusArea]:
    held = published_in_scope().filter(focus_areas=OuterRef("pk"))
    return list(FocusArea.objects.filter(Exists(held)).order_by("name"))


def _councils() -> list[tuple[str, str]]:
    if home_council_slug():
        return []  # a council's own install shows one council: nothing to choose
    from tuhono.councils.models import Council

    holds = Exists(Partnership.objects.published().filter(council=OuterRef("pk")))
    return list(Council.objects.filter(Q(successor__isnull=True), holds).order_by("name").values_list("slug", "name"))


# /councils/: the register's totals in its opening line, and each listed council's count.


def council_summary_public() -> dict[str, int]:
    """Published partnerships and the countries they reach, and how many New Zealand councils hold them."""
    return per_register_version("council-summary", _council_summary)


def _council_summary() -> dict[str, int]:
    from tuhono.councils.models import Council

    from .statistics import totals

    holds = Exists(Partnership.objects.published().filter(council=OuterRef("pk")))
    return {
        **totals(),
        "with_partnerships": Council.objects.filter(holds, country_code="NZ", successor__isnull=True).count(),
    }


def published_counts(council_ids: list[int]) -> dict[int, int]:
    """Published partnerships held by each of these councils (a page of the list, not every council)."""
    rows = (
        Partnership.objects.published()
        .filter(council_id__in=council_ids)
        .order_by()
        .values_list("council_id")
        .annotate(count=Count("pk"))
    )
    return dict(rows)
