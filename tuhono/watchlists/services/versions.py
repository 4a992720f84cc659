"""New versions of a list, staged: preview, confirmation (by a second officer for large removals), restore.

A security officer's upload is parsed into a preview (`ListUpload`: how many entities are added,
changed and removed, with a few names of each) while nothing in force changes. Only a confirmation
puts it in force; when it removes more than TUHONO_WATCHLIST_REMOVAL_SECOND_OFFICER_SHARE of the
entities in force, a second, different security officer must confirm as well. A file with no
entities is refused outright. Every confirmed version keeps its file, so an earlier version can be
restored, which stages it again as a new version needing the same confirmations.
Who may do what: `tuhono.watchlists.permissions`.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from tuhono.audit.actions import AuditAction
from tuhono.audit.services import audit_record
from tuhono.core.uploads import (
    incoming_cleanup,
    managed_cleanup,
    managed_folder,
    managed_path,
    managed_relative,
    managed_remove,
    save_upload,
)

from ..enums import ListFormat, ListUploadStatus, ListVersionStatus
from ..importers import WatchlistFormatError, detect_format, reader_for, source_files
from ..models import ListEntity, ListUpload, ListVersion, Source
from ..permissions import user_may_keep_list, user_may_keep_lists
from .imports import checked_entities, existing_entities, file_sha256, land_version, refuse
from .index_build import index_build_schedule

logger = logging.getLogger(__name__)
FOLDER_KIND = "watchlists"
SAMPLE_SIZE = 10
OFAC_EXTRAS = {"ofac_alt": "alt.csv", "ofac_add": "add.csv"}


def removal_share_limit() -> float:
    return float(getattr(settings, "TUHONO_WATCHLIST_REMOVAL_SECOND_OFFICER_SHARE", 0.20))


def archive_files(files: list[Path]) -> Path:
    """Copy a list's files into a new managed folder (kept for a restore); the folder."""
    folder = managed_folder(FOLDER_KIND)
    for file in files:
        shutil.copyfile(file, folder / file.name)
    return folder


@contextmanager
def _upload_folder() -> Iterator[Path]:
    """A new managed folder for a staged upload's files, removed again if filling it fails."""
    folder = managed_folder(FOLDER_KIND)
    try:
        yield folder
    except BaseException:
        managed_remove(folder)
        raise


def on_version_confirmed(*, version: ListVersion, actor: Any = None) -> None:
    """Everything that follows a version coming into force, in the transaction that confirms it.

    The screening index of the versions now in force is built in the background (with the database task
    backend the queued build commits or rolls back with the version); when it is ready, screening that
    waited runs and every party is re-screened against what the version changed, so alerts on removed
    entities lapse then, never before a confirmation.
    """
    index_build_schedule()


def _preview(*, source: Source | None, path: Path, file_format: str) -> dict[str, Any]:
    """Counts and sample names of what the file would change; reads the database only."""
    existing = existing_entities(source)
    seen: set[str] = set()
    counts = {"entities": 0, "added": 0, "changed": 0}
    samples: dict[str, list[str]] = {"added": [], "changed": [], "removed": []}
    for entity_id, data in checked_entities(reader_for(file_format)(path)):
        seen.add(entity_id)
        counts["entities"] += 1
        known = existing.get(entity_id)
        if known is None or known[2]:
            change = "added"
        elif known[1] != data["content_hash"]:
            change = "changed"
        else:
            continue
        counts[change] += 1
        if len(samples[change]) < SAMPLE_SIZE:
            samples[change].append(data["caption"])
    if counts["entities"] == 0:
        raise WatchlistFormatError(
            "the file holds no entities; a list is never emptied by an upload (nothing was changed)"
        )
    in_force = [entity_id for entity_id, (_, _, removed) in existing.items() if not removed]
    gone = [existing[entity_id][0] for entity_id in in_force if entity_id not in seen]
    samples["removed"] = list(
        ListEntity.objects.filter(pk__in=gone[:SAMPLE_SIZE]).order_by("caption").values_list("caption", flat=True)
    )
    return {**counts, "removed": len(gone), "in_force": len(in_force), "samples": samples}


def _stage(
    *,
    actor: Any,
    source: Source | None,
    source_name: str,
    council: Any,
    folder: Path,
    main: Path,
    file_format: str | None,
    restored_from: ListVersion | None = None,
) -> ListUpload:
    """Parse the files in `folder` into a staged upload; on any refusal the folder is removed and nothing is written."""
    try:
        try:
            detected = file_format or detect_format(main)
        except WatchlistFormatError as exc:
            refuse(source_name=source_name, file_name=main.name, sha256="", reason=str(exc), actor=actor)
        files = source_files(main, detected)
        sha256 = file_sha256(files)
        base = ListVersion.objects.filter(source=source, status=ListVersionStatus.IN_FORCE).first() if source else None
        if base is not None and base.sha256 == sha256 and base.file_format == detected:
            refuse(
                source_name=source_name,
                file_name=main.name,
                sha256=sha256,
                reason="this file is the version already in force; nothing would change",
                actor=actor,
            )
        try:
            preview = _preview(source=source, path=main, file_format=detected)
        except WatchlistFormatError as exc:
            if not exc.file_name:
                exc = WatchlistFormatError(exc.reason, line=exc.line, file_name=main.name)
            refuse(source_name=source_name, file_name=main.name, sha256=sha256, reason=str(exc), actor=actor)
        share = preview["removed"] / preview["in_force"] if preview["in_force"] else 0.0
        with transaction.atomic():
            upload = ListUpload.objects.create(
                source=source,
                source_name=source_name,
                council=council,
                file_name=main.name,
                file_format=detected,
                sha256=sha256,
                folder=managed_relative(folder),
                uploaded_by=actor,
                uploaded_at=timezone.now(),
                base_version=base,
                restored_from=restored_from,
                in_force_count=preview["in_force"],
                entity_count=preview["entities"],
                added_count=preview["added"],
                changed_count=preview["changed"],
                removed_count=preview["removed"],
                samples=preview["samples"],
                needs_second_officer=share > removal_share_limit(),
            )
            audit_record(
                actor=actor,
                action=(
                    AuditAction.WATCHLIST_VERSION_RESTORE_STAGED
                    if restored_from
                    else AuditAction.WATCHLIST_VERSION_STAGED
                ),
                target=upload,
                council_id=getattr(council, "pk", None),
                payload={
                    "source": source_name,
                    "file": main.name,
                    "format": detected,
                    "sha256": sha256,
                    "restored_from": restored_from.pk if restored_from else None,
                    **{k: preview[k] for k in ("entities", "added", "changed", "removed", "in_force")},
                },
            )
    except BaseException:
        managed_remove(folder)
        raise
    return upload


def _source_for(*, actor: Any, source_name: str) -> tuple[Source | None, Any]:
    """The list an upload is for and its council; refuses one the actor does not keep."""
    if not user_may_keep_lists(actor):
        raise PermissionDenied("Only security officers keep watch lists.")
    source = Source.objects.filter(name=source_name).select_related("council").first()
    if source is None:
        return None, actor.council
    if not user_may_keep_list(actor, source.council_id):
        raise ValidationError({"source": "That name is taken by a list you do not keep: choose another name."})
    return source, source.council


def version_stage(
    *,
    actor: Any,
    source_name: str,
    upload: Any,
    file_format: str | None = None,
    extra_uploads: dict[str, Any] | None = None,
) -> ListUpload:
    """Stage an uploaded file as the next version of `source_name` (a new list if none has that name).

    Nothing in force changes. Refusals (a file that cannot be read, an empty list, the version
    already in force) raise WatchlistImportRefused and leave no row and no file behind.
    """
    source_name = (source_name or "").strip()
    if not source_name:
        raise ValidationError({"source": "Enter the list's name."})
    if file_format and file_format not in ListFormat.values:
        raise ValidationError({"file_format": "Choose a format from the list."})
    source, council = _source_for(actor=actor, source_name=source_name)
    uploads_expire()
    with _upload_folder() as folder:
        main = save_upload(upload, folder)
        for field, name in OFAC_EXTRAS.items():
            if (extra_uploads or {}).get(field):
                save_upload(extra_uploads[field], folder, name=name)  # type: ignore[index]
    return _stage(
        actor=actor,
        source=source,
        source_name=source_name,
        council=council,
        folder=folder,
        main=main,
        file_format=file_format,
    )


def version_restore(*, actor: Any, version: ListVersion) -> ListUpload:
    """Stage an earlier version's file again; it comes into force only once confirmed like any upload."""
    source = version.source
    if not user_may_keep_list(actor, source.council_id):
        raise PermissionDenied("You do not keep this list.")
    if version.status != ListVersionStatus.SUPERSEDED or not version.archive:
        raise ValidationError("Only an earlier version whose file was kept can be restored.")
    archived = managed_path(version.archive)
    if not (archived / version.file_name).exists():
        raise ValidationError("The file of that version is no longer kept; it cannot be restored.")
    with _upload_folder() as folder:
        for file in archived.iterdir():
            shutil.copyfile(file, folder / file.name)
    return _stage(
        actor=actor,
        source=source,
        source_name=source.name,
        council=source.council,
        folder=folder,
        main=folder / version.file_name,
        file_format=version.file_format,
        restored_from=version,
    )


def _require_keeper(actor: Any, upload: ListUpload) -> None:
    if not user_may_keep_list(actor, upload.council_id):
        raise PermissionDenied("You do not keep this list.")


@transaction.atomic
def version_confirm(*, actor: Any, upload: ListUpload) -> ListUpload:
    """Confirm a staged version. It comes into force now, or, when it removes more than the set share of
    the entities in force, once a second, different security officer confirms it too."""
    upload = ListUpload.objects.select_for_update().get(pk=upload.pk)
    _require_keeper(actor, upload)
    if upload.status == ListUploadStatus.CONFIRMED:
        raise ValidationError("This version is already confirmed.")
    current = (
        ListVersion.objects.filter(source=upload.source, status=ListVersionStatus.IN_FORCE).first()
        if upload.source
        else None
    )
    if (current.pk if current else None) != upload.base_version_id:
        raise ValidationError("The list has changed since this preview was made. Discard it and upload the file again.")
    now = timezone.now()
    payload = {"source": upload.source_name, "removed": upload.removed_count, "in_force": upload.in_force_count}
    if upload.status == ListUploadStatus.STAGED and upload.needs_second_officer:
        upload.status = ListUploadStatus.AWAITING_SECOND
        upload.confirmed_by, upload.confirmed_at = actor, now
        upload.save(update_fields=["status", "confirmed_by", "confirmed_at"])
        audit_record(
            actor=actor,
            action=AuditAction.WATCHLIST_VERSION_CONFIRMED,
            target=upload,
            council_id=upload.council_id,
            payload={**payload, "awaiting_second_officer": True},
        )
        return upload
    if upload.status == ListUploadStatus.AWAITING_SECOND:
        if upload.confirmed_by_id == actor.pk:
            raise ValidationError("A second, different security officer must confirm this version.")
        upload.second_confirmed_by = actor
    else:
        upload.confirmed_by, upload.confirmed_at = actor, now
    folder = managed_path(upload.folder)
    main = folder / upload.file_name
    if file_sha256(source_files(main, upload.file_format)) != upload.sha256:
        raise ValidationError("The staged file has changed since its preview. Discard it and upload it again.")
    source = upload.source
    if source is None:
        if Source.objects.filter(name=upload.source_name).exists():
            raise ValidationError("A list of this name was made since this preview. Discard it and upload again.")
        source = Source.objects.create(name=upload.source_name, council=upload.council)
    try:
        with transaction.atomic():
            version, _ = land_version(
                source=source,
                path=main,
                file_format=upload.file_format,
                sha256=upload.sha256,
                actor=actor,
                archive=upload.folder,
                payload={
                    "upload": upload.pk,
                    "confirmed_by": upload.confirmed_by_id,
                    "second_confirmed_by": upload.second_confirmed_by_id,
                    "restored_from": upload.restored_from_id,
                },
            )
    except WatchlistFormatError as exc:
        raise ValidationError(f"The file could not be put in force: {exc}") from exc
    upload.source, upload.version, upload.status = source, version, ListUploadStatus.CONFIRMED
    upload.save()
    on_version_confirmed(version=version, actor=actor)
    return upload


@transaction.atomic
def version_discard(*, actor: Any, upload: ListUpload) -> None:
    """Throw a staged version away, with its file; nothing in force changed, nothing does."""
    upload = ListUpload.objects.select_for_update().get(pk=upload.pk)
    _require_keeper(actor, upload)
    if upload.status == ListUploadStatus.CONFIRMED:
        raise ValidationError("A confirmed version cannot be discarded; restore an earlier version instead.")
    audit_record(
        actor=actor,
        action=AuditAction.WATCHLIST_VERSION_DISCARDED,
        target=upload,
        council_id=upload.council_id,
        payload={"source": upload.source_name, "file": upload.file_name, "sha256": upload.sha256},
    )
    folder = upload.folder
    upload.delete()
    transaction.on_commit(lambda: managed_remove(folder))


def uploads_expire() -> int:
    """Discard staged versions nobody confirmed in TUHONO_WATCHLIST_STAGED_DAYS, and files nothing refers to."""
    days = int(getattr(settings, "TUHONO_WATCHLIST_STAGED_DAYS", 7))
    stale = ListUpload.objects.exclude(status=ListUploadStatus.CONFIRMED).filter(
        uploaded_at__lt=timezone.now() - timedelta(days=days)
    )
    expired = 0
    for upload in stale:
        with transaction.atomic():
            audit_record(
                actor=None,
                action=AuditAction.WATCHLIST_VERSION_EXPIRED,
                target=upload,
                council_id=upload.council_id,
                payload={"source": upload.source_name, "file": upload.file_name},
            )
            folder = upload.folder
            upload.delete()
        managed_remove(folder)
        expired += 1
    keep = set(ListUpload.objects.values_list("folder", flat=True)) | set(
        ListVersion.objects.exclude(archive="").values_list("archive", flat=True)
    )
    managed_cleanup(FOLDER_KIND, keep=keep, older_than_seconds=24 * 3600)
    incoming_cleanup()
    return expired
