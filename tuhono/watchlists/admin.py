"""The watch lists in Django's admin: read-only, for administrators.

Security officers upload, confirm and restore versions in the staff pages (/staff/vetting/lists/),
where a new version is previewed and confirmed before it is in force; the admin changes nothing.
"""

from __future__ import annotations

from django.contrib import admin

from tuhono.core.admin import ReadOnlyAdmin

from .models import ListEntity, ListUpload, ListVersion, Source


@admin.register(Source)
class SourceAdmin(ReadOnlyAdmin):
    list_display = ["name", "council", "created_at"]


@admin.register(ListVersion)
class ListVersionAdmin(ReadOnlyAdmin):
    list_display = ["source", "imported_at", "status", "entity_count", "added_count", "changed_count", "removed_count"]
    list_filter = ["status", "source"]
    readonly_fields = [f.name for f in ListVersion._meta.fields]


@admin.register(ListUpload)
class ListUploadAdmin(ReadOnlyAdmin):
    list_display = ["source_name", "file_name", "uploaded_at", "status", "added_count", "removed_count"]
    list_filter = ["status"]
    readonly_fields = [f.name for f in ListUpload._meta.fields]


@admin.register(ListEntity)
class ListEntityAdmin(ReadOnlyAdmin):
    list_display = ["caption", "schema", "source", "entity_id"]
    list_filter = ["source", "schema"]
    search_fields = ["caption", "entity_id"]
    readonly_fields = [f.name for f in ListEntity._meta.fields]
