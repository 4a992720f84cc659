"""Public forms are limited per visitor address, and the address is the one the trusted proxies saw."""

from __future__ import annotations

import pytest
from django.test import Client

from tuhono.councils.models import PartnerSeeking
from tuhono.visits.models import PublicMessage

PROXY = "10.0.0.2"


def _seeking(name: str) -> dict[str, str]:
    return {
        "who": PartnerSeeking.Who.ABROAD,
        "place_name": "Valparaíso",
        "country": "CL",
        "interests": "Ports, education and culture.",
        "contact_name": name,
        "contact_email": "someone@example.cl",
    }


def _enquiry(name: str) -> dict[str, str]:
    return {"name": name, "email": "ana@example.pt", "subject": "Partnership", "message": "Can we talk?"}


@pytest.fixture
def limit_two(settings):  # type: ignore[no-untyped-def]
    settings.TUHONO_PUBLIC_FORM_RATE = "2/h"


def test_partner_seeking_accepts_a_few_requests_from_one_address(client, db, limit_two) -> None:
    answers = [client.post("/partner-seeking/", _seeking(f"Person {n}")).status_code for n in range(3)]
    assert answers == [302, 302, 429]
    assert PartnerSeeking.objects.filter(interests="Ports, education and culture.").count() == 2
    assert "Too many requests" in client.post("/partner-seeking/", _seeking("Again")).content.decode()


def test_a_form_sent_back_with_errors_does_not_use_up_the_limit(client, db, limit_two) -> None:
    for _ in range(3):
        assert client.post("/partner-seeking/", {}).status_code == 200
    assert client.post("/partner-seeking/", _seeking("Person")).status_code == 302


def test_each_form_has_its_own_limit(client, demo, limit_two) -> None:
    for n in range(2):
        assert client.post("/partner-seeking/", _seeking(f"Person {n}")).status_code == 302
    assert client.post("/enquiries/", _enquiry("Ana")).status_code == 302


def test_two_visitors_behind_the_trusted_proxy_are_limited_separately(demo, limit_two, settings) -> None:
    settings.TUHONO_TRUSTED_PROXY_COUNT = 1
    first = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.5")
    # What a visitor writes in the header themselves is left of what the proxy appended: not believed.
    first_spoofing = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.77, 203.0.113.5")
    second = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.6")
    assert [first.post("/enquiries/", _enquiry(f"A{n}")).status_code for n in range(2)] == [302, 302]
    assert first.post("/enquiries/", _enquiry("A3")).status_code == 429
    assert first_spoofing.post("/enquiries/", _enquiry("A4")).status_code == 429
    assert second.post("/enquiries/", _enquiry("B1")).status_code == 302
    assert PublicMessage.objects.filter(email="ana@example.pt").count() == 3


def test_a_forwarded_for_header_is_ignored_without_a_trusted_proxy(demo, limit_two, settings) -> None:
    settings.TUHONO_TRUSTED_PROXY_COUNT = 0
    answers = [
        Client(REMOTE_ADDR="192.0.2.10", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
        .post("/enquiries/", _enquiry(f"Spoofer {n}"))
        .status_code
        for n in range(4)
    ]
    assert answers == [302, 302, 429, 429]


def test_sign_in_lock_out_is_per_visitor_behind_the_proxy(demo, settings) -> None:
    settings.TUHONO_TRUSTED_PROXY_COUNT = 1
    attacker = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.66")
    colleague = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.7")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attacker.post("/staff/sign-in/", {"username": "officer", "password": "wrong"})
    locked = attacker.post("/staff/sign-in/", {"username": "officer", "password": "tuhono-demo-2026"})
    assert locked.status_code == 429
    signed_in = colleague.post("/staff/sign-in/", {"username": "officer", "password": "tuhono-demo-2026"})
    assert signed_in.status_code == 302
