"""The security officer's pages for namesake clearings and the screening record, and its exports."""

# ruff: noqa: F811 - the due-diligence fixtures are imported by name and used as arguments

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils.html import escape
from freezegun import freeze_time

from tuhono.audit.models import AuditEvent
from tuhono.vetting.enums import MatchStatus
from tuhono.vetting.models import ScreeningMatch, ScreeningRecord
from tuhono.vetting.services import counterpart_add
from tuhono.vetting.tests.fixtures import (  # noqa: F401 - fixtures
    council,
    councils,
    fresh_watchlist_index,
    import_list,
    proposed,
    staff,
    watchlist,
)

REASON = "Born 1951 in Kazan; the listed man was born in 1950 in Moscow"


@pytest.fixture
def screened(staff, proposed, watchlist):
    with freeze_time("2026-05-04 22:00:00+00:00"):  # 5 May in Auckland
        counterpart_add(actor=staff["security"], partnership=proposed, name="Sergei Lavrov", birth_date="1951")
    with freeze_time("2026-06-10 01:00:00+00:00"):
        counterpart_add(actor=staff["security"], partnership=proposed, name="Rawiri Ngata", aliases=['=HYPERLINK("x")'])
    return ScreeningMatch.objects.get(status=MatchStatus.OPEN, entity_id="NK-lavrov")


def test_the_officer_dismisses_as_a_different_person_and_sees_the_clearing(staff_client, staff, screened):
    security = staff_client("security")
    page = security.get(reverse("staff:vetting:match_dismiss", args=[screened.pk])).content.decode()
    assert "remembered for 12 months" in page

    response = security.post(reverse("staff:vetting:match_dismiss", args=[screened.pk]), {"reason": REASON})
    assert response.status_code == 302

    listing = security.get(reverse("staff:vetting:clearings") + "?state=in_force").content.decode()
    assert "Sergei Lavrov" in listing and REASON in listing
    assert "Security Tester" in listing  # who cleared
    assert "In force" in listing
    expired = security.get(reverse("staff:vetting:clearings") + "?state=expired").content.decode()
    assert "Sergei Lavrov" not in expired
    party = security.get(reverse("staff:vetting:party", args=[screened.party_id])).content.decode()
    assert "Cleared as a different person until" in party


def test_the_record_page_shows_each_screening_with_its_candidates(staff_client, screened):
    record = ScreeningRecord.objects.get(party=screened.party)
    page = staff_client("approver").get(reverse("staff:vetting:record", args=[record.pk])).content.decode()
    assert "Security Tester (security)" in page
    assert "Named on a case, or their details changed" in page
    assert "OpenSanctions version" in page
    assert escape(screened.explanation) in page
    assert "held by audit event #" in page


def test_a_period_the_wrong_way_round_is_refused_next_to_the_field(staff_client, screened):
    response = staff_client("security").get(
        reverse("staff:vetting:records"), {"date_from": "2026-06-30", "date_to": "2026-06-01"}
    )
    assert response.status_code == 400
    assert 'id="id_date_to-error"' in response.content.decode()
    bad = staff_client("security").get(reverse("staff:vetting:records_export", args=["csv"]), {"date_from": "soon"})
    assert bad.status_code == 400 and "Enter a valid date" in bad.content.decode()


def test_the_period_export_holds_the_records_screened_in_it(staff_client, screened):
    response = staff_client("security").get(
        reverse("staff:vetting:records_export", args=["csv"]), {"date_from": "2026-05-05", "date_to": "2026-05-05"}
    )
    assert response["Content-Disposition"] == 'attachment; filename="screening-record-2026-05-05-2026-05-05.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert {row["name"] for row in rows} == {"Sergei Lavrov"}
    lavrov = next(row for row in rows if row["candidate_entity_id"] == "NK-lavrov")
    assert lavrov["alert"] == "yes" and lavrov["explanation"] == screened.explanation
    assert float(lavrov["score"]) == pytest.approx(screened.score, abs=1e-4)
    assert lavrov["digest"] == ScreeningRecord.objects.get(party=screened.party).digest
    event = AuditEvent.objects.filter(action="vetting.screening_records_exported").latest("sequence")
    assert event.payload == {"records": 1, "format": "csv", "case": "", "from": "2026-05-05", "to": "2026-05-05"}


def test_a_formula_in_a_screened_name_is_inert_in_the_csv(staff_client, screened, proposed):
    url = reverse("staff:vetting:case_records_export", args=["partnership", proposed.pk, "csv"])
    text = staff_client("security").get(url).content.decode()
    assert "'=HYPERLINK" in text
    assert ',"=HYPERLINK' not in text


def test_a_case_export_checks_against_the_audit_chain(staff_client, screened, proposed, tmp_path, capsys):
    url = reverse("staff:vetting:case_records_export", args=["partnership", proposed.pk, "json"])
    document = json.loads(staff_client("approver").get(url).content)
    assert len(document["records"]) == 2
    names = {r["content"]["subject"]["name"] for r in document["records"]}
    assert names == {"Sergei Lavrov", "Rawiri Ngata"}
    for record in document["records"]:
        payload = AuditEvent.objects.get(sequence=record["audit_event"]).payload
        assert payload == {
            "record": record["id"],
            "party": record["content"]["subject"]["party"],
            "digest": record["digest"],
        }

    exported = tmp_path / "export.json"
    exported.write_text(json.dumps(document), encoding="utf-8")
    call_command("audit_verify", "--export", str(exported))
    assert "2 records checked" in capsys.readouterr().out

    document["records"][0]["content"]["subject"]["birth_date"] = "1990"  # someone rewrites who was screened
    exported.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("audit_verify", "--export", str(exported))
    assert "its content does not match its digest" in capsys.readouterr().err

    document["records"][0]["digest"] = document["records"][1]["digest"]  # ...and gives it another's digest
    exported.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("audit_verify", "--export", str(exported))
    assert "holds another digest" in capsys.readouterr().err


def test_a_csv_export_checks_against_the_audit_chain(staff_client, screened, tmp_path, capsys):
    text = staff_client("security").get(reverse("staff:vetting:records_export", args=["csv"])).content.decode()
    exported = tmp_path / "export.csv"
    exported.write_text(text, encoding="utf-8")
    call_command("audit_verify", "--export", str(exported))
    assert "2 records checked" in capsys.readouterr().out

    exported.write_text(text.replace("sha256:", "sha256:0", 1), encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("audit_verify", "--export", str(exported))


def test_the_officer_withdraws_a_wrong_clearing_and_the_alert_is_open_again(staff_client, staff, screened):
    security = staff_client("security")
    security.post(reverse("staff:vetting:match_dismiss", args=[screened.pk]), {"reason": REASON})
    clearing = ScreeningMatch.objects.get(pk=screened.pk).clearing
    withdraw = reverse("staff:vetting:clearing_withdraw", args=[clearing.pk])
    assert withdraw in security.get(reverse("staff:vetting:clearings")).content.decode()
    approver_listing = staff_client("approver").get(reverse("staff:vetting:clearings")).content.decode()
    assert withdraw not in approver_listing
    assert staff_client("approver").post(withdraw, {"reason": "No"}).status_code == 403

    empty = security.post(withdraw, {"reason": ""})
    assert empty.status_code == 200
    assert "This field is required" in empty.content.decode()
    response = security.post(withdraw, {"reason": "The embassy's photo matches the listed man"}, follow=True)

    assert "Clearing withdrawn" in response.content.decode()
    listing = security.get(reverse("staff:vetting:clearings") + "?state=withdrawn").content.decode()
    assert "Sergei Lavrov" in listing and "The embassy&#x27;s photo matches the listed man" in listing
    assert withdraw not in listing  # withdrawn once
    assert ScreeningMatch.objects.get(pk=screened.pk).status == MatchStatus.OPEN
    party = security.get(reverse("staff:vetting:party", args=[screened.party_id])).content.decode()
    assert "was withdrawn on" in party
