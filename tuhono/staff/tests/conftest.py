from __future__ import annotations

from typing import Any

import pytest
from django.apps import apps
from django.test import Client

from tuhono.accounts.models import User


def signed_in(username: str) -> Client:
    """A client signed in as a demo user, past two-factor sign-in where the project asks for it."""
    user = User.objects.get(username=username)
    client = Client()
    client.force_login(user)
    if apps.is_installed("django_otp"):
        from django_otp import DEVICE_ID_SESSION_KEY
        from django_otp.plugins.otp_totp.models import TOTPDevice

        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        device = device or TOTPDevice.objects.create(user=user, name="Test authenticator", confirmed=True)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


@pytest.fixture
def clients(demo: Any) -> dict[str, Client]:
    names = ["officer", "approver", "security", "national", "admin", "dunedin"]
    return {"anonymous": Client(), **{name: signed_in(name) for name in names}}
