"""Fixtures for due diligence: two councils, staff in every role, a proposed partnership and watch lists."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import Group

from tuhono.accounts.enums import Role
from tuhono.accounts.models import User
from tuhono.accounts.roles import roles_ensure
from tuhono.councils.models import Council
from tuhono.partnerships.enums import PartnershipKind, PartnershipStatus
from tuhono.partnerships.services import partnership_create
from tuhono.places.services import place_get_or_create
from tuhono.watchlists.services.imports import watchlist_import
from tuhono.watchlists.services.screening import reset_index

LIST_V1 = [
    {
        "id": "Q15031",
        "schema": "Person",
        "properties": {"name": ["习近平"], "birthDate": ["1953-06-15"], "nationality": ["cn"], "topics": ["role.pep"]},
        "datasets": ["wd_peps"],
    },
    {
        "id": "NK-lavrov",
        "schema": "Person",
        "properties": {
            "name": ["Сергей Викторович Лавров"],
            "birthDate": ["1950-03-21"],
            "nationality": ["ru"],
            "topics": ["sanction", "role.pep"],
        },
        "datasets": ["eu_fsf"],
    },
    {
        "id": "NK-cpaffc",
        "schema": "Organization",
        "properties": {
            "name": ["Chinese People's Association for Friendship with Foreign Countries"],
            "alias": ["CPAFFC", "中国人民对外友好协会"],
            "topics": ["gov"],
        },
        "datasets": ["example"],
    },
]


@pytest.fixture(autouse=True)
def fresh_watchlist_index() -> Any:
    reset_index()
    yield
    reset_index()


@pytest.fixture
def import_list(tmp_path: Path) -> Callable[..., Any]:
    """Import a list of FollowTheMoney entities as a new version of a source."""
    counter = {"n": 0}

    def run(entities: list[dict[str, Any]], source: str = "OpenSanctions") -> Any:
        counter["n"] += 1
        path = tmp_path / f"list-{counter['n']}.ftm.json"
        path.write_text("\n".join(json.dumps(e, ensure_ascii=False) for e in entities) + "\n", encoding="utf-8")
        return watchlist_import(path=path, source_name=source, file_format="ftm").version

    return run


@pytest.fixture
def watchlist(import_list: Callable[..., Any]) -> Any:
    return import_list(LIST_V1)


@pytest.fixture
def councils(db: Any) -> tuple[Council, Council]:
    auckland = Council.objects.create(name="Auckland Council", slug="auckland")
    dunedin = Council.objects.create(name="Dunedin City Council", slug="dunedin")
    return auckland, dunedin


@pytest.fixture
def council(councils: tuple[Council, Council]) -> Council:
    return councils[0]


def _user(username: str, council: Council | None, *roles: str) -> User:
    roles_ensure()
    user = User.objects.create_user(
        username=username,
        password=None,  # signed in with force_login: no slow hashing
        first_name=username.title(),
        last_name="Tester",
        council=council,
        is_staff=True,
    )
    user.groups.set(Group.objects.filter(name__in=roles))
    return user


@pytest.fixture
def staff(councils: tuple[Council, Council]) -> dict[str, User]:
    auckland, dunedin = councils
    return {
        "officer": _user("officer", auckland, Role.PARTNERSHIPS_OFFICER),
        "approver": _user("approver", auckland, Role.APPROVER),
        "security": _user("security", auckland, Role.SECURITY_OFFICER),
        "security2": _user("security2", auckland, Role.SECURITY_OFFICER, Role.APPROVER),
        "national": _user("national", None, Role.NATIONAL_COORDINATOR),
        "other_security": _user("othersecurity", dunedin, Role.SECURITY_OFFICER),
        "other_approver": _user("otherapprover", dunedin, Role.APPROVER),
    }


@pytest.fixture
def proposed(council: Council, staff: dict[str, User]) -> Any:
    partner = place_get_or_create(name="Qingdao", country_code="CN")
    return partnership_create(
        actor=staff["officer"],
        council=council,
        partner=partner,
        kind=PartnershipKind.SISTER_CITY,
        status=PartnershipStatus.PROPOSED,
        status_reason="Approach received",
        signed_on=dt.date(2024, 1, 1),
        published=True,
        partner_authority="Qingdao Municipal People's Government",
    )
