"""The statements every New Zealand government site carries (privacy, copyright) and the language switch."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language


def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "public/privacy.html", {"contact_email": settings.TUHONO_CONTACT_EMAIL})


def copyright(request: HttpRequest) -> HttpResponse:
    return render(request, "public/copyright.html")


def language(request: HttpRequest) -> HttpResponse:
    """Switch the interface language with a plain link and come back to the same page.

    A link rather than Django's set_language form: a form needs a CSRF token on every page,
    which would keep the public pages out of the page cache. Choosing a language changes
    nothing but a preference cookie.
    """
    next_url = request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    code = request.GET.get("language", "")
    if code in dict(settings.LANGUAGES) and check_for_language(code):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            code,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE or request.is_secure(),
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE or "Lax",
        )
    return response
