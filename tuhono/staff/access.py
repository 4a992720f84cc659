"""Who may open the back office, and the helpers views use to refuse the rest."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from tuhono.accounts.enums import Role
from tuhono.accounts.selectors import user_has_role, user_may_edit_council

EDITORS = (Role.PARTNERSHIPS_OFFICER, Role.ADMINISTRATOR)
BRIEFERS = (Role.PARTNERSHIPS_OFFICER, Role.SECURITY_OFFICER, Role.ADMINISTRATOR)


def staff_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Signed-in staff holding a role; others are sent to sign in (anonymous) or refused (403)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not user_has_role(request.user, *Role.values):
            raise PermissionDenied("The back office is for council staff.")
        return view(request, *args, **kwargs)

    return wrapped


def may_edit(user: Any, council_id: int, *roles: str) -> bool:
    return user_may_edit_council(user, council_id) and user_has_role(user, *(roles or EDITORS))


def require_edit(user: Any, council_id: int, *roles: str) -> None:
    if not may_edit(user, council_id, *roles):
        raise PermissionDenied("You cannot change this council's records.")
