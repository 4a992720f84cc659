"""The importer as a user meets it: a messy list in, every row accounted for, the register right."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command

from tuhono.audit.models import AuditEvent
from tuhono.councils.models import Council
from tuhono.partnerships.importing.demo import WIKIPEDIA_FILE
from tuhono.partnerships.importing.reader import ImportFileError
from tuhono.partnerships.importing.services import partnerships_import, report_csv
from tuhono.partnerships.models import Partnership, StatusChange

pytestmark = pytest.mark.django_db


def run(text: str | bytes, **kwargs):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return partnerships_import(actor=None, data=data, filename=kwargs.pop("filename", "list.csv"), **kwargs)


def test_wikipedia_list_accounts_for_every_row_and_merges_pairs_listed_both_ways(demo):
    # The demo fixture already imported the list; the demo's own Auckland records were matched, not doubled.
    auckland = Council.objects.get(slug="auckland")
    assert Partnership.objects.filter(council=auckland, partner__name="Brisbane").count() == 1
    assert Partnership.objects.filter(partner__name="Brisbane").count() == 1
    # Edinburgh–Dunedin appears from both sides in the file: one record.
    assert Partnership.objects.filter(council__slug="dunedin", partner__name="Edinburgh").count() == 1
    # Council names as New Zealand knows them, from 'Hutt', 'Rotorua Lakes', 'Waipa – Cambridge', 'Oamaru (Waitaki)'.
    names = set(Council.objects.values_list("name", flat=True))
    assert {"Hutt City Council", "Rotorua Lakes Council", "Waipā District Council", "Waitaki District Council"} <= names
    hutt = Council.objects.get(name="Hutt City Council")
    assert set(hutt.partnerships.values_list("partner__name", flat=True)) == {"Taizhou", "Minoh", "Tempe"}

    again = partnerships_import(actor=None, data=WIKIPEDIA_FILE.read_bytes(), filename=WIKIPEDIA_FILE.name)
    summary = again.plan.summary()
    assert summary["rows_read"] == 107
    assert summary["created"] == 0 and summary["merged"] == 107
    report = list(csv.DictReader(io.StringIO(report_csv(again.plan))))
    assert len(report) == 107
    assert all(row["reason"] for row in report)


def test_imported_records_are_published_with_their_source_and_a_first_status(db):
    run("city1,country1,city2,country2\nNelson,New Zealand,Miyazu,Japan\n", filename="nelson.csv")
    partnership = Partnership.objects.get(partner__name="Miyazu")
    assert partnership.published
    assert partnership.source == "Imported from nelson.csv"
    assert partnership.council.name == "Nelson City Council"
    assert partnership.partner.country_code == "JP"
    assert partnership.partner.latitude == pytest.approx(35.54, abs=0.1)
    assert StatusChange.objects.filter(partnership=partnership, status="active").exists()
    event = AuditEvent.objects.get(action="partnerships.imported")
    assert event.payload["created"] == 1 and event.payload["file"] == "nelson.csv"


def test_an_import_is_all_or_nothing(db, monkeypatch):
    from tuhono.partnerships.importing import apply

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(apply.StatusChange.objects, "bulk_create", fail)
    with pytest.raises(RuntimeError):
        run("city1,country1,city2,country2\nNelson,New Zealand,Miyazu,Japan\nTimaru,New Zealand,Eniwa,Japan\n")
    assert not Partnership.objects.exists()
    assert not Council.objects.exists()


def test_dry_run_writes_nothing_but_reports_everything(db):
    result = run("city1,country1,city2,country2\nNelson,New Zealand,Miyazu,Japan\n", dry_run=True)
    assert result.plan.summary()["created"] == 1
    assert not result.applied
    assert not Partnership.objects.exists()


def test_messy_file_bom_blank_lines_quotes_duplicates_unknown_country_other_scripts(db):
    text = (
        "\ufeffcity1,country1,city2,country2\r\n"
        "\r\n"
        '"Suzhou, Jiangsu",China,Taupō,New Zealand\r\n'
        "Taupō,New Zealand,Suzhou,China\r\n"
        "福岡市,日本,Auckland,New Zealand\r\n"
        "福岡市,Japan,Auckland,New Zealand\r\n"
        "Atlantis City,Atlantis,Wellington,New Zealand\r\n"
        ",,Wellington,New Zealand\r\n"
        'Seoul – Songpa,"Korea, Republic of",Christchurch,New Zealand\r\n'
    )
    result = run(text)
    outcomes = {row.line: row for row in result.plan.outcomes}
    assert result.plan.read.blank_lines == 1
    assert outcomes[3].outcome == "created" and outcomes[3].partner == "Suzhou"
    assert outcomes[4].outcome == "merged" and "line 3" in outcomes[4].reason
    # 日本 is Japan by its own name: both rows are the one Fukuoka partnership.
    assert outcomes[5].outcome == "created" and outcomes[5].partner == "Fukuoka"
    assert outcomes[6].outcome == "merged" and "line 5" in outcomes[6].reason
    assert outcomes[7].outcome == "rejected" and "Atlantis" in outcomes[7].reason
    assert outcomes[8].outcome == "rejected" and "missing place_a, country_a" in outcomes[8].reason
    assert outcomes[9].partner == "Songpa" and outcomes[9].partner_country == "KR"
    assert len(result.plan.outcomes) == 7  # every non-blank row, each with a reason
    assert Partnership.objects.count() == 3


def test_windows_1252_file_keeps_its_accents(db):
    data = "city1,country1,city2,country2\nNouméa,New Caledonia,Taupō,New Zealand\n".replace("ō", "o").encode("cp1252")
    result = partnerships_import(actor=None, data=data, filename="old.csv")
    assert result.plan.read.encoding == "cp1252"
    assert Partnership.objects.get().partner.name == "Nouméa"


def test_coordinates_used_when_plausible_reported_when_they_contradict_the_country(db):
    text = (
        "city1,country1,city2,country2,lat1,lng1,lat2,lng2\n"
        "Portsmouth,United States,Dunedin,New Zealand,43.07,-70.76,,\n"
        "Eureka,United States,Nelson,New Zealand,51.5,-0.12,,\n"
        "Missoula,United States,Palmerston North,New Zealand,-113.99,46.87,,\n"
    )
    result = run(text)
    rows = {row.partner: row for row in result.plan.outcomes}
    assert rows["Portsmouth"].latitude == pytest.approx(43.07)  # New Hampshire, as given, not the larger Virginia one
    assert any("are not in United States" in note for note in rows["Eureka"].notes)
    assert rows["Eureka"].latitude != pytest.approx(51.5)
    assert any("look swapped" in note for note in rows["Missoula"].notes)
    assert rows["Missoula"].latitude == pytest.approx(46.87)


def test_a_world_file_makes_a_world_register(db):
    result = run("city1,country1,city2,country2\nKobe,Japan,Seattle,United States\nSeattle,USA,Kobe,Japan\n")
    assert result.plan.summary()["created"] == 1 and result.plan.summary()["merged"] == 1
    kobe = Council.objects.get(country_code="JP")
    assert kobe.name == "Kobe" and kobe.seat.name == "Kobe"
    assert kobe.partnerships.get().partner.name == "Seattle"


def test_tsv_json_and_explicit_mapping(db):
    tsv = "A\tCA\tB\tCB\nNapier\tNew Zealand\tVictoria\tCanada\n"
    result = run(tsv, filename="x.tsv", mapping={"place_a": "A", "country_a": "CA", "place_b": "B", "country_b": "CB"})
    assert result.plan.summary()["created"] == 1
    rows = [
        {
            "place_a": "Gisborne",
            "country_a": "NZ",
            "place_b": "Nonoichi",
            "country_b": "Japan",
            "signed": "1994",
            "kind": "Friendship city",
            "focus": "Education; Culture",
        }
    ]
    result = run(json.dumps(rows), filename="x.json")
    partnership = Partnership.objects.get(partner__name="Nonoichi")
    assert partnership.kind == "friendship_city" and partnership.signed_on.year == 1994
    assert sorted(partnership.focus_areas.values_list("name", flat=True)) == ["Culture", "Education"]
    with pytest.raises(ImportFileError, match="no column for country_b"):
        run("city1,country1,partner\nA,B,C\n")


def test_staff_import_only_their_own_council(demo):
    dunedin = Council.objects.get(slug="dunedin")
    result = run(
        "city1,country1,city2,country2\nDunedin,New Zealand,Otaru,Japan\nGore,New Zealand,Tamworth,Australia\n"
        "Dunedin,New Zealand,Ōita,Japan\nTimaru,New Zealand,Weihai,China\n",
        only_council_id=dunedin.pk,
        dry_run=True,
    )
    outcomes = [row.outcome for row in result.plan.outcomes]
    assert outcomes == ["merged", "rejected", "created", "rejected"]
    assert "not your council" in result.plan.outcomes[1].reason


def test_command_reports_every_row_and_summarises(db, tmp_path, capsys):
    source = tmp_path / "list.csv"
    source.write_text("city1,country1,city2,country2\nNelson,New Zealand,Eureka,United States\nX,Nowhere,Y,Japan\n")
    report = tmp_path / "report.csv"
    call_command("import_partnerships", str(source), "--report", str(report))
    out, err = capsys.readouterr()
    assert "2 rows read, 1 created, 0 merged, 1 rejected" in out
    assert "2/2 rows" in err
    rows = list(csv.DictReader(io.StringIO(report.read_text(encoding="utf-8-sig"))))
    assert [row["outcome"] for row in rows] == ["created", "rejected"]
    assert rows[1]["reason"] == "unknown country 'Nowhere'"
    with pytest.raises(CommandError, match="FIELD=COLUMN"):
        call_command("import_partnerships", str(source), "--map", "place_a")


def test_coordinate_columns_found_by_their_words_and_many_alike_names_stay_distinct(db):
    text = "city1,country1,city2,country2,city1_latitude,city1_longitude,city2_latitude,city2_longitude\n"
    text += "Portsmouth,United States,Dunedin,New Zealand,43.07,-70.76,,\n"
    text += "".join(f"Springfield,United States,Town {n},Japan,,,,\n" for n in range(30))
    result = run(text)
    assert result.plan.read.mapping["lat_a"] == "city1_latitude"
    assert result.plan.read.mapping["lng_b"] == "city2_longitude"
    assert result.plan.outcomes[0].latitude == pytest.approx(43.07)
    assert Partnership.objects.filter(partner__country_code="JP").count() == 30
    assert len(set(Partnership.objects.values_list("slug", flat=True))) == Partnership.objects.count()


def test_a_state_or_province_after_the_city_chooses_among_places_of_the_name(db):
    result = run(
        "city1,country1,city2,country2\n"
        '"Portland, Maine",United States,Nelson,New Zealand\n'
        '"Victoria, British Columbia",Canada,Napier,New Zealand\n'
        'Perth,"Scotland, United Kingdom",Dunedin,New Zealand\n'
    )
    rows = {row.partner: row for row in result.plan.outcomes}
    assert rows["Portland"].latitude == pytest.approx(43.66, abs=0.05)  # Maine's, not the larger Oregon one
    assert rows["Victoria"].longitude == pytest.approx(-123.36, abs=0.05)
    assert rows["Perth"].latitude == pytest.approx(56.4, abs=0.05)
