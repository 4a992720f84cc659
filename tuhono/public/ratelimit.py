"""A per-address limit on public form submissions, kept in Django's cache (no outside service)."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

DEFAULT_LIMIT = (5, 3600)  # submissions, per this many seconds


def client_address(request: HttpRequest) -> str:
    """The submitter's address. Behind a proxy, set TUHONO_TRUSTED_PROXY_HEADER (e.g. HTTP_X_REAL_IP)."""
    header = getattr(settings, "TUHONO_TRUSTED_PROXY_HEADER", "")
    if header and request.META.get(header):
        return request.META[header].split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "unknown")


def _key(scope: str, address: str) -> str:
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    return f"tuhono:ratelimit:{scope}:{digest}"


def rate_limited(request: HttpRequest, scope: str) -> bool:
    """True when this address has used up its submissions for `scope` in the current window."""
    limit, _ = getattr(settings, "TUHONO_FORM_RATE_LIMIT", DEFAULT_LIMIT)
    return (cache.get(_key(scope, client_address(request))) or 0) >= limit


def rate_limit_count(request: HttpRequest, scope: str) -> None:
    """Count one submission for this address."""
    _, window = getattr(settings, "TUHONO_FORM_RATE_LIMIT", DEFAULT_LIMIT)
    key = _key(scope, client_address(request))
    if cache.add(key, 1, timeout=window):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
