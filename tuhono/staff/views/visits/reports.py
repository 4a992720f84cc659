"""An outgoing mission's pre-travel briefing and contact report."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse

from tuhono.visits import selectors, services

from ...access import BRIEFERS, staff_required
from ...forms import BriefingForm, ContactReportForm
from ..common import posted
from .links import visit_reloaded
from .records import child_page


@staff_required
def briefing(request: HttpRequest, visit_pk: int) -> HttpResponse:
    visit = selectors.visit_get_for_user(user=request.user, pk=visit_pk)
    if not visit.is_outgoing:
        raise Http404("Only an outgoing mission has a briefing")
    existing = visit.briefing if hasattr(visit, "briefing") else None
    initial = {f: getattr(existing, f) for f in BriefingForm.base_fields} if existing else None
    return child_page(
        request,
        visit=visit,
        form=BriefingForm(posted(request), initial=initial),
        title="Pre-travel briefing",
        submit="Save briefing",
        call=lambda data: services.travel_briefing_record(actor=request.user, visit=visit_reloaded(visit), **data),
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
    return child_page(
        request,
        visit=visit,
        form=ContactReportForm(posted(request), initial=initial),
        title="Contact report",
        submit="Save contact report",
        call=lambda data: services.contact_report_record(actor=request.user, visit=visit_reloaded(visit), **data),
        done="Contact report recorded.",
        roles=BRIEFERS,
    )
