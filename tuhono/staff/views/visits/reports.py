"""An outgoing mission's pre-travel briefing and contact report: one form each, the same page for both."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse

from tuhono.visits import selectors, services
from tuhono.visits.permissions import Action

from ...access import staff_required
from ...forms import BriefingForm, ContactReportForm
from ..common import posted
from .links import visit_reloaded
from .records import child_page


def _mission_paper(
    request: HttpRequest, visit_pk: int, *, record: str, form_class: Any, record_service: Any, **page: str
) -> HttpResponse:
    """Record or revise the mission's `record` (a one-to-one of the visit), starting from what it holds."""
    visit = selectors.visit_get_for_user(user=request.user, pk=visit_pk)
    if not visit.is_outgoing:
        raise Http404(f"Only an outgoing mission has a {page['title'].lower()}")
    existing = getattr(visit, record) if hasattr(visit, record) else None
    initial = {f: getattr(existing, f) for f in form_class.base_fields} if existing else None
    return child_page(
        request,
        visit=visit,
        form=form_class(posted(request), initial=initial),
        title=page["title"],
        submit=page["submit"],
        call=lambda data: record_service(actor=request.user, visit=visit_reloaded(visit), **data),
        done=page["done"],
        action=Action.BRIEF,
    )


@staff_required
def briefing(request: HttpRequest, visit_pk: int) -> HttpResponse:
    return _mission_paper(
        request,
        visit_pk,
        record="briefing",
        form_class=BriefingForm,
        record_service=services.travel_briefing_record,
        title="Pre-travel briefing",
        submit="Save briefing",
        done="Briefing recorded.",
    )


@staff_required
def contact_report(request: HttpRequest, visit_pk: int) -> HttpResponse:
    return _mission_paper(
        request,
        visit_pk,
        record="contact_report",
        form_class=ContactReportForm,
        record_service=services.contact_report_record,
        title="Contact report",
        submit="Save contact report",
        done="Contact report recorded.",
    )
