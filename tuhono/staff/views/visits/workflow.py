"""The workflow buttons and the service each one runs (who may press each: `tuhono.visits.permissions`)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from tuhono.visits import selectors, services
from tuhono.visits.models import Visit
from tuhono.visits.permissions import Action, require
from tuhono.visits.services.workflow import ACTION_LABELS, allowed_actions

from ...access import staff_required
from ...forms import TRANSITION_FORMS
from ..common import form_page, posted
from .links import visit_detail_url

ACTION_BUTTONS = {
    "triage": "Mark as triaged",
    "send_to_vetting": "Send to vetting",
    "approve": "Approve",
    "decline": "Decline",
    "schedule": "Schedule",
    "complete": "Mark as completed",
    "report": "File the report",
}


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
    move = Action(action)
    visit = selectors.visit_get_for_user(user=request.user, pk=visit_pk)
    require(request.user, move, visit.council_id)
    form = TRANSITION_FORMS[action](posted(request), prefix=action, initial={"kind": visit.kind})
    if request.method == "POST" and form.is_valid():
        try:
            TRANSITION_SERVICES[action](request.user, Visit.objects.get(pk=visit.pk), form.cleaned_data)
        except ValidationError as refused:
            messages.error(request, " ".join(refused.messages))
            return redirect(visit_detail_url(visit))
        visit.refresh_from_db()
        messages.success(request, f"{visit.reference} is now {visit.get_state_display().lower()}.")
        return redirect(visit_detail_url(visit))
    return form_page(
        request,
        form=form,
        title=f"{ACTION_BUTTONS[action]}: {visit.reference}",
        submit=ACTION_BUTTONS[action],
        visit=visit,
        back_url=visit_detail_url(visit),
        intro=f"You can {ACTION_LABELS[move]} this visit now." if move in allowed_actions(visit) else "",
        show_errors=request.method == "POST",
    )
