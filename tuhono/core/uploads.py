"""Uploaded files, bounded and safe: one mechanism for every upload form.

- A request whose declared body is larger than `TUHONO_UPLOAD_MAX_BYTES` is refused before any of
  its body is read (`UploadLimitMiddleware`); a body that turns out larger than it said is stopped
  by `BoundedUploadHandler` as soon as it passes the limit. Files always go to disk, never memory.
- Views that take files are wrapped in `upload_view`: they show the refusal beside the file field
  (`upload_refusal(request)`), and otherwise run under the usual CSRF check.
- `zip_guard` checks a zip (xlsx) before anything opens it: total and per-member uncompressed sizes
  and the compression ratio, so a decompression bomb is refused, not inflated.
- `text_encoding` tells how a text file is encoded (BOM, UTF-8, else Windows-1252) in one streaming pass.
- `managed_folder` keeps files that must outlive a request (a staged watch list, an import waiting
  for its confirmation) in one folder under `TUHONO_UPLOAD_DIR`, and `managed_cleanup` removes
  what was left behind.
"""

from __future__ import annotations

import codecs
import os
import shutil
import tempfile
import time
import uuid
import zipfile
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import TemporaryUploadedFile, UploadedFile
from django.core.files.uploadhandler import FileUploadHandler, StopUpload, TemporaryFileUploadHandler
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils.datastructures import MultiValueDict
from django.views.decorators.csrf import csrf_exempt, csrf_protect

DEFAULT_MAX_BYTES = 100 * 1024 * 1024
# Uncompressed size of a zip (xlsx) per byte allowed in an upload, and the largest ratio of one member.
ZIP_EXPANSION_ALLOWED = 10
ZIP_MAX_RATIO = 200
ZIP_MAX_MEMBERS = 10_000
UPLOAD_METHODS = {"POST", "PUT", "PATCH"}


class UploadRefused(ValueError):
    """An uploaded file that will not be read: too large, a decompression bomb, an unreadable encoding."""


def upload_max_bytes() -> int:
    return int(getattr(settings, "TUHONO_UPLOAD_MAX_BYTES", DEFAULT_MAX_BYTES))


def size_label(size: int) -> str:
    """100 MB, 512 KB: how the limit is said on forms."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.0f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} bytes"


def too_large_message() -> str:
    return (
        f"The file is larger than {size_label(upload_max_bytes())}, the most this site accepts. Choose a smaller file."
    )


def declared_length(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


class BoundedUploadHandler(FileUploadHandler):
    """Stops reading an upload as soon as the body passes the limit, and says so to the view."""

    def __init__(self, request: HttpRequest | None = None) -> None:
        super().__init__(request)
        self.limit = upload_max_bytes()
        self.received = 0

    def _refuse(self) -> None:
        if self.request is not None:
            self.request.upload_refusal = too_large_message()  # type: ignore[attr-defined]
        raise StopUpload(connection_reset=True)

    def handle_raw_input(
        self, input_data: Any, META: Any, content_length: int, boundary: Any, encoding: Any = None
    ) -> tuple[QueryDict, MultiValueDict] | None:
        if content_length > self.limit:
            # Parsed as nothing: not a byte of the body is read.
            if self.request is not None:
                self.request.upload_refusal = too_large_message()  # type: ignore[attr-defined]
            return QueryDict(), MultiValueDict()
        return None

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > self.limit:
            self._refuse()
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None


INCOMING = "incoming"


class ManagedTemporaryUploadedFile(TemporaryUploadedFile):
    """An uploaded file being received, on disk under TUHONO_UPLOAD_DIR/incoming/ (never /tmp); the file is
    removed when the request ends, and one left by a worker killed mid-upload is cleaned after a day."""

    def __init__(
        self,
        name: str | None,
        content_type: str | None,
        size: int,
        charset: str | None,
        content_type_extra: Any = None,
    ) -> None:
        folder = managed_root() / INCOMING
        folder.mkdir(mode=0o700, exist_ok=True)
        suffix = ".upload" + os.path.splitext(name or "")[1][:20]
        file = tempfile.NamedTemporaryFile(suffix=suffix, dir=folder)  # noqa: SIM115
        self._path = file.name
        UploadedFile.__init__(self, file, name, content_type, size, charset, content_type_extra)

    def temporary_file_path(self) -> str:
        return str(self._path)


class ManagedTemporaryFileUploadHandler(TemporaryFileUploadHandler):
    def new_file(self, *args: Any, **kwargs: Any) -> None:
        FileUploadHandler.new_file(self, *args, **kwargs)
        self.file = ManagedTemporaryUploadedFile(
            self.file_name, self.content_type, 0, self.charset, self.content_type_extra
        )


def incoming_cleanup() -> int:
    """Remove received files a killed worker left behind (older than a day)."""
    return managed_cleanup(INCOMING, keep=set(), older_than_seconds=24 * 3600)


class UploadLimitMiddleware:
    """Before anything reads a request's body: refuse one declared too large, bound the rest.

    A refused body is never read: the request's form data is empty and `upload_refusal` says why.
    Views wrapped in `upload_view` show that beside their file field; any other view meets its
    usual CSRF check (which fails without the form's token), so nothing acts on a refused request.
    """

    def __init__(self, get_response: Callable[[HttpRequest], Any]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> Any:
        if request.method in UPLOAD_METHODS:
            # A form field never needs more than this in memory; every file goes to a temporary file on disk.
            request.upload_handlers = [BoundedUploadHandler(request), ManagedTemporaryFileUploadHandler(request)]
            if declared_length(request) > upload_max_bytes():
                request.upload_refusal = too_large_message()  # type: ignore[attr-defined]
                request._post = QueryDict()  # type: ignore[attr-defined]
                request._files = MultiValueDict()  # type: ignore[attr-defined]
        return self.get_response(request)


def upload_refusal(request: HttpRequest) -> str:
    """Why this request's upload was refused before it was read ('' when it was not)."""
    return str(getattr(request, "upload_refusal", "") or "")


def upload_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """For a view that takes files. A refused upload reaches the view without a CSRF check, since it
    has no form data to check; the view must then only show `upload_refusal(request)` and change nothing."""
    protected = csrf_protect(view)

    @csrf_exempt
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method in UPLOAD_METHODS and upload_refusal(request):
            return view(request, *args, **kwargs)
        return protected(request, *args, **kwargs)

    return wrapped


def zip_guard(path: Path, *, max_bytes: int | None = None) -> None:
    """Refuse a zip (an xlsx is one) whose contents would inflate past the limits, before it is opened."""
    limit = (max_bytes or upload_max_bytes()) * ZIP_EXPANSION_ALLOWED
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UploadRefused("The file is not a readable spreadsheet (zip) file.") from exc
    if len(members) > ZIP_MAX_MEMBERS:
        raise UploadRefused(f"The spreadsheet holds {len(members)} parts, more than {ZIP_MAX_MEMBERS}: refused.")
    total = 0
    for member in members:
        total += member.file_size
        ratio = member.file_size // max(member.compress_size, 1)
        if member.file_size > 1024 * 1024 and ratio > ZIP_MAX_RATIO:
            raise UploadRefused(
                f"The spreadsheet's part {member.filename!r} would expand {ratio} times "
                f"(to {size_label(member.file_size)}): refused as a possible decompression bomb."
            )
        if total > limit:
            raise UploadRefused(
                f"The spreadsheet would expand to more than {size_label(limit)}: "
                "refused as a possible decompression bomb."
            )


BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _decodes(path: Path, encoding: str, chunk_size: int) -> int | None:
    """None when the whole file decodes in `encoding`; else the 1-based offset of the first bad byte."""
    decoder = codecs.getincrementaldecoder(encoding)()
    offset = 0
    with path.open("rb") as handle:
        while chunk := handle.read(chunk_size):
            if b"\x00" in chunk:
                raise UploadRefused(
                    "The file holds NUL bytes: it is not text, or it is UTF-16 without a byte-order mark. "
                    "Save it as UTF-8 (or UTF-16 with a byte-order mark) and upload it again."
                )
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                return offset + exc.start + 1
            offset += len(chunk)
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return offset
    return None


def text_encoding(path: Path, *, chunk_size: int = 1 << 20) -> str:
    """The encoding to read a text file in: its byte-order mark's (UTF-8, UTF-16, UTF-32); UTF-8 when every
    byte decodes as UTF-8; otherwise Windows-1252 (Latin-1 as written by Windows) when that decodes it.

    Streams the file (never reads it whole). Raises UploadRefused for a file that is none of these
    (binary data, UTF-16 without a byte-order mark)."""
    with path.open("rb") as handle:
        head = handle.read(4)
    for bom, encoding in BOMS:
        if head.startswith(bom):
            return encoding
    if _decodes(path, "utf-8", chunk_size) is None:
        return "utf-8"
    bad = _decodes(path, "cp1252", chunk_size)
    if bad is None:
        return "cp1252"
    raise UploadRefused(
        f"The file is neither UTF-8 nor Windows-1252/Latin-1 text (byte {bad}). Save it as UTF-8 and upload it again."
    )


def managed_root() -> Path:
    root = Path(getattr(settings, "TUHONO_UPLOAD_DIR", Path(settings.BASE_DIR) / "var" / "uploads"))
    root.mkdir(mode=0o700, parents=True, exist_ok=True)
    return root


def managed_folder(kind: str) -> Path:
    """A new private folder for one upload under TUHONO_UPLOAD_DIR/<kind>/."""
    folder = managed_root() / kind / uuid.uuid4().hex
    folder.mkdir(mode=0o700, parents=True)
    return folder


def managed_path(relative: str) -> Path:
    """A path under TUHONO_UPLOAD_DIR from its stored relative form; never outside it."""
    root = managed_root().resolve()
    path = (root / relative).resolve()
    if root not in path.parents:
        raise ValueError("not a managed upload path")
    return path


def managed_relative(path: Path) -> str:
    return str(path.resolve().relative_to(managed_root().resolve()))


def managed_remove(path: Path | str | None) -> None:
    if not path:
        return
    target = managed_path(path) if isinstance(path, str) else path
    if target.is_dir():
        shutil.rmtree(target, ignore_errors=True)
    else:
        target.unlink(missing_ok=True)


def managed_cleanup(kind: str, *, keep: set[str], older_than_seconds: float) -> int:
    """Remove folders of `kind` that nothing refers to (not in `keep`) and that are older than the age given."""
    base = managed_root() / kind
    if not base.exists():
        return 0
    removed = 0
    cutoff = time.time() - older_than_seconds
    for folder in base.iterdir():
        if managed_relative(folder) in keep or folder.stat().st_mtime > cutoff:
            continue
        managed_remove(folder)
        removed += 1
    return removed


def save_upload(upload: Any, folder: Path, *, name: str | None = None) -> Path:
    """Write an uploaded file into `folder` under its base name only (an upload never chooses where it goes)."""
    base = Path(name or Path(str(upload.name or "")).name or "upload").name or "upload"
    target = folder / base
    with target.open("wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    return target
