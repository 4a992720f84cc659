from django.contrib import admin

from .models import Place


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "country_code", "latitude", "longitude", "population", "geonames_id"]
    list_filter = ["kind", "country_code"]
    search_fields = ["name", "ascii_name"]
