"""The admin shows visits read-only (the workflow runs through the staff pages and services);
staff edit the public visit guidelines here."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from tuhono.accounts.selectors import scope_to_user_council, user_may_edit_council

from .models import ContactLogEntry, PublicMessage, Visit, VisitGuidelines, VisitParty


class CouncilScopedAdmin(admin.ModelAdmin):
    def get_queryset(self, request: HttpRequest) -> Any:
        return scope_to_user_council(super().get_queryset(request), request.user)


class ReadOnlyAdmin(CouncilScopedAdmin):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(VisitGuidelines)
class VisitGuidelinesAdmin(CouncilScopedAdmin):
    list_display = ["council", "notice_weeks", "max_group_size", "updated_at"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or user_may_edit_council(request.user, obj.council_id))

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "council" and not request.user.is_superuser:
            from tuhono.councils.models import Council

            user: Any = request.user
            kwargs["queryset"] = Council.objects.filter(pk=user.council_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class VisitPartyInline(admin.TabularInline):
    model = VisitParty
    extra = 0
    can_delete = False
    fields = ("kind", "name", "name_original", "role", "organisation", "nationality", "added_after_approval")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Visit)
class VisitAdmin(ReadOnlyAdmin):
    list_display = ["reference", "organisation", "kind", "state", "council", "proposed_start", "starts_on"]
    list_filter = ["state", "kind", "council"]
    search_fields = ["reference", "organisation", "parties__name", "parties__name_original"]
    inlines = [VisitPartyInline]


@admin.register(ContactLogEntry)
class ContactLogEntryAdmin(ReadOnlyAdmin):
    list_display = ["occurred_on", "topic", "partnership", "initiated_by", "council"]
    list_filter = ["council", "initiated_by"]


@admin.register(PublicMessage)
class PublicMessageAdmin(ReadOnlyAdmin):
    list_display = ["reference", "kind", "subject", "received_at", "council"]
    list_filter = ["kind", "council"]
