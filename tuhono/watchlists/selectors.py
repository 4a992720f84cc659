"""Reads of the watch-list domain."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from .enums import ListVersionStatus
from .models import ListEntity, ListVersion, Source


def versions_in_force() -> QuerySet[ListVersion]:
    """The version of each source that screening uses now."""
    return (
        ListVersion.objects.filter(status=ListVersionStatus.IN_FORCE).select_related("source").order_by("source__name")
    )


def version_history(*, source: Source) -> QuerySet[ListVersion]:
    return ListVersion.objects.filter(source=source).order_by("-imported_at", "-pk")


def entities_in_force() -> QuerySet[ListEntity]:
    return ListEntity.objects.filter(
        removed_in_version__isnull=True, source__versions__status=ListVersionStatus.IN_FORCE
    ).distinct()


@dataclass(frozen=True)
class VersionChanges:
    """What a list version changed: which screened subjects need a fresh look."""

    version: ListVersion
    added_or_changed: QuerySet[ListEntity]
    removed: QuerySet[ListEntity]


def version_changes(*, version: ListVersion) -> VersionChanges:
    """Entities added or changed in `version` (still as `version` left them) and those it removed."""
    return VersionChanges(
        version=version,
        added_or_changed=ListEntity.objects.filter(changed_in_version=version, removed_in_version__isnull=True),
        removed=ListEntity.objects.filter(removed_in_version=version),
    )


def changes_since(*, version: ListVersion) -> VersionChanges:
    """Everything of `version`'s source that changed after `version`, up to the version in force.

    For a subject screened against `version`: re-screen it if any of
    `added_or_changed` could match it; a match on one of `removed` is gone.
    """
    later = ListVersion.objects.filter(source=version.source, pk__gt=version.pk).exclude(
        status=ListVersionStatus.FAILED
    )
    newest = later.order_by("-pk").first() or version
    return VersionChanges(
        version=newest,
        added_or_changed=ListEntity.objects.filter(
            source=version.source, changed_in_version__gt=version.pk, removed_in_version__isnull=True
        ),
        removed=ListEntity.objects.filter(source=version.source, removed_in_version__gt=version.pk),
    )


def entity_get(*, source_name: str, entity_id: str) -> ListEntity | None:
    return ListEntity.objects.filter(source__name=source_name, entity_id=entity_id).select_related("source").first()
