"""The screening index on disk: built once per set of list versions in force, switched atomically.

    index_signature() -> tuple[int, ...]     the pks of the list versions in force
    index_ready(signature=None) -> bool
    index_build_now(force=False) -> BuildOutcome    build here and now (command line, background task)
    index_build_schedule() -> None                   queue the build; when done, `index_ready` fires
    mapped_index() -> CandidateIndex                 the index in force; IndexNotReady if not built yet
    index_status() -> IndexStatus                    what the security officer's page shows

Layout under `TUHONO_SCREENING_INDEX_DIR` (default var/screening-index/):

    v-<versions>-<digest>/   one complete index (see matching/mapped.py)
    current.json             which folder is in force, replaced by an atomic rename
    building.json            progress of a build under way
    .build.lock              one build at a time on the machine

A build writes into a hidden temporary folder, fsyncs every file, renames the
folder into place and only then rewrites current.json: a crash at any point
leaves the previous index in force and the next build starts afresh. Old
folders are removed after the switch (a process still mapping one keeps its
pages until it lets go).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import logging
import os
import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from django_tasks import task

from tuhono.audit.actions import AuditAction
from tuhono.audit.services import audit_record

from ..enums import ListVersionStatus
from ..matching.index import CandidateIndex
from ..matching.mapped import MappedIndex, folder_bytes, write_index
from ..matching.tagging import use_table
from ..models import ListEntity, ListVersion

logger = logging.getLogger(__name__)

# Sent (sender=None, signature=...) when the index for the versions in force is ready:
# screening that waited for it can go ahead and re-screening can start.
index_ready_signal = Signal()

POINTER = "current.json"
PROGRESS = "building.json"


class IndexNotReady(Exception):
    """The index for the list versions in force has not been built yet; screening waits for it."""


@dataclass(frozen=True)
class BuildOutcome:
    signature: tuple[int, ...]
    folder: Path | None
    built: bool  # False: it was there already
    entities: int = 0
    seconds: float = 0.0
    bytes: int = 0


@dataclass(frozen=True)
class IndexStatus:
    signature: tuple[int, ...]
    ready: bool
    entities: int
    bytes: int
    built_at: str
    building: dict[str, Any] | None


def index_root() -> Path:
    configured = getattr(settings, "TUHONO_SCREENING_INDEX_DIR", "") or Path(settings.BASE_DIR) / "var/screening-index"
    return Path(configured)


def _versions_in_force() -> list[tuple[int, str, str]]:
    return [
        (pk, sha, imported.isoformat() if imported else "")
        for pk, sha, imported in ListVersion.objects.filter(status=ListVersionStatus.IN_FORCE)
        .order_by("pk")
        .values_list("pk", "sha256", "imported_at")
    ]


def index_signature() -> tuple[int, ...]:
    """The list versions in force, by pk: one index per distinct signature."""
    return tuple(pk for pk, _, _ in _versions_in_force())


def _folder_name(versions: list[tuple[int, str, str]]) -> str:
    # The file digests and import times as well as the pks: a database restored
    # from a backup or rebuilt from scratch can reuse a pk for another list.
    digest = hashlib.sha256(json.dumps(versions).encode("utf-8")).hexdigest()[:16]
    return "v-" + "-".join(str(pk) for pk, _, _ in versions) + "-" + digest


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]
    except (FileNotFoundError, ValueError):
        return None


def _write_json_atomic(path: Path, body: dict[str, Any]) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with temporary.open("w", encoding="utf-8") as handle:
        json.dump(body, handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _ready_folder(versions: list[tuple[int, str, str]]) -> Path | None:
    pointer = _read_json(index_root() / POINTER)
    name = _folder_name(versions)
    if pointer is None or pointer.get("folder") != name:
        return None
    folder = index_root() / name
    return folder if (folder / "meta.json").exists() else None


def index_ready(signature: tuple[int, ...] | None = None) -> bool:
    versions = _versions_in_force()
    if signature is not None and signature != tuple(pk for pk, _, _ in versions):
        return False
    return not versions or _ready_folder(versions) is not None


_lock = threading.Lock()
_mapped: dict[str, CandidateIndex] = {}


def mapped_index() -> CandidateIndex:
    """The index of the list versions in force, mapped from disk (once per process and version).

    Raises IndexNotReady when it has not been built yet: the caller queues the
    screening instead of building in the middle of a request.
    """
    versions = _versions_in_force()
    if not versions:
        return _empty()
    folder = _ready_folder(versions)
    if folder is None:
        raise IndexNotReady(f"the screening index for list versions {[v[0] for v in versions]} is not built yet")
    key = str(folder)
    with _lock:
        index = _mapped.get(key)
        if index is None:
            _mapped.clear()  # let go of the previous version's mapping
            index = _mapped[key] = MappedIndex(folder)
            use_table(index.symbol_table)
        return index


def _empty() -> CandidateIndex:
    index = CandidateIndex()
    index.freeze()
    return index


def forget_mapped() -> None:
    """Drop this process's mapping (tests; a folder moved by hand)."""
    with _lock:
        _mapped.clear()
        use_table(None)


@contextlib.contextmanager
def _build_lock(root: Path) -> Iterator[None]:
    root.mkdir(parents=True, exist_ok=True)
    with (root / ".build.lock").open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)  # a second builder waits, then finds the work done
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _entities() -> Iterator[tuple[int, str, list[str]]]:
    return (
        ListEntity.objects.filter(removed_in_version__isnull=True, source__versions__status=ListVersionStatus.IN_FORCE)
        .order_by()
        .values_list("pk", "schema", "names")
        .iterator(chunk_size=20000)
    )


def _clean_up(root: Path, keep: str) -> None:
    for path in root.iterdir():
        if path.is_dir() and path.name != keep and (path.name.startswith("v-") or path.name.startswith(".build-")):
            shutil.rmtree(path, ignore_errors=True)


def index_build_now(*, force: bool = False, actor: Any = None) -> BuildOutcome:
    """Build the index of the list versions in force unless it is there already; switch to it atomically.

    Safe to run twice at once (the second waits and finds it built) and after a
    crash (the half-written folder is thrown away). Sends `index_ready_signal`.
    """
    root = index_root()
    with _build_lock(root):
        versions = _versions_in_force()
        signature = tuple(pk for pk, _, _ in versions)
        existing = _ready_folder(versions) if versions else None
        if not versions or (existing is not None and not force):
            _send_ready(signature)
            return BuildOutcome(signature=signature, folder=existing, built=False)
        name = _folder_name(versions)
        started = time.perf_counter()
        total = ListEntity.objects.filter(
            removed_in_version__isnull=True, source__versions__status=ListVersionStatus.IN_FORCE
        ).count()
        progress_path = root / PROGRESS

        def progress(done: int) -> None:
            _write_json_atomic(
                progress_path,
                {"signature": list(signature), "done": done, "total": total, "started": timezone.now().isoformat()},
            )

        progress(0)
        temporary = root / f".build-{name}-{os.getpid()}"
        shutil.rmtree(temporary, ignore_errors=True)
        info = write_index(
            temporary, _entities(), meta={"signature": list(signature), "folder": name}, progress=progress
        )
        final = root / name
        if final.exists():  # a forced rebuild: the old copy goes once the new one is complete
            shutil.rmtree(final)
        os.rename(temporary, final)
        _fsync_dir(root)
        size = folder_bytes(final)
        _write_json_atomic(
            root / POINTER,
            {
                "folder": name,
                "signature": list(signature),
                "entities": info["entities"],
                "bytes": size,
                "built_at": timezone.now().isoformat(),
            },
        )
        progress_path.unlink(missing_ok=True)
        _clean_up(root, keep=name)
        seconds = time.perf_counter() - started
    with transaction.atomic():
        audit_record(
            actor=actor,
            action=AuditAction.WATCHLIST_INDEX_BUILT,
            target=ListVersion.objects.get(pk=signature[-1]),
            payload={"list_versions": list(signature), "entities": info["entities"], "bytes": size},
        )
    logger.info("screening index for %s: %s entities, %.1f s, %s bytes", signature, info["entities"], seconds, size)
    _send_ready(signature)
    return BuildOutcome(
        signature=signature, folder=final, built=True, entities=info["entities"], seconds=seconds, bytes=size
    )


def _send_ready(signature: tuple[int, ...]) -> None:
    if signature == index_signature():
        index_ready_signal.send(sender=None, signature=signature)


@task()
def index_build_task(force: bool = False) -> dict[str, Any]:
    """Background task: build the index for the versions in force (then `index_ready_signal` fires)."""
    outcome = index_build_now(force=force)
    if outcome.signature != index_signature():  # another version landed while building
        index_build_task.enqueue()
    return {"signature": list(outcome.signature), "built": outcome.built, "entities": outcome.entities}


def index_build_schedule() -> None:
    """Queue the build of the index for the versions in force.

    Call after a list version is confirmed, in its transaction: with the database
    task backend the queued build commits (or rolls back) with the version. When the build is done, screening
    that waited runs and every party is re-screened against what the version
    changed (the vetting domain listens to `index_ready_signal`).
    """
    if not _build_queued():
        index_build_task.enqueue()


def _build_queued() -> bool:
    """Whether a build is already waiting in the database queue (one is enough, however many ask)."""
    if index_build_task.get_backend().__class__.__name__ != "DatabaseBackend":
        return False
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.ready().filter(task_path=index_build_task.module_path).exists()


def index_status() -> IndexStatus:
    versions = _versions_in_force()
    signature = tuple(pk for pk, _, _ in versions)
    root = index_root()
    pointer = _read_json(root / POINTER) or {}
    ready = not versions or _ready_folder(versions) is not None
    building = _read_json(root / PROGRESS)
    return IndexStatus(
        signature=signature,
        ready=ready,
        entities=int(pointer.get("entities", 0)) if ready else 0,
        bytes=int(pointer.get("bytes", 0)) if ready else 0,
        built_at=str(pointer.get("built_at", "")) if ready else "",
        building=building if not ready else None,
    )
