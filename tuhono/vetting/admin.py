"""Vetting in the Django admin: read-only, and only for the council's security officers and approvers.

Administrators and the national coordinator see nothing here; changes go
through the staff pages, whose services audit them.
"""

from typing import Any

from django.contrib import admin

from .access import user_may_read_vetting
from .models import Advice, Arrangement, ArrangementNotice, Assessment, Decision, ScreenedParty, ScreeningMatch


class ConfidentialAdmin(admin.ModelAdmin):
    council_field = "council"

    def has_module_permission(self, request: Any) -> bool:
        return user_may_read_vetting(request.user)

    def has_view_permission(self, request: Any, obj: Any = None) -> bool:
        return user_may_read_vetting(request.user)

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def get_queryset(self, request: Any) -> Any:
        queryset = super().get_queryset(request)
        if not user_may_read_vetting(request.user):
            return queryset.none()
        return queryset.filter(**{f"{self.council_field}_id": request.user.council_id})


@admin.register(ScreenedParty)
class ScreenedPartyAdmin(ConfidentialAdmin):
    list_display = ["name", "case_label", "status", "screened_at"]
    list_filter = ["status", "case_kind"]


@admin.register(ScreeningMatch)
class ScreeningMatchAdmin(ConfidentialAdmin):
    council_field = "party__council"
    list_display = ["party", "caption", "score", "status"]
    list_filter = ["status"]


@admin.register(Assessment)
class AssessmentAdmin(ConfidentialAdmin):
    list_display = ["case_label", "rating", "status", "updated_at"]


@admin.register(Advice)
class AdviceAdmin(ConfidentialAdmin):
    council_field = "assessment__council"


@admin.register(Decision)
class DecisionAdmin(ConfidentialAdmin):
    council_field = "assessment__council"


@admin.register(Arrangement)
class ArrangementAdmin(ConfidentialAdmin):
    council_field = "partnership__council"


@admin.register(ArrangementNotice)
class ArrangementNoticeAdmin(ConfidentialAdmin):
    council_field = "arrangement__partnership__council"
