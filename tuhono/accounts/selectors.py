"""Who may see and do what. Interfaces ask here; they never decide themselves."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from .enums import Role


def user_roles(user: Any) -> set[str]:
    if not getattr(user, "is_authenticated", False):
        return set()
    cached = getattr(user, "_tuhono_roles", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        if user.is_superuser:
            cached.add(Role.ADMINISTRATOR)
        user._tuhono_roles = cached
    return cached


def user_has_role(user: Any, *roles: str) -> bool:
    return bool(user_roles(user) & set(roles))


def user_reads_all_councils(user: Any) -> bool:
    return user_has_role(user, Role.NATIONAL_COORDINATOR) or bool(getattr(user, "is_superuser", False))


def scope_to_user_council(queryset: QuerySet, user: Any, *, council_field: str = "council") -> QuerySet:
    """Non-public records the user may read: their council's, or all for the national view."""
    if not getattr(user, "is_authenticated", False):
        return queryset.none()
    if user_reads_all_councils(user):
        return queryset
    if user.council_id is None:
        return queryset.none()
    return queryset.filter(**{f"{council_field}_id": user.council_id})


def user_may_edit_council(user: Any, council_id: int | None) -> bool:
    """Only staff of that council edit its records (the national coordinator reads, never edits)."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    return council_id is not None and user.council_id == council_id
