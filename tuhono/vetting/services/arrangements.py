"""The public record of a foreign arrangement: its published agreement, and notices to government."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from tuhono.audit.actions import AuditAction
from tuhono.audit.services import audit_record, text_digest

from ..enums import GovernmentResponse
from ..models import Arrangement, ArrangementNotice
from ..permissions import Action, require


@transaction.atomic
def arrangement_update(
    *, actor: Any, partnership: Any, agreement_published: bool, agreement_text: str = "", agreement_url: str = ""
) -> Arrangement:
    """Record whether a partnership's agreement is published, and its text or address (shown on /transparency/)."""
    require(actor, Action.ARRANGEMENT, partnership.council_id)
    arrangement, _ = Arrangement.objects.select_for_update().get_or_create(partnership=partnership)
    before = (arrangement.agreement_published, arrangement.agreement_text, arrangement.agreement_url)
    arrangement.agreement_published = agreement_published
    arrangement.agreement_text = (agreement_text or "").strip()
    arrangement.agreement_url = (agreement_url or "").strip()
    arrangement.full_clean()
    arrangement.save()
    if before != (arrangement.agreement_published, arrangement.agreement_text, arrangement.agreement_url):
        audit_record(
            actor=actor,
            action=AuditAction.VETTING_ARRANGEMENT_UPDATED,
            target=arrangement,
            council_id=partnership.council_id,
            payload={
                "partnership": partnership.pk,
                "agreement_published": agreement_published,
                "agreement_url": arrangement.agreement_url,
                "text_changed": before[1] != arrangement.agreement_text,
            },
        )
    return arrangement


@transaction.atomic
def notice_record(
    *,
    actor: Any,
    partnership: Any,
    stage: str,
    notified_on: dt.date,
    recipient: str = "Ministry of Foreign Affairs and Trade",
    reference: str = "",
    response: str = GovernmentResponse.NONE,
    response_on: dt.date | None = None,
    notes: str = "",
) -> ArrangementNotice:
    """Record a foreign-arrangement notice (before negotiating, or after entering) and any response.

    Recording the same stage again updates it (a response that came later). Security officers only:
    approvers decide on what the security officers record, they do not record it themselves.
    """
    require(actor, Action.WORK, partnership.council_id)
    if response != GovernmentResponse.NONE and response_on is None:
        raise ValidationError({"response_on": "Give the date of the government's response."})
    arrangement, _ = Arrangement.objects.get_or_create(partnership=partnership)
    notice = ArrangementNotice.objects.filter(arrangement=arrangement, stage=stage).first() or ArrangementNotice(
        arrangement=arrangement, stage=stage
    )
    created = notice.pk is None
    notice.notified_on = notified_on
    notice.recipient = (recipient or "").strip() or "Ministry of Foreign Affairs and Trade"
    notice.reference = (reference or "").strip()
    notice.response = response
    notice.response_on = response_on
    notice.notes = (notes or "").strip()
    if created:
        notice.recorded_by = actor if getattr(actor, "is_authenticated", False) else None
    notice.full_clean()
    notice.save()
    audit_record(
        actor=actor,
        action=AuditAction.VETTING_NOTICE_RECORDED if created else AuditAction.VETTING_NOTICE_UPDATED,
        target=notice,
        council_id=partnership.council_id,
        payload={
            "partnership": partnership.pk,
            "stage": stage,
            "notified_on": notified_on,
            "response": response,
            "response_on": response_on,
            "notes_digest": text_digest(notice.notes),
        },
    )
    return notice
