"""The visits permissions table: the services refuse exactly whom the staff pages hide an action from."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.db import transaction

from tuhono.visits import services
from tuhono.visits.permissions import PERMISSIONS, REFUSALS, Action, may
from tuhono.visits.services.workflow import TRANSITIONS

pytestmark = pytest.mark.django_db


def test_every_action_and_every_workflow_move_has_its_roles_and_its_refusal():
    assert set(PERMISSIONS) == set(Action) == set(REFUSALS)
    assert set(TRANSITIONS) <= set(Action)


def _taken(call, person, visit) -> bool:
    """Whether the service let the person act (rolled back, so each person starts from the same visit)."""
    try:
        with transaction.atomic():
            call(person, visit)
            raise _Undo
    except _Undo:
        return True
    except PermissionDenied:
        return False


class _Undo(Exception):
    pass


@pytest.mark.parametrize(
    ("action", "call", "allowed"),
    [
        (Action.TRIAGE, lambda who, visit: services.visit_triage(actor=who, visit=visit), {"officer"}),
        (
            Action.DECLINE,
            lambda who, visit: services.visit_decline(actor=who, visit=visit, reason="Too little notice"),
            {"approver"},
        ),
        (
            Action.RECORD,
            lambda who, visit: services.cost_add(
                actor=who, visit=visit, description="Dinner", amount_nzd=Decimal("120"), paid_by="council"
            ),
            {"officer"},
        ),
        (Action.DESK, lambda who, visit: services.desk_assign(actor=who, item=visit, owner=None), {"officer"}),
    ],
)
def test_the_service_lets_act_exactly_those_the_table_names(make_visit, staff, action, call, allowed):
    visit = make_visit()
    for name, person in staff.items():
        shown = may(person, action, visit.council_id)
        assert shown == (name in allowed), name
        assert _taken(call, person, visit) == shown, name
