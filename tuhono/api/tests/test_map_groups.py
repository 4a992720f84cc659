"""The map data of a register too large to send whole comes grouped for the map's zoom and area."""

from __future__ import annotations

import pytest
from django.test import Client

from tuhono.partnerships.models import Partnership

# These tests read the national register.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("national_install")]

MAP = "/api/map.geojson"


def placed() -> list[Partnership]:
    return list(
        Partnership.objects.published()
        .filter(partner__latitude__isnull=False, partner__longitude__isnull=False)
        .select_related("partner")
    )


def count(collection: dict) -> int:
    return sum(f["properties"].get("count", 1) for f in collection["features"])


@pytest.fixture
def large(settings):  # type: ignore[no-untyped-def]
    """The demo register stands in for a large one: anything over 10 partnerships is grouped."""
    settings.TUHONO_MAP_FULL_LIMIT = 10


def test_a_register_the_map_can_take_whole_is_never_grouped(demo: None) -> None:
    data = Client().get(MAP, {"properties": "brief", "zoom": 0}).json()
    assert data["grouped"] is False
    assert len(data["features"]) == data["total"] == len(placed())
    assert all("group" not in f["properties"] for f in data["features"])


def test_a_large_register_comes_grouped_with_every_partnership_counted(demo: None, large: None) -> None:
    world = Client().get(MAP, {"properties": "brief", "zoom": 0}).json()
    assert world["grouped"] is True and world["zoom"] == 0
    groups = [f for f in world["features"] if f["properties"].get("group")]
    assert groups, "nearby partners share a cell at the widest zoom"
    assert len(world["features"]) < len(placed())
    assert count(world) == world["total"] == len(placed())
    for group in groups:
        properties = group["properties"]
        assert properties["count"] >= 2 and 1 <= len(properties["names"]) <= 8
        assert "slug" not in properties and "summary" not in properties
        west, south, east, north = properties["bbox"]
        longitude, latitude = group["geometry"]["coordinates"]
        assert west - 1e-4 <= longitude <= east + 1e-4 and south - 1e-4 <= latitude <= north + 1e-4
    # Every country with a partnership is still named, for shading and for choosing a country.
    assert set(world["country_codes"].values()) == {p.partner.country_code for p in placed()}
    # Zoomed in, the groups break up.
    closer = Client().get(MAP, {"properties": "brief", "zoom": 6}).json()
    assert len(closer["features"]) > len(world["features"]) and count(closer) == len(placed())


def test_an_area_gives_only_what_lies_in_it_including_across_the_180th_meridian(demo: None, large: None) -> None:
    japan = Client().get(MAP, {"properties": "brief", "zoom": 8, "bbox": "128,30,146,46"}).json()
    in_japan = [p for p in placed() if 128 <= p.partner.longitude <= 146 and 30 <= p.partner.latitude <= 46]
    assert in_japan and count(japan) == len(in_japan)
    assert japan["total"] == len(placed())  # the whole filter is still counted
    pacific = Client().get(MAP, {"properties": "brief", "zoom": 8, "bbox": "170,-30,-170,0"}).json()
    across = [p for p in placed() if (p.partner.longitude >= 170 or p.partner.longitude <= -170)]
    across = [p for p in across if -30 <= p.partner.latitude <= 0]
    assert across and count(pacific) == len(across)
    names = {f["properties"].get("name") for f in pacific["features"]}
    assert {"Samoa", "Tonga"} <= names or any(f["properties"].get("group") for f in pacific["features"])


def test_the_full_download_is_never_grouped(demo: None, large: None) -> None:
    data = Client().get(MAP, {"zoom": 0}).json()
    assert len(data["features"]) == len(placed()) and "grouped" not in data


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"zoom": "11"}, "zoom"),
        ({"zoom": "-1"}, "zoom"),
        ({"zoom": "one"}, "zoom"),
        ({"zoom": "²"}, "zoom"),
        ({"bbox": "1,2,3"}, "bbox"),
        ({"bbox": "0,50,10,40"}, "bbox"),
        ({"bbox": "0,0,190,10"}, "bbox"),
        ({"bbox": "nan,0,10,10"}, "bbox"),
    ],
)
def test_a_zoom_or_area_that_makes_no_sense_is_a_clear_400(demo: None, params: dict, field: str) -> None:
    response = Client().get(MAP, {"properties": "brief", **params})
    assert response.status_code == 400
    assert field in response.json()["details"]


def test_a_bad_filter_and_a_bad_zoom_are_both_named(demo: None) -> None:
    response = Client().get(MAP, {"properties": "brief", "kind": "nonsense", "zoom": "99"})
    assert response.status_code == 400
    assert set(response.json()["details"]) == {"kind", "zoom"}
