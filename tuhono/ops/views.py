"""Operations endpoints (/healthz, /hello) and the two-factor pages staff meet at sign-in."""

from __future__ import annotations

import hmac
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django_otp.qr import write_qrcode_image

from tuhono.accounts.enums import Role
from tuhono.accounts.selectors import user_has_role

from . import twofactor
from .health import health_report
from .unavailable import RETRY_AFTER_SECONDS

HEALTH_TOKEN_HEADER = "X-Health-Token"  # noqa: S105 - the name of a header, not a secret


def _may_read_health_details(request: HttpRequest) -> bool:
    """Monitoring that sends the health token (TUHONO_HEALTH_TOKEN), or a signed-in member of staff."""
    token = settings.TUHONO_HEALTH_TOKEN
    sent = request.headers.get(HEALTH_TOKEN_HEADER, "")
    if token and sent and hmac.compare_digest(token.encode(), sent.encode()):
        return True
    return user_has_role(request.user, *Role.values)


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """For the load balancer and monitoring: 200 when the database answers, else 503.

    The public is told ok or not ok only; which lists are in force, and their versions,
    only monitoring with the token or signed-in staff.
    """
    healthy, report = health_report()
    if not _may_read_health_details(request):
        report = {"status": report["status"]}
    response = JsonResponse(report, status=200 if healthy else 503)
    if not healthy:
        response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def hello(request: HttpRequest) -> HttpResponse:
    """The smallest possible answer: the baseline that load tests compare every page with."""
    return HttpResponse(b"hello", content_type="text/plain")


class TokenForm(forms.Form):
    token = forms.RegexField(
        label="Six-digit code from your authenticator app",
        regex=r"^\s*\d{6}\s*$",
        max_length=12,
        error_messages={"invalid": "Enter the six digits your app shows now."},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/staff/"
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return "/staff/"


@never_cache
@login_required
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    if twofactor.device_confirmed(request.user):
        return redirect(f"{reverse('ops:two_factor_verify')}?{urlencode({'next': _next_url(request)})}")
    device = twofactor.device_pending(request.user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if twofactor.device_confirm(request=request, device=device, token=form.cleaned_data["token"].strip()):
            return redirect(_next_url(request))
        form.add_error("token", "That code did not match. Check the time on your phone and try the newest code.")
    return render(
        request,
        "ops/two_factor_setup.html",
        {"form": form, "device": device, "secret": twofactor.device_secret(device), "next": _next_url(request)},
    )


@never_cache
@login_required
def two_factor_qrcode(request: HttpRequest) -> HttpResponse:
    """The pending device's key as a QR code (SVG) for the authenticator app to scan."""
    if twofactor.device_confirmed(request.user):
        return HttpResponse(status=404)
    device = twofactor.device_pending(request.user)
    response = HttpResponse(content_type="image/svg+xml")
    write_qrcode_image(device.config_url, response)
    return response


@never_cache
@login_required
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    if not twofactor.device_confirmed(request.user):
        return redirect(f"{reverse('ops:two_factor_setup')}?{urlencode({'next': _next_url(request)})}")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if twofactor.token_verify(request=request, token=form.cleaned_data["token"].strip()):
            return redirect(_next_url(request))
        form.add_error("token", "That code did not match. Wait for the next code and try again.")
    return render(request, "ops/two_factor_verify.html", {"form": form, "next": _next_url(request)})
