"""A visit or trip, its members, and the guidelines and reference numbers behind requests."""

from django.conf import settings
from django.db import models

from tuhono.places.countries import country_name

from ..enums import (
    PartyKind,
    Payer,
    VisitKind,
    VisitSource,
    VisitState,
)

DEFAULT_GUIDELINES = {
    "notice_weeks": 8,
    "max_group_size": 20,
    "purpose": (
        "We welcome study visits and delegations that build on a partnership with our city or that share "
        "practice in local government: planning, transport, environment, economic development, culture and "
        "civic exchange. Tell us what your delegation hopes to learn and whom it would like to meet."
    ),
    "can_offer": (
        "A meeting with the Global Partnerships and Strategy team; where possible, a meeting with council "
        "officers who work in your field of interest; help to arrange visits to public facilities."
    ),
    "cannot_offer": (
        "Meetings with the mayor or councillors on request; visa letters or invitations for visa purposes; "
        "transport, accommodation, interpreters or meals; visits to operational sites such as ports, water "
        "and energy facilities, or access to council data."
    ),
}


class VisitGuidelines(models.Model):
    """What a delegation should know before asking for a visit. Staff edit it; one set per council."""

    council = models.OneToOneField("councils.Council", on_delete=models.CASCADE, related_name="visit_guidelines")
    notice_weeks = models.PositiveSmallIntegerField(default=DEFAULT_GUIDELINES["notice_weeks"])
    max_group_size = models.PositiveSmallIntegerField(default=DEFAULT_GUIDELINES["max_group_size"])
    purpose = models.TextField(default=DEFAULT_GUIDELINES["purpose"])
    can_offer = models.TextField("what we can offer", default=DEFAULT_GUIDELINES["can_offer"])
    cannot_offer = models.TextField("what we cannot offer", default=DEFAULT_GUIDELINES["cannot_offer"])
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "visit guidelines"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(max_group_size__gte=1),
                name="visit_guidelines_group_size_positive",
                violation_error_message="The largest group must be at least one person.",
            ),
        ]

    def __str__(self) -> str:
        return f"Visit guidelines – {self.council}"


class ReferenceSequence(models.Model):
    """The last reference number given out in a year (TUH-2026-0042)."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"


class Visit(models.Model):
    """One visit or trip: a delegation coming here, an official visit, or a mission going abroad."""

    reference = models.CharField(max_length=20, unique=True, editable=False)
    council = models.ForeignKey("councils.Council", on_delete=models.PROTECT, related_name="visits")
    kind = models.CharField(max_length=16, choices=VisitKind.choices, default=VisitKind.INCOMING)
    state = models.CharField(max_length=16, choices=VisitState.choices, default=VisitState.RECEIVED, editable=False)
    source = models.CharField(max_length=16, choices=VisitSource.choices, default=VisitSource.STAFF, editable=False)

    organisation = models.CharField(
        max_length=300, help_text="The visiting organisation, or for a mission abroad, whom it visits."
    )
    country_code = models.CharField("country", max_length=2)
    city = models.CharField(max_length=200, blank=True)
    partnership = models.ForeignKey(
        "partnerships.Partnership", null=True, blank=True, on_delete=models.SET_NULL, related_name="visits"
    )
    purpose = models.TextField()
    topics = models.CharField(max_length=500, blank=True)
    sites_requested = models.TextField("sites they wish to visit", blank=True)
    sites_sensitive = models.BooleanField(
        "a site they ask to visit is sensitive",
        default=False,
        help_text="Ports, water, energy, other infrastructure or council data: approval then needs a decided "
        "risk assessment.",
    )
    proposed_start = models.DateField(null=True, blank=True)
    proposed_end = models.DateField(null=True, blank=True)
    starts_on = models.DateField("confirmed start", null=True, blank=True)
    ends_on = models.DateField("confirmed end", null=True, blank=True)
    group_size = models.PositiveSmallIntegerField(null=True, blank=True)

    contact_name = models.CharField(max_length=200, blank=True)
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=50, blank=True)

    hosts = models.TextField(blank=True, help_text="Who hosts the visit for the council.")
    costs_paid_by = models.CharField(max_length=16, choices=Payer.choices, blank=True)
    cost_notes = models.TextField(blank=True)
    decision_reason = models.TextField(blank=True, editable=False)
    report = models.TextField(blank=True, editable=False, help_text="What came of the visit.")

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    reply_due_on = models.DateField("reply due", null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["council", "state"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(proposed_end__isnull=True)
                | models.Q(proposed_start__isnull=True)
                | models.Q(proposed_end__gte=models.F("proposed_start")),
                name="visit_proposed_end_after_start",
                violation_error_message="The last proposed day cannot be before the first.",
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="visit_end_after_start",
                violation_error_message="The visit cannot end before it starts.",
            ),
            models.CheckConstraint(
                condition=~models.Q(state__in=["scheduled", "completed", "reported"])
                | models.Q(starts_on__isnull=False, ends_on__isnull=False),
                name="visit_scheduled_has_dates",
                violation_error_message="A scheduled visit needs its confirmed dates.",
            ),
            models.CheckConstraint(
                condition=~models.Q(state="declined") | ~models.Q(decision_reason=""),
                name="visit_declined_has_reason",
                violation_error_message="Give the reason the visit was declined.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.organisation}"

    @property
    def country_name(self) -> str:
        return country_name(self.country_code)

    @property
    def is_outgoing(self) -> bool:
        return self.kind == VisitKind.OUTGOING

    @property
    def first_day(self):
        return self.starts_on or self.proposed_start

    @property
    def last_day(self):
        return self.ends_on or self.proposed_end or self.first_day


class VisitParty(models.Model):
    """A member of a delegation: a person or an organisation. Due diligence screens each one."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="parties")
    kind = models.CharField(max_length=16, choices=PartyKind.choices, default=PartyKind.PERSON)
    name = models.CharField("name in Latin letters", max_length=300)
    name_original = models.CharField(
        "name in own script", max_length=300, blank=True, help_text="As the person writes it: 王伟, Иван Петров."
    )
    role = models.CharField(max_length=200, blank=True)
    organisation = models.CharField(max_length=300, blank=True)
    nationality = models.CharField(max_length=2, blank=True, help_text="ISO 3166 country code")
    date_of_birth = models.DateField(null=True, blank=True)
    added_after_approval = models.BooleanField(
        default=False, editable=False, help_text="Joined after the visit was approved: a late change to check."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name_plural = "visit parties"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="person") | models.Q(date_of_birth__isnull=True),
                name="visit_party_organisation_has_no_birth_date",
                violation_error_message="An organisation has no date of birth.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.name_original})" if self.name_original else self.name

    @property
    def nationality_name(self) -> str:
        return country_name(self.nationality) if self.nationality else ""
