"""The register's rules hold in the services themselves, whoever calls them: who may act, and stale edits."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied

from tuhono.accounts.enums import Role
from tuhono.accounts.models import User
from tuhono.audit.models import AuditEvent
from tuhono.councils.models import Council
from tuhono.councils.services import partner_seeking_create
from tuhono.partnerships import alliance_services, milestone_services, services
from tuhono.partnerships.editing import EditConflict
from tuhono.partnerships.models import Partnership
from tuhono.places.models import Place

pytestmark = pytest.mark.django_db


def person(username: str, role: str, council: Council | None) -> User:
    user = User.objects.create_user(username=username, first_name=username.title(), council=council)
    user.groups.add(Group.objects.get_or_create(name=role)[0])
    return user


@pytest.fixture
def world() -> dict:
    home = Council.objects.create(name="Home Council", slug="home")
    other = Council.objects.create(name="Other Council", slug="other")
    partner = Place.objects.create(name="Testopolis", country_code="JP", latitude=35.0, longitude=139.0)
    return {
        "home": home,
        "other": other,
        "partner": partner,
        "officer": person("olive", Role.PARTNERSHIPS_OFFICER, home),
        "colleague": person("colin", Role.PARTNERSHIPS_OFFICER, home),
        "outsider": person("otto", Role.PARTNERSHIPS_OFFICER, other),
        "national": person("nina", Role.NATIONAL_COORDINATOR, None),
        "security": person("sam", Role.SECURITY_OFFICER, home),
    }


def make(world: dict) -> Partnership:
    return services.partnership_create(
        actor=world["officer"],
        council=world["home"],
        partner=world["partner"],
        kind="sister_city",
        signed_on=dt.date(1990, 1, 1),
    )


def test_only_the_councils_officer_changes_its_register(world):
    for who in ("outsider", "national", "security"):
        with pytest.raises(PermissionDenied):
            services.partnership_create(
                actor=world[who], council=world["home"], partner=world["partner"], kind="sister_city"
            )
    partnership = make(world)
    for who in ("outsider", "national", "security"):
        with pytest.raises(PermissionDenied):
            services.partnership_update(actor=world[who], partnership=partnership, summary="Not mine")
        with pytest.raises(PermissionDenied):
            services.partnership_set_published(actor=world[who], partnership=partnership, published=True)
        with pytest.raises(PermissionDenied):
            milestone_services.milestone_add(
                actor=world[who], partnership=partnership, occurred_on=dt.date(2020, 1, 1), title="Not mine"
            )
        with pytest.raises(PermissionDenied):
            services.partnership_change_status(
                actor=world[who], partnership=partnership, status="ended", changed_on=dt.date(2020, 1, 1), reason="x"
            )
    partnership.refresh_from_db()
    assert partnership.summary == "" and not partnership.published and partnership.status == "active"
    with pytest.raises(PermissionDenied):
        partner_seeking_create(
            actor=world["outsider"],
            who="nz_council",
            council=world["home"],
            interests="Trade",
            contact_name="A",
            contact_email="a@example.org",
        )


def test_a_stale_edit_is_refused_with_what_changed_and_saves_nothing(world):
    partnership = make(world)
    opened_at = partnership.version
    services.partnership_update(
        actor=world["colleague"], partnership=partnership, expected_version=opened_at, summary="Colleague's words"
    )
    with pytest.raises(EditConflict) as conflict:
        services.partnership_update(
            actor=world["officer"], partnership=partnership, expected_version=opened_at, summary="Mine"
        )
    assert conflict.value.current == opened_at + 1
    [change] = conflict.value.changes
    assert change.who == "Colin" and "Colleague's words" in change.what
    partnership.refresh_from_db()
    assert partnership.summary == "Colleague's words"
    with pytest.raises(EditConflict):
        services.partnership_change_status(
            actor=world["officer"],
            partnership=partnership,
            status="dormant",
            changed_on=dt.date(2020, 1, 1),
            reason="Quiet",
            expected_version=opened_at,
        )
    assert partnership.status_changes.count() == 1


def test_alliances_are_changed_by_their_member_councils_only_and_version_checked(world):
    alliance = alliance_services.alliance_create(actor=world["officer"], name="Rim Cities", kind="network")
    assert [m.council for m in alliance.members.all()] == [world["home"]]
    with pytest.raises(PermissionDenied):
        alliance_services.alliance_update(actor=world["outsider"], alliance=alliance, summary="Hijack")
    with pytest.raises(PermissionDenied):
        alliance_services.alliance_member_add(actor=world["national"], alliance=alliance, council=world["other"])
    opened_at = alliance.version
    alliance_services.alliance_member_add(actor=world["colleague"], alliance=alliance, council=world["other"])
    with pytest.raises(EditConflict) as conflict:
        alliance_services.alliance_update(
            actor=world["officer"], alliance=alliance, expected_version=opened_at, summary="Ports"
        )
    assert "Other Council" in conflict.value.changes[0].what
    assert AuditEvent.objects.filter(action="alliance.member_added").count() == 1
