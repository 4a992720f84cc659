"""The audit trail in Django's admin: read-only, scoped to the administrator's council.

A due-diligence event shows that it happened, when and by whom; what it says
(its payload and target) only to that council's security officers and approvers.
"""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from tuhono.core.admin import ReadOnlyAdmin

from .models import AuditEvent
from .selectors import WITHHELD, audit_content_visible, audit_events_visible_to

CONTENT_FIELDS = ("target_label", "payload")


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    """Read-only: the trail is append-only."""

    list_filter = ["action"]
    # Not the target or payload: a search must not find what a due-diligence event says.
    search_fields = ["actor_label", "action"]

    def get_queryset(self, request: HttpRequest) -> Any:
        return audit_events_visible_to(request.user).select_related("council")

    def get_list_display(self, request: HttpRequest) -> Any:
        def target(event: AuditEvent) -> str:
            return event.target_label if audit_content_visible(request.user, event) else WITHHELD

        target.short_description = "Target"  # type: ignore[attr-defined]
        return ["sequence", "occurred_at", "actor_label", "action", target, "council"]

    def get_list_filter(self, request: HttpRequest) -> Any:
        user: Any = request.user
        return ["action", "council"] if user.is_superuser or user.council_id is None else ["action"]

    def _visible(self, request: HttpRequest, obj: Any) -> bool:
        return obj is None or audit_content_visible(request.user, obj)

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        names = [f.name for f in AuditEvent._meta.fields]
        if self._visible(request, obj):
            return names
        return [name for name in names if name not in CONTENT_FIELDS] + ["content"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return self.get_fields(request, obj)

    @admin.display(description="What it says")
    def content(self, obj: AuditEvent) -> str:
        return WITHHELD
