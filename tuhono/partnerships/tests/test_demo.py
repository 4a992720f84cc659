import pytest
from django.core.management import call_command

from tuhono.audit.models import AuditEvent
from tuhono.partnerships.models import Alliance, Partnership

pytestmark = pytest.mark.django_db

# Every relationship seed 000 names for Auckland, with its year.
AUCKLAND_PARTNERS = {
    "Brisbane": 1988,
    "Guangzhou": 1989,
    "Ningbo": 1998,
    "Qingdao": 2008,
    "Shanghai": 2012,
    "Cook Islands": None,  # re-signed in 2012; the page does not say when first signed
    "Nadi": 2006,
    "Samoa": None,  # re-signed in 2012
    "Tonga": 2012,
    "Fukuoka": 1986,
    "Kakogawa": 1992,
    "Shinagawa": 1993,
    "Tomioka": 1983,
    "Utsunomiya": 1982,
    "Busan": 1996,
    "Pohang": 2008,
    "Taichung": 1996,
    "Los Angeles": 1972,
    "Galway": 2002,
}


def test_demo_loads_every_auckland_relationship_with_its_year(demo):
    loaded = {
        p.partner.name: p.signed_on.year if p.signed_on else None
        for p in Partnership.objects.filter(council__slug="auckland", published=True).select_related("partner")
    }
    assert loaded == AUCKLAND_PARTNERS


def test_demo_keeps_legacy_councils_and_whole_country_partners(demo):
    galway = Partnership.objects.get(partner__name="Galway")
    assert galway.legacy_council.name == "Waitakere City Council"
    assert galway.legacy_council.successor.slug == "auckland"
    samoa = Partnership.objects.get(partner__name="Samoa")
    assert samoa.partner.kind == "country"
    assert samoa.partner.latitude is not None
    resigned = samoa.milestones.get(kind="resigned")
    assert resigned.occurred_on.year == 2012 and "trade mission" in resigned.description


def test_demo_loads_alliance_and_network(demo):
    tea = Alliance.objects.get(slug="tripartite-economic-alliance")
    members = {str(m) for m in tea.members.all()}
    assert members == {"Auckland Council", "Guangzhou", "Los Angeles"}
    assert Alliance.objects.get(slug="c40-cities").member_count == 97


def test_demo_twice_changes_nothing(demo):
    before = (Partnership.objects.count(), AuditEvent.objects.count())
    call_command("load_demo", verbosity=0)
    assert (Partnership.objects.count(), AuditEvent.objects.count()) == before


def test_other_councils_from_the_news_report(demo):
    tauranga = Partnership.objects.get(council__slug="tauranga", partner__name="Yantai")
    assert tauranga.signed_on.year == 1986
    assert set(Partnership.objects.filter(council__slug="invercargill").values_list("partner__name", flat=True)) == {
        "Kumagaya",
        "Suqian",
    }
