"""The demonstration register against the texts it follows (tuhono/partnerships/demo/seeds/): every year a
public page gives for an Auckland partnership is one its seed section gives (or counts back from, as
"2021 marks 33 years"), the order of events is the seed's, and a re-signing is shown as a re-signing."""

import html as html_lib
import re
from pathlib import Path

import pytest
from django.urls import reverse

from tuhono.partnerships.models import Partnership

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).resolve().parents[2] / "partnerships" / "demo" / "seeds"
AUCKLAND = (SEEDS / "auckland-our-international-partnerships.txt").read_text()
NEWS = (SEEDS / "rnz-sister-city-risk.txt").read_text()
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def seed_sections() -> dict[str, str]:
    """Each Auckland partner's section of the council's page: from the first mention of its name after the
    list begins to the next partner's."""
    body = AUCKLAND[AUCKLAND.index("Our global partner cities and countries") :]
    names = list(
        Partnership.objects.published().filter(council__slug="auckland").values_list("partner__name", flat=True)
    )
    starts = sorted((body.index(name), name) for name in names)
    ends = [start for start, _ in starts[1:]] + [body.index("Related topics")]
    return {name: body[start:end] for (start, name), end in zip(starts, ends, strict=True)}


def seed_years(section: str) -> set[int]:
    """Years a section gives, and the years it counts back to ("In 2019 ... the 30th anniversary" gives
    1989; "2021 marks 33 years of partnership" gives 1988). A section that names the Tripartite Economic
    Alliance also gives the year the page says it was launched."""
    years = {int(y) for y in YEAR.findall(section)}
    alliance = "Tripartite Economic Alliance"
    if alliance in section:
        sentences = re.split(r"(?<=\.)\s+", AUCKLAND)
        years |= {int(y) for s in sentences if f"launch of the {alliance}" in s for y in YEAR.findall(s)}
    for count in re.findall(r"\b(\d{1,2})(?:st|nd|rd|th)? (?:anniversary|years)", section):
        years |= {y - int(count) for y in list(years)}
    return years


def page_text(part: str) -> str:
    return html_lib.unescape(re.sub(r"<[^>]+>", " ", part))


def shown_years(page: str) -> list[int]:
    """Years the page's facts and timeline give (not the coming anniversary it works out)."""
    facts = page[page.index('<dl class="facts">') : page.index("</dl>")]
    timeline = page[page.index('<ol class="timeline">') : page.index("</ol>")]
    timeline = re.sub(r'<li class="future">.*?</li>', "", timeline, flags=re.S)
    return [int(y) for y in YEAR.findall(page_text(facts + timeline))]


def test_every_auckland_partner_of_the_seed_is_listed(client, demo):
    listed = client.get("/partnerships/").content.decode()
    for name in seed_sections():
        assert f">{name}" in listed
    for legacy in ("Mt Roskill Borough Council", "One Tree Hill Borough Council", "North Shore", "Waitakere"):
        assert legacy in AUCKLAND


def test_no_page_gives_a_year_its_seed_does_not(client, demo):
    sections = seed_sections()
    assert len(sections) == 19
    for partnership in Partnership.objects.filter(council__slug="auckland", published=True):
        page = client.get(reverse("public:partnership_detail", args=[partnership.slug])).content.decode()
        invented = set(shown_years(page)) - seed_years(sections[partnership.partner.name])
        assert not invented, f"{partnership.partner.name}: the page gives {sorted(invented)}, the seed does not"


def test_shinagawa_began_in_1989_and_was_signed_in_1993(client, demo):
    section = seed_sections()["Shinagawa"]
    assert "began in 1989" in section and "signed in 1993" in section
    partnership = Partnership.objects.get(council__slug="auckland", partner__name="Shinagawa")
    page = client.get(reverse("public:partnership_detail", args=[partnership.slug])).content.decode()
    timeline = page_text(page[page.index('<ol class="timeline">') : page.index("</ol>")])
    assert timeline.index("1989") < timeline.index("1993")
    assert re.search(r"1989\s+Relationship begins: Mt Roskill Borough Council", timeline)
    signed = timeline[timeline.index("1993") :]
    assert "signed" in signed and "Mt Roskill" not in signed  # the borough had merged by 1993


@pytest.mark.parametrize("name", ["Cook Islands", "Samoa"])
def test_memoranda_re_signed_in_2012_are_shown_as_re_signed(client, demo, name):
    assert re.search(r"re-signed.{0,80}2012|2012.{0,80}re-signed", seed_sections()[name], re.S)
    partnership = Partnership.objects.get(council__slug="auckland", partner__name=name)
    assert partnership.signed_on is None  # the seed does not say when it was first signed
    page = client.get(reverse("public:partnership_detail", args=[partnership.slug])).content.decode()
    facts = page_text(page[page.index('<dl class="facts">') : page.index("</dl>")])
    assert re.search(r"Re-signed\s+2012\s+\(Re-signed during the Auckland mayoral-led trade mission", facts)
    assert not re.search(r"\bSigned\s+2012", facts)
    listed = page_text(client.get("/partnerships/").content.decode())
    assert re.search(rf"{name}.{{0,120}}re-signed 2012", listed, re.S)


def test_other_councils_years_are_the_news_reports(client, demo, national_install):
    for council, partner, year in (("invercargill", "Kumagaya", 1993), ("invercargill", "Suqian", 2010)):
        assert f"{partner}, Japan, since {year}" in NEWS or f"{partner}, China, since {year}" in NEWS
        tie = Partnership.objects.get(council__slug=council, partner__name=partner)
        assert tie.signed_on.year == year
    assert "40 years of partnership with Yantai, China, in 2026" in NEWS
    assert Partnership.objects.get(council__slug="tauranga", partner__name="Yantai").signed_on.year == 2026 - 40


def test_hamiltons_ties_span_the_countries_the_report_names(client, demo, national_install):
    assert "Hamilton’s ties span China, Japan, Belgium, and the United States" in NEWS
    page = client.get(reverse("national:council_detail", args=["hamilton"])).content.decode()
    shown = set(re.findall(r", ([A-Z][\w ]+)</a></h4>", page))
    assert shown == {"China", "Japan", "Belgium", "United States"}
    belgian = Partnership.objects.get(council__slug="hamilton", partner__country_code="BE")
    detail = client.get(reverse("public:partnership_detail", args=[belgian.slug])).content.decode()
    assert "Example data." in detail  # the report names no Belgian city
