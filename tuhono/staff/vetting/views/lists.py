"""Watch lists for security officers: the lists and their versions, an upload staged as a preview,
its confirmation (and a second officer's for large removals), and the restore of an earlier version.

Who sees and keeps which list is `tuhono.watchlists.permissions`; the services enforce it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from tuhono.core.uploads import size_label, upload_max_bytes, upload_refusal, upload_view
from tuhono.staff.views.common import add_refusal
from tuhono.watchlists import selectors
from tuhono.watchlists.enums import ListUploadStatus
from tuhono.watchlists.permissions import list_scope_label, user_may_keep_list, user_may_keep_lists
from tuhono.watchlists.services.imports import WatchlistImportRefused
from tuhono.watchlists.services.versions import (
    removal_share_limit,
    version_confirm,
    version_discard,
    version_restore,
    version_stage,
)

from ..list_forms import ListUploadForm


def lists_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Anonymous people are sent to sign in; anyone but a security officer is refused."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not user_may_keep_lists(request.user):
            raise PermissionDenied("Watch lists are kept by security officers.")
        return view(request, *args, **kwargs)

    return wrapped


@lists_required
def list_index(request: HttpRequest) -> HttpResponse:
    sources = list(selectors.lists_visible(user=request.user))
    in_force = selectors.in_force_by_source(sources)
    rows = [
        {
            "source": source,
            "scope": list_scope_label(source.council),
            "version": in_force.get(source.pk),
            "may_keep": user_may_keep_list(request.user, source.council_id),
        }
        for source in sources
    ]
    return render(
        request,
        "staff/vetting/lists.html",
        {"rows": rows, "waiting": list(selectors.uploads_waiting(user=request.user))},
    )


@lists_required
def list_detail(request: HttpRequest, pk: int) -> HttpResponse:
    source = selectors.list_get(user=request.user, pk=pk)
    if source is None:
        raise Http404("No such list")
    return render(
        request,
        "staff/vetting/list_detail.html",
        {
            "source": source,
            "scope": list_scope_label(source.council),
            "versions": list(selectors.version_history(source=source)),
            "may_keep": user_may_keep_list(request.user, source.council_id),
        },
    )


def _upload_page(request: HttpRequest, form: ListUploadForm, *, status: int = 200) -> HttpResponse:
    show_errors = bool(form.errors)
    form.prepare_widgets(show_errors=show_errors)
    return render(
        request,
        "staff/vetting/list_upload.html",
        {
            "form": form,
            "show_errors": show_errors,
            "error_links": form.error_links() if show_errors else [],
            "limit": size_label(upload_max_bytes()),
        },
        status=status,
    )


@lists_required
@upload_view
def list_upload(request: HttpRequest) -> HttpResponse:
    refusal = upload_refusal(request)
    if refusal:
        # The body was not read: show why beside the field, change nothing.
        form = ListUploadForm(data={"source": ""})
        form.errors.clear()
        form.add_error("file", refusal)
        return _upload_page(request, form, status=413)
    form = ListUploadForm(
        request.POST if request.method == "POST" else None, request.FILES if request.method == "POST" else None
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            upload = version_stage(
                actor=request.user,
                source_name=data["source"],
                upload=data["file"],
                file_format=data["file_format"] or None,
                extra_uploads={"ofac_alt": data.get("ofac_alt"), "ofac_add": data.get("ofac_add")},
            )
        except WatchlistImportRefused as refused:
            form.add_error("file", f"Refused: {refused.reason}. Nothing was changed.")
        except ValidationError as error:
            add_refusal(form, error)
        else:
            messages.success(request, "The file was read. Check what it changes, then confirm it.")
            return redirect("staff:vetting:list_preview", pk=upload.pk)
    return _upload_page(request, form, status=200)


@lists_required
def upload_preview(request: HttpRequest, pk: int) -> HttpResponse:
    upload = selectors.upload_get(user=request.user, pk=pk)
    if upload is None:
        raise Http404("No such upload")
    user: Any = request.user
    may_keep = user_may_keep_list(user, upload.council_id)
    return render(
        request,
        "staff/vetting/list_preview.html",
        {
            "upload": upload,
            "scope": list_scope_label(upload.council),
            "may_keep": may_keep,
            "confirmed": upload.status == ListUploadStatus.CONFIRMED,
            "awaiting_second": upload.status == ListUploadStatus.AWAITING_SECOND,
            "i_confirmed": upload.confirmed_by_id == user.pk,
            "share_percent": round(upload.removed_share * 100, 1),
            "limit_percent": round(removal_share_limit() * 100),
        },
    )


def _act(request: HttpRequest, call: Callable[[], Any]) -> bool:
    try:
        call()
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return False
    return True


@lists_required
@require_POST
def upload_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    upload = selectors.upload_get(user=request.user, pk=pk)
    if upload is None:
        raise Http404("No such upload")
    if _act(request, lambda: version_confirm(actor=request.user, upload=upload)):
        upload.refresh_from_db()
        if upload.status == ListUploadStatus.AWAITING_SECOND:
            messages.success(
                request, "Confirmed. A second security officer must confirm it before it comes into force."
            )
        else:
            messages.success(request, f"{upload.source_name}: the new version is in force.")
    return redirect("staff:vetting:list_preview", pk=pk)


@lists_required
@require_POST
def upload_discard(request: HttpRequest, pk: int) -> HttpResponse:
    upload = selectors.upload_get(user=request.user, pk=pk)
    if upload is None:
        raise Http404("No such upload")
    if _act(request, lambda: version_discard(actor=request.user, upload=upload)):
        messages.success(request, "The upload was discarded. Nothing in force changed.")
        return redirect("staff:vetting:lists")
    return redirect("staff:vetting:list_preview", pk=pk)


@lists_required
@require_POST
def version_restore_view(request: HttpRequest, pk: int) -> HttpResponse:
    version = selectors.version_get(user=request.user, pk=pk)
    if version is None:
        raise Http404("No such version")
    try:
        upload = version_restore(actor=request.user, version=version)
    except WatchlistImportRefused as refused:
        messages.error(request, f"Refused: {refused.reason}.")
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, "The earlier version is staged. Check what it changes, then confirm it.")
        return redirect("staff:vetting:list_preview", pk=upload.pk)
    return redirect("staff:vetting:list", pk=version.source_id)
