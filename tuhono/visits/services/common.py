"""Helpers every visit service shares: reference numbers, audit values and due dates (who may act: `permissions`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from ..models import ReferenceSequence


def reference_next(*, year: int | None = None) -> str:
    """The next reference of the year, TUH-2026-0042. Call inside a transaction; numbers are never reused."""
    year = year or timezone.localdate().year
    with transaction.atomic():
        if not ReferenceSequence.objects.filter(pk=year).update(last=models.F("last") + 1):
            try:
                with transaction.atomic():
                    ReferenceSequence.objects.create(year=year, last=1)
            except IntegrityError:  # another request created the year first
                ReferenceSequence.objects.filter(pk=year).update(last=models.F("last") + 1)
        last = ReferenceSequence.objects.select_for_update().get(pk=year).last
    return f"TUH-{year}-{last:04d}"


def plain(value: Any) -> Any:
    """A value as it can go into an audit payload."""
    if isinstance(value, models.Model):
        return value.pk
    return value


def desk_due_on(*, received: dt.date | None = None) -> dt.date:
    """When a reply is due: the service level (TUHONO_DESK_SLA_DAYS) after the day it arrived."""
    return (received or timezone.localdate()) + dt.timedelta(days=settings.TUHONO_DESK_SLA_DAYS)
