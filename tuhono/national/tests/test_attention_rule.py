"""The staff attention page uses the register's one dormancy rule, the same as the national coordinator's queue."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tuhono.partnerships.attention import partnerships_dormant
from tuhono.partnerships.demo.activity import QUIET
from tuhono.partnerships.models import Partnership
from tuhono.staff.tests.conftest import signed_in

pytestmark = pytest.mark.django_db


def _dormant_rows(html: str) -> set[str]:
    dormant = html.split("Dormant: nothing recorded")[1].split("Due for review")[0]
    return set(re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', dormant))


def test_only_the_quiet_demo_ties_are_dormant_on_the_page_as_in_the_queue(demo, settings):
    national = signed_in("national")
    html = national.get(reverse("national:attention")).content.decode()
    quiet = {
        f"{p.council.name} – {p.partner.name}"
        for p in Partnership.objects.select_related("council", "partner")
        if (p.council.slug, p.partner.name) in QUIET
    }
    assert _dormant_rows(html) == quiet
    assert f"Dormant: nothing recorded for {settings.TUHONO_DORMANT_YEARS} years ({len(QUIET)})" in html
    assert "/admin/" not in html.split("<main")[1]
    some = Partnership.objects.get(council__slug="hutt-city", partner__name="Tempe")
    assert f'href="{reverse("staff:register_partnership", args=[some.pk])}"' in html

    settings.TUHONO_DORMANT_YEARS = 1  # the settable period: the page follows it, through the same rule
    expected = {f"{p.council.name} – {p.partner.name}" for p in partnerships_dormant(Partnership.objects.all())}
    assert expected != quiet
    assert _dormant_rows(national.get(reverse("national:attention")).content.decode()) == expected
