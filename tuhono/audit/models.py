from django.conf import settings
from django.db import models


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError("The audit trail is append-only")

    def delete(self):  # type: ignore[no-untyped-def]
        raise PermissionError("The audit trail is append-only")


class AuditEvent(models.Model):
    """One important state change: who, when, what, to which record, with what data.

    Append-only and hash-chained: each event's hash covers its own fields and
    the hash of the event before it, so an edited, deleted or reordered row
    breaks the chain (`manage.py audit_verify`). The ORM refuses to update or
    delete events; a change made behind its back is what the chain catches.
    """

    sequence = models.PositiveBigIntegerField(unique=True, editable=False)
    occurred_at = models.DateTimeField(editable=False)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_label = models.CharField(max_length=200, help_text="Who, as named at the time")
    action = models.CharField(max_length=100, db_index=True)
    target_type = models.CharField(max_length=100)
    target_id = models.CharField(max_length=64)
    target_label = models.CharField(max_length=300, blank=True)
    council = models.ForeignKey("councils.Council", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    payload = models.JSONField(default=dict, blank=True)
    previous_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["sequence"]
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        # Not the target: a due-diligence event's target is confidential (see audit.selectors).
        return f"#{self.sequence} {self.occurred_at:%Y-%m-%d %H:%M} {self.actor_label} {self.action}"

    def save(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if not self._state.adding:
            raise PermissionError("The audit trail is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError("The audit trail is append-only")


class AuditChainHead(models.Model):
    """A single row locked while an event is appended, so the chain never forks."""

    sequence = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64, default="0" * 64)

    def __str__(self) -> str:
        return f"audit chain head at #{self.sequence}"
