"""What each role may do in the back office, as Django model permissions.

Object-level scoping (a member acts only for their own council) is applied on
top of these by the selectors and admin classes.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from .enums import Role

REGISTER_MODELS = [
    "partnerships.partnership",
    "partnerships.milestone",
    "partnerships.focusarea",
    "partnerships.alliance",
    "partnerships.alliancemember",
    "places.place",
]
READ_REGISTER = ["partnerships.statuschange", "councils.council", *REGISTER_MODELS]


def _all(models: list[str], actions: tuple[str, ...]) -> list[str]:
    return [f"{label.split('.')[0]}.{action}_{label.split('.')[1]}" for label in models for action in actions]


# Apps append their own models here (visits, vetting) in their AppConfig.ready().
ROLE_PERMISSIONS: dict[str, list[str]] = {
    Role.PARTNERSHIPS_OFFICER: _all(REGISTER_MODELS, ("add", "change", "view")) + _all(READ_REGISTER, ("view",)),
    Role.APPROVER: _all(["partnerships.partnership"], ("change",)) + _all(READ_REGISTER, ("view",)),
    Role.SECURITY_OFFICER: _all(READ_REGISTER, ("view",)),
    Role.NATIONAL_COORDINATOR: _all(READ_REGISTER, ("view",)),
    Role.ADMINISTRATOR: [
        *_all([*READ_REGISTER, "accounts.user", "councils.council"], ("add", "change", "view")),
        "audit.view_auditevent",
    ],
}


def roles_ensure(**kwargs: Any) -> None:
    """Create the role groups and give each its permissions (run after every migrate)."""
    for role, codes in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        query = Q(pk__in=[])
        for code in set(codes):
            app_label, codename = code.split(".", 1)
            query |= Q(content_type__app_label=app_label, codename=codename)
        group.permissions.set(Permission.objects.filter(query))
