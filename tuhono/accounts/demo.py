"""Demonstration staff accounts, one for each role, so a new user can try every screen."""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.db import transaction

from tuhono.councils.models import Council

from .enums import Role
from .models import User
from .roles import roles_ensure

DEMO_PASSWORD = "tuhono-demo-2026"  # noqa: S105 - published in the README for the demo only

DEMO_USERS = [
    # username, full name, council slug, roles, superuser
    ("admin", "Aroha Administrator", "auckland", [Role.ADMINISTRATOR], True),
    ("officer", "Oliver Officer", "auckland", [Role.PARTNERSHIPS_OFFICER], False),
    ("approver", "Ana Approver", "auckland", [Role.APPROVER], False),
    ("security", "Sam Security", "auckland", [Role.SECURITY_OFFICER], False),
    ("national", "Nikau National", None, [Role.NATIONAL_COORDINATOR], False),
    ("dunedin", "Dana Dunedin", "dunedin", [Role.PARTNERSHIPS_OFFICER], False),
]


@transaction.atomic
def demo_users_load() -> str:
    """Create the demo staff (idempotent). Needs the demo councils to exist."""
    roles_ensure()
    created = 0
    for username, full_name, council_slug, roles, superuser in DEMO_USERS:
        if User.objects.filter(username=username).exists():
            continue
        first, last = full_name.split(" ", 1)
        user = User.objects.create_user(
            username=username,
            password=DEMO_PASSWORD,
            first_name=first,
            last_name=last,
            email=f"{username}@tuhono.localhost",
            council=Council.objects.filter(slug=council_slug).first() if council_slug else None,
            is_staff=True,
            is_superuser=superuser,
        )
        user.groups.set(Group.objects.filter(name__in=roles))
        created += 1
    return f"{created} demo staff accounts added (password '{DEMO_PASSWORD}')"
