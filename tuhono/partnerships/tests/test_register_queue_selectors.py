"""What the officer's queue asks the register: drafts to publish, ties due for review, anniversaries coming."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group

from tuhono.accounts.enums import Role
from tuhono.accounts.models import User
from tuhono.councils.models import Council
from tuhono.partnerships import milestone_services, selectors, services
from tuhono.places.models import Place

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 12, 2)


@pytest.fixture
def officer() -> User:
    home = Council.objects.create(name="Home Council", slug="home")
    other = Council.objects.create(name="Other Council", slug="other")
    user = User.objects.create_user(username="olive", council=home)
    user.groups.add(Group.objects.get_or_create(name=Role.PARTNERSHIPS_OFFICER)[0])

    def tie(council: Council, name: str, signed: dt.date, **fields) -> None:
        place = Place.objects.create(name=name, country_code="JP", latitude=35.0, longitude=139.0)
        services.partnership_create(
            actor=None, council=council, partner=place, kind="sister_city", signed_on=signed, **fields
        )

    tie(home, "Quiet", dt.date(2001, 5, 1), published=True)  # 25 years in May 2026: passed; nothing since 2001
    tie(home, "Busy", dt.date(1977, 1, 20), published=True)  # 50 years on 20 January 2027
    tie(home, "Draft", dt.date(2026, 3, 1))  # not published, signed this year
    tie(other, "Elsewhere", dt.date(2017, 1, 10))  # another council's draft and anniversary
    milestone_services.milestone_add(
        actor=None,
        partnership=home.partnerships.get(partner__name="Busy"),
        occurred_on=dt.date(2026, 6, 1),
        title="Festival",
    )
    return user


def test_drafts_to_publish_are_the_councils_own_unpublished_ties(officer):
    assert [p.partner.name for p in selectors.drafts_to_publish(officer)] == ["Draft"]


def test_due_for_review_are_live_ties_with_nothing_recorded_for_a_year(officer):
    due = [p.partner.name for p in selectors.partnerships_due_for_review(officer, today=TODAY)]
    assert due == ["Quiet"]


def test_anniversaries_coming_are_round_years_within_the_window(officer):
    coming = selectors.anniversaries_coming(officer, today=TODAY, days=90)
    assert [(a.partnership.partner.name, a.on, a.years) for a in coming] == [("Busy", dt.date(2027, 1, 20), 50)]
