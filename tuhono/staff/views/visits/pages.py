"""The visit list, recording a visit, its page and its edit form."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from tuhono.councils.models import Council
from tuhono.partnerships.models import Partnership
from tuhono.vetting.selectors import case_outcome
from tuhono.vetting.services import case_screen_after_commit
from tuhono.visits import selectors, services
from tuhono.visits.enums import VisitState
from tuhono.visits.hooks import approval_holds
from tuhono.visits.models import Visit
from tuhono.visits.permissions import Action, may, require
from tuhono.visits.services.workflow import allowed_actions

from ...access import staff_required
from ...forms import TRANSITION_FORMS, VisitFilterForm, VisitForm
from ..common import form_page, posted, run_service
from .links import visit_detail_url
from .workflow import ACTION_BUTTONS

VISITS_PER_PAGE = 50


@staff_required
def visit_list(request: HttpRequest) -> HttpResponse:
    filters = VisitFilterForm(request.GET or None)
    params = filters.cleaned_data if filters.is_valid() else {}
    visits = selectors.visit_list(
        user=request.user, state=params.get("state", ""), kind=params.get("kind", ""), q=params.get("q", "")
    )
    page = Paginator(visits, VISITS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    user: Any = request.user
    may_create = user.council_id is not None and may(user, Action.RECORD, user.council_id)
    return render(
        request,
        "staff/visit_list.html",
        {
            "filters": filters,
            "visits": list(page.object_list),
            "page": page,
            "query": query.urlencode(),
            "may_create": may_create,
        },
    )


def _partnerships_of(council_id: int) -> Any:
    return Partnership.objects.filter(council_id=council_id).select_related("partner").order_by("partner__name")


@staff_required
def visit_create(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    council_id = user.council_id
    if council_id is None:
        raise Http404("Only a council's staff record visits")
    require(request.user, Action.RECORD, council_id)
    form = VisitForm(posted(request), partnerships=_partnerships_of(council_id))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        created: dict[str, Visit] = {}

        def call() -> None:
            created["visit"] = services.visit_create(
                actor=request.user, council=Council.objects.get(pk=council_id), **data
            )

        if run_service(form, call):
            case_screen_after_commit(case=created["visit"])
            messages.success(request, f"Visit {created['visit'].reference} recorded.")
            return redirect(visit_detail_url(created["visit"]))
    return form_page(
        request,
        form=form,
        title="Record a visit or trip",
        submit="Record visit",
        back_url=reverse("staff:visit_list"),
        show_errors=request.method == "POST",
    )


@staff_required
def visit_detail(request: HttpRequest, visit_pk: int) -> HttpResponse:
    visit = selectors.visit_get_for_user(user=request.user, pk=visit_pk)
    user = request.user
    actions = []
    for action in allowed_actions(visit):
        if may(user, action, visit.council_id):
            form = TRANSITION_FORMS[action](prefix=action, initial={"kind": visit.kind} if action == "triage" else None)
            form.prepare_widgets(show_errors=False)
            actions.append({"action": action, "label": ACTION_BUTTONS[action], "form": form})
    editable = visit.state not in {VisitState.DECLINED, VisitState.REPORTED}
    reads_vetting = may(user, Action.READ_HOLDS, visit.council_id)
    return render(
        request,
        "staff/visit_detail.html",
        {
            "visit": visit,
            "actions": actions,
            "may_edit": editable and may(user, Action.RECORD, visit.council_id),
            "may_brief": editable and visit.is_outgoing and may(user, Action.BRIEF, visit.council_id),
            "briefing": getattr(visit, "briefing", None) if hasattr(visit, "briefing") else None,
            "contact_report": visit.contact_report if hasattr(visit, "contact_report") else None,
            "parties": list(visit.parties.all()),
            "itinerary": list(visit.itinerary.all()),
            "costs": list(visit.costs.all()),
            "gifts": list(visit.gifts.all()),
            "transitions": list(visit.transitions.all()),
            "replies": list(visit.replies.select_related("sent_by")),
            "today": timezone.localdate(),
            "holds": approval_holds(visit) if reads_vetting and visit.state == VisitState.VETTING else [],
            "vetting_url": _vetting_url(visit) if reads_vetting else "",
            "outcome": case_outcome(visit),
        },
    )


def _vetting_url(visit: Visit) -> str:
    """The due-diligence page for this visit, when that module is installed (visits never needs it)."""
    try:
        return reverse("staff:vetting:case", args=["visit", visit.pk])
    except NoReverseMatch:
        return ""


@staff_required
def visit_edit(request: HttpRequest, visit_pk: int) -> HttpResponse:
    visit = selectors.visit_get_for_user(user=request.user, pk=visit_pk)
    require(request.user, Action.RECORD, visit.council_id)
    form = VisitForm(posted(request), instance=visit, partnerships=_partnerships_of(visit.council_id))
    if request.method == "POST" and form.is_valid():
        fresh = Visit.objects.get(pk=visit.pk)
        if run_service(form, lambda: services.visit_update(actor=request.user, visit=fresh, **form.cleaned_data)):
            case_screen_after_commit(case=fresh)
            messages.success(request, "Visit updated.")
            return redirect(visit_detail_url(visit))
    return form_page(
        request,
        form=form,
        title=f"Edit {visit.reference}",
        submit="Save changes",
        visit=visit,
        back_url=visit_detail_url(visit),
        show_errors=request.method == "POST",
    )
