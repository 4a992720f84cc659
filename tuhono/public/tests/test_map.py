import json

import pytest
from django.urls import reverse

from tuhono.partnerships.models import Partnership
from tuhono.partnerships.services import partnership_update

pytestmark = pytest.mark.django_db


def geojson(client, **params):
    response = client.get(reverse("api:map_geojson"), params)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json; charset=utf-8"
    return json.loads(response.content)


def test_map_data_is_rfc_7946_points_with_public_fields_only(client, demo):
    data = geojson(client, council="auckland")
    assert data["type"] == "FeatureCollection"
    fukuoka = next(f for f in data["features"] if f["properties"]["name"] == "Fukuoka")
    assert fukuoka["geometry"] == {"type": "Point", "coordinates": [130.41667, 33.6]}  # longitude first
    assert fukuoka["properties"]["signed"] == "1986"
    assert fukuoka["properties"]["country_numeric"] == "392"
    assert fukuoka["properties"]["url"] == "/partnerships/auckland-fukuoka/"
    assert set(fukuoka["properties"]) == {
        "slug", "url", "name", "place_kind", "country_code", "country", "country_numeric", "kind", "kind_label",
        "status", "status_label", "signed", "resigned", "focus_areas", "summary", "council",
    }  # fmt: skip
    samoa = next(f for f in data["features"] if f["properties"]["name"] == "Samoa")
    assert samoa["properties"]["place_kind"] == "country" and samoa["properties"]["country_numeric"] == "882"
    assert samoa["properties"]["signed"] is None and samoa["properties"]["resigned"] == "2012"
    assert data["councils"] == [
        {
            "slug": "auckland",
            "name": "Auckland Council",
            "maori_name": "Te Kaunihera o Tāmaki Makaurau",
            "country_numeric": "554",
            "coordinates": [174.76349, -36.84853],
        }
    ]
    assert len(data["features"]) == Partnership.objects.filter(council__slug="auckland", published=True).count()


def test_map_data_honours_the_list_filters_and_hides_drafts(client, demo):
    names = {f["properties"]["name"] for f in geojson(client, kind="friendship_city")["features"]}
    assert names == {"Shinagawa", "Tomioka", "Pohang"}
    names = {f["properties"]["name"] for f in geojson(client, country="JP", decade="1980")["features"]}
    assert names == {"Fukuoka", "Utsunomiya", "Tomioka"}
    fukuoka = Partnership.objects.get(partner__name="Fukuoka")
    partnership_update(actor=None, partnership=fukuoka, published=False)
    assert "Fukuoka" not in {f["properties"]["name"] for f in geojson(client)["features"]}
    response = client.get(reverse("api:map_geojson"), {"decade": "nineties"})
    assert response.status_code == 400
    assert "decade" in response.json()["details"]


def test_map_data_query_count_is_fixed(client, demo, django_assert_num_queries):
    with django_assert_num_queries(6):  # the features, the councils, the alliances drawn
        client.get(reverse("api:map_geojson"))
    with django_assert_num_queries(6):  # the features, the councils, the alliances drawn
        client.get(reverse("api:map_geojson"), {"q": "sailing", "focus": "film"})
    with django_assert_num_queries(5):  # the features, the councils, the alliances drawn (3)
        client.get(reverse("api:map_geojson"), {"properties": "brief"})


def test_brief_map_data_leaves_out_what_the_map_reads_on_demand(client, demo):
    full = geojson(client, council="auckland")
    brief = geojson(client, council="auckland", properties="brief")
    assert [f["id"] for f in brief["features"]] == [f["id"] for f in full["features"]]
    fukuoka = next(f for f in brief["features"] if f["properties"]["name"] == "Fukuoka")
    assert fukuoka["properties"]["signed"] == "1986"
    assert "summary" not in fukuoka["properties"] and "focus_areas" not in fukuoka["properties"]
    assert brief["countries"]["392"] == "Japan"
    assert brief["labels"]["kind"]["sister_city"] == "Sister city"
    assert len(json.dumps(brief)) < len(json.dumps(full)) * 0.7


def test_map_page_lists_the_same_partnerships_without_javascript(client, demo, national_install):
    response = client.get(reverse("public:partnership_map"), {"council": "auckland"})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<a class="skip-map" href="#map-list">Skip the map</a>' in html
    assert 'data-src="/api/map.geojson?council=auckland"' in html
    # The map's first request, named early so the browser fetches it while the scripts load.
    first = "/api/map.geojson?council=auckland&amp;properties=brief&amp;zoom=1"
    assert f'<link rel="preload" href="{first}"' in html and f'data-first="{first}"' in html
    assert '<a href="/partnerships/auckland-fukuoka/">Fukuoka</a>' in html
    assert (
        html.count('<th scope="row">') == Partnership.objects.filter(council__slug="auckland", published=True).count()
    )
    assert "<script>" not in html and "style=" not in html and "<style" not in html


def test_map_page_query_count_is_fixed(client, demo, national_install, django_assert_num_queries):
    # With the alliances and networks named under the map; the first visit to this version of the
    # register also works out the filter choices (countries, focus areas, decades, councils).
    with django_assert_num_queries(15):
        client.get(reverse("public:partnership_map"))
    for partnership in Partnership.objects.all()[:5]:
        partnership.milestones.create(occurred_on="2020-01-01", title="Visit")
    with django_assert_num_queries(11):  # the choices are those of the same register version
        client.get(reverse("public:partnership_map"), {"kind": "sister_city"})


def test_map_page_table_is_paged(client, demo, national_install, monkeypatch):
    monkeypatch.setattr("tuhono.public.views.map.TABLE_PAGE_SIZE", 10)
    pages = -(-Partnership.objects.filter(kind="sister_city", published=True).count() // 10)
    assert pages >= 2
    html = client.get(reverse("public:partnership_map"), {"kind": "sister_city", "page": "2"}).content.decode()
    assert f"Page 2 of {pages}" in html
    assert html.count('<th scope="row">') == 10
    assert 'href="?kind=sister_city&amp;page=1#map-list"' in html


def test_every_page_names_the_organisation_and_links_contact_privacy_copyright(client, demo):
    for url in ("/partnerships/", "/partnerships/map/", "/privacy/", "/copyright/"):
        html = client.get(url).content.decode()
        assert '<html lang="en-NZ">' in html
        assert '<span class="brand-org">Auckland Council</span>' in html
        assert '<a href="/contact/">Contact us / <span lang="mi">Whakapā mai</span></a>' in html
        for link in ("/privacy/", "/copyright/", "/feedback/", "/data/", "/transparency/", "/partnerships/map/"):
            assert f'href="{link}"' in html


def test_privacy_and_copyright_pages(client):
    html = client.get("/privacy/").content.decode()
    assert "Privacy Act 2020" in html and '<span class="heading-mi" lang="mi">Matatapu</span>' in html
    html = client.get("/copyright/").content.decode()
    assert "CC BY 4.0" in html and "Natural Earth" in html and "GeoNames" in html


def test_language_switch_sets_maori_and_returns_to_the_page(client, demo):
    response = client.get("/language/", {"language": "mi", "next": "/partnerships/map/"})
    assert response.status_code == 302 and response["Location"] == "/partnerships/map/"
    html = client.get("/partnerships/map/").content.decode()
    assert '<html lang="en-NZ">' in html  # the records are in English; te reo is marked where it is
    assert '<span lang="mi">He mahere o ō mātou pātuitanga nō tāwāhi</span>' in html
    assert '<a href="/contact/"><span lang="en-NZ">Contact us</span> / <span lang="mi">Whakapā mai</span></a>' in html
    assert 'lang="en-NZ" hreflang="en-NZ">English</a>' in html
    # Only this site's own pages: no open redirect.
    assert client.get("/language/", {"language": "en-nz", "next": "https://evil.example/"})["Location"] == "/"


def test_maori_language_info_is_known():
    from django.utils.translation import get_language_info

    assert get_language_info("mi")["name_local"] == "Te reo Māori"


def test_dates_are_in_new_zealand_style():
    import datetime as dt

    from django.utils import formats, translation

    with translation.override("en-nz"):
        assert formats.date_format(dt.date(2026, 11, 30)) == "30 November 2026"
        assert formats.date_format(dt.date(2026, 11, 30), "SHORT_DATE_FORMAT") == "30/11/2026"


def test_openapi_describes_the_map_data(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "application/geo+json" in paths["/map.geojson"]["get"]["responses"]["200"]["content"]


def test_the_map_page_puts_the_map_first_under_one_heading(client, demo):
    html = client.get("/partnerships/map/").content.decode()
    assert html.count("Map of our global partnerships</h") == 1
    assert html.index('<h1 id="map-heading"') < html.index("data-map ") < html.index('class="filters"')
    # The alliance and the network named, with the members the register records.
    legend = html[html.index('class="map-legend"') : html.index('class="filters"')]
    assert "Tripartite Economic Alliance" in legend and "Guangzhou" in legend and "Los Angeles" in legend
    assert "C40 Cities Climate Leadership Group" in legend and "Auckland Council" in legend


def test_the_map_data_draws_the_alliance_between_its_members(client, demo):
    data = geojson(client)
    (tea,) = data["alliances"]
    assert tea["name"] == "Tripartite Economic Alliance"
    assert set(tea["members"]) == {"Auckland Council", "Guangzhou", "Los Angeles"}
    assert len(tea["coordinates"]) == 3
    los_angeles = next(c for m, c in zip(tea["members"], tea["coordinates"], strict=True) if m == "Los Angeles")
    assert los_angeles[0] == pytest.approx(-118.24, abs=0.1) and los_angeles[1] == pytest.approx(34.05, abs=0.1)
