from django.conf import settings
from django.db import models

from tuhono.places.countries import country_name

from .enums import (
    GiftDirection,
    GiftKind,
    Initiator,
    ItineraryKind,
    MessageKind,
    PartyKind,
    Payer,
    SensitiveCategory,
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
    """An international enquiry or website feedback sent through the public site."""

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

    class Meta:
        ordering = ["-received_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.reference} {self.get_kind_display()}"


class CalendarFeedToken(models.Model):
    """The secret in a staff member's private calendar address."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_token")
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Calendar feed of {self.user}"
