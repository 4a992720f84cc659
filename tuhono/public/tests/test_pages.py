import datetime as dt

import pytest
from django.urls import reverse
from freezegun import freeze_time

from tuhono.partnerships.models import Partnership
from tuhono.partnerships.services import partnership_update

pytestmark = pytest.mark.django_db


def results(response) -> str:
    """The part of the list page after the filters: what the search found."""
    html = response.content.decode()
    return html[html.index('class="result-count"') :]


def test_list_shows_every_auckland_relationship_grouped_with_years(client, demo):
    response = client.get("/partnerships/?council=auckland")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<span lang="mi">Ō mātou pātuitanga nō tāwāhi</span>' in html
    for name in ["Brisbane", "Fukuoka", "Galway", "Los Angeles", "Samoa", "Tonga", "Cook Islands"]:
        assert name in html
    assert "signed 1986" in html
    assert "Sister-city and partner relationships" in html
    assert "Time-bound strategic alliances" in html and "Tripartite Economic Alliance" in html
    assert "International city networks" in html and "C40" in html
    # grouped as Auckland's page groups them: by UN M49 region, each partner with its country
    assert html.index("<h3>Australia and the Pacific</h3>") < html.index("Brisbane, Australia")
    assert html.index("Samoa") < html.index("<h3>Asia</h3>") < html.index("Fukuoka, Japan")
    assert (
        html.index("<h3>The Americas</h3>") < html.index("Los Angeles, United States") < html.index("<h3>Europe</h3>")
    )
    assert html.index("<h3>Europe</h3>") < html.index("Galway, Ireland")


def test_filters_are_links(client, demo):
    html = results(client.get("/partnerships/", {"country": "JP", "decade": "1980"}))
    assert "Fukuoka" in html and "Utsunomiya" in html and "Tomioka" in html
    assert "Kakogawa" not in html  # 1992
    assert "Brisbane" not in html
    html = results(client.get("/partnerships/", {"focus": "film"}))
    assert "Busan" in html and "Qingdao" in html and "Galway" not in html
    html = results(client.get("/partnerships/", {"q": "sailing"}))
    assert "Galway" in html and "Qingdao" in html and "Tonga" not in html


def test_bad_filter_says_what_is_wrong(client, demo):
    response = client.get("/partnerships/", {"decade": "nineties", "kind": "pen pals"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "is not a decade" in html
    assert "is not a kind of partnership" in html


def test_drafts_are_invisible_to_the_public(client, demo):
    fukuoka = Partnership.objects.get(partner__name="Fukuoka")
    partnership_update(actor=None, partnership=fukuoka, published=False)
    assert "Fukuoka" not in results(client.get("/partnerships/"))
    assert client.get(reverse("public:partnership_detail", args=[fukuoka.slug])).status_code == 404


@freeze_time("2026-11-30")
def test_detail_tells_the_story_timeline_legacy_and_next_anniversary(client, demo):
    fukuoka = Partnership.objects.get(partner__name="Fukuoka")
    html = client.get(reverse("public:partnership_detail", args=[fukuoka.slug])).content.decode()
    assert "Asian Pacific Children" in html
    assert "Fukuoka Friendship Garden re-established" in html
    assert "July 2017" in html
    assert "2026 marks 40 years" in html
    assert 'href="https://www.city.fukuoka.lg.jp"' in html
    galway = Partnership.objects.get(partner__name="Galway")
    html = client.get(reverse("public:partnership_detail", args=[galway.slug])).content.decode()
    assert "the legacy Waitakere City Council" in html


def test_list_query_count_does_not_grow_with_the_register(client, demo, django_assert_max_num_queries):
    # The first visit to this version of the register also works out the filter choices.
    with django_assert_max_num_queries(14):
        client.get("/partnerships/")
    # Doubling the published records must not add queries (no N+1).
    for partnership in Partnership.objects.all()[:5]:
        partnership.milestones.create(occurred_on=dt.date(2020, 1, 1), title="Visit")
    with django_assert_max_num_queries(11):  # the choices are those of the same register version
        client.get("/partnerships/")


def test_a_large_register_is_listed_a_page_at_a_time(client, demo, monkeypatch, national_install):
    from tuhono.public.views import register

    monkeypatch.setattr(register, "PARTNERSHIPS_PER_PAGE", 10)
    total = Partnership.objects.filter(published=True).count()
    first = client.get("/partnerships/").content.decode()
    assert f"{total} partnerships · showing 1 to 10" in first
    assert 'rel="next"' in first and 'rel="prev"' not in first
    assert first.count('class="partnership-card"') <= 10 + 2  # plus the alliance and the network
    japan = client.get("/partnerships/", {"country": "JP", "page": "2"}).content.decode()
    assert "showing 11 to" in japan
    assert 'href="?country=JP&amp;page=1" rel="prev"' in japan
    # a page number past the end shows the last page rather than an error
    assert client.get("/partnerships/", {"page": "999"}).status_code == 200
