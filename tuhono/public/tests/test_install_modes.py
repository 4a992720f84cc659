"""Whose register the public sees: a council's own install shows its home council's partnerships only,
everywhere public; a national install shows every council's, with a council filter."""

import json

import pytest
from django.conf import settings as django_settings
from django.urls import reverse

from tuhono.councils.models import Council
from tuhono.partnerships.models import Partnership

pytestmark = pytest.mark.django_db


def other_councils_partners() -> set[str]:
    """Partner places that only councils other than Auckland hold a published tie with."""
    auckland = set(
        Partnership.objects.published().filter(council__slug="auckland").values_list("partner__name", flat=True)
    )
    others = set(
        Partnership.objects.published().exclude(council__slug="auckland").values_list("partner__name", flat=True)
    )
    return others - auckland


def test_the_default_install_is_auckland_councils_own_site():
    assert django_settings.TUHONO_INSTALL_MODE == "council"
    assert django_settings.TUHONO_HOME_COUNCIL_SLUG == "auckland"


def test_the_default_install_lists_only_the_home_councils_partnerships(client, demo):
    others = other_councils_partners()
    assert {"Beppu", "Minoh", "Tempe"} <= others  # the demo holds other councils' ties
    for path in ("/partnerships/", "/partnerships/map/", "/partnerships/?council=hutt-city"):
        html = client.get(path).content.decode()
        assert "Fukuoka" in html and "Brisbane" in html
        leaked = sorted(name for name in others if f">{name}<" in html)
        assert not leaked, f"{path} shows other councils' partners: {leaked}"
        assert "Hutt City Council" not in html
    hutt_tie = Partnership.objects.published().filter(council__slug="hutt-city").first()
    assert client.get(reverse("public:partnership_detail", args=[hutt_tie.slug])).status_code == 404


def test_the_default_install_api_map_and_downloads_hold_only_the_home_council(client, demo):
    auckland_count = Partnership.objects.published().filter(council__slug="auckland").count()
    api = client.get("/api/partnerships", {"limit": 1000}).json()
    assert api["count"] == auckland_count
    assert {row["council"]["slug"] for row in api["results"]} == {"auckland"}
    assert [c["slug"] for c in client.get("/api/councils").json()["results"]] == ["auckland"]
    geojson = client.get("/api/map.geojson").json()
    assert geojson["features"] and len(geojson["features"]) <= auckland_count
    names = {f["properties"]["name"] for f in geojson["features"]}
    assert not names & other_councils_partners()
    csv_text = client.get(reverse("national:partnerships_csv")).content.decode("utf-8-sig")
    assert "Auckland Council" in csv_text and "Hutt City Council" not in csv_text
    exported = json.loads(client.get(reverse("national:partnerships_json")).content)
    assert exported["count"] == auckland_count
    assert {row["council"]["slug"] for row in exported["partnerships"]} == {"auckland"}
    feed = client.get(reverse("national:feed")).content.decode()
    assert "Hutt City Council" not in feed and "Auckland Council" in feed


def test_the_default_install_sends_councils_to_the_home_council(client, demo):
    response = client.get("/councils/")
    assert response.status_code == 302 and response["Location"] == reverse("national:council_detail", args=["auckland"])
    assert client.get(reverse("national:council_detail", args=["hutt-city"])).status_code == 404
    assert client.get(reverse("national:council_detail", args=["auckland"])).status_code == 200
    insights = client.get("/insights/?council=hutt-city").content.decode()
    assert "Auckland Council" in insights and "Hutt City Council" not in insights


def test_a_national_install_shows_every_council_with_a_council_filter(client, demo, national_install):
    html = client.get("/partnerships/map/").content.decode()
    assert 'name="council"' in html and "Hutt City Council" in html
    hutt = client.get("/partnerships/", {"council": "hutt-city"}).content.decode()
    assert "Minoh" in hutt and "Fukuoka" not in hutt
    api = client.get("/api/partnerships", {"limit": 1000}).json()
    assert api["count"] == Partnership.objects.published().count()


def test_national_councils_page_is_paged_and_searchable(client, demo, national_install):
    html = client.get("/councils/", {"q": "hutt"}).content.decode()
    assert "Hutt City Council" in html and "Rotorua Lakes Council" not in html
    assert "No council matches" in client.get("/councils/", {"q": "zzzz"}).content.decode()
    for n in range(120):
        Council.objects.create(name=f"Gemeinde {n:03d}", slug=f"gemeinde-{n:03d}", country_code="NZ")
    first = client.get("/councils/").content.decode()
    assert 'rel="next"' in first and "Page 1 of" in first
    second = client.get("/councils/", {"page": 2}).content.decode()
    assert 'rel="prev"' in second
