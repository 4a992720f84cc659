"""The published register's own version: moved by the services that change published content.

The services of partnerships (and their milestones and alliances), councils and places call
`register_version_bump()` inside their transaction when what the public can see changes, so a
cached public page is never served after the change is committed. Nothing confidential and no
back-office work moves it: the public can learn from it only that the register changed.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import F

from .models import RegisterVersion


def register_version() -> int:
    number = RegisterVersion.objects.filter(pk=1).values_list("number", flat=True).first()
    return int(number or 0)


def register_version_bump() -> None:
    """Move the version on, in the caller's transaction (the row stays locked until it commits)."""
    with transaction.atomic():
        if not RegisterVersion.objects.filter(pk=1).update(number=F("number") + 1):
            RegisterVersion.objects.get_or_create(pk=1, defaults={"number": 1})
