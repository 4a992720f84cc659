"""Assessments, advice, the approver's decision and the printable report."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from tuhono.staff.views.common import form_page, run_service
from tuhono.vetting import selectors, services
from tuhono.vetting.enums import AssessmentStatus, CaseKind, Rating
from tuhono.vetting.permissions import Action, may
from tuhono.vetting.questionnaire import ANSWERS, QUESTIONS
from tuhono.vetting.selectors import questionnaire_view

from ..forms import AdviceForm, DecisionForm
from .common import case_or_404, require_case_worker, vetting_required


@vetting_required
@require_POST
def assessment_start(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    case = case_or_404(request, kind, pk)
    require_case_worker(request, case.council_id)
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
    may_work = may(request.user, Action.WORK, assessment.council_id)
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
            "may_decide": may(request.user, Action.DECIDE, assessment.council_id)
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
    require_case_worker(request, assessment.council_id)
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
    if not may(request.user, Action.DECIDE, assessment.council_id):
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
def assessment_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "staff/vetting/assessment_list.html",
        {"assessments": list(selectors.assessments_list(user=request.user))},
    )
