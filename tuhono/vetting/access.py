"""Who may see and change due-diligence records: the council's security officers and approvers only.

The national coordinator, administrators, partnerships officers and every
other council see nothing of it. Interfaces and services both ask here.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from tuhono.accounts.enums import Role
from tuhono.accounts.selectors import user_has_role

VETTING_ROLES = (Role.SECURITY_OFFICER, Role.APPROVER)


def _of_council(user: Any, council_id: int | None) -> bool:
    return (
        getattr(user, "is_authenticated", False)
        and council_id is not None
        and getattr(user, "council_id", None) == council_id
    )


def user_may_read_vetting(user: Any, council_id: int | None = None) -> bool:
    """A security officer or approver; of `council_id` when given."""
    if not user_has_role(user, *VETTING_ROLES) or getattr(user, "council_id", None) is None:
        return False
    return council_id is None or _of_council(user, council_id)


def user_may_work_vetting(user: Any, council_id: int | None) -> bool:
    """Screen, work alerts, assess, record advice and notices: the council's security officers."""
    return user_has_role(user, Role.SECURITY_OFFICER) and _of_council(user, council_id)


def user_may_decide(user: Any, council_id: int | None) -> bool:
    """Sign off a decision: the council's approvers."""
    return user_has_role(user, Role.APPROVER) and _of_council(user, council_id)


def require_worker(actor: Any, council_id: int | None) -> None:
    """Refuse a person who is not a security officer of this council. `None` is the system (sweeps, commands)."""
    if actor is not None and not user_may_work_vetting(actor, council_id):
        raise PermissionDenied("Only the council's security officers may do this.")


def require_reader(actor: Any, council_id: int | None) -> None:
    if actor is not None and not user_may_read_vetting(actor, council_id):
        raise PermissionDenied("Only the council's security officers and approvers may do this.")
