"""Holes a hostile insider would try: granting themselves more, reading another council's trail,
asking /healthz about the lists, recording what is not theirs, loading the demo in production."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.test import Client

from conftest import administrator_client, otp_verified_client
from tuhono.accounts.models import User
from tuhono.audit.models import AuditEvent
from tuhono.partnerships.models import Partnership

ROOT = Path(__file__).resolve().parents[2]


def _user_form(user: User, **changes: Any) -> dict[str, Any]:
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": "on",
        "is_staff": "on",
        "council": user.council_id or "",
        "groups": [g.pk for g in user.groups.all()],
        "last_login_0": "",
        "last_login_1": "",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "00:00:00",
    }
    data.update(changes)
    return data


def test_a_council_administrator_cannot_grant_superuser_or_a_role_they_do_not_hold(demo: None) -> None:
    client = administrator_client("aucklandadmin", "auckland")
    officer = User.objects.get(username="officer")
    url = f"/admin/accounts/user/{officer.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="is_superuser"' not in page.content.decode()
    assert 'name="user_permissions"' not in page.content.decode()

    client.post(url, _user_form(officer, is_superuser="on"))
    officer.refresh_from_db()
    assert not officer.is_superuser

    security = Group.objects.get(name="security_officer")
    refused = client.post(url, _user_form(officer, groups=[security.pk]))
    assert refused.status_code == 200 and "groups" in refused.context["adminform"].form.errors
    assert not officer.groups.filter(name="security_officer").exists()

    # Another council's staff and the superusers are not theirs to see.
    assert client.get(f"/admin/accounts/user/{User.objects.get(username='dunedin').pk}/change/").status_code == 302
    assert client.get(f"/admin/accounts/user/{User.objects.get(username='admin').pk}/change/").status_code == 302
    listing = client.get("/admin/accounts/user/").content.decode()
    assert "officer" in listing and "dunedin" not in listing


def test_a_superuser_still_grants_roles(demo: None) -> None:
    client = otp_verified_client("admin")
    officer = User.objects.get(username="officer")
    security = Group.objects.get(name="security_officer")
    response = client.post(f"/admin/accounts/user/{officer.pk}/change/", _user_form(officer, groups=[security.pk]))
    assert response.status_code == 302
    assert officer.groups.filter(name="security_officer").exists()


def test_the_audit_trail_in_the_admin_is_scoped_and_keeps_due_diligence_content_to_its_staff(demo: None) -> None:
    decision_event = AuditEvent.objects.filter(action="vetting.decision_signed").order_by("sequence").first()
    assert decision_event is not None, "the demonstration has a signed decision"
    dunedin_event = AuditEvent.objects.filter(council__slug="dunedin").first()
    assert dunedin_event is not None

    auckland = administrator_client("aucklandadmin", "auckland")
    listing = auckland.get("/admin/audit/auditevent/?all=")
    listed = {e.pk for e in listing.context["cl"].result_list}
    assert decision_event.pk in listed and dunedin_event.pk not in listed
    assert auckland.get(f"/admin/audit/auditevent/{dunedin_event.pk}/change/").status_code == 302
    page = auckland.get(f"/admin/audit/auditevent/{decision_event.pk}/change/").content.decode()
    assert "Withheld" in page and "reason_digest" not in page and decision_event.target_label not in page

    # An administrator who is also the council's security officer reads what the event says.
    security_admin = administrator_client("securityadmin", "auckland", "security_officer")
    page = security_admin.get(f"/admin/audit/auditevent/{decision_event.pk}/change/").content.decode()
    assert "reason_digest" in page

    dunedin = administrator_client("dunedinadmin", "dunedin")
    assert decision_event.pk not in {e.pk for e in dunedin.get("/admin/audit/auditevent/").context["cl"].result_list}


def test_due_diligence_is_not_in_djangos_admin(demo: None) -> None:
    client = otp_verified_client("admin")
    index = client.get("/admin/").content.decode()
    assert "/admin/vetting/" not in index
    assert client.get("/admin/vetting/screeningmatch/").status_code == 404


def test_an_approver_cannot_record_a_notice_to_government(demo: None) -> None:
    from tuhono.vetting.services import notice_record

    shenzhen = Partnership.objects.get(council__slug="auckland", partner__name="Shenzhen")
    with pytest.raises(PermissionDenied):
        notice_record(
            actor=User.objects.get(username="approver"),
            partnership=shenzhen,
            stage="after_entry",
            notified_on=dt.date(2026, 3, 1),
        )


def test_healthz_tells_the_public_ok_and_nothing_about_the_lists(demo: None, settings: Any) -> None:
    settings.TUHONO_HEALTH_TOKEN = "monitoring-secret"
    public = Client().get("/healthz")
    assert public.status_code == 200 and public.json() == {"status": "ok"}
    wrong = Client().get("/healthz", headers={"X-Health-Token": "guess"})
    assert wrong.json() == {"status": "ok"}
    monitoring = Client().get("/healthz", headers={"X-Health-Token": "monitoring-secret"}).json()
    assert monitoring["watchlists"] and monitoring["watchlists"][0]["sha256"]
    assert "watchlists" in otp_verified_client("officer").get("/healthz").json()


@pytest.mark.slow
def test_load_demo_refuses_a_production_install() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))}
    env.update(
        {
            "DJANGO_ENV": "production",
            "DJANGO_SECRET_KEY": "p" * 60,
            "DJANGO_ALLOWED_HOSTS": "partnerships.example.govt.nz",
            "DATABASE_URL": "sqlite:///:memory:",
        }
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "load_demo"], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert "refuses to run on a production install" in result.stderr
