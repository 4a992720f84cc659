"""Site-wide request handling: the Permissions-Policy header, two-factor enforcement, the public page cache,
and a clear "try again" answer while the database is unavailable."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseNotModified, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse

from tuhono.ops import cache as register_cache
from tuhono.ops.unavailable import database_unavailable_response

Handler = Callable[[HttpRequest], HttpResponseBase]


class NulCharacterMiddleware:
    """Refuse a request whose parameters hold a NUL character, before anything reads them.

    No form or filter has a use for one, and PostgreSQL cannot store or compare it: left to the
    views, it would become a server error deep in a query instead of a clear 400.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if (
            "\x00" in request.path
            or self._has_nul(request.GET)
            or (request.method == "POST" and self._has_nul(request.POST))
        ):
            if request.path.startswith("/api/"):
                return JsonResponse(
                    {
                        "error": "Some parameters are not valid.",
                        "details": {"parameters": "NUL characters are not allowed."},
                    },
                    status=400,
                )
            return HttpResponse("Bad request: NUL characters are not allowed.", status=400, content_type="text/plain")
        return self.get_response(request)

    @staticmethod
    def _has_nul(params: Any) -> bool:
        return any("\x00" in key or any("\x00" in value for value in params.getlist(key)) for key in params)


PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


class PermissionsPolicyMiddleware:
    """Adds Permissions-Policy to every answer (Content-Security-Policy comes from django-csp)."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class DatabaseUnavailableMiddleware:
    """While the database is restarting or unreachable, answer 503 with Retry-After instead of 500.

    Django closes the broken connection at the end of the request (CONN_HEALTH_CHECKS is on),
    so the next request opens a fresh one: the site recovers by itself. Errors raised outside
    the view (middleware, templates) reach `config.urls.handler500`, which answers the same way.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, OperationalError | InterfaceError):
            return database_unavailable_response(request, exception)
        return None


def two_factor_required(user: Any) -> bool:
    from tuhono.accounts.selectors import user_has_role

    return user_has_role(user, *settings.TUHONO_TWO_FACTOR_ROLES)


class TwoFactorRequiredMiddleware:
    """Approvers, security officers and administrators confirm a TOTP code before any back-office or admin page.

    Needs django_otp's OTPMiddleware before it (which gives `request.user.is_verified()`).
    A signed-in user without a device is sent to set one up; with a device, to enter a code.
    """

    EXEMPT = ("/admin/logout/", "/staff/sign-out/", "/staff/sign-in/")

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        path = request.path_info
        if any(path.startswith(prefix) for prefix in settings.TUHONO_TWO_FACTOR_PATHS) and not path.startswith(
            self.EXEMPT
        ):
            user = request.user
            if user.is_authenticated and two_factor_required(user) and not user.is_verified():  # type: ignore[union-attr,attr-defined]
                from django_otp import devices_for_user

                has_device = any(True for _ in devices_for_user(user, confirmed=True))
                target = reverse("ops:two_factor_verify" if has_device else "ops:two_factor_setup")
                return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


class PublicPageCacheMiddleware:
    """Serves the public register pages, map data and API from a cache keyed on the register version.

    Only anonymous GETs to the URL names in TUHONO_CACHED_URL_NAMES, answered 200 without
    setting a cookie or using a CSRF token, are stored. The version is the published register's
    own, which only a change to published content advances (tuhono/ops/cache.py), so such a change
    is visible at once; entries also expire after TUHONO_PUBLIC_CACHE_SECONDS.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        key = self._key(request)
        if key is None:
            return self.get_response(request)
        tag = register_cache.etag(key)
        if tag in {held.strip() for held in request.headers.get("If-None-Match", "").split(",")}:
            # The visitor already holds this version of the answer (the map data of a whole
            # register, say): say so in a few bytes instead of sending it again.
            not_modified = HttpResponseNotModified()
            not_modified.headers["ETag"] = tag
            return not_modified
        gzip_accepted = register_cache.accepts_gzip(request)
        cached = register_cache.page_get(key, gzip=gzip_accepted)
        if cached is not None:
            return cached
        response = self.get_response(request)
        if (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and isinstance(response, HttpResponse)
        ):
            compressed = register_cache.page_set(key, response)
            if compressed is not None and gzip_accepted:
                response.content = compressed
                response.headers["Content-Encoding"] = "gzip"
        return response

    def _key(self, request: HttpRequest) -> str | None:
        if request.method != "GET" or settings.TUHONO_PUBLIC_CACHE_SECONDS <= 0:
            return None
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            return None  # staff, or anyone with a session: never cached, never served from the cache
        url_name = register_cache.cached_url_name(request.path_info)
        if url_name is None:
            return None
        query = urlencode(sorted(request.GET.lists()), doseq=True)
        raw = f"{request.LANGUAGE_CODE}|{request.get_host()}|{request.path_info}|{query}"
        digest = hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()
        try:
            version = register_cache.register_version()
        except (OperationalError, InterfaceError):
            return None  # no cache while the database is away: the view answers "try again"
        register_cache.note_version(version)
        return f"page:{version}:{digest}"
