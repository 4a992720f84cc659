"""What screening remembers: namesake clearings, and the append-only record of every screening."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F, Q

from ..enums import CaseKind, RecordOutcome, ScreeningTrigger


class NamesakeClearing(models.Model):
    """A security officer's finding that a screened person is not a listed entity, but a namesake.

    Remembered for the same screened details (the party's subject hash, whichever case names
    them) against the same entity: screening does not raise that alert again until `expires_at`,
    or until the entity's content differs from `content_hash` (then it is raised for re-review).
    """

    council = models.ForeignKey("councils.Council", on_delete=models.PROTECT, related_name="+")
    subject_hash = models.CharField(max_length=64, help_text="Of the screened details the clearing holds for")
    list_entity = models.ForeignKey("watchlists.ListEntity", on_delete=models.PROTECT, related_name="+")
    source_name = models.CharField(max_length=120)
    entity_id = models.CharField(max_length=255)
    caption = models.CharField(max_length=500)
    content_hash = models.CharField(max_length=32, help_text="The entity as it was when cleared")
    party = models.ForeignKey("vetting.ScreenedParty", on_delete=models.PROTECT, related_name="clearings")
    match = models.ForeignKey("vetting.ScreeningMatch", on_delete=models.PROTECT, related_name="+")
    reason = models.TextField()
    cleared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    cleared_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    # A clearing found to be wrong is withdrawn, not deleted: the alerts it held down are raised again.
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    withdrawal_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-cleared_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(reason=""),
                name="vetting_clearing_has_reason",
                violation_error_message="Give the reason this is a different person.",
            ),
            models.CheckConstraint(
                condition=Q(withdrawn_at__isnull=True) | ~Q(withdrawal_reason=""),
                name="vetting_clearing_withdrawal_has_reason",
                violation_error_message="Give the reason the clearing is withdrawn.",
            ),
            models.CheckConstraint(
                condition=Q(expires_at__gt=F("cleared_at")),
                name="vetting_clearing_expires_after_it_is_made",
                violation_error_message="A clearing expires after it is made.",
            ),
        ]
        indexes = [models.Index(fields=["council", "subject_hash", "list_entity"])]

    def __str__(self) -> str:
        return f"Namesake clearing against {self.caption} ({self.cleared_at:%Y-%m-%d})"


class _AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs: Any) -> int:
        raise PermissionError("The screening record is append-only")

    def delete(self) -> Any:
        raise PermissionError("The screening record is append-only")


class ScreeningRecord(models.Model):
    """One screening as it happened: who ran it, who was screened (as screened), the list versions,
    every candidate with its score and explanation, and the outcome.

    Append-only. `content` is the whole record in one JSON document; `digest` is its SHA-256
    (`services.records.record_digest`), and the same digest is in the audit hash chain, so an
    export can be checked against the chain (`manage.py audit_verify --export FILE`).
    """

    council = models.ForeignKey("councils.Council", on_delete=models.PROTECT, related_name="+")
    party = models.ForeignKey("vetting.ScreenedParty", on_delete=models.PROTECT, related_name="records")
    case_kind = models.CharField(max_length=16, choices=CaseKind.choices)
    case_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    case_id = models.PositiveBigIntegerField()
    case_label = models.CharField(max_length=300)
    trigger = models.CharField(max_length=20, choices=ScreeningTrigger.choices)
    screened_at = models.DateTimeField()
    screened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    outcome = models.CharField(max_length=16, choices=RecordOutcome.choices)
    content = models.JSONField(help_text="The record as screened; the digest covers exactly this")
    digest = models.CharField(max_length=71)

    objects = _AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-screened_at", "-pk"]
        indexes = [models.Index(fields=["council", "screened_at"]), models.Index(fields=["case_type", "case_id"])]

    def __str__(self) -> str:
        return f"Screening record {self.pk} ({self.screened_at:%Y-%m-%d %H:%M})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise PermissionError("The screening record is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise PermissionError("The screening record is append-only")
