"""Small fixtures for visit tests: two councils and one member of staff in each role."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth.models import Group

from tuhono.accounts.enums import Role
from tuhono.accounts.models import User
from tuhono.accounts.roles import roles_ensure
from tuhono.councils.models import Council
from tuhono.visits import services
from tuhono.visits.enums import VisitKind

MEMBERS = [
    {
        "name": "Li Wei",
        "name_original": "李伟",
        "role": "Deputy Director",
        "organisation": "Bureau",
        "nationality": "CN",
    }
]


@pytest.fixture
def councils(db: Any) -> dict[str, Council]:
    return {
        "auckland": Council.objects.create(name="Auckland Council", slug="auckland"),
        "dunedin": Council.objects.create(name="Dunedin City Council", slug="dunedin"),
    }


@pytest.fixture
def staff(councils: dict[str, Council]) -> dict[str, User]:
    roles_ensure()
    people = {
        "officer": ("auckland", Role.PARTNERSHIPS_OFFICER),
        "approver": ("auckland", Role.APPROVER),
        "security": ("auckland", Role.SECURITY_OFFICER),
        "national": (None, Role.NATIONAL_COORDINATOR),
        "dunedin": ("dunedin", Role.PARTNERSHIPS_OFFICER),
        "dunedin_approver": ("dunedin", Role.APPROVER),
    }
    users = {}
    for username, (council, role) in people.items():
        user = User.objects.create(  # no password: hashing one is slow and these users never sign in
            username=username,
            email=f"{username}@example.nz",
            council=councils[council] if council else None,
            is_staff=True,
        )
        user.groups.add(Group.objects.get(name=role))
        users[username] = user
    return users


@pytest.fixture
def make_visit(councils: dict[str, Council], staff: dict[str, User]) -> Any:
    def make(kind: str = VisitKind.INCOMING, council: str = "auckland", **extra: Any) -> Any:
        officer = staff["officer"] if council == "auckland" else staff["dunedin"]
        return services.visit_create(
            actor=officer,
            council=councils[council],
            kind=kind,
            organisation=extra.pop("organisation", "Guangzhou Urban Planning Bureau"),
            country_code="CN",
            purpose="Study waterfront planning",
            proposed_start=dt.date(2027, 3, 1),
            proposed_end=dt.date(2027, 3, 3),
            members=extra.pop("members", MEMBERS),
            **extra,
        )

    return make
