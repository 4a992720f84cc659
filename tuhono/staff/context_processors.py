"""What every back-office page needs to know about the person signed in."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from tuhono.accounts.admin_site import user_may_administer


def back_office(request: HttpRequest) -> dict[str, Any]:
    """`may_administer`: show the link to Django's admin only to those it opens for (worked out when used)."""
    return {"may_administer": lambda: user_may_administer(getattr(request, "user", None))}
