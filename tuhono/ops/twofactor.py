"""Two-factor sign-in (TOTP): enrolling a device and confirming a code, with an audit trail."""

from __future__ import annotations

import base64
from typing import Any

import django_otp
from django.db import transaction
from django.http import HttpRequest
from django_otp.plugins.otp_totp.models import TOTPDevice

from tuhono.audit.actions import AuditAction
from tuhono.audit.services import audit_record

DEVICE_NAME = "Authenticator app"


def device_confirmed(user: Any) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def device_pending(user: Any) -> TOTPDevice:
    """The unconfirmed device the user is enrolling (made on first visit, kept until confirmed)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def device_secret(device: TOTPDevice) -> str:
    """The key in the base32 form authenticator apps ask for."""
    return base64.b32encode(device.bin_key).decode("ascii")


@transaction.atomic
def device_confirm(*, request: HttpRequest, device: TOTPDevice, token: str) -> bool:
    if not device.verify_token(token):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    django_otp.login(request, device)
    audit_record(
        actor=request.user,
        action=AuditAction.ACCOUNTS_TWO_FACTOR_ENROLLED,
        target=device,
        council_id=getattr(request.user, "council_id", None),
    )
    return True


def token_verify(*, request: HttpRequest, token: str) -> bool:
    device = django_otp.match_token(request.user, token)
    if device is None:
        return False
    django_otp.login(request, device)
    return True
