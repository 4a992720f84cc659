"""The records that hang off a visit: members, itinerary, costs, gifts and hospitality."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from tuhono.vetting.services import case_screen_after_commit
from tuhono.visits import selectors, services
from tuhono.visits.models import GiftOrHospitality, ItineraryItem, Visit, VisitCost, VisitParty
from tuhono.visits.permissions import Action, require

from ...access import staff_required
from ...forms import CostForm, GiftForm, ItineraryItemForm, PartyForm
from ..common import form_page, posted, run_service
from .links import visit_detail_url, visit_reloaded


def child_page(
    request: HttpRequest,
    *,
    visit: Visit,
    form: Any,
    title: str,
    submit: str,
    call: Any,
    done: str,
    action: Action = Action.RECORD,
    screen: bool = False,
) -> HttpResponse:
    """A form that adds to or changes a visit; `screen`: it names people, so they are screened once saved."""
    require(request.user, action, visit.council_id)
    if request.method == "POST" and form.is_valid() and run_service(form, lambda: call(form.cleaned_data)):
        if screen:
            case_screen_after_commit(case=visit_reloaded(visit))
        messages.success(request, done)
        return redirect(visit_detail_url(visit))
    return form_page(
        request,
        form=form,
        title=f"{title}: {visit.reference}",
        submit=submit,
        visit=visit,
        back_url=visit_detail_url(visit),
        show_errors=request.method == "POST",
    )


@staff_required
def party_add(request: HttpRequest, visit_pk: int) -> HttpResponse:
    visit = selectors.visit_get_for_user(user=request.user, pk=visit_pk)
    return child_page(
        request,
        visit=visit,
        form=PartyForm(posted(request)),
        title="Add a member",
        submit="Add member",
        call=lambda data: services.party_add(actor=request.user, visit=visit_reloaded(visit), **data),
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
    return child_page(
        request,
        visit=party.visit,
        form=PartyForm(posted(request), instance=party),
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
    require(request.user, Action.RECORD, visit.council_id)
    try:
        call()
        messages.success(request, f"{what} removed.")
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    return redirect(visit_detail_url(visit))


def _owned(request: HttpRequest, model: Any, pk: int) -> Any:
    obj = model.objects.select_related("visit").filter(pk=pk).first()
    if obj is None:
        raise Http404("Not found")
    selectors.visit_get_for_user(user=request.user, pk=obj.visit_id)
    return obj


@staff_required
def itinerary_add(request: HttpRequest, visit_pk: int) -> HttpResponse:
    visit = selectors.visit_get_for_user(user=request.user, pk=visit_pk)
    return child_page(
        request,
        visit=visit,
        form=ItineraryItemForm(posted(request)),
        title="Add to the itinerary",
        submit="Add",
        call=lambda data: services.itinerary_item_add(actor=request.user, visit=visit_reloaded(visit), **data),
        done="Itinerary item added.",
    )


@staff_required
def itinerary_edit(request: HttpRequest, itineraryitem_pk: int) -> HttpResponse:
    item = _owned(request, ItineraryItem, itineraryitem_pk)
    initial = {f: getattr(item, f) for f in ItineraryItemForm.base_fields}
    return child_page(
        request,
        visit=item.visit,
        form=ItineraryItemForm(posted(request), initial=initial),
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
    return child_page(
        request,
        visit=visit,
        form=CostForm(posted(request)),
        title="Add a cost",
        submit="Add cost",
        call=lambda data: services.cost_add(actor=request.user, visit=visit_reloaded(visit), **data),
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
    return child_page(
        request,
        visit=visit,
        form=GiftForm(posted(request)),
        title="Declare a gift or hospitality",
        submit="Declare",
        call=lambda data: services.gift_add(actor=request.user, visit=visit_reloaded(visit), **data),
        done="Gift or hospitality declared.",
    )


@require_POST
@staff_required
def gift_remove(request: HttpRequest, giftorhospitality_pk: int) -> HttpResponse:
    gift = _owned(request, GiftOrHospitality, giftorhospitality_pk)
    return _remove(request, gift.visit, lambda: services.gift_remove(actor=request.user, gift=gift), "Declaration")
