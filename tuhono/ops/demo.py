"""Known authenticator keys for the demo approver and security officer, so a new user can sign in
as them without a phone (`make run` prints the key; `manage.py totp_code approver` prints a code)."""

from __future__ import annotations

import base64

from django.db import transaction
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tuhono.accounts.models import User

DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # noqa: S105 - published demo key, refused in production
DEMO_DEVICE_NAME = "Demo authenticator"
DEMO_TWO_FACTOR_USERS = ["approver", "security"]


@transaction.atomic
def demo_two_factor_load() -> str:
    hex_key = base64.b32decode(DEMO_TOTP_SECRET).hex()
    added = 0
    for user in User.objects.filter(username__in=DEMO_TWO_FACTOR_USERS):
        _, created = TOTPDevice.objects.get_or_create(
            user=user, name=DEMO_DEVICE_NAME, defaults={"key": hex_key, "confirmed": True}
        )
        added += created
    return f"{added} demo authenticators added for {', '.join(DEMO_TWO_FACTOR_USERS)}"


def demo_code(*, username: str) -> str | None:
    device = TOTPDevice.objects.filter(user__username=username, name=DEMO_DEVICE_NAME).first()
    if device is None:
        return None
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift)
    return f"{code:0{device.digits}d}"
