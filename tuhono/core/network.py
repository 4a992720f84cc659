"""The address of the person making a request, as the trusted proxies in front of the site saw it.

Behind DJANGO_TRUSTED_PROXY_COUNT proxies, each appends the address it received the request from
to X-Forwarded-For, so the client is that many entries from the right; anything further left was
written by the client and is not believed. With no trusted proxy the header is ignored entirely
and the address is the connection's own (REMOTE_ADDR).

Used by the public forms' rate limits (django-ratelimit) and by sign-in throttling (django-axes).
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest

UNKNOWN = "0.0.0.0"  # noqa: S104 - a placeholder address, never bound to  # nosec B104


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_address(request: HttpRequest) -> str:
    remote = _valid(request.META.get("REMOTE_ADDR", "")) or UNKNOWN
    hops = settings.TUHONO_TRUSTED_PROXY_COUNT
    if hops <= 0:
        return remote
    forwarded = [entry for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if entry.strip()]
    if not forwarded:
        return remote
    # Fewer entries than proxies: the request passed through fewer of them; the furthest one we have.
    entry = forwarded[-hops] if len(forwarded) >= hops else forwarded[0]
    return _valid(entry) or remote
