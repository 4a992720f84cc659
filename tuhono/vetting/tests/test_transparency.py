"""The public transparency register shows public facts of each arrangement and nothing confidential."""

import datetime as dt

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from tuhono.vetting.enums import MatchStatus
from tuhono.vetting.models import ScreeningMatch
from tuhono.vetting.questionnaire import QUESTIONS
from tuhono.vetting.selectors import transparency_register
from tuhono.vetting.services import (
    advice_record,
    arrangement_update,
    assessment_start,
    assessment_submit,
    assessment_update,
    counterpart_add,
    decision_sign,
    match_dismiss,
    notice_record,
)

CANARY = "CANARY-7Q4Z"


@pytest.fixture
def vetted(staff, proposed, watchlist):
    """A partnership carried through the whole of due diligence, with the canary in every confidential field."""
    security, approver = staff["security"], staff["approver"]
    counterpart_add(
        actor=security,
        partnership=proposed,
        name="Xi Jinping",
        aliases=[f"{CANARY} alias"],
        position=f"{CANARY} office",
        notes=f"{CANARY} notes",
    )
    match = ScreeningMatch.objects.get(status=MatchStatus.OPEN)
    match_dismiss(actor=security, match=match, reason=f"{CANARY} dismissal")
    assessment = assessment_start(actor=security, case=proposed)
    answers = {
        key: {"answer": "no" if q.risk_answer == "yes" else "yes", "notes": CANARY} for key, q in QUESTIONS.items()
    }
    assessment_update(actor=security, assessment=assessment, answers=answers, rating="medium", rationale=CANARY)
    assessment_submit(actor=security, assessment=assessment)
    advice_record(
        actor=security,
        assessment=assessment,
        agency="nzsis",
        sought_on=dt.date(2026, 2, 1),
        reference=f"{CANARY}-ref",
        question=CANARY,
        answered_on=dt.date(2026, 2, 9),
        answer=CANARY,
    )
    notice_record(
        actor=security,
        partnership=proposed,
        stage="before_negotiation",
        notified_on=dt.date(2026, 1, 20),
        reference=f"{CANARY}-notice",
        response="no_objection",
        response_on=dt.date(2026, 2, 2),
        notes=CANARY,
    )
    arrangement_update(
        actor=approver,
        partnership=proposed,
        agreement_published=True,
        agreement_text="Article 1. The two cities shall promote exchanges in education and culture.",
        agreement_url="https://example.org/qingdao-agreement.pdf",
    )
    decision_sign(
        actor=approver,
        assessment=assessment,
        outcome="proceed_with_conditions",
        reason=CANARY,
        conditions=CANARY,
        review_on=timezone.localdate() + dt.timedelta(days=365),
    )
    return proposed


def test_register_lists_parties_dates_notice_decision_and_published_text(vetted):
    (row,) = [a for a in transparency_register() if a.slug == vetted.slug]
    assert row.parties == ("Auckland Council", "Qingdao Municipal People's Government")
    assert row.signed == "2024" and row.status == "Active"
    assert row.government_notified and row.notices[0].notified_on == dt.date(2026, 1, 20)
    assert row.government_decision == "no objection"
    assert row.agreement_text.startswith("Article 1.")


def test_an_unpublished_agreement_stays_off_the_register(staff, proposed):
    arrangement_update(actor=staff["security"], partnership=proposed, agreement_published=False, agreement_text="Draft")
    (row,) = [a for a in transparency_register() if a.slug == proposed.slug]
    assert not row.agreement_published and row.agreement_text == ""
    assert not row.government_notified


def test_a_published_agreement_needs_its_text_or_address(staff, proposed):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        arrangement_update(actor=staff["security"], partnership=proposed, agreement_published=True)


def test_public_pages_api_and_register_never_show_confidential_fields(client, vetted):
    urls = [
        reverse("public:partnership_list"),
        reverse("public:partnership_detail", args=[vetted.slug]),
        reverse("public:transparency"),
        reverse("api:partnership_list"),
        reverse("api:partnership_detail", args=[vetted.pk]),
    ]
    # Every open-data export and feed, wherever it lives.
    for name in ("partnerships_csv", "partnerships_json", "partnerships_geojson", "anniversaries_ics", "catalogue"):
        try:
            urls.append(reverse(f"national:{name}"))
        except NoReverseMatch:
            continue
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert CANARY not in body, url
        assert "Xi Jinping" not in body, url
    page = client.get(reverse("public:transparency")).content.decode()
    assert "No objection" in page and "20 January 2026" in page
    assert "https://example.org/qingdao-agreement.pdf" in page


def test_the_register_reads_in_a_fixed_number_of_queries(client, vetted, staff, django_assert_num_queries):
    from tuhono.partnerships.services import partnership_create
    from tuhono.places.services import place_get_or_create

    with django_assert_num_queries(5):
        client.get(reverse("public:transparency"))
    for name in ("Ningbo", "Busan", "Utsunomiya"):
        partnership_create(
            actor=staff["officer"],
            council=vetted.council,
            partner=place_get_or_create(name=name, country_code="CN"),
            kind="sister_city",
            published=True,
        )
    with django_assert_num_queries(5):
        client.get(reverse("public:transparency"))


# What the public site may import from due diligence: the public register, and the trigger that screens a
# visit request's parties once it is saved (it returns nothing).
PUBLIC_MAY_IMPORT = {
    "tuhono.vetting.selectors": ["transparency_register"],
    "tuhono.vetting.services": ["case_screen_after_commit"],
}


def test_the_public_site_imports_no_vetting_model():
    import ast
    from pathlib import Path

    import tuhono.api
    import tuhono.public

    for package in (tuhono.public, tuhono.api):
        for path in Path(package.__path__[0]).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("tuhono.vetting"):
                    assert node.module in PUBLIC_MAY_IMPORT, path
                    assert [a.name for a in node.names] == PUBLIC_MAY_IMPORT[node.module], path
                elif isinstance(node, ast.Import):
                    assert not any(a.name.startswith("tuhono.vetting") for a in node.names), path


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_register_has_no_accessibility_violations(page, live_server, vetted):
    from conftest import axe_violations, describe_violations

    page.goto(f"{live_server.url}{reverse('public:transparency')}")
    assert page.locator("h1").inner_text() == "Foreign arrangements transparency register"
    page.get_by_text("Read the text").first.click()
    assert page.get_by_text("Article 1.").is_visible()
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)


def test_the_register_narrows_to_one_council(client, staff, proposed, councils, national_install):
    from tuhono.partnerships.services import partnership_create
    from tuhono.places.services import place_get_or_create

    partnership_create(
        actor=None,
        council=councils[1],
        partner=place_get_or_create(name="Otaru", country_code="JP"),
        kind="sister_city",
        published=True,
    )
    everything = client.get(reverse("public:transparency")).content.decode()
    assert "Qingdao" in everything and "Otaru" in everything
    dunedin = client.get(reverse("public:transparency"), {"council": "dunedin"}).content.decode()
    assert "Otaru" in dunedin and "Qingdao" not in dunedin
    unknown = client.get(reverse("public:transparency"), {"council": "<nowhere>"})
    assert unknown.status_code == 200 and "Qingdao" in unknown.content.decode()
