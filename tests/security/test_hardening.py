"""Security headers, production settings, sign-in throttling and two-factor sign-in."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tuhono.accounts.demo import DEMO_PASSWORD

ROOT = Path(__file__).resolve().parents[2]
SIGN_IN = "/staff/sign-in/"
PRODUCTION_ENV = {
    "DJANGO_ENV": "production",
    "DJANGO_SECRET_KEY": "k" * 20 + "production-test-secret-that-is-long-and-random-0123456789",
    "DJANGO_ALLOWED_HOSTS": "partnerships.example.govt.nz",
}


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))}
    full_env.update(env)
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args], cwd=ROOT, env=full_env, capture_output=True, text=True, check=False
    )


@pytest.mark.slow
def test_production_settings_pass_the_deployment_checklist() -> None:
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.slow
def test_production_refuses_to_start_without_a_secret_key() -> None:
    env = {**PRODUCTION_ENV, "DJANGO_SECRET_KEY": ""}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


@pytest.mark.parametrize("path", ["/partnerships/", "/api/partnerships", "/admin/login/", "/healthz"])
def test_every_answer_carries_a_strict_content_security_policy(client: Client, db: None, path: str) -> None:
    response = client.get(path)
    policy = response["Content-Security-Policy"]
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "script-src 'self'" in policy and "style-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_no_template_has_inline_script_style_or_event_handler() -> None:
    """A strict CSP would silently break them in the browser."""
    offenders = []
    inline_script = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
    inline_other = re.compile(r"<style\b|\sstyle=|\son[a-z]+=|javascript:", re.IGNORECASE)
    for template in [*ROOT.glob("templates/**/*.html"), *ROOT.glob("tuhono/**/templates/**/*.html")]:
        text = template.read_text(encoding="utf-8")
        for pattern in (inline_script, inline_other):
            for match in pattern.finditer(text):
                if 'type="application/json"' in match.group(0) or "application/ld+json" in match.group(0):
                    continue  # data blocks are not executed
                offenders.append(f"{template.relative_to(ROOT)}: {match.group(0)}")
    assert not offenders, "\n".join(offenders)


def test_sign_in_is_locked_after_five_failures_even_with_the_right_password(client: Client, demo: None) -> None:
    for _ in range(4):
        response = client.post(SIGN_IN, {"username": "officer", "password": "wrong"})
        assert response.status_code == 200  # the form again, with an error
    assert client.post(SIGN_IN, {"username": "officer", "password": "wrong"}).status_code == 429
    response = client.post(f"{SIGN_IN}?next=/staff/", {"username": "officer", "password": DEMO_PASSWORD})
    assert response.status_code == 429
    assert b"Sign-in paused" in response.content
    other = Client(REMOTE_ADDR="10.9.9.9")
    response = other.post(f"{SIGN_IN}?next=/staff/", {"username": "officer", "password": DEMO_PASSWORD})
    assert response.status_code == 302  # another address is not locked out


def _sign_in(username: str) -> Client:
    client = Client()
    response = client.post(f"{SIGN_IN}?next=/staff/", {"username": username, "password": DEMO_PASSWORD})
    assert response.status_code == 302, response.content[:500]
    return client


def test_an_approver_must_enrol_an_authenticator_before_any_back_office_page(demo: None) -> None:
    client = _sign_in("approver")
    response = client.get("/staff/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("ops:two_factor_setup"))
    setup = client.get(response["Location"])
    assert setup.status_code == 200 and b"Set up two-step sign-in" in setup.content
    assert client.get(reverse("ops:two_factor_qrcode"))["Content-Type"] == "image/svg+xml"
    device = TOTPDevice.objects.get(user__username="approver", confirmed=False)
    wrong = client.post(response["Location"], {"token": "000000" if totp(device.bin_key) else "111111"})
    assert b"did not match" in wrong.content
    device.refresh_from_db()
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()
    done = client.post(response["Location"], {"token": f"{totp(device.bin_key):06d}", "next": "/staff/"})
    assert done.status_code == 302 and done["Location"] == "/staff/"
    assert client.get("/staff/").status_code == 200
    # Django's admin stays closed to an approver, second factor or not.
    assert client.get("/admin/")["Location"].startswith("/admin/login/")


def test_a_security_officer_with_a_device_is_asked_for_a_code_each_sign_in(demo: None) -> None:
    device = TOTPDevice.objects.create(user=_user("security"), name="phone", confirmed=True)
    client = _sign_in("security")
    response = client.get("/staff/")
    assert response["Location"].startswith(reverse("ops:two_factor_verify"))
    assert client.get("/staff/visits/").status_code == 302
    done = client.post(response["Location"], {"token": f"{totp(device.bin_key):06d}", "next": "/staff/"})
    assert done.status_code == 302 and done["Location"] == "/staff/"
    assert client.get("/staff/visits/").status_code == 200


def test_an_officer_signs_in_with_a_password_alone(demo: None) -> None:
    client = _sign_in("officer")
    page = client.get("/staff/")
    assert page.status_code == 200
    assert b'href="/admin/"' not in page.content  # no link to an admin that would refuse them
    signed_out = client.post(reverse("staff:sign_out"))
    assert signed_out.status_code == 302 and signed_out["Location"] == SIGN_IN
    assert client.get("/staff/")["Location"].startswith(SIGN_IN)


def test_an_administrator_needs_a_second_factor_before_the_admin(demo: None) -> None:
    device = TOTPDevice.objects.create(user=_user("admin"), name="phone", confirmed=True)
    client = _sign_in("admin")
    response = client.get("/admin/")
    assert response["Location"].startswith(reverse("ops:two_factor_verify"))
    client.post(response["Location"], {"token": f"{totp(device.bin_key):06d}", "next": "/admin/"})
    assert client.get("/admin/").status_code == 200
    assert b'href="/admin/"' in client.get("/staff/").content


@pytest.mark.parametrize("username", ["officer", "approver", "security", "national", "dunedin"])
def test_djangos_admin_refuses_every_role_but_the_administrator(demo: None, username: str) -> None:
    from conftest import otp_verified_client

    client = otp_verified_client(username)
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert client.get("/admin/audit/auditevent/").status_code == 302
    signing_in = Client().post("/admin/login/?next=/admin/", {"username": username, "password": DEMO_PASSWORD})
    assert signing_in.status_code == 200 and b"administrator" in signing_in.content


def test_the_two_factor_page_only_returns_to_this_site(demo: None) -> None:
    device = TOTPDevice.objects.create(user=_user("approver"), name="phone", confirmed=True)
    client = _sign_in("approver")
    done = client.post(
        reverse("ops:two_factor_verify"), {"token": f"{totp(device.bin_key):06d}", "next": "https://evil.example/"}
    )
    assert done["Location"] == "/staff/"


def _user(username: str):  # type: ignore[no-untyped-def]
    from tuhono.accounts.models import User

    return User.objects.get(username=username)


@pytest.mark.django_db
def test_a_nul_character_in_a_parameter_is_a_clear_400_not_a_server_error(client):
    assert client.get("/api/map.geojson", {"council": "\x00"}).status_code == 400
    assert client.get("/api/partnerships", {"focus": "a\x00b"}).json()["details"]["parameters"]
    assert client.get("/partnerships/", {"q": "\x00"}).status_code == 400
    assert client.post("/feedback/", {"comments": "hello\x00"}).status_code == 400
    assert client.get("/partnerships/", {"q": "fine"}).status_code == 200
