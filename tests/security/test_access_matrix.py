"""Every URL of the project × anonymous, each role and another council's staff.

Public pages answer everyone alike; back-office pages need sign-in; due diligence opens only
to the council's security officers and approvers; nobody ever gets a server error; and planted
canary strings in confidential fields never reach anyone who may not see them.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from conftest import otp_verified_client

from .canaries import ensure_rows, plant
from .urlmap import Route, all_routes

ACTORS = ["anonymous", "officer", "approver", "security", "national", "admin", "dunedin"]
VETTING_READERS = {"approver", "security"}
# URLs that change state on GET would be a bug of their own; these answer GET with a form or 405.
REDIRECT_OK = {301, 302, 303}


def _clients() -> dict[str, Client]:
    clients = {"anonymous": Client(raise_request_exception=False)}
    for username in ACTORS[1:]:
        clients[username] = otp_verified_client(username)
        clients[username].raise_request_exception = False
    return clients


def _body(response: Any) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


@pytest.fixture
def matrix(demo: None) -> dict[str, Any]:
    call_command("demo_two_factor", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    ensure_rows()
    planted, skipped = plant()
    routes = all_routes()
    clients = _clients()
    answers: dict[tuple[str, str], tuple[int, str, str]] = {}
    for route in routes:
        if route.url is None:
            continue
        for actor, client in clients.items():
            response = client.get(route.url)
            answers[(route.view_name, actor)] = (response.status_code, response.get("Location", ""), _body(response))
    return {"routes": routes, "answers": answers, "planted": planted, "skipped": skipped}


def _problems(routes: list[Route], answers: dict[tuple[str, str], tuple[int, str, str]]) -> list[str]:
    problems = []
    for route in routes:
        if route.url is None:
            continue
        status = {actor: answers[(route.view_name, actor)][0] for actor in ACTORS}
        where = f"{route.url} ({route.view_name})"
        for actor, code in status.items():
            if code >= 500:
                problems.append(f"{where}: {actor} got {code}")
        if not route.is_staff:
            if status["anonymous"] not in {200, 405} | REDIRECT_OK:
                problems.append(f"{where}: public page answered anonymous {status['anonymous']}")
            for actor, code in status.items():
                if code != status["anonymous"]:
                    problems.append(f"{where}: public page answered {actor} {code}, anonymous {status['anonymous']}")
            continue
        if route.is_sign_in:
            continue
        if status["anonymous"] == 200:
            problems.append(f"{where}: back-office page open to anonymous")
        elif status["anonymous"] in REDIRECT_OK:
            location = answers[(route.view_name, "anonymous")][1]
            if "login" not in location and "sign-in" not in location:
                problems.append(f"{where}: anonymous redirected to {location}, not to sign-in")
        if route.is_vetting:
            for actor in ACTORS:
                if actor not in VETTING_READERS and status[actor] == 200:
                    problems.append(f"{where}: due diligence open to {actor}")
        # A page about one of Auckland's records: Dunedin's staff never see it.
        about_one_record = route.names_home_object and not route.view_name.startswith(
            ("admin:app_list", "admin:view_on_site")
        )
        if about_one_record and status["dunedin"] == 200 and not _harmless_for_other_council(route):
            problems.append(f"{where}: another council's staff got 200")
    return problems


def _harmless_for_other_council(route: Route) -> bool:
    """Records every council's staff may read: the public register and shared reference data."""
    shared = ("admin:partnerships_", "admin:places_", "admin:councils_", "admin:watchlists_", "admin:auth_")
    if route.view_name == "staff:register_alliance":  # alliances and networks are shared, public records
        return True
    own = ("admin:accounts_user_password_change", "admin:otp_totp_", "admin:axes_")
    return route.view_name.startswith(shared) and not route.view_name.startswith(own)


@pytest.mark.slow
def test_every_url_answers_each_role_as_expected(matrix: dict[str, Any]) -> None:
    routes: list[Route] = matrix["routes"]
    unfilled = [f"{r.pattern} ({r.view_name}): {r.missing}" for r in routes if r.url is None]
    not_admin_unfilled = [u for u in unfilled if not u.startswith("admin/") and "not covered" not in u]
    assert not not_admin_unfilled, "Add a value for these URL parameters in tests/security/urlmap.py:\n" + "\n".join(
        not_admin_unfilled
    )
    checked = [r for r in routes if r.url is not None]
    assert len(checked) > 50, "the URL enumeration found too few patterns"
    problems = _problems(routes, matrix["answers"])
    assert not problems, "\n".join(problems)


@pytest.mark.slow
def test_confidential_canaries_reach_only_those_who_may_see_them(matrix: dict[str, Any]) -> None:
    planted = matrix["planted"]
    assert planted, f"no canary could be planted: {matrix['skipped']}"
    # The canaries are really visible somewhere to those who may see them, or the check proves nothing.
    leaks = []
    for (view_name, actor), (_status, _location, body) in matrix["answers"].items():
        for canary in planted:
            if actor in canary.may_see:
                continue
            for form in canary.forms():
                if form in body:
                    leaks.append(f"{canary.model}.{canary.field} ({form}) reached {actor} at {view_name}")
    assert not leaks, "\n".join(sorted(set(leaks)))
    seen_by_staff = {
        canary.model
        for canary in planted
        for (view_name, actor), (_s, _l, body) in matrix["answers"].items()
        if actor in canary.may_see and any(form in body for form in canary.forms())
    }
    assert seen_by_staff, "no canary appears even to staff who may see it: the pages were not really read"
