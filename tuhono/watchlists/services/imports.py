"""Importing a watch-list file as a new version of its source."""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import orjson
from django.db import transaction
from django.utils import timezone
from followthemoney import EntityProxy
from followthemoney.types import registry

from tuhono.audit.actions import AuditAction
from tuhono.audit.services import audit_record
from tuhono.core.uploads import managed_relative, managed_remove

from ..enums import ListVersionStatus
from ..importers import WatchlistFormatError, detect_format, reader_for, source_files
from ..models import SCREENED_FIELDS, ListEntity, ListVersion, Source

BATCH_SIZE = 2000
NAME_PROPS = ("name", "alias", "previousName", "abbreviation")


class WatchlistImportRefused(Exception):
    """The file was refused: nothing was written and the version in force stays in force."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        self.version = None
        super().__init__(reason)


@dataclass
class ImportResult:
    version: ListVersion
    unchanged: bool = False
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def message(self) -> str:
        v = self.version
        if self.unchanged:
            return (
                f"{v.source.name}: this file is the version already in force "
                f"(imported {v.imported_at:%Y-%m-%d %H:%M}); nothing changed."
            )
        return (
            f"{v.source.name}: version {v.pk} in force with {v.entity_count} entities "
            f"({v.added_count} added, {v.changed_count} changed, {v.removed_count} removed)."
        )


def file_sha256(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    return digest.hexdigest()


def entity_fields(proxy: EntityProxy) -> dict[str, Any]:
    """The stored form of one FollowTheMoney entity, with its content hash."""
    names: list[str] = []
    for prop in NAME_PROPS:
        if proxy.schema.get(prop) is None:
            continue
        for value in proxy.get(prop):
            if value not in names:
                names.append(value)
    caption = proxy.caption or (names[0] if names else proxy.id) or ""
    if not names:
        names = [caption]
    properties = {prop: sorted(values) for prop, values in proxy.to_dict()["properties"].items()}
    datasets = sorted(set(proxy.context.get("datasets", [])))
    content = orjson.dumps(
        {"schema": proxy.schema.name, "properties": properties, "datasets": datasets},
        option=orjson.OPT_SORT_KEYS,
    )
    return {
        "schema": proxy.schema.name,
        "caption": caption[:500],
        "names": names,
        "birth_dates": sorted(proxy.get("birthDate", quiet=True)),
        "countries": sorted(set(proxy.get_type_values(registry.country))),
        "topics": sorted(proxy.get("topics", quiet=True)),
        "datasets": datasets,
        "properties": properties,
        "content_hash": hashlib.blake2b(content, digest_size=16).hexdigest(),
    }


def entity_kind(schema: str) -> str:
    if schema == "Person":
        return "person"
    if schema in {"Organization", "Company", "LegalEntity", "PublicBody"}:
        return "organisation"
    return "other"


READ_ERRORS = (csv.Error, UnicodeError, RecursionError, OverflowError)


def checked_entities(proxies: Iterable[EntityProxy]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(entity id, stored fields) of each entity of a file; refuses bad or repeated ids and unreadable text."""
    seen: set[str] = set()
    number = 0
    try:
        for number, proxy in enumerate(proxies, start=1):
            entity_id = (proxy.id or "").strip()
            if not entity_id or len(entity_id) > 255:
                raise WatchlistFormatError("an entity id must be 1 to 255 characters", line=number)
            if entity_id in seen:
                raise WatchlistFormatError(f"entity id {entity_id!r} appears twice", line=number)
            seen.add(entity_id)
            yield entity_id, entity_fields(proxy)
    except READ_ERRORS as exc:
        raise WatchlistFormatError(f"cannot be read after entity {number} ({exc})") from exc


def existing_entities(source: Source | None) -> dict[str, tuple[int, str, bool]]:
    """entity_id -> (pk, content_hash, removed?) for everything a source ever held."""
    if source is None or source.pk is None:
        return {}
    return {
        entity_id: (pk, content_hash, removed is not None)
        for entity_id, pk, content_hash, removed in ListEntity.objects.filter(source=source)
        .values_list("entity_id", "pk", "content_hash", "removed_in_version")
        .iterator(chunk_size=10000)
    }


def _load(version: ListVersion, proxies: Iterable[EntityProxy]) -> dict[str, int]:
    """Apply a stream of entities to the source's stored entities; return the counts."""
    source = version.source
    existing = existing_entities(source)
    seen: set[str] = set()
    counts = {"entities": 0, "person": 0, "organisation": 0, "other": 0, "added": 0, "changed": 0, "removed": 0}
    to_create: list[ListEntity] = []
    to_update: list[ListEntity] = []
    update_fields = [*SCREENED_FIELDS, "datasets", "content_hash", "changed_in_version", "removed_in_version"]

    def flush() -> None:
        if to_create:
            ListEntity.objects.bulk_create(to_create)
            to_create.clear()
        if to_update:
            ListEntity.objects.bulk_update(to_update, update_fields)
            to_update.clear()

    for entity_id, data in checked_entities(proxies):
        seen.add(entity_id)
        counts["entities"] += 1
        counts[entity_kind(data["schema"])] += 1
        known = existing.get(entity_id)
        if known is None:
            counts["added"] += 1
            to_create.append(
                ListEntity(
                    source=source,
                    entity_id=entity_id,
                    first_seen_version=version,
                    changed_in_version=version,
                    last_seen_version=version,
                    **data,
                )
            )
        elif known[2] or known[1] != data["content_hash"]:
            # A removed entity that comes back counts as added again.
            counts["added" if known[2] else "changed"] += 1
            to_update.append(ListEntity(pk=known[0], changed_in_version=version, removed_in_version=None, **data))
        if len(to_create) + len(to_update) >= BATCH_SIZE:
            flush()
    flush()
    if counts["entities"] == 0:
        raise WatchlistFormatError("the file holds no entities")

    gone = [pk for entity_id, (pk, _, removed) in existing.items() if not removed and entity_id not in seen]
    counts["removed"] = len(gone)
    for start in range(0, len(gone), BATCH_SIZE):
        ListEntity.objects.filter(pk__in=gone[start : start + BATCH_SIZE]).update(removed_in_version=version)
    ListEntity.objects.filter(source=source, removed_in_version__isnull=True).update(last_seen_version=version)
    return counts


def refuse(*, source_name: str, file_name: str, sha256: str, reason: str, actor: Any) -> NoReturn:
    """Record a refusal in the audit trail (nothing else is written) and raise it."""
    source = Source.objects.filter(name=source_name).first()
    target = source or (actor if getattr(actor, "is_authenticated", False) else None)
    if target is not None:
        with transaction.atomic():
            audit_record(
                actor=actor,
                action=AuditAction.WATCHLIST_IMPORT_REFUSED,
                target=target,
                council_id=source.council_id if source else getattr(actor, "council_id", None),
                payload={"source": source_name, "file": file_name, "sha256": sha256, "reason": reason},
            )
    raise WatchlistImportRefused(reason)


def land_version(
    *,
    source: Source,
    path: Path,
    file_format: str,
    sha256: str,
    actor: Any,
    archive: str = "",
    payload: dict[str, Any] | None = None,
) -> tuple[ListVersion, dict[str, int]]:
    """Put a file's entities in force as a new version of `source`, inside the caller's transaction.

    Raises WatchlistFormatError (and the caller's transaction rolls everything back) on a bad file.
    """
    version = ListVersion.objects.create(
        source=source,
        file_name=path.name,
        file_format=file_format,
        sha256=sha256,
        imported_at=timezone.now(),
        status=ListVersionStatus.IMPORTING,
        archive=archive,
    )
    counts = _load(version, reader_for(file_format)(path))
    ListVersion.objects.filter(source=source, status=ListVersionStatus.IN_FORCE).update(
        status=ListVersionStatus.SUPERSEDED
    )
    version.status = ListVersionStatus.IN_FORCE
    version.entity_count = counts["entities"]
    version.person_count = counts["person"]
    version.organisation_count = counts["organisation"]
    version.other_count = counts["other"]
    version.added_count = counts["added"]
    version.changed_count = counts["changed"]
    version.removed_count = counts["removed"]
    version.full_clean()
    version.save()
    audit_record(
        actor=actor,
        action=AuditAction.WATCHLIST_VERSION_IMPORTED,
        target=version,
        council_id=source.council_id,
        payload={
            "source": source.name,
            "file": path.name,
            "format": file_format,
            "sha256": sha256,
            **counts,
            **(payload or {}),
        },
    )
    return version, counts


def watchlist_import(
    *,
    path: Path,
    source_name: str,
    file_format: str | None = None,
    actor: Any = None,
    council: Any = None,
    archive: bool = True,
) -> ImportResult:
    """Import one published list file as the new version of `source_name` and put it in force at once.

    This is the operator's command line (`manage.py watchlist_import`): importing and confirming
    in one explicit act. Staff upload through `versions.version_stage` and confirm separately.
    A new source belongs to `council` (None: a national list).

    Guarantees: the file is streamed (never read whole); either every entity
    lands and the new version is in force, or nothing is written (not even the
    source), the refusal is audited with the line and reason, and the previous
    version stays in force; importing the file already in force changes nothing.
    The file is kept (under TUHONO_UPLOAD_DIR) so the version can be restored later.
    """
    from .versions import archive_files, on_version_confirmed

    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(path)
    source_name = source_name.strip()
    try:
        detected: str = file_format or detect_format(path)
    except WatchlistFormatError as exc:
        refuse(source_name=source_name, file_name=path.name, sha256=file_sha256([path]), reason=str(exc), actor=actor)
    file_format = detected
    files = source_files(path, file_format)
    sha256 = file_sha256(files)
    source = Source.objects.filter(name=source_name).first()
    in_force = ListVersion.objects.filter(source=source, status=ListVersionStatus.IN_FORCE).first() if source else None
    if in_force is not None and in_force.sha256 == sha256 and in_force.file_format == file_format:
        with transaction.atomic():
            audit_record(
                actor=actor,
                action=AuditAction.WATCHLIST_IMPORT_UNCHANGED,
                target=in_force,
                council_id=in_force.source.council_id,
                payload={"source": in_force.source.name, "file": path.name, "sha256": sha256},
            )
        return ImportResult(version=in_force, unchanged=True)

    folder = archive_files(files) if archive else None
    try:
        with transaction.atomic():
            if source is None:
                source = Source.objects.create(name=source_name, council=council)
            version, counts = land_version(
                source=source,
                path=folder / path.name if folder else path,
                file_format=file_format,
                sha256=sha256,
                actor=actor,
                archive=managed_relative(folder) if folder else "",
            )
            on_version_confirmed(version=version, actor=actor)
    except WatchlistFormatError as exc:
        managed_remove(folder)
        if not exc.file_name:
            exc = WatchlistFormatError(exc.reason, line=exc.line, file_name=path.name)
        refuse(source_name=source_name, file_name=path.name, sha256=sha256, reason=str(exc), actor=actor)
    except BaseException:
        managed_remove(folder)
        raise
    return ImportResult(version=version, counts=counts)
