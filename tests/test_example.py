"""How we test here: one example of each kind of test, with why it is written the way it is.

Read this before writing your first test. The rules of the project decide where a test goes:

- A rule lives in a domain's service (`tuhono/<domain>/services.py`), so test it there, calling the
  service as any interface would. If the service refuses, nothing may be written.
- What a page shows comes from a selector (`selectors.py`); test the selector for the rows it
  returns (scoping to a council above all), not the template.
- A view only translates a request into a service or selector call: test it through the test client
  as the person who would use it (each role, and someone who must be refused).
- Emails and other side effects are sent after the transaction commits; pytest-django wraps each
  test in a transaction that never commits, so run the callbacks on purpose.
- Every important change writes one audit event; test that the event is there and says who did what.

Each test asserts something a user would notice, and fails if the rule is broken. Build the smallest
world the test needs (the fixtures below); reach for the `demo` fixture (the whole demonstration
register) only when the test is about the demonstration itself, since it takes seconds to load.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from tuhono.accounts.enums import Role
from tuhono.accounts.models import User
from tuhono.accounts.roles import roles_ensure
from tuhono.audit.selectors import audit_chain_problems, audit_events_for
from tuhono.councils.models import Council
from tuhono.partnerships import services as partnership_services
from tuhono.partnerships.enums import PartnershipStatus
from tuhono.partnerships.models import Partnership, StatusChange
from tuhono.places.models import Place
from tuhono.visits import selectors as visit_selectors
from tuhono.visits import services as visit_services

# Every test here touches the database; pytest-django rolls each one back at its end.
pytestmark = pytest.mark.django_db


# --- a small world ---------------------------------------------------------------------------------
# Fixtures build records with the ORM only where no rule is being tested (a council, a place, a
# person in a role); the records under test are made through the services, as in production.


def staff_member(username: str, role: str, council: Council | None) -> User:
    # No password: hashing one is slow, and the test client signs people in with force_login.
    user = User.objects.create(username=username, email=f"{username}@example.nz", council=council, is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def world() -> dict[str, Any]:
    roles_ensure()  # the role groups, as a migration or `load_demo` makes them
    home = Council.objects.create(name="Home District Council", slug="home")
    elsewhere = Council.objects.create(name="Elsewhere City Council", slug="elsewhere")
    return {
        "home": home,
        "elsewhere": elsewhere,
        "partner": Place.objects.create(name="Testopolis", country_code="JP", latitude=35.0, longitude=139.0),
        "officer": staff_member("olive", Role.PARTNERSHIPS_OFFICER, home),
        "approver": staff_member("april", Role.APPROVER, home),
        "outsider": staff_member("otto", Role.PARTNERSHIPS_OFFICER, elsewhere),
    }


def active_partnership(world: dict[str, Any]) -> Partnership:
    return partnership_services.partnership_create(
        actor=world["officer"],
        council=world["home"],
        partner=world["partner"],
        kind="sister_city",
        signed_on=dt.date(1990, 5, 1),
    )


def received_visit(world: dict[str, Any]) -> Any:
    return visit_services.visit_create(
        actor=world["officer"],
        council=world["home"],
        kind="incoming",
        organisation="Testopolis City Hall",
        country_code="JP",
        purpose="Learn how the council runs its libraries",
        proposed_start=dt.date(2027, 3, 1),
        proposed_end=dt.date(2027, 3, 3),
        members=[{"name": "Sato Yuki", "role": "Librarian", "organisation": "City Hall", "nationality": "JP"}],
    )


# --- 1. a service's rule ---------------------------------------------------------------------------


def test_a_status_change_needs_a_reason_and_a_date_after_the_signing(world):
    partnership = active_partnership(world)

    # Call the service as the back office would. A refused change raises ValidationError keyed by
    # field, which is how the form shows the message next to the right field: assert the keys.
    with pytest.raises(ValidationError) as refused:
        partnership_services.partnership_change_status(
            actor=world["officer"],
            partnership=partnership,
            status=PartnershipStatus.DORMANT,
            changed_on=dt.date(1980, 1, 1),
            reason="  ",
        )
    assert set(refused.value.message_dict) == {"reason", "changed_on"}

    # "Half-finished operations leave nothing": the refusal wrote no history and kept the status.
    partnership.refresh_from_db()
    assert partnership.status == PartnershipStatus.ACTIVE
    assert not StatusChange.objects.filter(partnership=partnership, status=PartnershipStatus.DORMANT).exists()


def test_the_service_itself_refuses_another_councils_staff(world):
    # Who may do what is enforced in the service, not only by hiding a button: a script, the admin
    # or a future API calling the service is refused the same way.
    partnership = active_partnership(world)
    with pytest.raises(PermissionDenied):
        partnership_services.partnership_change_status(
            actor=world["outsider"],
            partnership=partnership,
            status=PartnershipStatus.DORMANT,
            changed_on=dt.date(2020, 1, 1),
            reason="Not my council's to change",
        )


# --- 2. a selector ---------------------------------------------------------------------------------


def test_the_visit_list_shows_each_council_its_own_visits_only(world):
    visit = received_visit(world)
    # A selector is where scoping lives; test it with a user on each side of the line.
    assert list(visit_selectors.visit_list(user=world["officer"])) == [visit]
    assert list(visit_selectors.visit_list(user=world["outsider"])) == []


# --- 3. a view, as a role --------------------------------------------------------------------------


def test_the_visit_page_opens_for_the_councils_staff_and_not_for_another_council(world, staff_client):
    visit = received_visit(world)
    url = reverse("staff:visit_detail", args=[visit.pk])

    # `staff_client(username)` signs in with the second step done, as staff must (conftest.py).
    page = staff_client("olive").get(url)
    assert page.status_code == 200
    assert visit.reference in page.content.decode()

    # Another council's staff get "not found", not "forbidden": a 403 would tell them the visit exists.
    assert staff_client("otto").get(url).status_code == 404


def test_the_public_cannot_open_the_back_office(world, client):
    visit = received_visit(world)
    answer = client.get(reverse("staff:visit_detail", args=[visit.pk]))
    # Not signed in: sent to the sign-in page, which comes back here afterwards.
    assert answer.status_code == 302
    assert answer["Location"].startswith(reverse("staff:sign_in"))


# --- 4. an email -----------------------------------------------------------------------------------


def test_triage_tells_whoever_acts_next_by_email_once_it_is_saved(world, django_capture_on_commit_callbacks):
    visit = received_visit(world)
    mail.outbox.clear()

    # Emails go out after commit, so a rolled-back change never mails anyone. Inside a test the
    # transaction never commits: capture the callbacks and run them, as the commit would.
    with django_capture_on_commit_callbacks(execute=True):
        visit_services.visit_triage(actor=world["officer"], visit=visit, note="Fits the library exchange")

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["olive@example.nz"]  # the officer sends it to vetting next
    assert visit.reference in message.subject
    assert "otto@example.nz" not in message.to  # never another council's staff


# --- 5. the audit trail ----------------------------------------------------------------------------


def test_a_status_change_is_audited_with_who_and_what(world):
    partnership = active_partnership(world)
    partnership_services.partnership_change_status(
        actor=world["approver"],
        partnership=partnership,
        status=PartnershipStatus.DORMANT,
        changed_on=dt.date(2024, 6, 30),
        reason="No exchange since 2019",
    )

    # Read the trail through its selector, as the staff pages do.
    event = audit_events_for(partnership).get(action="partnership.status_changed")
    assert event.actor == world["approver"]
    assert (event.payload["from"], event.payload["to"]) == ("active", "dormant")

    # The trail is hash-chained: every event we wrote keeps the chain whole.
    assert list(audit_chain_problems()) == []
