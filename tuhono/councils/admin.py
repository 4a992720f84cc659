from typing import Any

from django.contrib import admin
from django.db import models
from django.http import HttpRequest

from .models import Council, PartnerSeeking
from .services import partner_seeking_set_published


@admin.register(Council)
class CouncilAdmin(admin.ModelAdmin):
    list_display = ["name", "maori_name", "region", "successor"]
    list_filter = ["region"]
    search_fields = ["name", "maori_name"]
    autocomplete_fields = ["seat"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(PartnerSeeking)
class PartnerSeekingAdmin(admin.ModelAdmin):
    """Administrators read requests and publish them; publishing goes through the service (audited).

    A council's administrator sees the requests naming their council; those from abroad (no council)
    and every council's, a national administrator (no council) or a superuser.
    """

    list_display = ["display_name", "who", "country_code", "submitted_at", "published"]
    list_filter = ["published", "who", "country_code"]
    search_fields = ["place_name", "council__name", "interests"]
    readonly_fields = ["submitted_at", "published_at"]
    actions = ["publish", "withdraw"]

    def get_queryset(self, request: HttpRequest) -> Any:
        requests = super().get_queryset(request)
        user: Any = request.user
        if user.is_superuser or user.council_id is None:
            return requests
        return requests.filter(council_id=user.council_id)

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        form = super().get_form(request, obj, change=change, **kwargs)
        user: Any = request.user
        if "council" in form.base_fields and not user.is_superuser and user.council_id is not None:
            council = form.base_fields["council"]
            council.queryset = council.queryset.filter(pk=user.council_id)  # type: ignore[attr-defined]
        return form

    @admin.action(description="Publish on the public list")
    def publish(self, request, queryset):  # type: ignore[no-untyped-def]
        for seeking in queryset:
            partner_seeking_set_published(actor=request.user, seeking=seeking, published=True)

    @admin.action(description="Withdraw from the public list")
    def withdraw(self, request, queryset):  # type: ignore[no-untyped-def]
        for seeking in queryset:
            partner_seeking_set_published(actor=request.user, seeking=seeking, published=False)

    def save_model(self, request, obj, form, change):  # type: ignore[no-untyped-def]
        published = obj.published
        if change and "published" in form.changed_data:
            obj.published = not published
            super().save_model(request, obj, form, change)
            partner_seeking_set_published(actor=request.user, seeking=obj, published=published)
        else:
            super().save_model(request, obj, form, change)
