"""Where other modules plug into the visit workflow without visits importing them.

Due diligence registers an approval check at start-up (in its AppConfig.ready()):

    from tuhono.visits.hooks import register_approval_check
    register_approval_check(vetting_holds_for_visit)

A check takes a Visit and returns the reasons it must not be approved yet (an
empty list when it is clear). `visit_approve` and `visit_schedule` refuse while
any check returns a reason.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import Visit

ApprovalCheck = Callable[["Visit"], list[str]]

_approval_checks: list[ApprovalCheck] = []


def register_approval_check(check: ApprovalCheck) -> None:
    """Add a check that can hold a visit's approval. Registering the same function twice is harmless."""
    if check not in _approval_checks:
        _approval_checks.append(check)


def unregister_approval_check(check: ApprovalCheck) -> None:
    if check in _approval_checks:
        _approval_checks.remove(check)


def approval_checks() -> list[ApprovalCheck]:
    return list(_approval_checks)


def approval_holds(visit: Visit, extra: ApprovalCheck | None = None) -> list[str]:
    """Every reason, from every registered check (and `extra`), that holds this visit's approval."""
    reasons: list[str] = []
    for check in [*_approval_checks, *([extra] if extra else [])]:
        reasons.extend(check(visit))
    return reasons
