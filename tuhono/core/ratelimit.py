"""Rate limits on the public forms, counted in a cache every worker shares (django-ratelimit).

The count is kept in the `ratelimit` cache (settings.CACHES): the database by default, Redis when
REDIS_URL is set. The address is the one the trusted proxies saw (tuhono/core/network.py).
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django_ratelimit.core import is_ratelimited


def form_rate_limited(request: HttpRequest, form: str) -> bool:
    """Count one accepted submission of `form` from this address; True once it is over the limit.

    Call it when a submission is about to be recorded, so that a form sent back with errors does
    not use up the limit.
    """
    return is_ratelimited(
        request,
        group=f"public-form:{form}",
        key="ip",
        rate=settings.TUHONO_PUBLIC_FORM_RATE,
        method="POST",
        increment=True,
    )
