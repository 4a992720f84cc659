"""Councils and staff for the watch-list tests: security officers of two councils and a national one."""

from __future__ import annotations

import csv
import io
from typing import Any

from django.contrib.auth.models import Group

from tuhono.accounts.enums import Role
from tuhono.accounts.models import User
from tuhono.accounts.roles import roles_ensure
from tuhono.councils.models import Council

STAFF = [
    # username, council slug, role
    ("sec_akl", "auckland", Role.SECURITY_OFFICER),
    ("sec_akl2", "auckland", Role.SECURITY_OFFICER),
    ("sec_dud", "dunedin", Role.SECURITY_OFFICER),
    ("sec_nat", None, Role.SECURITY_OFFICER),
    ("officer_akl", "auckland", Role.PARTNERSHIPS_OFFICER),
    ("approver_akl", "auckland", Role.APPROVER),
    ("admin_akl", "auckland", Role.ADMINISTRATOR),
]


def make_keepers() -> dict[str, Any]:
    roles_ensure()
    councils = {
        "auckland": Council.objects.get_or_create(slug="auckland", defaults={"name": "Auckland Council"})[0],
        "dunedin": Council.objects.get_or_create(slug="dunedin", defaults={"name": "Dunedin City Council"})[0],
    }
    people: dict[str, Any] = {"councils": councils}
    for username, slug, role in STAFF:
        user = User.objects.create_user(
            username=username,
            password="not-used-here-123",
            first_name=username.split("_")[0].title(),
            council=councils[slug] if slug else None,
            is_staff=True,
        )
        user.groups.set(Group.objects.filter(name=role))
        people[username] = user
    return people


def list_csv(names: list[str], *, encoding: str = "utf-8", prefix: str = "e") -> bytes:
    """A plain-CSV list (Tūhono columns) of people named `names`, ids e1, e2, ..."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["id", "schema", "name"])
    for number, name in enumerate(names, start=1):
        writer.writerow([f"{prefix}{number}", "Person", name])
    return buffer.getvalue().encode(encoding)


NAMES = [
    "Aleksandr Petrov",
    "Boris Ivanov",
    "Chen Jianguo",
    "Dmitri Sokolov",
    "Elena Volkova",
    "Fang Liqun",
    "Grigori Orlov",
    "Huang Zhiwei",
    "Igor Smirnov",
    "Jin Xiaoming",
]
