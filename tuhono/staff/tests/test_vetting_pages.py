"""A security officer and an approver carry a proposal through due diligence in the back office."""

# ruff: noqa: F811 - the due-diligence fixtures are imported by name and used as arguments

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from tuhono.partnerships.models import Partnership
from tuhono.vetting.enums import MatchStatus
from tuhono.vetting.models import ArrangementNotice, Assessment, ScreenedParty, ScreeningMatch
from tuhono.vetting.questionnaire import QUESTIONS
from tuhono.vetting.tests.fixtures import (  # noqa: F401 - fixtures
    council,
    councils,
    fresh_watchlist_index,
    import_list,
    proposed,
    staff,
    watchlist,
)


def _case_url(partnership):
    return reverse("staff:vetting:case", args=["partnership", partnership.pk])


def test_officer_adds_a_counterpart_and_works_the_alert(staff_client, staff, proposed, watchlist):
    client = staff_client("security")
    response = client.post(
        reverse("staff:vetting:counterpart_add", args=["partnership", proposed.pk]),
        {"name": "Sergei Lavrov", "aliases": "Сергей Лавров", "role": "official", "schema": "Person"},
    )
    assert response.status_code == 302
    party = ScreenedParty.objects.get(name="Sergei Lavrov")
    match = party.matches.get(status=MatchStatus.OPEN)

    queue = client.get(reverse("staff:vetting:queue")).content.decode()
    assert "Sergei Lavrov" in queue and "Open alerts (1)" in queue
    detail = client.get(reverse("staff:vetting:party", args=[party.pk])).content.decode()
    assert match.explanation[:40] in detail.replace("&#x27;", "'")
    assert f"version {watchlist.pk}" in detail

    refused = client.post(reverse("staff:vetting:match_dismiss", args=[match.pk]), {"reason": ""})
    assert refused.status_code == 200 and "There is a problem" in refused.content.decode()
    client.post(reverse("staff:vetting:match_dismiss", args=[match.pk]), {"reason": "Interpreter, born 1988"})
    assert ScreeningMatch.objects.get(pk=match.pk).status == MatchStatus.DISMISSED
    assert "Open alerts (0)" in client.get(reverse("staff:vetting:queue")).content.decode()


def test_assessment_decision_and_report_through_the_pages(staff_client, staff, proposed, watchlist):
    from tuhono.vetting.services import counterpart_add

    counterpart_add(actor=staff["security"], partnership=proposed, name="Zhao Hui", position="Foreign Affairs Office")
    security = staff_client("security")
    response = security.post(reverse("staff:vetting:assessment_start", args=["partnership", proposed.pk]))
    assessment = Assessment.objects.get()
    assert response["Location"] == reverse("staff:vetting:assessment", args=[assessment.pk])
    page = security.get(response["Location"]).content.decode()
    assert "9. Governance" in page and "Suggested rating" in page

    form = {f"{key}__answer": "no" if q.risk_answer == "yes" else "yes" for key, q in QUESTIONS.items()}
    incomplete = security.post(response["Location"], {"submit": "1"})
    assert "There is a problem" in incomplete.content.decode()
    security.post(
        response["Location"], {**form, "rating": "low", "rationale": "Municipal office, clear", "submit": "1"}
    )
    assessment.refresh_from_db()
    assert assessment.status == "submitted"

    security.post(
        reverse("staff:vetting:advice_add", args=[assessment.pk]),
        {
            "agency": "mfat",
            "sought_on": "2026-02-01",
            "reference": "MFAT-77",
            "answered_on": "2026-02-10",
            "answer": "No concerns",
        },
    )
    security.post(
        reverse("staff:vetting:notice_add", args=["partnership", proposed.pk]),
        {"stage": "before_negotiation", "notified_on": "2026-01-15", "recipient": "MFAT", "response": "none"},
    )
    assert ArrangementNotice.objects.get().notified_on == dt.date(2026, 1, 15)

    approver = staff_client("approver")
    review = (timezone.localdate() + dt.timedelta(days=200)).isoformat()
    done = approver.post(
        reverse("staff:vetting:decision", args=[assessment.pk]),
        {"outcome": "proceed", "reason": "Low risk", "review_on": review},
    )
    assert done.status_code == 302
    assert Partnership.objects.get(pk=proposed.pk).status == "active"

    report = approver.get(reverse("staff:vetting:report", args=[assessment.pk])).content.decode()
    assert "CONFIDENTIAL" in report and "Zhao Hui" in report
    assert watchlist.sha256 in report
    assert f"Signed by {staff['approver'].get_full_name()}" in report
    assert "MFAT-77" in report and "No concerns" in report
    assert 'media="print"' not in report  # one stylesheet, with its own print rules
    assert "staff/vetting/report.css" in report


def test_the_alert_queue_reads_in_a_fixed_number_of_queries(staff_client, staff, proposed, watchlist):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tuhono.vetting.services import counterpart_add

    client = staff_client("security")
    counterpart_add(actor=staff["security"], partnership=proposed, name="Xi Jinping")
    with CaptureQueriesContext(connection) as one_alert:
        client.get(reverse("staff:vetting:queue"))
    for name in ("Sergei Lavrov", "Sergey Lavrov", "Xi Jin Ping"):
        counterpart_add(actor=staff["security"], partnership=proposed, name=name)
    with CaptureQueriesContext(connection) as four_alerts:
        response = client.get(reverse("staff:vetting:queue"))
    assert "Open alerts (4)" in response.content.decode()
    assert len(four_alerts) == len(one_alert) <= 18  # two of them: the lists' index and re-screen panel
