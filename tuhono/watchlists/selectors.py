"""Reads of the watch-list domain."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

from .enums import ListUploadStatus, ListVersionStatus
from .models import ListEntity, ListUpload, ListVersion, Source
from .permissions import user_may_keep_lists, user_may_see_list


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


def lists_visible(*, user: Any) -> QuerySet[Source]:
    """The lists a security officer sees: their council's and the national ones (see permissions)."""
    if not user_may_keep_lists(user):
        return Source.objects.none()
    scope = Q(council__isnull=True)
    if user.council_id is not None:
        scope |= Q(council_id=user.council_id)
    return Source.objects.filter(scope).select_related("council").order_by("name")


def list_get(*, user: Any, pk: int) -> Source | None:
    return lists_visible(user=user).filter(pk=pk).first()


def uploads_waiting(*, user: Any) -> QuerySet[ListUpload]:
    """Staged versions of the lists the user sees, waiting for a confirmation."""
    if not user_may_keep_lists(user):
        return ListUpload.objects.none()
    scope = Q(council__isnull=True)
    if user.council_id is not None:
        scope |= Q(council_id=user.council_id)
    return (
        ListUpload.objects.filter(scope)
        .exclude(status=ListUploadStatus.CONFIRMED)
        .select_related("uploaded_by", "confirmed_by", "council")
    )


def upload_get(*, user: Any, pk: int) -> ListUpload | None:
    if not user_may_keep_lists(user):
        return None
    upload = (
        ListUpload.objects.filter(pk=pk)
        .select_related("uploaded_by", "confirmed_by", "second_confirmed_by", "version", "restored_from", "council")
        .first()
    )
    if upload is None or not user_may_see_list(user, upload.council_id):
        return None
    return upload


def version_get(*, user: Any, pk: int) -> ListVersion | None:
    version = ListVersion.objects.filter(pk=pk).select_related("source").first()
    if version is None or not user_may_see_list(user, version.source.council_id):
        return None
    return version


def in_force_by_source(sources: list[Source]) -> dict[int, ListVersion]:
    return {v.source_id: v for v in ListVersion.objects.filter(source__in=sources, status=ListVersionStatus.IN_FORCE)}
