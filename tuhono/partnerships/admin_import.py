"""The back office's import page: upload a list, preview what will change, then apply it.

The file waits between the preview and the apply in a private temporary directory, named by
a random token that only the uploader's session knows.
"""

from __future__ import annotations

import secrets
import tempfile
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

from .importing.reader import FIELDS, FORMATS, ImportFileError
from .importing.services import partnerships_import, report_csv

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
PREVIEW_ROWS = 300
SESSION_KEY = "tuhono_import"


def _upload_dir() -> Path:
    path = Path(tempfile.gettempdir()) / "tuhono-imports"
    path.mkdir(mode=0o700, exist_ok=True)
    return path


class ImportForm(forms.Form):
    file = forms.FileField(label="List of partnerships", help_text="CSV, TSV or JSON; up to 20 MB.")
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

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The file is larger than 20 MB.")
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
    action = request.POST.get("action", "")
    if request.method == "POST" and action in ("apply", "report"):
        pending = request.session.get(SESSION_KEY) or {}
        token = request.POST.get("token", "")
        if not token or pending.get("token") != token:
            messages.error(request, "That preview has expired: upload the file again.")
            return HttpResponseRedirect(reverse("admin:partnerships_partnership_import"))
        path = _upload_dir() / f"{token}.upload"
        data = path.read_bytes()
        result = partnerships_import(
            actor=request.user,
            data=data,
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
        data = upload.read()
        try:
            result = partnerships_import(
                actor=request.user,
                data=data,
                filename=upload.name,
                file_format=form.cleaned_data["file_format"] or None,
                mapping=form.cleaned_data["mapping"],
                dry_run=True,
                only_council_id=only_council_id,
            )
        except ImportFileError as error:
            form.add_error("file", str(error))
        else:
            token = secrets.token_urlsafe(24)
            (_upload_dir() / f"{token}.upload").write_bytes(data)
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
