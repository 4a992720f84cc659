"""The public page cache: which pages are cached, and the register version that keys them.

The version is the published register's own (tuhono/core/register.py): the services that change
published partnerships, milestones, councils and imports move it in the same transaction as the
data, so a cached page is never served after the change it depends on has been committed. Nothing
else moves it: a public form, a visit's progress or a due-diligence step leaves every public answer
and its ETag as they were. Entries also expire after a few minutes, for changes made outside the
services.
"""

from __future__ import annotations

import gzip as gzip_module
from functools import lru_cache

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import BaseCache
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, get_resolver
from django.utils.cache import patch_vary_headers

# Headers worth keeping with a cached answer; the outer middleware adds the security headers again.
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Content-Language", "Access-Control-Allow-Origin")


def pages() -> BaseCache:
    """The page cache's own store, apart from the default cache (rate limits), so that it can be emptied."""
    return caches[settings.TUHONO_PAGE_CACHE_ALIAS]


_version_seen: int | None = None


def note_version(version: int) -> None:
    """Empty this process's page cache when the register version moves on.

    Entries of an earlier version can never be served again, and some are large (the map data
    of a whole register): left to expire, they would hold memory until someone asked for them.
    """
    global _version_seen
    if version != _version_seen:
        if _version_seen is not None:
            pages().clear()
        _version_seen = version


def register_version() -> int:
    from tuhono.core.register import register_version as published_version

    return published_version()


@lru_cache(maxsize=4096)
def cached_url_name(path: str) -> str | None:
    """The URL name of `path` if its answers may be cached, else None."""
    try:
        match = get_resolver().resolve(path)
    except Resolver404:
        return None
    return match.view_name if match.view_name in settings.TUHONO_CACHED_URL_NAMES else None


# Answers this large or larger are also kept gzip-compressed, once, for the clients that accept it
# (every browser): the map data of a national register shrinks about ten times. Only anonymous
# answers without a token or a cookie are cached, so compressing them leaks nothing (BREACH).
GZIP_MIN_BYTES = 1024
COMPRESSIBLE_TYPES = ("text/", "application/json", "application/geo+json", "application/vnd.oai.openapi+json")


def accepts_gzip(request: HttpRequest) -> bool:
    return any(
        coding.split(";")[0].strip() == "gzip" and not coding.replace(" ", "").endswith(";q=0")
        for coding in request.headers.get("Accept-Encoding", "").split(",")
    )


def etag(key: str) -> str:
    # Weak: the identity and gzip answers are the same representation for revalidation.
    return 'W/"' + key.split(":", 1)[1].replace(":", "-")[:48] + '"'


def page_get(key: str, *, gzip: bool = False) -> HttpResponse | None:
    store = pages()
    stored = store.get(key)
    if stored is None:
        # Expired (or never stored): drop its bodies now, before the answer is made again, so that
        # a worker never holds the old and the new copy of a large answer at once.
        store.delete_many([key + ":body", key + ":gz"])
        return None
    status, headers, has_gzip = stored
    content = store.get(key + ":gz" if gzip and has_gzip else key + ":body")
    if content is None:
        return None  # evicted between the two reads: render afresh
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response.headers[name] = value
    if gzip and has_gzip:
        response.headers["Content-Encoding"] = "gzip"
    if has_gzip:
        patch_vary_headers(response, ["Accept-Encoding"])
    response.headers["ETag"] = etag(key)
    response.headers["X-Cache"] = "hit"
    return response


def page_set(key: str, response: HttpResponse) -> bytes | None:
    """Store an answer; return its gzip-compressed body when one was made."""
    headers = [(name, response.headers[name]) for name in KEPT_HEADERS if name in response.headers]
    content = response.content
    content_type = response.headers.get("Content-Type", "")
    compress = len(content) >= GZIP_MIN_BYTES and content_type.startswith(COMPRESSIBLE_TYPES)
    seconds = settings.TUHONO_PUBLIC_CACHE_SECONDS
    # The body first and the entry last, so a reader who finds the entry finds its body.
    compressed = gzip_module.compress(content, compresslevel=6, mtime=0) if compress else None
    store = pages()
    store.set(key + ":body", content, seconds)
    if compressed is not None:
        store.set(key + ":gz", compressed, seconds)
    store.set(key, (response.status_code, headers, compressed is not None), seconds)
    response.headers["ETag"] = etag(key)
    if compressed is not None:
        patch_vary_headers(response, ["Accept-Encoding"])
    return compressed
