"""Councils, insights, anniversaries, staff attention lists and partner seeking, as people use them."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from conftest import otp_verified_client
from tuhono.accounts.models import User
from tuhono.councils.models import Council, PartnerSeeking
from tuhono.partnerships import statistics
from tuhono.partnerships.models import Partnership

# These tests read the national register.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("national_install")]


def test_councils_list_shows_national_demo_with_counts(client, demo, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        response = client.get("/councils/")
    text = response.content.decode()
    assert "Hutt City Council" in text and "Rotorua Lakes Council" in text
    hutt = Council.objects.get(slug="hutt-city")
    assert re.search(r"Hutt City Council</a>.*?<td class=\"numeric\">3</td>", text, re.S)
    page = client.get(reverse("national:council_detail", args=[hutt.slug])).content.decode()
    assert "Minoh" in page and "Tempe" in page and "Taizhou" in page


def test_unknown_council_is_404(client, db):
    assert client.get("/councils/nowhere/").status_code == 404


def test_insights_charts_are_accessible_svg_with_tables_and_no_inline_styles(client, demo):
    text = client.get("/insights/").content.decode()
    assert text.count('role="img"') == 5
    assert text.count("<table") >= 5
    assert "style=" not in text and "<style" not in text
    assert re.search(r'<svg[^>]*role="img"[^>]*aria-labelledby="country-title"', text)
    assert '<title id="country-title">' in text
    auckland = client.get("/insights/?council=auckland").content.decode()
    assert "Insights: Auckland Council" in auckland
    assert "There is no council" in client.get("/insights/?council=nowhere").content.decode()


def test_statistics_count_published_records_only(demo):
    total = sum(t.count for t in statistics.by_kind())
    assert total == Partnership.objects.filter(published=True).count()
    Partnership.objects.filter(partner__name="Busan").update(published=False)
    assert sum(t.count for t in statistics.by_kind()) == total - 1


def test_anniversaries_in_the_next_24_months(demo):
    partnership = Partnership.objects.get(partner__name="Busan")
    Partnership.objects.filter(pk=partnership.pk).update(signed_on=dt.date(1997, 7, 14), signed_precision="day")
    found = statistics.anniversaries_upcoming(today=dt.date(2026, 12, 1))
    busan = [a for a in found if a.partnership.pk == partnership.pk]
    assert [(a.years, a.on) for a in busan] == [(30, dt.date(2027, 7, 14))]
    assert all(a.years in (10, 20, 25, 30, 40, 50) for a in found)
    assert not [
        a for a in statistics.anniversaries_upcoming(today=dt.date(2027, 8, 1)) if a.partnership.pk == partnership.pk
    ]


def test_attention_list_needs_login_and_is_scoped_to_the_staff_members_council(client, demo):
    assert client.get("/staff/attention/").status_code == 302
    client.force_login(User.objects.get(username="dunedin"))
    text = client.get("/staff/attention/?dormant_years=1&review_years=1").content.decode()
    assert "Dunedin City Council – Shanghai" in text
    assert "Auckland Council – " not in text
    client.force_login(User.objects.get(username="national"))
    text = client.get("/staff/attention/?dormant_years=1").content.decode()
    assert "Auckland Council – " in text and "Dunedin City Council – " in text
    text = client.get("/staff/attention/?dormant_years=abc").content.decode()
    assert "Enter a whole number of years" in text


def test_partner_seeking_form_follows_the_error_pattern_and_staff_publish(client, demo):
    response = client.post("/partner-seeking/", {"who": "abroad"})
    text = response.content.decode()
    assert "<title>Error: " in text
    assert "There is a problem" in text
    assert 'href="#id_place_name"' in text and "Enter the city or region" in text
    assert "Enter your email address" in text
    assert "novalidate" in text

    response = client.post(
        "/partner-seeking/",
        {
            "who": "abroad",
            "place_name": "Kōfu",
            "country": "JP",
            "interests": "Schools and wine",
            "contact_name": "Aiko Tanaka",
            "contact_email": "aiko@example.jp",
        },
    )
    assert response.status_code == 302
    seeking = PartnerSeeking.objects.get()
    assert not seeking.published
    assert "Kōfu" not in client.get("/partner-seeking/").content.decode()

    changelist = reverse("admin:councils_partnerseeking_changelist")
    otp_verified_client("admin").post(changelist, {"action": "publish", "_selected_action": [seeking.pk]})
    text = client.get("/partner-seeking/").content.decode()
    assert "Kōfu" in text and "Schools and wine" in text
    assert "aiko@example.jp" not in text and "Aiko Tanaka" not in text
