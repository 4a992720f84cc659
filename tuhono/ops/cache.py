"""The public page cache: which pages are cached, and the register version that keys them.

The version is the audit chain's sequence number. Every service that changes the register
writes an audit event, and appending one advances the sequence under a row lock, so the
version changes in the same transaction as the data: a cached page is never served after
the change it depends on has been committed. Entries also expire after a few minutes, for
changes made outside the services.
"""

from __future__ import annotations

from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import Resolver404, get_resolver

# Headers worth keeping with a cached answer; the outer middleware adds the security headers again.
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Content-Language", "Access-Control-Allow-Origin")


def register_version() -> int:
    from tuhono.audit.models import AuditChainHead

    sequence = AuditChainHead.objects.filter(pk=1).values_list("sequence", flat=True).first()
    return int(sequence or 0)


@lru_cache(maxsize=4096)
def cached_url_name(path: str) -> str | None:
    """The URL name of `path` if its answers may be cached, else None."""
    try:
        match = get_resolver().resolve(path)
    except Resolver404:
        return None
    return match.view_name if match.view_name in settings.TUHONO_CACHED_URL_NAMES else None


def page_get(key: str) -> HttpResponse | None:
    stored = cache.get(key)
    if stored is None:
        return None
    status, headers, content = stored
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response.headers[name] = value
    response.headers["X-Cache"] = "hit"
    return response


def page_set(key: str, response: HttpResponse) -> None:
    headers = [(name, response.headers[name]) for name in KEPT_HEADERS if name in response.headers]
    cache.set(key, (response.status_code, headers, response.content), settings.TUHONO_PUBLIC_CACHE_SECONDS)
