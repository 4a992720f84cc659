from django.contrib import admin

from .models import ListEntity, ListVersion, Source


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "created_at"]


@admin.register(ListVersion)
class ListVersionAdmin(admin.ModelAdmin):
    list_display = ["source", "imported_at", "status", "entity_count", "added_count", "changed_count", "removed_count"]
    list_filter = ["status", "source"]
    readonly_fields = [f.name for f in ListVersion._meta.fields]


@admin.register(ListEntity)
class ListEntityAdmin(admin.ModelAdmin):
    list_display = ["caption", "schema", "source", "entity_id"]
    list_filter = ["source", "schema"]
    search_fields = ["caption", "entity_id"]
    readonly_fields = [f.name for f in ListEntity._meta.fields]
