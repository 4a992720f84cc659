"""Staff pages for due diligence: alert queue, screening results, assessments, advice, notices, decisions,
the printable report. Only the council's security officers and approvers reach them; records of another
council are not found (404). Views only translate: the vetting services decide and audit."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from tuhono.staff.views.common import form_page, run_service
from tuhono.vetting import selectors, services
from tuhono.vetting.access import user_may_decide, user_may_read_vetting, user_may_work_vetting
from tuhono.vetting.cases import case_get, case_ref
from tuhono.vetting.enums import AssessmentStatus, CaseKind, Rating, ScreeningStatus
from tuhono.vetting.questionnaire import ANSWERS, QUESTIONS
from tuhono.vetting.selectors import questionnaire_view

from .forms import AdviceForm, ArrangementForm, CounterpartForm, DecisionForm, NoticeForm, ReasonForm


def vetting_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Anonymous people are sent to sign in; staff who are not a security officer or approver are refused."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not user_may_read_vetting(request.user):
            raise PermissionDenied("Due diligence is for the council's security officers and approvers.")
        return view(request, *args, **kwargs)

    return wrapped


def _require_worker(request: HttpRequest, council_id: int) -> None:
    if not user_may_work_vetting(request.user, council_id):
        raise PermissionDenied("Only the council's security officers may do this.")


def _case_or_404(request: HttpRequest, kind: str, pk: int) -> Any:
    if kind not in CaseKind.values:
        raise Http404("No such case")
    case = case_get(kind=kind, pk=pk)
    if case is None or getattr(case, "council_id", None) != request.user.council_id:  # type: ignore[union-attr]
        raise Http404("No such case")
    return case


def _case_url(case: Any) -> str:
    ref = case_ref(case)
    kind = CaseKind.PARTNERSHIP if ref.kind == CaseKind.PARTNERSHIP else CaseKind.VISIT
    return reverse("staff:vetting:case", args=[kind, case.pk])


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
            "may_work": user_may_work_vetting(user, user.council_id),  # type: ignore[union-attr]
            "cases": selectors.cases_for_council(council_id=user.council_id),  # type: ignore[union-attr]
        },
    )


@vetting_required
@require_POST
def rescreen(request: HttpRequest) -> HttpResponse:
    _require_worker(request, request.user.council_id)  # type: ignore[union-attr]
    sweep = services.screening_sweep(actor=request.user, council_id=request.user.council_id)  # type: ignore[union-attr]
    runs = services.rescreen_pending(actor=request.user)
    messages.success(request, f"{sweep}. Re-screened against {len(runs)} new list version(s).")
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
            "may_work": user_may_work_vetting(request.user, party.council_id),
        },
    )


@vetting_required
@require_POST
def party_rescreen(request: HttpRequest, pk: int) -> HttpResponse:
    party = selectors.party_get(user=request.user, pk=pk)
    if party is None:
        raise Http404("No such party")
    _require_worker(request, party.council_id)
    party = services.party_screen(actor=request.user, party=party)
    messages.success(request, f"{party.name} screened: {party.get_status_display().lower()}.")
    return redirect("staff:vetting:party", pk=party.pk)


@vetting_required
def match_decide(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    match = selectors.match_get(user=request.user, pk=pk)
    if match is None:
        raise Http404("No such match")
    _require_worker(request, match.party.council_id)
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
        else f"Dismiss: {match.party.name} is not {match.caption}"
    )
    return form_page(
        request,
        form=form,
        title=title,
        submit="Confirm the match" if action == "confirm" else "Dismiss the alert",
        back_url=reverse("staff:vetting:party", args=[match.party_id]),
        intro=f"Score {match.score:.2f}. {match.explanation}",
        show_errors=request.method == "POST",
    )


@vetting_required
def case_detail(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    case = _case_or_404(request, kind, pk)
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
            "may_work": user_may_work_vetting(request.user, ref.council_id),
            "kind": kind,
        },
    )


@vetting_required
def counterpart_add(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    case = _case_or_404(request, CaseKind.PARTNERSHIP, pk)
    _require_worker(request, case.council_id)
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
            return redirect(_case_url(case))
    return form_page(
        request,
        form=form,
        title=f"Add a counterpart to {case}",
        submit="Add and screen",
        back_url=_case_url(case),
        show_errors=request.method == "POST",
    )


@vetting_required
@require_POST
def assessment_start(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    case = _case_or_404(request, kind, pk)
    _require_worker(request, case.council_id)
    assessment = services.assessment_start(actor=request.user, case=case)
    return redirect("staff:vetting:assessment", pk=assessment.pk)


def _assessment_or_404(request: HttpRequest, pk: int) -> Any:
    assessment = selectors.assessment_get(user=request.user, pk=pk)
    if assessment is None:
        raise Http404("No such assessment")
    return assessment


@vetting_required
def assessment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = _assessment_or_404(request, pk)
    may_work = user_may_work_vetting(request.user, assessment.council_id)
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        if not may_work or assessment.status != AssessmentStatus.DRAFT:
            raise PermissionDenied("Only a security officer changes a draft assessment.")
        answers = {
            key: {
                "answer": request.POST.get(f"{key}__answer", ""),
                "notes": request.POST.get(f"{key}__notes", ""),
            }
            for key in QUESTIONS
        }
        try:
            services.assessment_update(
                actor=request.user,
                assessment=assessment,
                answers=answers,
                rating=request.POST.get("rating", ""),
                rationale=request.POST.get("rationale", ""),
            )
            if "submit" in request.POST:
                services.assessment_submit(actor=request.user, assessment=assessment)
                messages.success(request, "Assessment submitted for an approver's decision.")
            else:
                messages.success(request, "Assessment saved.")
            return redirect("staff:vetting:assessment", pk=assessment.pk)
        except ValidationError as error:
            errors = error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}
        assessment = _assessment_or_404(request, pk)
        assessment.answers = {**assessment.answers, **answers}
        assessment.rating = request.POST.get("rating", "")
        assessment.rationale = request.POST.get("rationale", "")
    return render(
        request,
        "staff/vetting/assessment.html",
        {
            "assessment": assessment,
            "sections": questionnaire_view(assessment),
            "answer_choices": ANSWERS,
            "ratings": Rating.choices,
            "suggested": selectors.suggested_rating(assessment.answers),
            "editable": may_work and assessment.status == AssessmentStatus.DRAFT,
            "may_decide": user_may_decide(request.user, assessment.council_id)
            and assessment.status != AssessmentStatus.DRAFT
            and assessment.assessed_by_id != request.user.pk,
            "may_work": may_work,
            "errors": errors,
            "error_links": [
                ("rating" if field == "rating" else "rationale" if field == "rationale" else "questionnaire", msg)
                for field, messages_ in errors.items()
                for msg in messages_
            ],
            "advice": list(assessment.advice.all()),
            "decisions": list(assessment.decisions.all()),
            "case_url": reverse(
                "staff:vetting:case",
                args=[
                    CaseKind.PARTNERSHIP if assessment.case_kind == CaseKind.PARTNERSHIP else CaseKind.VISIT,
                    assessment.case_id,
                ],
            ),
        },
    )


@vetting_required
def advice_add(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = _assessment_or_404(request, pk)
    _require_worker(request, assessment.council_id)
    form = AdviceForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(
            form, lambda: services.advice_record(actor=request.user, assessment=assessment, **form.cleaned_data)
        )
    ):
        messages.success(request, "Advice recorded.")
        return redirect("staff:vetting:assessment", pk=assessment.pk)
    return form_page(
        request,
        form=form,
        title="Record advice sought",
        submit="Record advice",
        back_url=reverse("staff:vetting:assessment", args=[assessment.pk]),
        show_errors=request.method == "POST",
    )


@vetting_required
def decision_sign(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = _assessment_or_404(request, pk)
    if not user_may_decide(request.user, assessment.council_id):
        raise PermissionDenied("Only an approver signs off a decision.")
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            ok = run_service(
                form, lambda: services.decision_sign(actor=request.user, assessment=assessment, **form.cleaned_data)
            )
        except PermissionDenied as refused:
            form.add_error(None, str(refused))
            ok = False
        if ok:
            messages.success(request, "Decision signed.")
            return redirect("staff:vetting:assessment", pk=assessment.pk)
    return form_page(
        request,
        form=form,
        title=f"Decision: {assessment.case_label}",
        submit="Sign off the decision",
        back_url=reverse("staff:vetting:assessment", args=[assessment.pk]),
        intro=f"Rated {assessment.get_rating_display().lower() or 'not yet'}: {assessment.rationale}",
        show_errors=request.method == "POST",
    )


@vetting_required
def report(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = _assessment_or_404(request, pk)
    return render(
        request, "staff/vetting/report.html", {"report": selectors.due_diligence_report(assessment=assessment)}
    )


@vetting_required
def arrangement_edit(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    case = _case_or_404(request, CaseKind.PARTNERSHIP, pk)
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
        return redirect(_case_url(case))
    return form_page(
        request,
        form=form,
        title=f"Published agreement: {case}",
        submit="Save",
        back_url=_case_url(case),
        intro="What you publish here appears on the public transparency register.",
        show_errors=request.method == "POST",
    )


@vetting_required
def notice_add(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    case = _case_or_404(request, CaseKind.PARTNERSHIP, pk)
    form = NoticeForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(form, lambda: services.notice_record(actor=request.user, partnership=case, **form.cleaned_data))
    ):
        messages.success(request, "Notice recorded.")
        return redirect(_case_url(case))
    return form_page(
        request,
        form=form,
        title=f"Foreign-arrangement notice: {case}",
        submit="Record the notice",
        back_url=_case_url(case),
        intro="The date and the government's response appear on the public transparency register; "
        "the reference and notes do not.",
        show_errors=request.method == "POST",
    )


@vetting_required
def assessment_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "staff/vetting/assessment_list.html",
        {"assessments": list(selectors.assessments_list(user=request.user))},
    )
