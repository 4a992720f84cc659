"""The public list and the map's table a page at a time, at any size of register.

A page is found in two steps: the ids of the page's partnerships, ordered by the partner's country and
name (a narrow query the database sorts quickly), then those partnerships with everything a card shows
(council, partner, focus areas, last re-signing). Loading every column, the joins and the re-signing
of all 30,000 partnerships only to keep fifty took most of a page's time.
"""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.db import connection, transaction
from django.db.models import QuerySet

from .selectors import PartnershipFilters, filtered_public, partnership_cards_public, published_in_scope

# Partner's country, then name: the order the list's regions and countries group by. The copies kept on the
# partnership (models.Partnership.list_country) are read through the published partnerships' index: the page
# is the index's next fifty entries, where a join to the places had the database sort the whole register.
PUBLIC_ORDER = ("list_country", "list_name", "pk")


# A search matching this many partnerships is paged by walking the list-order index (search.matching).
MANY_MATCHES = 1000


def partnership_page_public(filters: PartnershipFilters, number: str | None, per_page: int) -> Page:
    """The page `number` (as the visitor wrote it: out of range gives the last) of the filtered list."""
    ids = filtered_public(published_in_scope(), filters).order_by(*PUBLIC_ORDER).values_list("pk", flat=True)
    paginator = Paginator(ids, per_page)
    if filters.q:
        paginator.count = _search_count(ids)  # type: ignore[misc]  # Paginator keeps it (a cached property)
    if filters.q and paginator.count >= MANY_MATCHES:
        # The count is kept (a cached property); only the page's query changes, to the same rows in the same order.
        many = filtered_public(published_in_scope(), filters, many_matches=True)
        paginator.object_list = many.order_by(*PUBLIC_ORDER).values_list("pk", flat=True)
    page = paginator.get_page(number)
    page_ids = list(page.object_list)
    by_id = partnership_cards_public(page_ids)
    page.object_list = [by_id[pk] for pk in page_ids if pk in by_id]  # type: ignore[misc]
    return page


def _search_count(ids: QuerySet[Any]) -> int:
    """How many partnerships a search matches.

    PostgreSQL's planner reads every search document in turn when a word is in many of them ('film' in a third
    of a 30,000-partnership register: 65-100 ms), where its full-text and trigram indexes give the same
    count in about 25 ms; it cannot tell, as testing a document costs it far more than it assumes. The
    count is asked with sequential scans priced out, for this one query (SET LOCAL, reset after it).
    """
    if connection.vendor != "postgresql":
        return ids.count()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        try:
            return ids.count()
        finally:
            cursor.execute("RESET enable_seqscan")
