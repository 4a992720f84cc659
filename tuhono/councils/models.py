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
