"""The user scope every confidential read goes through."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from ..permissions import may_open


def council_scoped(queryset: QuerySet, user: Any, council_field: str = "council") -> QuerySet:
    if not may_open(user):
        return queryset.none()
    return queryset.filter(**{f"{council_field}_id": user.council_id})
