"""The register's back office: Django's admin, with every write going through the services."""

from __future__ import annotations

from functools import partial
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse

from tuhono.accounts.selectors import scope_to_user_council, user_may_edit_council
from tuhono.audit.selectors import audit_events_for
from tuhono.core.uploads import upload_view

from . import milestone_services, services
from .admin_import import import_view
from .enums import PartnershipStatus
from .models import Alliance, AllianceMember, FocusArea, Milestone, Partnership, StatusChange


class MilestoneInline(admin.StackedInline):
    model = Milestone
    extra = 0
    fields = [("kind", "occurred_on", "precision"), "title", "description", ("participants", "value_nzd"), "published"]


class StatusChangeInline(admin.TabularInline):
    model = StatusChange
    extra = 0
    can_delete = False
    fields = ("status", "changed_on", "reason", "recorded_by", "recorded_at")
    readonly_fields = fields
    verbose_name_plural = "Status history (use “Change status” to add)"

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class StatusChangeForm(forms.Form):
    status = forms.ChoiceField(choices=PartnershipStatus.choices)
    changed_on = forms.DateField(label="Date of the change", widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), help_text="Why: recorded in the history and the audit trail."
    )


# Websites typed without a scheme are https (Django 6's default, chosen now).
HTTPS_URLS: dict[type[models.Field], dict[str, Any]] = {models.URLField: {"assume_scheme": "https"}}


class CouncilScopedAdmin(admin.ModelAdmin):
    """Staff see their own council's records; the national coordinator reads all; only the own council edits."""

    council_field = "council"
    formfield_overrides = HTTPS_URLS

    def get_queryset(self, request: HttpRequest) -> Any:
        return scope_to_user_council(super().get_queryset(request), request.user, council_field=self.council_field)

    def _council_id(self, obj: Any) -> int | None:
        return getattr(obj, f"{self.council_field}_id", None)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or user_may_edit_council(request.user, self._council_id(obj)))

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Partnership)
class PartnershipAdmin(CouncilScopedAdmin):
    list_display = ["partner", "partner_country", "council", "kind", "status", "signed_display", "published"]
    list_filter = ["kind", "status", "published", "council", "partner__country_code", "focus_areas", "legacy_council"]
    search_fields = ["partner__name", "partner__ascii_name", "council__name", "summary", "partner_authority"]
    list_select_related = ["partner", "council"]
    autocomplete_fields = ["partner"]
    filter_horizontal = ["focus_areas"]
    readonly_fields = ["status", "status_changed_on", "audit_trail"]
    inlines = [StatusChangeInline, MilestoneInline]
    change_form_template = "admin/partnerships/partnership/change_form.html"
    change_list_template = "admin/partnerships/partnership/change_list.html"
    fieldsets = [  # type: ignore[assignment]
        (None, {"fields": ["council", "partner", "kind", ("status", "status_changed_on"), "published"]}),
        ("Dates", {"fields": [("signed_on", "signed_precision"), "signed_basis", ("ended_on", "ended_precision")]}),
        ("Partner", {"fields": ["partner_authority", "partner_website"]}),
        ("Ownership", {"fields": ["legacy_council", ("owner_kind", "owner_name")]}),
        ("Content", {"fields": ["focus_areas", "summary", "story", "source", "slug"]}),
        ("Audit trail", {"fields": ["audit_trail"], "classes": ["collapse"]}),
    ]

    @admin.display(description="Country", ordering="partner__country_code")
    def partner_country(self, obj: Partnership) -> str:
        return obj.partner.country_name

    @admin.display(description="Signed", ordering="signed_on")
    def signed_display(self, obj: Partnership) -> str:
        return obj.signed_display

    @admin.display(description="Audit trail")
    def audit_trail(self, obj: Partnership) -> str:
        if not obj.pk:
            return "–"
        # The partnership's own events; due diligence keeps its own trail, shown to its own staff.
        events = audit_events_for(obj).exclude(action__startswith="vetting.").order_by("-sequence")[:50]
        return "\n".join(f"{e.occurred_at:%d/%m/%Y %H:%M} · {e.actor_label} · {e.action} · {e.payload}" for e in events)

    def get_form(self, request: Any, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        form = super().get_form(request, obj, change=change, **kwargs)
        if "council" in form.base_fields and not request.user.is_superuser:
            council_field = form.base_fields["council"]
            council_field.queryset = council_field.queryset.filter(  # type: ignore[attr-defined]
                pk=request.user.council_id
            )
        if "slug" in form.base_fields:
            form.base_fields["slug"].required = False
            form.base_fields["slug"].help_text = "Leave empty to make one from the council and partner."
        return form

    def save_model(self, request: HttpRequest, obj: Partnership, form: Any, change: bool) -> None:
        data = form.cleaned_data
        focus = [area.name for area in data.get("focus_areas", [])]
        if change:
            changes = {name: data[name] for name in form.changed_data if name in services.EDITABLE_FIELDS}
            if "focus_areas" in form.changed_data:
                changes["focus_areas"] = focus
            fresh = Partnership.objects.get(pk=obj.pk)
            services.partnership_update(actor=request.user, partnership=fresh, **changes)
            obj.refresh_from_db()
        else:
            fields = {name: data[name] for name in services.EDITABLE_FIELDS if name in data and name != "kind"}
            created = services.partnership_create(
                actor=request.user,
                council=data["council"],
                partner=data["partner"],
                kind=data["kind"],
                slug=data.get("slug") or None,
                focus_areas=focus,
                **{k: v for k, v in fields.items() if k not in ("signed_on", "signed_precision")},
                signed_on=data.get("signed_on"),
                signed_precision=data.get("signed_precision") or "year",
            )
            obj.pk = created.pk
            obj.refresh_from_db()

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        form.save_m2m = lambda: None  # focus areas went through the service in save_model
        super().save_related(request, form, formsets, change)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        """Milestones go through the services (permission, validation, audit), never straight to the table."""
        partnership = form.instance
        fields = milestone_services.MILESTONE_FIELDS
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []  # for the change message
        for inline in formset.forms:
            delete = bool(formset.can_delete and getattr(inline, "cleaned_data", {}).get("DELETE"))
            if not inline.has_changed() and not delete:
                continue
            instance = inline.instance
            if delete:
                if instance.pk:
                    milestone_services.milestone_remove(actor=request.user, milestone=instance)
                continue
            values = {name: inline.cleaned_data[name] for name in fields if name in inline.cleaned_data}
            if instance.pk:
                fresh = Milestone.objects.get(pk=instance.pk)
                milestone_services.milestone_update(actor=request.user, milestone=fresh, **values)
            else:
                milestone_services.milestone_add(actor=request.user, partnership=partnership, **values)

    def get_urls(self) -> list[Any]:
        return [
            path(
                "import/",
                self.admin_site.admin_view(upload_view(partial(import_view, self))),
                name="partnerships_partnership_import",
            ),
            path(
                "<int:object_id>/status/",
                self.admin_site.admin_view(self.change_status_view),
                name="partnerships_partnership_status",
            ),
            *super().get_urls(),
        ]

    def change_status_view(self, request: HttpRequest, object_id: int) -> HttpResponse:
        partnership = get_object_or_404(self.get_queryset(request), pk=object_id)
        if not self.has_change_permission(request, partnership):
            raise PermissionDenied
        form = StatusChangeForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                services.partnership_change_status(actor=request.user, partnership=partnership, **form.cleaned_data)
            except ValidationError as error:
                for field, messages_ in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, messages_)
            else:
                messages.success(request, f"Status changed to {partnership.get_status_display().lower()}.")
                return HttpResponseRedirect(reverse("admin:partnerships_partnership_change", args=[partnership.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": f"Change the status of {partnership}",
            "form": form,
            "partnership": partnership,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/partnerships/partnership/change_status.html", context)


@admin.register(FocusArea)
class FocusAreaAdmin(admin.ModelAdmin):
    search_fields = ["name"]
    prepopulated_fields = {"slug": ("name",)}


class AllianceMemberInline(admin.TabularInline):
    model = AllianceMember
    extra = 0
    autocomplete_fields = ["place"]


@admin.register(Alliance)
class AllianceAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ["name", "kind", "started_on", "member_count", "published"]
    list_filter = ["kind", "published"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ["focus_areas"]
    inlines = [AllianceMemberInline]
