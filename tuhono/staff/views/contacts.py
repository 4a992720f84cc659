"""The contacts log: every meeting or approach on a partnership."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from tuhono.accounts.selectors import scope_to_user_council
from tuhono.partnerships.models import Partnership
from tuhono.vetting.services import case_screen_after_commit
from tuhono.visits import selectors, services
from tuhono.visits.models import ContactLogEntry
from tuhono.visits.permissions import Action, may, require

from ..access import staff_required
from ..forms import ContactLogEntryForm
from .common import form_page, run_service
from .common import posted as _posted


def _partnership(request: HttpRequest, pk: int) -> Partnership:
    partnership = (
        scope_to_user_council(Partnership.objects.select_related("partner", "council"), request.user)
        .filter(pk=pk)
        .first()
    )
    if partnership is None:
        raise Http404("No such partnership")
    return partnership


@staff_required
def contacts_home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "staff/contacts_home.html",
        {
            "partnerships": list(selectors.partnerships_for_user(request.user)),
            "recent": list(selectors.contact_log_for_user(user=request.user)[:20]),
        },
    )


@staff_required
def contact_log(request: HttpRequest, partnership_pk: int) -> HttpResponse:
    partnership = _partnership(request, partnership_pk)
    return render(
        request,
        "staff/contact_log.html",
        {
            "partnership": partnership,
            "entries": list(selectors.contact_log_for_user(user=request.user, partnership=partnership)),
            "may_edit": may(request.user, Action.CONTACT_LOG, partnership.council_id),
        },
    )


@staff_required
def contact_entry_add(request: HttpRequest, partnership_pk: int) -> HttpResponse:
    partnership = _partnership(request, partnership_pk)
    require(request.user, Action.CONTACT_LOG, partnership.council_id)
    form = ContactLogEntryForm(_posted(request))
    back = reverse("staff:contact_log", args=[partnership.pk])
    if request.method == "POST" and form.is_valid():
        call = lambda: services.contact_log_entry_create(  # noqa: E731
            actor=request.user, partnership=partnership, **form.cleaned_data
        )
        if run_service(form, call):
            case_screen_after_commit(case=partnership)
            messages.success(request, "Contact logged.")
            return redirect(back)
    return form_page(
        request,
        form=form,
        title=f"Log a contact: {partnership.partner.name}",
        submit="Log contact",
        back_url=back,
        show_errors=request.method == "POST",
    )


@staff_required
def contact_entry_edit(request: HttpRequest, contactlogentry_pk: int) -> HttpResponse:
    entry = selectors.contact_log_for_user(user=request.user).filter(pk=contactlogentry_pk).first()
    if entry is None:
        raise Http404("No such entry")
    require(request.user, Action.CONTACT_LOG, entry.council_id)
    form = ContactLogEntryForm(_posted(request), instance=entry)
    back = reverse("staff:contact_log", args=[entry.partnership_id])
    if request.method == "POST" and form.is_valid():
        fresh = ContactLogEntry.objects.get(pk=entry.pk)
        if run_service(
            form, lambda: services.contact_log_entry_update(actor=request.user, entry=fresh, **form.cleaned_data)
        ):
            case_screen_after_commit(case=fresh.partnership)
            messages.success(request, "Contact updated.")
            return redirect(back)
    return form_page(
        request,
        form=form,
        title=f"Edit contact of {entry.occurred_on:%-d %B %Y}",
        submit="Save",
        back_url=back,
        show_errors=request.method == "POST",
    )
