from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from tuhono.core.dates import DatePrecision, format_partial_date

from .enums import AllianceKind, MilestoneKind, OwnerKind, PartnershipKind, PartnershipStatus


class FocusArea(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PartnershipQuerySet(models.QuerySet):
    def published(self) -> "PartnershipQuerySet":
        return self.filter(published=True)

    def refresh_list_order(self) -> int:
        """Copy each partner's country and name onto its partnerships (the public list's order). One UPDATE,
        so a rename of a place or a bulk import keeps the list's index right without loading any row."""
        from tuhono.places.models import Place

        partner = Place.objects.filter(pk=models.OuterRef("partner_id"))
        return self.update(
            list_country=models.Subquery(partner.values("country_code")[:1]),
            list_name=models.Subquery(partner.values("name")[:1]),
        )


class Partnership(models.Model):
    """A council's tie with one partner place."""

    slug = models.SlugField(max_length=200, unique=True)
    council = models.ForeignKey("councils.Council", on_delete=models.PROTECT, related_name="partnerships")
    partner = models.ForeignKey("places.Place", on_delete=models.PROTECT, related_name="partnerships")
    partner_authority = models.CharField(
        max_length=200, blank=True, help_text="The partner's governing body, e.g. 'Brisbane City Council'."
    )
    partner_website = models.URLField(blank=True)
    kind = models.CharField(max_length=32, choices=PartnershipKind.choices, default=PartnershipKind.SISTER_CITY)
    status = models.CharField(
        max_length=16, choices=PartnershipStatus.choices, default=PartnershipStatus.ACTIVE, editable=False
    )
    status_changed_on = models.DateField(null=True, blank=True, editable=False)

    signed_on = models.DateField(null=True, blank=True)
    signed_precision = models.CharField(max_length=8, choices=DatePrecision.choices, default=DatePrecision.YEAR)
    signed_basis = models.CharField(
        max_length=200, blank=True, help_text="What the date records: the signing, a council resolution, ..."
    )
    ended_on = models.DateField(null=True, blank=True)
    ended_precision = models.CharField(max_length=8, choices=DatePrecision.choices, default=DatePrecision.YEAR)

    legacy_council = models.ForeignKey(
        "councils.Council",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="originated_partnerships",
        help_text="The former council that began this partnership, if any.",
    )
    owner_kind = models.CharField(max_length=16, choices=OwnerKind.choices, default=OwnerKind.COUNCIL)
    owner_name = models.CharField(
        max_length=200, blank=True, help_text="The community association that holds it, when not the council."
    )
    focus_areas = models.ManyToManyField(FocusArea, blank=True, related_name="partnerships")
    summary = models.TextField(blank=True)
    story = models.TextField(blank=True)
    source = models.CharField(max_length=300, blank=True, help_text="Where this record came from.")
    published = models.BooleanField(default=False)
    # Moves on with every change made through the services, so that a stale edit is refused.
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # The partner's country code and name, copied here (refresh_list_order, run wherever the search document
    # is written) so that the public list is sorted, paged and counted through one index of this table: a
    # join to the places and a sort of the whole register took most of a page's time at 30,000 rows. The index
    # carries the signing date too, so that the filter's decades and countries are read from it alone.
    list_country = models.CharField(max_length=2, blank=True, default="", editable=False)
    list_name = models.CharField(max_length=200, blank=True, default="", editable=False)

    objects = PartnershipQuerySet.as_manager()

    class Meta:
        ordering = ["partner__country_code", "partner__name"]
        indexes = [
            models.Index(
                fields=["list_country", "list_name", "id", "signed_on"],
                name="partnership_public_order",
                condition=models.Q(published=True),
            ),
            # Each council's count of published partnerships (/councils/, the filters, insights), read from
            # the index alone: 21 ms -> 4 ms for a page of 100 councils at 30,000 partnerships on PostgreSQL.
            models.Index(
                fields=["council", "id"],
                name="partnership_published_council",
                condition=models.Q(published=True),
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["council", "partner"],
                name="partnership_unique_pair",
                violation_error_message="This council already has a partnership with this place.",
            ),
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True)
                | models.Q(signed_on__isnull=True)
                | models.Q(ended_on__gte=models.F("signed_on")),
                name="partnership_ends_after_it_starts",
                violation_error_message="The end date cannot be before the date it was signed.",
            ),
            models.CheckConstraint(
                condition=~models.Q(owner_kind=OwnerKind.COMMUNITY) | ~models.Q(owner_name=""),
                name="partnership_community_owner_named",
                violation_error_message="Name the community association that holds this partnership.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.council} – {self.partner}"

    @property
    def signed_display(self) -> str:
        return format_partial_date(self.signed_on, self.signed_precision)

    @property
    def resigned_display(self) -> str:
        """When it was last re-signed: its latest re-signing milestone (a date with its basis)."""
        latest = self.milestones.filter(kind=MilestoneKind.RESIGNED).order_by("-occurred_on", "-pk").first()
        return format_partial_date(latest.occurred_on, latest.precision) if latest else ""

    @property
    def ended_display(self) -> str:
        return format_partial_date(self.ended_on, self.ended_precision)

    @property
    def signed_year(self) -> int | None:
        return self.signed_on.year if self.signed_on else None


class StatusChange(models.Model):
    """Every status a partnership has had, with when and why."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="status_changes")
    status = models.CharField(max_length=16, choices=PartnershipStatus.choices)
    changed_on = models.DateField()
    reason = models.TextField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["changed_on", "recorded_at"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(reason=""),
                name="status_change_has_reason",
                violation_error_message="Give a reason for the change of status.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_status_display()} from {self.changed_on}"


class Milestone(models.Model):
    """A dated event in a partnership's history, with what came of it."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="milestones")
    kind = models.CharField(max_length=16, choices=MilestoneKind.choices, default=MilestoneKind.EVENT)
    occurred_on = models.DateField()
    precision = models.CharField(max_length=8, choices=DatePrecision.choices, default=DatePrecision.YEAR)
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    participants = models.PositiveIntegerField(null=True, blank=True)
    value_nzd = models.DecimalField("value (NZD)", max_digits=14, decimal_places=2, null=True, blank=True)
    published = models.BooleanField(default=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["occurred_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(value_nzd__isnull=True) | models.Q(value_nzd__gte=0),
                name="milestone_value_not_negative",
                violation_error_message="A value cannot be negative.",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        if self.kind != MilestoneKind.RESIGNED or self.occurred_on is None or not self.partnership_id:
            return
        errors = {}
        signed_on = self.partnership.signed_on
        if signed_on is not None and self.occurred_on < signed_on:
            errors["occurred_on"] = "It cannot be re-signed before it was first signed."
        if not self.description.strip():
            # A re-signing is a date with its basis: the memorandum, the resolution, the visit it was signed at.
            errors["description"] = "Say what records the re-signing: the document, resolution or visit."
        if errors:
            raise ValidationError(errors)

    @property
    def date_display(self) -> str:
        return format_partial_date(self.occurred_on, self.precision)


class Alliance(models.Model):
    """A multilateral agreement (the Tripartite Economic Alliance) or a city network (C40)."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=16, choices=AllianceKind.choices)
    summary = models.TextField(blank=True)
    website = models.URLField(blank=True)
    started_on = models.DateField(null=True, blank=True)
    started_precision = models.CharField(max_length=8, choices=DatePrecision.choices, default=DatePrecision.YEAR)
    ended_on = models.DateField(null=True, blank=True)
    member_count = models.PositiveIntegerField(
        null=True, blank=True, help_text="Members in all, when the register lists only some (C40: 97)."
    )
    focus_areas = models.ManyToManyField(FocusArea, blank=True, related_name="alliances")
    published = models.BooleanField(default=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["kind", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True)
                | models.Q(started_on__isnull=True)
                | models.Q(ended_on__gte=models.F("started_on")),
                name="alliance_ends_after_it_starts",
                violation_error_message="The end date cannot be before the start date.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def started_display(self) -> str:
        return format_partial_date(self.started_on, self.started_precision)


class AllianceMember(models.Model):
    """A member of an alliance: a council of ours, or a place abroad."""

    alliance = models.ForeignKey(Alliance, on_delete=models.CASCADE, related_name="members")
    council = models.ForeignKey(
        "councils.Council", null=True, blank=True, on_delete=models.PROTECT, related_name="alliance_memberships"
    )
    place = models.ForeignKey(
        "places.Place", null=True, blank=True, on_delete=models.PROTECT, related_name="alliance_memberships"
    )
    joined_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(council__isnull=False, place__isnull=True)
                | models.Q(council__isnull=True, place__isnull=False),
                name="alliance_member_is_council_or_place",
                violation_error_message="A member is either one of our councils or a place abroad.",
            ),
        ]

    def __str__(self) -> str:
        return str(self.council or self.place)
