"""Fixtures shared by every test: demo data, staff in each role, and a real browser."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls from
# that thread are still synchronous, so the async-safety guard does not apply.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
AXE_JS = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


@pytest.fixture
def demo(db: Any, tmp_path_factory: Any) -> None:
    """The demonstration register and staff accounts, loaded through the services (once per session, then
    the same rows put back: tests/demo_snapshot.py)."""
    from django.core.management import call_command

    from tests.demo_snapshot import demo_load_for_test

    def load() -> None:
        with open(os.devnull, "w") as quiet:
            call_command("load_demo", verbosity=0, stdout=quiet)

    demo_load_for_test(load, lambda: tmp_path_factory.mktemp("demo-snapshot"))


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Any, live_server: Any) -> Iterator[Any]:
    """A fresh browser page that fails the test if the site asks for anything from another origin."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-NZ")
    foreign: list[str] = []
    own = urlparse(live_server.url).netloc

    def guard(route: Any) -> None:
        url = route.request.url
        if urlparse(url).scheme in ("data", "blob") or urlparse(url).netloc == own:
            route.continue_()
        else:
            foreign.append(url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not foreign, f"The page asked another origin for: {foreign}"
    assert not errors, f"JavaScript errors on the page: {errors}"


def axe_violations(page: Any, *, exclude_rules: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Run axe-core in the page with the WCAG 2.2 AA tags; return the violations.

    axe is evaluated through the DevTools protocol: the site's Content-Security-Policy
    (script-src 'self') rightly blocks an injected <script> tag.
    """
    # A click that navigates returns before the new page's stylesheets and scripts have run:
    # judge the page as a person sees it, once it has loaded.
    page.wait_for_load_state("load")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate("() => { " + AXE_JS.read_text(encoding="utf-8") + "\n}")
    result = page.evaluate("async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    return [v for v in result["violations"] if v["id"] not in exclude_rules]


def describe_violations(violations: list[dict[str, Any]]) -> str:
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:5]}" for v in violations
    )


@pytest.fixture(autouse=True)
def _public_cache_off(settings: Any) -> Iterator[None]:
    """Tests see every change at once: the public page cache is off unless a test turns it on.
    Passwords are hashed with a fast hasher.

    The rate-limit counts live in a database table that outlives a test's transaction: each test
    counts under its own key prefix, so no test starts with another's submissions counted.
    """
    import uuid

    from django.core.cache import caches
    from django.core.cache.backends.db import BaseDatabaseCache

    settings.TUHONO_PUBLIC_CACHE_SECONDS = 0
    # A password hash costs a quarter of a second by design; the tests make hundreds of accounts.
    # Sign-in, lock-out and two-step tests still run through the real authentication backends.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.CACHES = {
        **settings.CACHES,
        "ratelimit": {**settings.CACHES["ratelimit"], "KEY_PREFIX": uuid.uuid4().hex},
    }

    def clear_memory_caches() -> None:
        for store in caches.all():
            if not isinstance(store, BaseDatabaseCache):
                store.clear()

    clear_memory_caches()
    yield
    clear_memory_caches()


@pytest.fixture(autouse=True)
def _screening_index_per_test(settings: Any, tmp_path_factory: Any) -> Iterator[None]:
    """Each test builds its screening index in its own folder (test databases reuse primary keys),
    and background tasks run at once unless a test queues them to watch the pending state."""
    from tuhono.watchlists.services.index_build import forget_mapped

    settings.TUHONO_SCREENING_INDEX_DIR = str(tmp_path_factory.mktemp("screening-index"))
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    forget_mapped()
    yield
    forget_mapped()


def otp_verified_client(username: str) -> Any:
    """A test client signed in as `username` whose session has passed two-factor sign-in."""
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tuhono.accounts.models import User

    user = User.objects.get(username=username)
    client = Client()
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Test authenticator", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@pytest.fixture
def staff_client(db: Any) -> Any:
    """`staff_client("approver")`: a client signed in with password and two-factor code, as staff would be."""
    return otp_verified_client


def administrator_client(username: str, council_slug: str | None = "auckland", *roles: str) -> Any:
    """A client for an administrator (not a superuser) of a council, or national with no council, who has
    passed two-factor sign-in. `roles` are held besides the administrator role."""
    from django.contrib.auth.models import Group

    from tuhono.accounts.models import User
    from tuhono.councils.models import Council

    user, _ = User.objects.get_or_create(
        username=username,
        defaults={
            "first_name": "Test",
            "last_name": "Administrator",
            "council": Council.objects.get(slug=council_slug) if council_slug else None,
            "is_staff": True,
        },
    )
    user.groups.set(Group.objects.filter(name__in=["administrator", *roles]))
    return otp_verified_client(username)


@pytest.fixture(autouse=True)
def _upload_dir(settings: Any, tmp_path_factory: Any) -> None:
    """Files kept between an upload and its confirmation go to a folder of the test's own."""
    settings.TUHONO_UPLOAD_DIR = tmp_path_factory.mktemp("uploads")


@pytest.fixture
def national_install(settings: Any) -> None:
    """A national register: the public pages show every council's partnerships."""
    settings.TUHONO_INSTALL_MODE = "national"
