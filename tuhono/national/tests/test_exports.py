"""Open-data exports: valid formats, published records only, public fields only."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from icalendar import Calendar

from tuhono.partnerships.models import Partnership
from tuhono.partnerships.services import partnership_update

# These tests read the national register.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("national_install")]


@pytest.fixture
def draft(demo):
    partnership = Partnership.objects.get(council__slug="auckland", partner__name="Brisbane")
    Partnership.objects.filter(pk=partnership.pk).update(published=False)
    return partnership


def test_csv_has_bom_crlf_and_keeps_macrons_and_leaves_drafts_out(client, draft):
    response = client.get("/data/partnerships.csv")
    assert response["Content-Type"].startswith("text/csv; charset=utf-8")
    body = response.content
    assert body.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in body and body.count(b"\n") == body.count(b"\r\n")
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"), newline="")))
    assert len(rows) == Partnership.objects.filter(published=True).count()
    councils = {row["council"] for row in rows}
    assert "Taupō District Council" in councils and "Whakatāne District Council" in councils
    assert not any(row["partner"] == "Brisbane" for row in rows)
    assert "contact_email" not in rows[0]


def test_geojson_is_an_rfc7946_feature_collection_in_longitude_latitude_order(client, draft):
    response = client.get("/data/partnerships.geojson")
    assert response["Content-Type"] == "application/geo+json"
    document = json.loads(response.content)
    assert document["type"] == "FeatureCollection"
    features = document["features"]
    assert len(features) == Partnership.objects.filter(published=True).count()
    for feature in features:
        assert feature["type"] == "Feature"
        assert set(feature) >= {"type", "geometry", "properties"}
        if feature["geometry"] is not None:
            assert feature["geometry"]["type"] == "Point"
            lng, lat = feature["geometry"]["coordinates"]
            assert -180 <= lng <= 180 and -90 <= lat <= 90
    busan = next(f for f in features if f["properties"]["partner"]["name"] == "Busan")
    assert busan["geometry"]["coordinates"][0] == pytest.approx(129.03, abs=0.1)  # longitude first
    assert busan["geometry"]["coordinates"][1] == pytest.approx(35.1, abs=0.1)
    assert all(f["properties"]["partner"]["name"] != "Brisbane" for f in features)


def test_icalendar_parses_back_with_yearly_all_day_events_and_stable_uids(client, draft):
    # Only a date known to the day has an anniversary day: record Busan's signing to the day.
    busan_tie = Partnership.objects.get(council__slug="auckland", partner__name="Busan")
    partnership_update(actor=None, partnership=busan_tie, signed_on=dt.date(1996, 10, 4), signed_precision="day")
    first = Calendar.from_ical(client.get("/data/anniversaries.ics").content)
    second = Calendar.from_ical(client.get("/data/anniversaries.ics").content)
    events = list(first.walk("VEVENT"))
    assert events
    for event in events:
        assert event["RRULE"]["FREQ"] == ["YEARLY"]
        assert event.decoded("DTSTART").__class__.__name__ == "date"  # all day
    assert [e["UID"] for e in events] == [e["UID"] for e in second.walk("VEVENT")]
    assert not any("Brisbane" in str(e["SUMMARY"]) for e in events)
    busan = next(e for e in events if "Busan" in str(e["SUMMARY"]))
    assert busan.decoded("DTSTART") == dt.date(1996, 10, 4)


def test_icalendar_gives_no_invented_day_to_a_year_only_date(client, demo):
    events = list(Calendar.from_ical(client.get("/data/anniversaries.ics").content).walk("VEVENT"))
    dated_to_day = Partnership.objects.filter(published=True, signed_precision="day").exclude(status="ended").count()
    assert len(events) == dated_to_day
    assert not any(e.decoded("DTSTART").timetuple().tm_yday == 1 for e in events)
    assert not any("Fukuoka" in str(e["SUMMARY"]) for e in events)  # signed in 1986, day not recorded


def test_every_atom_link_resolves_to_its_page_and_entry(client, demo):
    import re as re_module

    feed = client.get("/feeds/partnerships.atom").content.decode()
    links = re_module.findall(r'<link href="([^"]+)" rel="alternate"', feed)
    assert len(links) > 10
    for link in links:
        path, _, anchor = link.removeprefix("http://testserver").partition("#")
        response = client.get(path)
        assert response.status_code == 200, link
        if anchor:
            assert f'id="{anchor}"' in response.content.decode(), link


def test_json_and_catalogue(client, draft):
    document = json.loads(client.get("/data/partnerships.json").content)
    assert document["licence"] == "https://creativecommons.org/licenses/by/4.0/"
    assert "GeoNames" in document["attribution"] and "Wikipedia" in document["attribution"]
    assert document["count"] == len(document["partnerships"])
    catalogue = json.loads(client.get("/data.json").content)
    assert catalogue["conformsTo"] == "https://project-open-data.cio.gov/v1.1/schema"
    dataset = catalogue["dataset"][0]
    assert dataset["license"] == "https://creativecommons.org/licenses/by/4.0/"
    formats = {d["format"] for d in dataset["distribution"]}
    assert {"CSV", "JSON", "GeoJSON", "ICS", "Atom"} <= formats
    for distribution in dataset["distribution"]:
        assert client.get(distribution["downloadURL"]).status_code == 200


def test_atom_feed_lists_new_partnerships_and_milestones(client, draft):
    response = client.get("/feeds/partnerships.atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    text = response.content.decode()
    assert "<feed" in text and "New partnership:" in text
    assert "Brisbane" not in text


def test_data_page_lists_downloads_and_credits(client, demo):
    text = client.get("/data/").content.decode()
    for url in ("/data/partnerships.csv", "/data/partnerships.geojson", "/data/anniversaries.ics", "/data.json"):
        assert url in text
    assert "GeoNames" in text and "Natural Earth" in text and "Wikipedia" in text
