"""The public pages' cache and ETags follow the published register only.

Public forms, a visit's progress and due diligence leave every public answer and its ETag as they
were (the ETag says nothing about them); publishing a partnership moves them at once.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from tuhono.accounts.models import User
from tuhono.councils.models import Council
from tuhono.ops import cache as register_cache
from tuhono.partnerships import milestone_services
from tuhono.partnerships import services as partnerships
from tuhono.partnerships.models import Partnership
from tuhono.places.services import place_get_or_create
from tuhono.vetting.questionnaire import QUESTIONS
from tuhono.vetting.services import assessment_start, assessment_submit, assessment_update, decision_sign
from tuhono.visits import services as visits

PUBLIC_PAGES = ["/partnerships/", "/api/partnerships?limit=5", "/api/map.geojson", "/councils/auckland/"]


@pytest.fixture
def cache_on(settings):  # type: ignore[no-untyped-def]
    settings.TUHONO_PUBLIC_CACHE_SECONDS = 300


def _snapshot(urls: list[str]) -> dict[str, tuple[str, bytes, str]]:
    answers = {}
    for url in urls:
        response = Client().get(url)
        assert response.status_code == 200, url
        answers[url] = (response["ETag"], response.content, response.headers.get("X-Cache", "miss"))
    return answers


def _decline_a_visit_after_due_diligence(council: Council) -> None:
    officer, security, approver = (User.objects.get(username=name) for name in ("officer", "security", "approver"))
    visit = visits.visit_create(
        actor=officer,
        council=council,
        kind="incoming",
        organisation="Provincial Friendship Association",
        country_code="CN",
        purpose="Study tour",
        members=[{"name": "Li Wei", "nationality": "CN"}],
    )
    visits.visit_triage(actor=officer, visit=visit)
    visits.visit_send_to_vetting(actor=officer, visit=visit)
    assessment = assessment_start(actor=security, case=visit)
    safe = {key: {"answer": "no" if q.risk_answer == "yes" else "yes", "notes": ""} for key, q in QUESTIONS.items()}
    assessment_update(
        actor=security, assessment=assessment, answers=safe, rating="high", rationale="Confidential rationale."
    )
    assessment = assessment_submit(actor=security, assessment=assessment)
    decision_sign(
        actor=approver,
        assessment=assessment,
        outcome="decline",
        reason="Confidential reason for declining.",
        review_on=timezone.localdate() + dt.timedelta(days=365),
    )
    visit.refresh_from_db()
    assert visit.state == "declined"


def test_back_office_work_and_public_forms_leave_public_answers_and_etags_unchanged(cache_on: None, demo: None) -> None:
    council = Council.objects.get(slug="auckland")
    officer = User.objects.get(username="officer")
    # A draft partnership, not yet published: recording it is back-office work too.
    draft = partnerships.partnership_create(
        actor=officer,
        council=council,
        partner=place_get_or_create(name="Valparaíso", country_code="CL"),
        kind="sister_city",
        status="proposed",
        published=False,
    )
    version = register_cache.register_version()
    before = _snapshot(PUBLIC_PAGES)
    assert Client().get(f"/partnerships/{draft.slug}/").status_code == 404

    enquiry = Client().post(
        "/enquiries/", {"name": "Ana Silva", "email": "ana@example.pt", "subject": "Hello", "message": "Can we talk?"}
    )
    assert enquiry.status_code == 302
    _decline_a_visit_after_due_diligence(council)
    partnerships.partnership_update(actor=officer, partnership=draft, summary="Talks under way.")

    assert register_cache.register_version() == version
    served = _snapshot(PUBLIC_PAGES)
    for url in PUBLIC_PAGES:
        assert served[url][2] == "hit", f"{url} was dropped from the cache"
        assert served[url][:2] == before[url][:2], url
    # Rendered afresh, every answer and its ETag are still the same.
    register_cache.pages().clear()
    rendered = _snapshot(PUBLIC_PAGES)
    for url in PUBLIC_PAGES:
        assert rendered[url][2] == "miss"
        assert rendered[url][:2] == before[url][:2], url

    partnerships.partnership_update(actor=officer, partnership=draft, published=True)

    assert register_cache.register_version() > version
    after = _snapshot(PUBLIC_PAGES)
    for url in PUBLIC_PAGES:
        assert after[url][2] == "miss" and after[url][0] != before[url][0], url
    assert Client().get(f"/partnerships/{draft.slug}/").status_code == 200


def test_the_etag_is_the_same_for_everyone_and_moves_with_published_changes_only(cache_on: None, demo: None) -> None:
    officer = User.objects.get(username="officer")
    published = Partnership.objects.filter(published=True).order_by("pk").first()
    assert published is not None
    tag = Client().get("/api/partnerships?limit=5")["ETag"]
    register_cache.pages().clear()  # another worker, rendering the same answer, gives the same ETag
    assert Client().get("/api/partnerships?limit=5")["ETag"] == tag
    milestone_services.milestone_add(
        actor=officer, partnership=published, occurred_on=dt.date(2026, 3, 1), title="Internal note", published=False
    )
    assert Client().get("/api/partnerships?limit=5")["ETag"] == tag
    milestone_services.milestone_add(
        actor=officer, partnership=published, occurred_on=dt.date(2026, 3, 1), title="Youth exchange", published=True
    )
    assert Client().get("/api/partnerships?limit=5")["ETag"] != tag
