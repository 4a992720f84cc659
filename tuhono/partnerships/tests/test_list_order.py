"""The public list's order (the partner's country, then name) is stored on each partnership and follows every
change that moves a partnership in the list: a new record, a renamed or moved place, an import, publishing."""

from __future__ import annotations

import pytest

from tuhono.partnerships import search
from tuhono.partnerships.models import Partnership
from tuhono.partnerships.paging import partnership_page_public
from tuhono.partnerships.selectors import PartnershipFilters, published_in_scope
from tuhono.partnerships.services import partnership_create, partnership_set_published
from tuhono.partnerships.tests.test_import import run
from tuhono.places.models import Place

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def national(settings):
    settings.TUHONO_INSTALL_MODE = "national"


def expected_order() -> list[int]:
    """The order the list promises, worked out from the places themselves."""
    rows = published_in_scope().values_list("partner__country_code", "partner__name", "pk")
    return [pk for *_, pk in sorted(rows)]


def listed(per_page: int = 10_000, number: str = "1", **filters) -> list[int]:
    page = partnership_page_public(PartnershipFilters(**filters), number, per_page)
    return [p.pk for p in page.object_list]


def test_the_list_is_in_country_then_name_order_page_after_page(demo):
    order = expected_order()
    assert len(order) > 20
    assert listed(10, "1") + listed(10, "2") == order[:20]
    assert listed() == order


def test_renaming_or_moving_a_place_moves_its_partnerships_in_the_list(demo):
    last = Partnership.objects.get(pk=expected_order()[-1])
    place = last.partner
    place.name = "Aaa " + place.name
    place.country_code = "AD"  # Andorra: before every country the demo holds
    place.save()
    assert listed(1) == [last.pk]
    assert listed() == expected_order()


def test_a_new_partnership_takes_its_place_in_the_list(demo):
    existing = Partnership.objects.filter(published=True).select_related("council").first()
    assert existing is not None
    place = Place.objects.create(name="Aardvark Bay", country_code="AD", kind="city")
    created = partnership_create(
        actor=None, council=existing.council, partner=place, kind="sister_city", published=True
    )
    assert listed(1) == [created.pk]


def test_a_partnership_changed_to_another_partner_moves_with_it(demo):
    moved = Partnership.objects.get(pk=expected_order()[-1])
    moved.partner = Place.objects.create(name="Aaron", country_code="AD", kind="city")
    moved.save()
    assert listed(1) == [moved.pk]
    assert listed() == expected_order()


def test_publishing_puts_a_partnership_in_the_list_and_its_count(demo):
    hidden = Partnership.objects.get(pk=expected_order()[0])
    partnership_set_published(actor=None, partnership=hidden, published=False)
    page = partnership_page_public(PartnershipFilters(), "1", 10_000)
    assert hidden.pk not in [p.pk for p in page.object_list]
    count = page.paginator.count
    partnership_set_published(actor=None, partnership=hidden, published=True)
    page = partnership_page_public(PartnershipFilters(), "1", 10_000)
    assert page.paginator.count == count + 1
    assert [p.pk for p in page.object_list] == expected_order()


def test_imported_partnerships_are_listed_in_order(db):
    run(
        "city1,country1,city2,country2\n"
        "Nelson,New Zealand,Miyazu,Japan\n"
        "Nelson,New Zealand,Eureka,United States\n"
        "Nelson,New Zealand,Huangshi,China\n",
        filename="nelson.csv",
    )
    names = [Partnership.objects.get(pk=pk).partner.name for pk in listed()]
    assert names == ["Huangshi", "Miyazu", "Eureka"]  # CN, JP, US
    stored = Partnership.objects.get(partner__name="Miyazu")
    assert (stored.list_country, stored.list_name) == ("JP", "Miyazu")


def test_a_search_matching_much_of_the_register_pages_in_the_same_order(demo, monkeypatch):
    from tuhono.partnerships import paging

    everyone = listed(q="city")
    assert len(everyone) > 3
    # The index walk used for common words gives the same pages as the lookup of each match.
    monkeypatch.setattr(paging, "MANY_MATCHES", 1)
    assert listed(q="city") == everyone
    assert listed(2, "2", q="city") == everyone[2:4]
    assert partnership_page_public(PartnershipFilters(q="city"), "1", 2).paginator.count == len(everyone)


def test_a_search_counts_every_match_and_leaves_the_connections_planner_as_it_was(demo):
    from django.db import connection

    matches = published_in_scope().filter(search.matching("city")).count()
    assert matches > 3
    page = partnership_page_public(PartnershipFilters(q="city"), "1", 2)
    assert page.paginator.count == matches and len(page.object_list) == 2
    if connection.vendor == "postgresql":
        # The count is asked with sequential scans priced out; later queries on the connection plan as before.
        with connection.cursor() as cursor:
            cursor.execute("SHOW enable_seqscan")
            assert cursor.fetchone()[0] == "on"
