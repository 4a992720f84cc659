"""The watch lists in the back office: what is in force, and an upload of a new version."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from .enums import ListFormat
from .models import ListEntity, ListVersion, Source
from .services.imports import WatchlistImportRefused, watchlist_import


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "created_at"]


class ListUploadForm(forms.Form):
    source = forms.CharField(
        label="List name",
        max_length=200,
        help_text="The same name for every version of one list, e.g. 'UN SC consolidated'.",
    )
    file_format = forms.ChoiceField(
        label="Format",
        required=False,
        choices=[("", "Work it out from the file"), *ListFormat.choices],
    )
    file = forms.FileField(
        label="List file",
        help_text="entities.ftm.json, targets.simple.csv, the UN XML, sdn.csv, the MFAT .xlsx or a plain CSV.",
    )
    ofac_alt = forms.FileField(label="OFAC alt.csv (aliases)", required=False)
    ofac_add = forms.FileField(label="OFAC add.csv (addresses)", required=False)


@admin.register(ListVersion)
class ListVersionAdmin(admin.ModelAdmin):
    list_display = ["source", "imported_at", "status", "entity_count", "added_count", "changed_count", "removed_count"]
    list_filter = ["status", "source"]
    readonly_fields = [f.name for f in ListVersion._meta.fields]
    change_list_template = "admin/watchlists/listversion/change_list.html"

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_urls(self) -> list[Any]:
        return [
            path("upload/", self.admin_site.admin_view(self.upload_view), name="watchlists_listversion_upload"),
            *super().get_urls(),
        ]

    def add_view(self, request: HttpRequest, form_url: str = "", extra_context: Any = None) -> HttpResponse:
        return HttpResponseRedirect(reverse("admin:watchlists_listversion_upload"))

    def upload_view(self, request: HttpRequest) -> HttpResponse:
        """Upload a list file; it goes through the same import as `manage.py watchlist_import`."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ListUploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            with tempfile.TemporaryDirectory(prefix="tuhono-list-") as folder:
                main = self._save(form.cleaned_data["file"], Path(folder))
                for field, name in (("ofac_alt", "alt.csv"), ("ofac_add", "add.csv")):
                    if form.cleaned_data.get(field):
                        self._save(form.cleaned_data[field], Path(folder), name=name)
                try:
                    result = watchlist_import(
                        path=main,
                        source_name=form.cleaned_data["source"].strip(),
                        file_format=form.cleaned_data["file_format"] or None,
                        actor=request.user,
                    )
                except WatchlistImportRefused as refused:
                    form.add_error("file", f"Refused: {refused.reason}. The previous version stays in force.")
                else:
                    messages.success(request, result.message)
                    return HttpResponseRedirect(reverse("admin:watchlists_listversion_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "title": "Upload a new version of a watch list",
            "form": form,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/watchlists/listversion/upload.html", context)

    @staticmethod
    def _save(upload: Any, folder: Path, *, name: str | None = None) -> Path:
        # Only the base name of what the browser sends: an upload never chooses where it is written.
        target = folder / (name or Path(upload.name).name or "list")
        with target.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        return target


@admin.register(ListEntity)
class ListEntityAdmin(admin.ModelAdmin):
    list_display = ["caption", "schema", "source", "entity_id"]
    list_filter = ["source", "schema"]
    search_fields = ["caption", "entity_id"]
    readonly_fields = [f.name for f in ListEntity._meta.fields]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
