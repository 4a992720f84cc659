from django.db import models


class PlaceKind(models.TextChoices):
    CITY = "city", "City or town"
    WARD = "ward", "Ward or district"
    PROVINCE = "province", "Province, state or region"
    COUNTRY = "country", "Country"
