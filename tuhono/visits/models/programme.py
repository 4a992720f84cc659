"""What hangs off a visit: itinerary, costs, gifts, briefing, contact report and history."""

from django.conf import settings
from django.db import models

from ..enums import (
    GiftDirection,
    GiftKind,
    ItineraryKind,
    Payer,
    SensitiveCategory,
    VisitState,
)
from .visit import Visit


class ItineraryItem(models.Model):
    """A meeting or site visit on the programme; a site is sensitive when it touches strategic assets."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="itinerary")
    kind = models.CharField(max_length=16, choices=ItineraryKind.choices, default=ItineraryKind.MEETING)
    starts_at = models.DateTimeField(null=True, blank=True)
    title = models.CharField(max_length=300)
    location = models.CharField(max_length=300, blank=True)
    hosts = models.CharField(max_length=300, blank=True)
    sensitive_categories = models.JSONField(
        default=list, blank=True, help_text=f"Any of: {', '.join(SensitiveCategory.values)}"
    )
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["starts_at", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_sensitive(self) -> bool:
        return bool(self.sensitive_categories)

    @property
    def sensitive_labels(self) -> list[str]:
        labels = dict(SensitiveCategory.choices)
        return [str(labels.get(value, value)) for value in self.sensitive_categories]


class VisitCost(models.Model):
    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="costs")
    description = models.CharField(max_length=300)
    amount_nzd = models.DecimalField("amount (NZD)", max_digits=12, decimal_places=2)
    paid_by = models.CharField(max_length=16, choices=Payer.choices)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount_nzd__gte=0),
                name="visit_cost_not_negative",
                violation_error_message="A cost cannot be negative.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.description}: NZ${self.amount_nzd}"


class GiftOrHospitality(models.Model):
    """A gift, hospitality or travel offered to us or given by us, in the course of a visit."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="gifts")
    direction = models.CharField(max_length=16, choices=GiftDirection.choices)
    kind = models.CharField(max_length=16, choices=GiftKind.choices, default=GiftKind.GIFT)
    description = models.CharField(max_length=300)
    counterpart = models.CharField(max_length=300, help_text="Who offered it, or to whom it was given.")
    value_nzd = models.DecimalField("estimated value (NZD)", max_digits=12, decimal_places=2, null=True, blank=True)
    accepted = models.BooleanField(default=True)

    class Meta:
        ordering = ["pk"]
        verbose_name_plural = "gifts and hospitality"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(value_nzd__isnull=True) | models.Q(value_nzd__gte=0),
                name="gift_value_not_negative",
                violation_error_message="A value cannot be negative.",
            ),
        ]

    def __str__(self) -> str:
        return self.description


class TravelBriefing(models.Model):
    """The briefing given before an outgoing mission departs."""

    visit = models.OneToOneField(Visit, on_delete=models.CASCADE, related_name="briefing")
    briefed_on = models.DateField()
    attendees = models.TextField(help_text="Who was briefed.")
    devices = models.TextField(help_text="Devices issued or advice on devices (clean phones, laptops).")
    contacts_expected = models.TextField(blank=True, help_text="Whom the mission expects to meet.")
    advice = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Briefing for {self.visit.reference}"


class ContactReport(models.Model):
    """What happened on an outgoing mission: whom they met and anything of concern."""

    visit = models.OneToOneField(Visit, on_delete=models.CASCADE, related_name="contact_report")
    people_met = models.TextField()
    concerns = models.TextField(blank=True, help_text="Approaches, requests or incidents of concern.")
    has_concern = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(has_concern=False) | ~models.Q(concerns=""),
                name="contact_report_concern_described",
                violation_error_message="Describe the concern.",
            ),
        ]

    def __str__(self) -> str:
        return f"Contact report for {self.visit.reference}"


class VisitTransition(models.Model):
    """The visit's history of states: who moved it, when, and why."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="transitions")
    from_state = models.CharField(max_length=16, choices=VisitState.choices)
    to_state = models.CharField(max_length=16, choices=VisitState.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    note = models.TextField(blank=True)
    occurred_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["occurred_at", "pk"]

    def __str__(self) -> str:
        return f"{self.from_state} → {self.to_state}"
