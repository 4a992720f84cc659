from django.contrib import admin
from django.db import models

from .models import Council


@admin.register(Council)
class CouncilAdmin(admin.ModelAdmin):
    list_display = ["name", "maori_name", "region", "successor"]
    list_filter = ["region"]
    search_fields = ["name", "maori_name"]
    autocomplete_fields = ["seat"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
