from django.db import models


class Council(models.Model):
    """A local authority that holds partnerships.

    A legacy council (merged away, such as North Shore City in 2010) points to
    its successor; partnerships it began live on under the successor and
    remember where they came from.
    """

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    maori_name = models.CharField("Māori name", max_length=200, blank=True)
    region = models.CharField(max_length=200, blank=True)
    country_code = models.CharField(max_length=2, default="NZ")
    website = models.URLField(blank=True)
    seat = models.ForeignKey(
        "places.Place",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="councils",
        help_text="The city or town the council is drawn at on the map.",
    )
    successor = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="legacy_councils",
        help_text="For a council merged away: the council that took over.",
    )
    ceased_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(successor=models.F("pk")),
                name="council_not_own_successor",
                violation_error_message="A council cannot be its own successor.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_legacy(self) -> bool:
        return self.successor_id is not None


class PartnerSeeking(models.Model):
    """A council at home or a city abroad saying it seeks a partner. Public once staff publish it.

    The contact details are for staff only: the public list shows who, where and what interests them.
    """

    class Who(models.TextChoices):
        NZ_COUNCIL = "nz_council", "A New Zealand council"
        ABROAD = "abroad", "A city or region abroad"

    who = models.CharField(max_length=16, choices=Who.choices)
    council = models.ForeignKey(
        Council, null=True, blank=True, on_delete=models.PROTECT, related_name="partner_seekings"
    )
    place_name = models.CharField("city or region", max_length=200, blank=True)
    country_code = models.CharField(max_length=2, help_text="ISO 3166-1 alpha-2")
    interests = models.TextField(help_text="What the partnership would be about: education, trade, culture, ...")
    contact_name = models.CharField(max_length=200)
    contact_email = models.EmailField()
    published = models.BooleanField(default=False)
    submitted_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = "partner seeking"
        verbose_name_plural = "partners sought"
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(who="nz_council") | models.Q(council__isnull=False),
                name="partner_seeking_nz_names_council",
                violation_error_message="Choose the New Zealand council that seeks a partner.",
            ),
            models.CheckConstraint(
                condition=~models.Q(who="abroad") | ~models.Q(place_name=""),
                name="partner_seeking_abroad_names_place",
                violation_error_message="Name the city or region that seeks a partner.",
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.council.name if self.council_id and self.council else self.place_name
