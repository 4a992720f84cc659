"""The visit pages: queue, list, detail, the workflow buttons and the records that hang off a visit."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from tuhono.accounts.enums import Role
from tuhono.accounts.selectors import user_has_role
from tuhono.councils.models import Council
from tuhono.partnerships.models import Partnership
from tuhono.vetting.selectors import case_outcome
from tuhono.vetting.services import case_screen_after_commit
from tuhono.visits import selectors, services
from tuhono.visits.enums import VisitState
from tuhono.visits.hooks import approval_holds
from tuhono.visits.models import GiftOrHospitality, ItineraryItem, Visit, VisitCost, VisitParty
from tuhono.visits.services.workflow import ACTION_LABELS, allowed_actions

from ..access import BRIEFERS, EDITORS, may_edit, require_edit, staff_required
from ..forms import (
    TRANSITION_FORMS,
    BriefingForm,
    ContactReportForm,
    CostForm,
    GiftForm,
    ItineraryItemForm,
    PartyForm,
    VisitFilterForm,
    VisitForm,
)
from .common import form_page, run_service
from .common import posted as _posted

ACTION_ROLES = {
    "triage": EDITORS,
    "send_to_vetting": EDITORS,
    "approve": (Role.APPROVER,),
    "decline": (Role.APPROVER,),
    "schedule": EDITORS,
    "complete": EDITORS,
    "report": EDITORS,
}
ACTION_BUTTONS = {
    "triage": "Mark as triaged",
    "send_to_vetting": "Send to vetting",
    "approve": "Approve",
    "decline": "Decline",
    "schedule": "Schedule",
    "complete": "Mark as completed",
    "report": "File the report",
}


VISITS_PER_PAGE = 50


def _detail_url(visit: Visit) -> str:
    return reverse("staff:visit_detail", args=[visit.pk])


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
    may_create = user.council_id is not None and user_has_role(request.user, *EDITORS)
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
    require_edit(request.user, council_id)
    form = VisitForm(_posted(request), partnerships=_partnerships_of(council_id))
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
            return redirect(_detail_url(created["visit"]))
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
        if may_edit(user, visit.council_id, *ACTION_ROLES[action]):
            form = TRANSITION_FORMS[action](prefix=action, initial={"kind": visit.kind} if action == "triage" else None)
            form.prepare_widgets(show_errors=False)
            actions.append({"action": action, "label": ACTION_BUTTONS[action], "form": form})
    editable = visit.state not in {VisitState.DECLINED, VisitState.REPORTED}
    reads_vetting = user_has_role(user, Role.SECURITY_OFFICER, Role.APPROVER) and may_edit(
        user, visit.council_id, Role.SECURITY_OFFICER, Role.APPROVER
    )
    return render(
        request,
        "staff/visit_detail.html",
        {
            "visit": visit,
            "actions": actions,
            "may_edit": editable and may_edit(user, visit.council_id, *EDITORS),
            "may_brief": editable and visit.is_outgoing and may_edit(user, visit.council_id, *BRIEFERS),
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
    require_edit(request.user, visit.council_id)
    form = VisitForm(_posted(request), instance=visit, partnerships=_partnerships_of(visit.council_id))
    if request.method == "POST" and form.is_valid():
        fresh = Visit.objects.get(pk=visit.pk)
        if run_service(form, lambda: services.visit_update(actor=request.user, visit=fresh, **form.cleaned_data)):
            case_screen_after_commit(case=fresh)
            messages.success(request, "Visit updated.")
            return redirect(_detail_url(visit))
    return form_page(
        request,
        form=form,
        title=f"Edit {visit.reference}",
        submit="Save changes",
        visit=visit,
        back_url=_detail_url(visit),
        show_errors=request.method == "POST",
    )


TRANSITION_SERVICES = {
    "triage": lambda user, visit, data: services.visit_triage(
        actor=user, visit=visit, kind=data["kind"], note=data["note"]
    ),
    "send_to_vetting": lambda user, visit, data: services.visit_send_to_vetting(
        actor=user, visit=visit, note=data["note"]
    ),
    "approve": lambda user, visit, data: services.visit_approve(actor=user, visit=visit, note=data["note"]),
    "decline": lambda user, visit, data: services.visit_decline(actor=user, visit=visit, reason=data["reason"]),
    "schedule": lambda user, visit, data: services.visit_schedule(
        actor=user, visit=visit, starts_on=data["starts_on"], ends_on=data["ends_on"], note=data["note"]
    ),
    "complete": lambda user, visit, data: services.visit_complete(actor=user, visit=visit, note=data["note"]),
    "report": lambda user, visit, data: services.visit_report(actor=user, visit=visit, report=data["report"]),
}


@staff_required
def visit_transition(request: HttpRequest, visit_pk: int, action: str) -> HttpResponse:
    """One workflow step. GET shows its form alone; POST runs the service and returns to the visit."""
    visit = selectors.visit_get_for_user(user=request.user, pk=visit_pk)
    require_edit(request.user, visit.council_id, *ACTION_ROLES[action])
    form = TRANSITION_FORMS[action](_posted(request), prefix=action, initial={"kind": visit.kind})
    if request.method == "POST" and form.is_valid():
        try:
            TRANSITION_SERVICES[action](request.user, Visit.objects.get(pk=visit.pk), form.cleaned_data)
        except ValidationError as refused:
            messages.error(request, " ".join(refused.messages))
            return redirect(_detail_url(visit))
        visit.refresh_from_db()
        messages.success(request, f"{visit.reference} is now {visit.get_state_display().lower()}.")
        return redirect(_detail_url(visit))
    return form_page(
        request,
        form=form,
        title=f"{ACTION_BUTTONS[action]}: {visit.reference}",
        submit=ACTION_BUTTONS[action],
        visit=visit,
        back_url=_detail_url(visit),
        intro=f"You can {ACTION_LABELS[action]} this visit now." if action in allowed_actions(visit) else "",
        show_errors=request.method == "POST",
    )


def _child_page(
    request: HttpRequest,
    *,
    visit: Visit,
    form: Any,
    title: str,
    submit: str,
    call: Any,
    done: str,
    roles: tuple[str, ...] = EDITORS,
    screen: bool = False,
) -> HttpResponse:
    """A form that adds to or changes a visit; `screen`: it names people, so they are screened once saved."""
    require_edit(request.user, visit.council_id, *roles)
    if request.method == "POST" and form.is_valid() and run_service(form, lambda: call(form.cleaned_data)):
        if screen:
            case_screen_after_commit(case=_fresh(visit))
        messages.success(request, done)
        return redirect(_detail_url(visit))
    return form_page(
        request,
        form=form,
        title=f"{title}: {visit.reference}",
        submit=submit,
        visit=visit,
        back_url=_detail_url(visit),
        show_errors=request.method == "POST",
    )


def _fresh(visit: Visit) -> Visit:
    return Visit.objects.get(pk=visit.pk)


@staff_required
def party_add(request: HttpRequest, visit_pk: int) -> HttpResponse:
    visit = selectors.visit_get_for_user(user=request.user, pk=visit_pk)
    return _child_page(
        request,
        visit=visit,
        form=PartyForm(_posted(request)),
        title="Add a member",
        submit="Add member",
        call=lambda data: services.party_add(actor=request.user, visit=_fresh(visit), **data),
        done="Member added.",
        screen=True,
    )


def _party(request: HttpRequest, pk: int) -> VisitParty:
    party = VisitParty.objects.filter(pk=pk).first()
    if party is None:
        raise Http404("No such member")
    selectors.visit_get_for_user(user=request.user, pk=party.visit_id)  # 404 for another council's staff
    return party


@staff_required
def party_edit(request: HttpRequest, visitparty_pk: int) -> HttpResponse:
    party = _party(request, visitparty_pk)
    return _child_page(
        request,
        visit=party.visit,
        form=PartyForm(_posted(request), instance=party),
        title=f"Edit {party.name}",
        submit="Save member",
        call=lambda data: services.party_update(actor=request.user, party=VisitParty.objects.get(pk=party.pk), **data),
        done="Member updated.",
        screen=True,
    )


@require_POST
@staff_required
def party_remove(request: HttpRequest, visitparty_pk: int) -> HttpResponse:
    party = _party(request, visitparty_pk)
    return _remove(request, party.visit, lambda: services.party_remove(actor=request.user, party=party), "Member")


def _remove(request: HttpRequest, visit: Visit, call: Any, what: str) -> HttpResponse:
    require_edit(request.user, visit.council_id)
    try:
        call()
        messages.success(request, f"{what} removed.")
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    return redirect(_detail_url(visit))


def _owned(request: HttpRequest, model: Any, pk: int) -> Any:
    obj = model.objects.select_related("visit").filter(pk=pk).first()
    if obj is None:
        raise Http404("Not found")
    selectors.visit_get_for_user(user=request.user, pk=obj.visit_id)
    return obj


@staff_required
def itinerary_add(request: HttpRequest, visit_pk: int) -> HttpResponse:
    visit = selectors.visit_get_for_user(user=request.user, pk=visit_pk)
    return _child_page(
        request,
        visit=visit,
        form=ItineraryItemForm(_posted(request)),
        title="Add to the itinerary",
        submit="Add",
        call=lambda data: services.itinerary_item_add(actor=request.user, visit=_fresh(visit), **data),
        done="Itinerary item added.",
    )


@staff_required
def itinerary_edit(request: HttpRequest, itineraryitem_pk: int) -> HttpResponse:
    item = _owned(request, ItineraryItem, itineraryitem_pk)
    initial = {f: getattr(item, f) for f in ItineraryItemForm.base_fields}
    return _child_page(
        request,
        visit=item.visit,
        form=ItineraryItemForm(_posted(request), initial=initial),
        title=f"Edit {item.title}",
        submit="Save",
        call=lambda data: services.itinerary_item_update(
            actor=request.user, item=ItineraryItem.objects.get(pk=item.pk), **data
        ),
        done="Itinerary item updated.",
    )


@require_POST
@staff_required
def itinerary_remove(request: HttpRequest, itineraryitem_pk: int) -> HttpResponse:
    item = _owned(request, ItineraryItem, itineraryitem_pk)
    return _remove(
        request, item.visit, lambda: services.itinerary_item_remove(actor=request.user, item=item), "Itinerary item"
    )


@staff_required
def cost_add(request: HttpRequest, visit_pk: int) -> HttpResponse:
    visit = selectors.visit_get_for_user(user=request.user, pk=visit_pk)
    return _child_page(
        request,
        visit=visit,
        form=CostForm(_posted(request)),
        title="Add a cost",
        submit="Add cost",
        call=lambda data: services.cost_add(actor=request.user, visit=_fresh(visit), **data),
        done="Cost added.",
    )


@require_POST
@staff_required
def cost_remove(request: HttpRequest, visitcost_pk: int) -> HttpResponse:
    cost = _owned(request, VisitCost, visitcost_pk)
    return _remove(request, cost.visit, lambda: services.cost_remove(actor=request.user, cost=cost), "Cost")


@staff_required
def gift_add(request: HttpRequest, visit_pk: int) -> HttpResponse:
    visit = selectors.visit_get_for_user(user=request.user, pk=visit_pk)
    return _child_page(
        request,
        visit=visit,
        form=GiftForm(_posted(request)),
        title="Declare a gift or hospitality",
        submit="Declare",
        call=lambda data: services.gift_add(actor=request.user, visit=_fresh(visit), **data),
        done="Gift or hospitality declared.",
    )


@require_POST
@staff_required
def gift_remove(request: HttpRequest, giftorhospitality_pk: int) -> HttpResponse:
    gift = _owned(request, GiftOrHospitality, giftorhospitality_pk)
    return _remove(request, gift.visit, lambda: services.gift_remove(actor=request.user, gift=gift), "Declaration")


@staff_required
def briefing(request: HttpRequest, visit_pk: int) -> HttpResponse:
    visit = selectors.visit_get_for_user(user=request.user, pk=visit_pk)
    if not visit.is_outgoing:
        raise Http404("Only an outgoing mission has a briefing")
    existing = visit.briefing if hasattr(visit, "briefing") else None
    initial = {f: getattr(existing, f) for f in BriefingForm.base_fields} if existing else None
    return _child_page(
        request,
        visit=visit,
        form=BriefingForm(_posted(request), initial=initial),
        title="Pre-travel briefing",
        submit="Save briefing",
        call=lambda data: services.travel_briefing_record(actor=request.user, visit=_fresh(visit), **data),
        done="Briefing recorded.",
        roles=BRIEFERS,
    )


@staff_required
def contact_report(request: HttpRequest, visit_pk: int) -> HttpResponse:
    visit = selectors.visit_get_for_user(user=request.user, pk=visit_pk)
    if not visit.is_outgoing:
        raise Http404("Only an outgoing mission files a contact report")
    existing = visit.contact_report if hasattr(visit, "contact_report") else None
    initial = {f: getattr(existing, f) for f in ContactReportForm.base_fields} if existing else None
    return _child_page(
        request,
        visit=visit,
        form=ContactReportForm(_posted(request), initial=initial),
        title="Contact report",
        submit="Save contact report",
        call=lambda data: services.contact_report_record(actor=request.user, visit=_fresh(visit), **data),
        done="Contact report recorded.",
        roles=BRIEFERS,
    )
