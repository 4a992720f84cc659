"""Who may open the back office at all. Who may take each action there is each domain's `permissions` table."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from tuhono.accounts.enums import Role
from tuhono.accounts.selectors import user_has_role


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
