from django.db import models

from .enums import PlaceKind


class Place(models.Model):
    """A partner: a city, a ward, a province or a whole country."""

    name = models.CharField(max_length=200)
    ascii_name = models.CharField(max_length=200, blank=True)
    # Other spellings and scripts: 福岡市, Fukuoka-shi, ...
    alternate_names = models.JSONField(default=list, blank=True)
    kind = models.CharField(max_length=16, choices=PlaceKind.choices, default=PlaceKind.CITY)
    country_code = models.CharField(max_length=2, help_text="ISO 3166-1 alpha-2")
    admin1 = models.CharField("province or state", max_length=200, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    population = models.PositiveBigIntegerField(null=True, blank=True)
    geonames_id = models.PositiveBigIntegerField(null=True, blank=True, unique=True)

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["country_code", "name"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True) | models.Q(latitude__gte=-90, latitude__lte=90),
                name="place_latitude_in_range",
                violation_error_message="Latitude must be between -90 and 90.",
            ),
            models.CheckConstraint(
                condition=models.Q(longitude__isnull=True) | models.Q(longitude__gte=-180, longitude__lte=180),
                name="place_longitude_in_range",
                violation_error_message="Longitude must be between -180 and 180.",
            ),
            models.CheckConstraint(
                condition=models.Q(country_code__regex=r"^[A-Z]{2}$"),
                name="place_country_code_iso",
                violation_error_message="Country must be a two-letter ISO 3166 code.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def native_names(self) -> list[str]:
        """Alternate names in the country's own script, for display (福岡市 for Fukuoka)."""
        from .scripts import native_names

        return native_names(self.alternate_names or [], self.country_code)

    @property
    def native_language(self) -> str:
        from .scripts import native_language

        return native_language(self.country_code)

    @property
    def country_name(self) -> str:
        from .countries import country_name

        return country_name(self.country_code)
