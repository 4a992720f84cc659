"""The back office's import page: upload a list, preview what will change, then apply it.

The file waits between the preview and the apply in a private managed folder (TUHONO_UPLOAD_DIR/imports/),
named by a random token that only the uploader's session knows; it is removed once applied, and any left
waiting is removed after a day. Uploads are bounded by TUHONO_UPLOAD_MAX_BYTES (tuhono/core/uploads.py).
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse

from tuhono.accounts.enums import Role
from tuhono.accounts.selectors import user_has_role
from tuhono.core.uploads import (
    incoming_cleanup,
    managed_cleanup,
    managed_remove,
    managed_root,
    save_upload,
    size_label,
    upload_max_bytes,
    upload_refusal,
)

from .importing.reader import FIELDS, FORMATS, ImportFileError
from .importing.services import partnerships_import, report_csv

PREVIEW_ROWS = 300
SESSION_KEY = "tuhono_import"
FOLDER_KIND = "imports"
WAITING_SECONDS = 24 * 3600


def _upload_dir() -> Path:
    path = managed_root() / FOLDER_KIND
    path.mkdir(mode=0o700, exist_ok=True)
    return path


class ImportForm(forms.Form):
    file = forms.FileField(label="List of partnerships")
    file_format = forms.ChoiceField(
        label="Format", choices=[("", "From the file"), *((f, f.upper()) for f in FORMATS)], required=False
    )
    mapping = forms.CharField(
        label="Columns",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 40}),
        help_text=(
            "Only if the column names are not recognised: one FIELD=COLUMN a line, e.g. place_a=Town. "
            f"Fields: {', '.join(FIELDS)}."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields[
            "file"
        ].help_text = f"CSV, TSV or JSON (UTF-8, UTF-16 or Windows-1252); up to {size_label(upload_max_bytes())}."

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > upload_max_bytes():
            raise forms.ValidationError(f"The file is larger than {size_label(upload_max_bytes())}.")
        return upload

    def clean_mapping(self) -> dict[str, str]:
        mapping: dict[str, str] = {}
        for line in (self.cleaned_data.get("mapping") or "").splitlines():
            if not line.strip():
                continue
            field, sep, column = line.partition("=")
            if not sep or field.strip() not in FIELDS or not column.strip():
                raise forms.ValidationError(f"“{line.strip()}” is not FIELD=COLUMN with a known field.")
            mapping[field.strip()] = column.strip()
        return mapping


def _only_council(request: HttpRequest) -> int | None:
    """A superuser or a national administrator (no council) imports for any council (a national or
    world list); a council's administrator for their own only."""
    user: Any = request.user
    if user.is_superuser or (user.council_id is None and user_has_role(user, Role.ADMINISTRATOR)):
        return None
    if not user.has_perm("partnerships.add_partnership") or user.council_id is None:
        raise PermissionDenied
    return user.council_id


def import_view(model_admin: Any, request: HttpRequest) -> HttpResponse:
    only_council_id = _only_council(request)
    context: dict[str, Any] = {
        **model_admin.admin_site.each_context(request),
        "title": "Import partnerships",
        "opts": model_admin.model._meta,
        "preview_rows": PREVIEW_ROWS,
        "restricted": only_council_id is not None,
    }
    refusal = upload_refusal(request)
    if refusal:
        # The body was not read: say why beside the field, change nothing.
        form = ImportForm(data={})
        form.errors.clear()
        form.add_error("file", refusal)
        context["form"] = form
        return TemplateResponse(request, "admin/partnerships/partnership/import.html", context, status=413)
    action = request.POST.get("action", "")
    if request.method == "POST" and action in ("apply", "report"):
        pending = request.session.get(SESSION_KEY) or {}
        token = request.POST.get("token", "")
        if not token or pending.get("token") != token:
            messages.error(request, "That preview has expired: upload the file again.")
            return HttpResponseRedirect(reverse("admin:partnerships_partnership_import"))
        path = _upload_dir() / f"{token}.upload"
        if not path.exists():
            request.session.pop(SESSION_KEY, None)
            messages.error(request, "That preview has expired: upload the file again.")
            return HttpResponseRedirect(reverse("admin:partnerships_partnership_import"))
        result = partnerships_import(
            actor=request.user,
            path=path,
            filename=pending["filename"],
            file_format=pending.get("format") or None,
            mapping=pending.get("mapping") or {},
            dry_run=action == "report",
            only_council_id=only_council_id,
        )
        if action == "report":
            response = HttpResponse(
                ("\ufeff" + report_csv(result.plan)).encode("utf-8"), content_type="text/csv; charset=utf-8"
            )
            response["Content-Disposition"] = 'attachment; filename="import-report.csv"'
            return response
        path.unlink(missing_ok=True)
        request.session.pop(SESSION_KEY, None)
        messages.success(request, result.summary_line())
        return HttpResponseRedirect(reverse("admin:partnerships_partnership_changelist"))

    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        folder = _upload_dir()
        managed_cleanup(FOLDER_KIND, keep=set(), older_than_seconds=WAITING_SECONDS)
        incoming_cleanup()
        token = secrets.token_urlsafe(24)
        path = save_upload(upload, folder, name=f"{token}.upload")
        try:
            result = partnerships_import(
                actor=request.user,
                path=path,
                filename=upload.name,
                file_format=form.cleaned_data["file_format"] or None,
                mapping=form.cleaned_data["mapping"],
                dry_run=True,
                only_council_id=only_council_id,
            )
        except ImportFileError as error:
            managed_remove(path)
            form.add_error("file", str(error))
        except BaseException:
            managed_remove(path)
            raise
        else:
            request.session[SESSION_KEY] = {
                "token": token,
                "filename": upload.name,
                "format": form.cleaned_data["file_format"],
                "mapping": form.cleaned_data["mapping"],
            }
            context.update(
                {
                    "result": result,
                    "summary": result.plan.summary(),
                    "token": token,
                    "rows": result.plan.outcomes[:PREVIEW_ROWS],
                    "new_councils": result.plan.new_councils[:100],
                    "filename": upload.name,
                }
            )
    context["form"] = form
    return TemplateResponse(request, "admin/partnerships/partnership/import.html", context)
