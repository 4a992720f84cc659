"""Due-diligence reasoning reaches only the security officers and approvers of the council holding the case.

Generic by design: text planted in every reasoning field through the services, then every page
reachable by following links (from /, /staff/, /admin/ and every URL pattern of the project) is
read as anonymous and as each role, with every export, feed and API answer among them, and every
email sent. A new page is covered without editing this test. A second check scans every column of
every table: the planted text is stored in the due-diligence tables and nowhere else.
"""

from __future__ import annotations

import io
import zipfile
from collections import deque
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urldefrag, urlsplit

import pytest
from django.core import mail
from django.db import connection
from django.test import Client

from conftest import otp_verified_client

from .reasoning import FOR_TRAVELLERS, PLANTED, plant_reasoning
from .urlmap import all_routes

ROLES = ["officer", "approver", "security", "national", "admin", "dunedin"]
ENTITLED = {"approver", "security"}
PAGES_PER_READER = 260
SKIP = ("/static/", "/media/", "logout", "sign-out", "/i18n/")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src", "action") and value and tag != "form":
                self.links.append(value)


def _text(response: Any) -> str:
    """What a reader gets: the body (an xlsx unpacked to its XML), and the headers."""
    body = b"".join(response.streaming_content) if getattr(response, "streaming", False) else response.content
    if body[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            body = b"".join(archive.read(name) for name in archive.namelist() if name.endswith(".xml"))
    headers = " ".join(f"{k}: {v}" for k, v in response.items())
    return headers + "\n" + body.decode("utf-8", "replace")


def _same_site(link: str) -> str | None:
    link = urldefrag(link)[0]
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or not link.startswith("/") or any(s in link for s in SKIP):
        return None
    if link.startswith("/admin/"):
        return parts.path  # the admin's filters and sorts: one visit per page is enough
    return link


def _crawl(client: Client, seeds: list[str]) -> dict[str, str]:
    """Breadth-first over links the reader is shown, bounded; returns url -> what they read."""
    seen: dict[str, str] = {}
    queue = deque(seeds)
    queued = set(seeds)
    while queue and len(seen) < PAGES_PER_READER:
        url = queue.popleft()
        response = client.get(url)
        if response.status_code in (301, 302, 303) and response.get("Location", "").startswith("/"):
            target = _same_site(response["Location"])
            if target and target not in queued:
                queued.add(target)
                queue.append(target)
            continue
        text = _text(response)
        seen[url] = text
        if "html" not in response.get("Content-Type", ""):
            continue
        parser = _Links()
        parser.feed(text)
        for link in parser.links:
            target = _same_site(link)
            if target and target not in queued:
                queued.add(target)
                queue.append(target)
    return seen


def _leaks(pages: dict[str, str]) -> list[str]:
    return [f"{field} at {url}" for url, text in pages.items() for field, word in PLANTED.items() if word in text]


@pytest.fixture
def planted(demo: None, django_capture_on_commit_callbacks: Any) -> dict[str, Any]:
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        cases = plant_reasoning()
    return cases


@pytest.mark.slow
def test_reasoning_reaches_only_the_councils_security_officers_and_approvers(planted: dict[str, Any]) -> None:
    assert mail.outbox, "the decisions told the visit's team"
    for message in mail.outbox:
        text = message.subject + message.body + " ".join(str(a) for a in message.alternatives)
        assert not [field for field, word in PLANTED.items() if word in text], f"an email to {message.to} leaks"

    seeds = ["/", "/staff/", "/admin/"] + [r.url for r in all_routes() if r.url is not None]
    readers = {"anonymous": Client(), **{role: otp_verified_client(role) for role in ROLES}}
    problems, read_by_entitled = [], set()
    for reader, client in readers.items():
        pages = _crawl(client, seeds)
        assert len(pages) > 20, f"{reader} read too few pages for the check to mean anything"
        leaks = _leaks(pages)
        if reader in ENTITLED:
            read_by_entitled.update(leak.split(" at ")[0] for leak in leaks)
        else:
            problems.extend(f"{reader}: {leak}" for leak in leaks)
    assert not problems, "\n".join(sorted(problems))
    # The security officer and the approver really read the reasoning, or the crawl proved nothing.
    assert read_by_entitled >= {
        "decision reason",
        "assessment rationale",
        "advice answer",
        "namesake clearing reason",
        "clearing withdrawal reason",
        "screened details (an alias as screened)",
    }, read_by_entitled


def test_the_visits_team_reads_the_outcome_and_the_conditions_for_the_travellers(planted: dict[str, Any]) -> None:
    page = otp_verified_client("officer").get(f"/staff/visits/{planted['visit'].pk}/").content.decode()
    assert "Cleared after due diligence with conditions for the travellers" in page
    assert FOR_TRAVELLERS in page
    assert not [field for field, word in PLANTED.items() if word in page]


def test_no_table_outside_due_diligence_holds_a_copy_of_the_reasoning(planted: dict[str, Any]) -> None:
    found: dict[str, set[str]] = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            columns = [c.name for c in connection.introspection.get_table_description(cursor, table)]
            quoted = connection.ops.quote_name(table)
            for column in columns:
                name = connection.ops.quote_name(column)
                for field, word in PLANTED.items():
                    cursor.execute(f"SELECT 1 FROM {quoted} WHERE CAST({name} AS TEXT) LIKE %s LIMIT 1", [f"%{word}%"])  # noqa: S608
                    if cursor.fetchone():
                        found.setdefault(field, set()).add(table)
    assert set(found) == set(PLANTED), f"not every planted text was stored: {set(PLANTED) - set(found)}"
    outside = {field: tables for field, tables in found.items() if any(not t.startswith("vetting_") for t in tables)}
    assert not outside, outside
