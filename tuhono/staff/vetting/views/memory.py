"""Namesake clearings in force, and the screening record with its CSV and JSON exports."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from tuhono.staff.views.common import form_page, run_service
from tuhono.vetting import selectors, services
from tuhono.vetting.permissions import Action, may

from ..forms import RecordPeriodForm, WithdrawalForm
from .common import case_or_404, require_case_worker, vetting_required

EXPORT_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json; charset=utf-8"}


@vetting_required
def clearings(request: HttpRequest) -> HttpResponse:
    state = request.GET.get("state", "")
    return render(
        request,
        "staff/vetting/clearings.html",
        {
            "clearings": selectors.clearings_list(user=request.user, state=state),
            "state": state,
            "states": selectors.clearing_states(),
            "may_withdraw": may(request.user, Action.WORK, request.user.council_id),  # type: ignore[union-attr]
        },
    )


@vetting_required
def clearing_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    clearing = selectors.clearing_get(user=request.user, pk=pk)
    if clearing is None:
        raise Http404("No such clearing")
    require_case_worker(request, clearing.council_id)
    form = WithdrawalForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(
            form,
            lambda: services.clearing_withdraw(
                actor=request.user, clearing=clearing, reason=form.cleaned_data["reason"]
            ),
        )
    ):
        messages.success(request, "Clearing withdrawn. The alerts it held are open again for review.")
        return redirect("staff:vetting:clearings")
    return form_page(
        request,
        form=form,
        title=f"Withdraw the clearing: {clearing.party.name} is not {clearing.caption}",
        submit="Withdraw the clearing",
        back_url=reverse("staff:vetting:clearings"),
        intro=(
            f"Cleared on {clearing.cleared_at:%d %b %Y}, in force until {clearing.expires_at:%d %b %Y}. "
            "Withdrawing it opens again every alert it holds down, on any of the council's cases, "
            "and the next screening of these details against this list entry raises the alert."
        ),
        show_errors=request.method == "POST",
    )


def _selection(request: HttpRequest, kind: str | None, pk: int | None) -> tuple[Any, RecordPeriodForm]:
    case = case_or_404(request, kind, pk) if kind and pk else None
    return case, RecordPeriodForm(request.GET or None)


def _records(request: HttpRequest, case: Any, form: RecordPeriodForm) -> Any:
    period = form.cleaned_data if form.is_bound and form.is_valid() else {}
    return selectors.screening_records(
        user=request.user, case=case, date_from=period.get("date_from"), date_to=period.get("date_to")
    )


def _export_url(request: HttpRequest, file_format: str, kind: str | None, pk: int | None) -> str:
    if kind and pk:
        url = reverse("staff:vetting:case_records_export", args=[kind, pk, file_format])
    else:
        url = reverse("staff:vetting:records_export", args=[file_format])
    query = request.GET.urlencode()
    return f"{url}?{query}" if query else url


@vetting_required
def records(request: HttpRequest, kind: str | None = None, pk: int | None = None) -> HttpResponse:
    case, form = _selection(request, kind, pk)
    invalid = form.is_bound and not form.is_valid()
    form.prepare_widgets(show_errors=invalid)
    rows = [] if invalid else list(_records(request, case, form)[:500])
    return render(
        request,
        "staff/vetting/records.html",
        {
            "case": case,
            "form": form,
            "show_errors": invalid,
            "error_links": form.error_links() if invalid else [],
            "records": rows,
            "exports": {f: _export_url(request, f, kind, pk) for f in EXPORT_TYPES},
        },
        status=400 if invalid else 200,
    )


@vetting_required
def records_export(
    request: HttpRequest, file_format: str, kind: str | None = None, pk: int | None = None
) -> HttpResponse:
    if file_format not in EXPORT_TYPES:
        raise Http404("No such format")
    case, form = _selection(request, kind, pk)
    if form.is_bound and not form.is_valid():
        return records(request, kind=kind, pk=pk)
    chosen = _records(request, case, form)
    period = form.cleaned_data if form.is_bound else {}
    selection = {
        "case": f"{kind}:{pk}" if case is not None else "",
        "from": str(period.get("date_from") or ""),
        "to": str(period.get("date_to") or ""),
    }
    body = (
        selectors.screening_records_csv(chosen)
        if file_format == "csv"
        else selectors.screening_records_json(chosen, described=selection)
    )
    services.screening_records_exported(
        actor=request.user,
        council=request.user.council,  # type: ignore[union-attr]
        count=chosen.count(),
        file_format=file_format,
        selection=selection,
    )
    name = "-".join(p for p in ("screening-record", kind or "", str(pk or ""), selection["from"], selection["to"]) if p)
    response = HttpResponse(body, content_type=EXPORT_TYPES[file_format])
    response["Content-Disposition"] = f'attachment; filename="{name}.{file_format}"'
    response["Cache-Control"] = "no-store"
    return response


@vetting_required
def record_detail(request: HttpRequest, pk: int) -> HttpResponse:
    record = selectors.screening_record_get(user=request.user, pk=pk)
    if record is None:
        raise Http404("No such record")
    return render(
        request,
        "staff/vetting/record_detail.html",
        {"record": record, "content": record.content, "check": selectors.screening_record_check(record)},
    )
