"""Alert queue, screening results, alerts, cases, counterparts, agreements and notices."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from tuhono.staff.views.common import form_page, run_service
from tuhono.vetting import selectors, services
from tuhono.vetting.cases import case_kind_slug, case_ref
from tuhono.vetting.enums import AssessmentStatus, CaseKind, ScreeningStatus
from tuhono.vetting.permissions import Action, may
from tuhono.vetting.services.clearings import clearing_months

from ..forms import ArrangementForm, CounterpartForm, NoticeForm, ReasonForm
from .common import case_or_404, case_page_url, require_case_worker, vetting_required


@vetting_required
def alert_queue(request: HttpRequest) -> HttpResponse:
    user = request.user
    return render(
        request,
        "staff/vetting/queue.html",
        {
            "alerts": list(selectors.alert_queue(user=user)),
            "pending": selectors.parties_list(user=user, status=ScreeningStatus.PENDING).count(),
            "assessments": list(selectors.assessments_list(user=user).exclude(status=AssessmentStatus.DECIDED)[:50]),
            "unprocessed": selectors.list_versions_awaiting_rescreen(),
            "work": selectors.screening_work(),
            "may_work": may(user, Action.WORK, user.council_id),  # type: ignore[union-attr]
            "cases": selectors.cases_for_council(council_id=user.council_id),  # type: ignore[union-attr]
        },
    )


@vetting_required
@require_POST
def rescreen(request: HttpRequest) -> HttpResponse:
    require_case_worker(request, request.user.council_id)  # type: ignore[union-attr]
    sweep = services.screening_sweep(actor=request.user, council_id=request.user.council_id)  # type: ignore[union-attr]
    services.screening_catch_up_schedule()  # the re-screen runs in the background; its progress shows on the page
    messages.success(request, f"{sweep}. Re-screening against new list versions is queued.")
    return redirect("staff:vetting:queue")


@vetting_required
def party_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    return render(
        request,
        "staff/vetting/party_list.html",
        {
            "parties": list(selectors.parties_list(user=request.user, status=status)),
            "status": status,
            "statuses": ScreeningStatus.choices,
        },
    )


@vetting_required
def party_detail(request: HttpRequest, pk: int) -> HttpResponse:
    party = selectors.party_get(user=request.user, pk=pk)
    if party is None:
        raise Http404("No such party")
    return render(
        request,
        "staff/vetting/party_detail.html",
        {
            "party": party,
            "matches": list(party.matches.all()),
            "versions": list(party.screened_against.all()),
            "may_work": may(request.user, Action.WORK, party.council_id),
            "case_records_url": reverse(
                "staff:vetting:case_records", args=[case_kind_slug(party.case_kind), party.case_id]
            ),
        },
    )


@vetting_required
@require_POST
def party_rescreen(request: HttpRequest, pk: int) -> HttpResponse:
    party = selectors.party_get(user=request.user, pk=pk)
    if party is None:
        raise Http404("No such party")
    require_case_worker(request, party.council_id)
    party = services.party_screen(actor=request.user, party=party)
    messages.success(request, f"{party.name} screened: {party.get_status_display().lower()}.")
    return redirect("staff:vetting:party", pk=party.pk)


@vetting_required
def match_decide(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    match = selectors.match_get(user=request.user, pk=pk)
    if match is None:
        raise Http404("No such match")
    require_case_worker(request, match.party.council_id)
    service = services.match_confirm if action == "confirm" else services.match_dismiss
    form = ReasonForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(form, lambda: service(actor=request.user, match=match, reason=form.cleaned_data["reason"]))
    ):
        messages.success(request, "Match confirmed." if action == "confirm" else "Alert dismissed.")
        return redirect("staff:vetting:party", pk=match.party_id)
    title = (
        f"Confirm {match.party.name} is {match.caption}"
        if action == "confirm"
        else f"Dismiss: {match.party.name} is a different person from {match.caption}"
    )
    return form_page(
        request,
        form=form,
        title=title,
        submit="Confirm the match" if action == "confirm" else "Dismiss the alert",
        back_url=reverse("staff:vetting:party", args=[match.party_id]),
        intro=f"Score {match.score:.2f}. {match.explanation}"
        + (
            ""
            if action == "confirm"
            else f" The dismissal is remembered for {clearing_months()} months: these details are not raised "
            "against this list entry again, on any case, until then or until the entry changes."
        ),
        show_errors=request.method == "POST",
    )


@vetting_required
def case_detail(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    case = case_or_404(request, kind, pk)
    ref = case_ref(case)
    is_partnership = ref.kind == CaseKind.PARTNERSHIP
    return render(
        request,
        "staff/vetting/case.html",
        {
            "case": case,
            "ref": ref,
            "is_partnership": is_partnership,
            "parties": list(selectors.case_parties(case=case)),
            "assessment": selectors.assessment_current(case=case),
            "arrangement": selectors.arrangement_for(partnership=case) if is_partnership else None,
            "may_work": may(request.user, Action.WORK, ref.council_id),
            "kind": kind,
        },
    )


@vetting_required
def counterpart_add(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    case = case_or_404(request, CaseKind.PARTNERSHIP, pk)
    require_case_worker(request, case.council_id)
    form = CounterpartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if run_service(
            form,
            lambda: services.counterpart_add(
                actor=request.user,
                partnership=case,
                name=data["name"],
                aliases=data["aliases"].splitlines(),
                role=data["role"],
                schema=data["schema"],
                birth_date=data["birth_date"],
                nationality=data["nationality"],
                position=data["position"],
            ),
        ):
            messages.success(request, f"{data['name']} added and screened.")
            return redirect(case_page_url(case))
    return form_page(
        request,
        form=form,
        title=f"Add a counterpart to {case}",
        submit="Add and screen",
        back_url=case_page_url(case),
        show_errors=request.method == "POST",
    )


@vetting_required
def arrangement_edit(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    case = case_or_404(request, CaseKind.PARTNERSHIP, pk)
    current = selectors.arrangement_for(partnership=case)
    initial = (
        {
            "agreement_published": current.agreement_published,
            "agreement_url": current.agreement_url,
            "agreement_text": current.agreement_text,
        }
        if current
        else {}
    )
    form = ArrangementForm(request.POST or None, initial=initial)
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(
            form, lambda: services.arrangement_update(actor=request.user, partnership=case, **form.cleaned_data)
        )
    ):
        messages.success(request, "Agreement details saved; the transparency register shows them.")
        return redirect(case_page_url(case))
    return form_page(
        request,
        form=form,
        title=f"Published agreement: {case}",
        submit="Save",
        back_url=case_page_url(case),
        intro="What you publish here appears on the public transparency register.",
        show_errors=request.method == "POST",
    )


@vetting_required
def notice_add(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    case = case_or_404(request, CaseKind.PARTNERSHIP, pk)
    form = NoticeForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(form, lambda: services.notice_record(actor=request.user, partnership=case, **form.cleaned_data))
    ):
        messages.success(request, "Notice recorded.")
        return redirect(case_page_url(case))
    return form_page(
        request,
        form=form,
        title=f"Foreign-arrangement notice: {case}",
        submit="Record the notice",
        back_url=case_page_url(case),
        intro="The date and the government's response appear on the public transparency register; "
        "the reference and notes do not.",
        show_errors=request.method == "POST",
    )
