"""Searching the register in the partner's own script and spelling."""

import pytest

from tuhono.partnerships.models import Partnership
from tuhono.partnerships.services import partnership_update

pytestmark = pytest.mark.django_db


def found(client, q: str) -> str:
    html = client.get("/partnerships/", {"q": q}).content.decode()
    return html[html.index('class="result-count"') :]


@pytest.mark.parametrize(
    ("query", "partner"),
    [("福岡", "Fukuoka"), ("广州", "Guangzhou"), ("부산", "Busan"), ("釜山", "Busan"), ("Cantón", "Guangzhou")],
)
def test_a_name_in_the_partners_own_script_finds_its_partnership(client, demo, query, partner):
    html = found(client, query)
    assert f">{partner}" in html
    assert "1 partnership" in html


def test_macrons_and_diacritics_are_folded_both_ways(client, demo):
    assert ">Galway" in found(client, "GALWAY")
    # The council's Māori name, typed with or without its macrons.
    assert ">Fukuoka" in found(client, "Tāmaki Makaurau") and ">Fukuoka" in found(client, "tamaki makaurau")


def test_words_are_matched_as_prefixes_and_all_must_match(client, demo):
    assert ">Fukuoka" in found(client, "fuku")
    html = found(client, "film busan")
    assert ">Busan" in html and ">Qingdao" not in html
    assert "No partnerships match" in found(client, "fukuoka zzzz")
    assert "No partnerships match" in found(client, "!!!")


def test_the_search_follows_a_change_to_the_register(client, demo):
    nadi = Partnership.objects.get(partner__name="Nadi")
    assert ">Nadi" not in found(client, "mangrove")
    partnership_update(actor=None, partnership=nadi, summary="Mangrove planting along the Nadi River.")
    assert ">Nadi" in found(client, "mangrove")


def test_the_api_and_map_search_the_same_way(client, demo):
    api = client.get("/api/partnerships", {"q": "福岡"}).json()
    assert [row["partner"]["name"] for row in api["results"]] == ["Fukuoka"]
    geo = client.get("/api/map.geojson", {"q": "부산"}).json()
    assert [f["properties"]["name"] for f in geo["features"]] == ["Busan"]
