"""The contacts log, public enquiries and feedback, and calendar feed secrets."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from ..enums import (
    DeskStatus,
    Initiator,
    MessageKind,
)


class ContactLogEntry(models.Model):
    """A meeting or approach connected with a partnership. Due diligence screens the people named."""

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.PROTECT, related_name="contact_log_entries"
    )
    council = models.ForeignKey("councils.Council", on_delete=models.PROTECT, related_name="contact_log_entries")
    occurred_on = models.DateField()
    people = models.TextField(help_text="One person per line, as 'Name in Latin letters | name in own script'.")
    organisation = models.CharField(max_length=300, blank=True)
    topic = models.CharField(max_length=300)
    initiated_by = models.CharField(max_length=16, choices=Initiator.choices)
    intermediary = models.CharField(max_length=300, blank=True, help_text="Who made the approach on their behalf.")
    offered = models.TextField("anything offered", blank=True)
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-occurred_on", "-pk"]
        verbose_name_plural = "contact log entries"
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(initiated_by="intermediary") | ~models.Q(intermediary=""),
                name="contact_log_intermediary_named",
                violation_error_message="Name the intermediary who made the approach.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.occurred_on}: {self.topic}"

    @property
    def people_list(self) -> list[tuple[str, str]]:
        """(Latin name, name in own script) for each line of `people`."""
        result = []
        for line in self.people.splitlines():
            if not line.strip():
                continue
            latin, _, original = line.partition("|")
            result.append((latin.strip(), original.strip()))
        return result


class PublicMessage(models.Model):
    """An international enquiry, website feedback or an expression of interest sent through the public site.

    An expression of interest names the published partner-seeking entry it answers; it is worked on the
    desk like any other message.
    """

    reference = models.CharField(max_length=20, unique=True, editable=False)
    council = models.ForeignKey("councils.Council", on_delete=models.PROTECT, related_name="public_messages")
    kind = models.CharField(max_length=16, choices=MessageKind.choices)
    name = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True)
    organisation = models.CharField(max_length=300, blank=True)
    country_code = models.CharField("country", max_length=2, blank=True)
    subject = models.CharField(max_length=300, blank=True)
    message = models.TextField()
    helpful = models.CharField(max_length=8, blank=True, help_text="Feedback only: did the page help?")
    page = models.CharField(max_length=500, blank=True)
    received_at = models.DateTimeField(auto_now_add=True)
    handled_at = models.DateTimeField(null=True, blank=True, editable=False)
    status = models.CharField(max_length=16, choices=DeskStatus.choices, default=DeskStatus.NEW, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    due_on = models.DateField("reply due", null=True, blank=True, editable=False)
    partner_seeking = models.ForeignKey(
        "councils.PartnerSeeking",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="expressions_of_interest",
        editable=False,
        help_text="Expressions of interest only: the partner-seeking entry it answers.",
    )

    class Meta:
        ordering = ["-received_at", "-pk"]
        indexes = [models.Index(fields=["council", "status", "due_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="interest", partner_seeking__isnull=False)
                | (~models.Q(kind="interest") & models.Q(partner_seeking__isnull=True)),
                name="public_message_interest_names_entry",
                violation_error_message="An expression of interest answers one partner-seeking entry.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.get_kind_display()}"

    @property
    def is_open(self) -> bool:
        return self.status in (DeskStatus.NEW, DeskStatus.IN_PROGRESS, DeskStatus.WAITING)

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.due_on is not None and self.due_on < timezone.localdate()


class CalendarFeedToken(models.Model):
    """The secret in a staff member's private calendar address."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_token")
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Calendar feed of {self.user}"


class DeskReply(models.Model):
    """A reply sent from Tūhono to whoever wrote in: an enquiry, feedback, contact message or visit request."""

    message = models.ForeignKey(PublicMessage, null=True, blank=True, on_delete=models.CASCADE, related_name="replies")
    visit = models.ForeignKey("visits.Visit", null=True, blank=True, on_delete=models.CASCADE, related_name="replies")
    to_email = models.EmailField()
    subject = models.CharField(max_length=300)
    body = models.TextField()
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["sent_at", "pk"]
        verbose_name_plural = "desk replies"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(message__isnull=False, visit__isnull=True)
                | models.Q(message__isnull=True, visit__isnull=False),
                name="desk_reply_to_one_record",
                violation_error_message="A reply answers one message or one visit request.",
            ),
            models.CheckConstraint(
                condition=~models.Q(body=""),
                name="desk_reply_has_body",
                violation_error_message="Write the reply.",
            ),
        ]

    def __str__(self) -> str:
        return f"Reply {self.sent_at:%Y-%m-%d} to {self.to_email}"
