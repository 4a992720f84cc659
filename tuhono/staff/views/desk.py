"""The desk: enquiries, feedback and visit requests, each with a status, an owner, a due date and replies."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from tuhono.visits import selectors, services
from tuhono.visits.enums import DeskStatus
from tuhono.visits.models import PublicMessage, Visit
from tuhono.visits.permissions import Action, may, require

from ..access import staff_required
from ..forms import DeskHandleForm, DeskReplyForm
from .common import form_page, run_service
from .common import posted as _posted

DESK_PER_PAGE = 200


@staff_required
def desk(request: HttpRequest) -> HttpResponse:
    """Every enquiry, feedback and visit request: open ones first, by the date a reply is due."""
    status = request.GET.get("status", "open")
    if status not in ("open", "", *DeskStatus.values):
        status = "open"
    mine = request.GET.get("mine") == "1"
    return render(
        request,
        "staff/desk.html",
        {
            "messages_list": list(selectors.desk_messages(user=request.user, status=status, mine=mine)[:DESK_PER_PAGE]),
            "requests": list(selectors.desk_visit_requests(user=request.user, mine=mine)[:DESK_PER_PAGE]),
            "status": status,
            "statuses": DeskStatus.choices,
            "mine": mine,
            "today": timezone.localdate(),
        },
    )


@staff_required
def message_detail(request: HttpRequest, message_pk: int) -> HttpResponse:
    message = selectors.message_get_for_user(user=request.user, pk=message_pk)
    return render(
        request,
        "staff/message_detail.html",
        {
            "message": message,
            "replies": list(message.replies.all()),
            "may_edit": may(request.user, Action.DESK, message.council_id),
            "today": timezone.localdate(),
        },
    )


@staff_required
def message_handle(request: HttpRequest, message_pk: int) -> HttpResponse:
    message = selectors.message_get_for_user(user=request.user, pk=message_pk)
    require(request.user, Action.DESK, message.council_id)
    back = reverse("staff:message_detail", args=[message.pk])
    form = DeskHandleForm(
        _posted(request),
        staff=selectors.desk_staff_for(council_id=message.council_id),
        initial={"status": message.status, "owner": message.owner_id},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data

        def call() -> None:
            fresh = PublicMessage.objects.get(pk=message.pk)
            services.desk_assign(actor=request.user, item=fresh, owner=data["owner"])
            services.desk_status_set(actor=request.user, message=fresh, status=data["status"])

        if run_service(form, call):
            messages.success(request, f"{message.reference} updated.")
            return redirect(back)
    return form_page(
        request,
        form=form,
        title=f"Status and owner: {message.reference}",
        submit="Save",
        back_url=back,
        show_errors=request.method == "POST",
    )


def _reply_page(request: HttpRequest, *, item: PublicMessage | Visit, back: str, default_subject: str) -> HttpResponse:
    require(request.user, Action.DESK, item.council_id)
    form = DeskReplyForm(_posted(request), initial={"subject": default_subject})
    if request.method == "POST" and form.is_valid():
        fresh = type(item).objects.get(pk=item.pk)
        call = lambda: services.desk_reply(actor=request.user, item=fresh, **form.cleaned_data)  # noqa: E731
        if run_service(form, call):
            messages.success(request, "Reply sent.")
            return redirect(back)
    to = item.email if isinstance(item, PublicMessage) else item.contact_email
    return form_page(
        request,
        form=form,
        title=f"Reply to {item.reference}",
        submit="Send reply",
        back_url=back,
        intro=f"To {to}." if to else "There is no email address to reply to.",
        show_errors=request.method == "POST",
    )


@staff_required
def message_reply(request: HttpRequest, message_pk: int) -> HttpResponse:
    message = selectors.message_get_for_user(user=request.user, pk=message_pk)
    subject = f"Re: {message.subject or message.get_kind_display()} ({message.reference})"
    return _reply_page(
        request, item=message, back=reverse("staff:message_detail", args=[message.pk]), default_subject=subject
    )


@staff_required
def visit_owner(request: HttpRequest, visit_pk: int) -> HttpResponse:
    visit = selectors.visit_get_for_user(user=request.user, pk=visit_pk)
    require(request.user, Action.DESK, visit.council_id)
    back = reverse("staff:visit_detail", args=[visit.pk])
    form = DeskHandleForm(
        _posted(request),
        staff=selectors.desk_staff_for(council_id=visit.council_id),
        with_status=False,
        initial={"owner": visit.owner_id},
    )
    if request.method == "POST" and form.is_valid():
        owner: Any = form.cleaned_data["owner"]
        call = lambda: services.desk_assign(  # noqa: E731
            actor=request.user, item=Visit.objects.get(pk=visit.pk), owner=owner
        )
        if run_service(form, call):
            messages.success(request, f"{visit.reference} updated.")
            return redirect(back)
    return form_page(
        request,
        form=form,
        title=f"Owner: {visit.reference}",
        submit="Save",
        visit=visit,
        back_url=back,
        show_errors=request.method == "POST",
    )


@staff_required
def visit_reply(request: HttpRequest, visit_pk: int) -> HttpResponse:
    visit = selectors.visit_get_for_user(user=request.user, pk=visit_pk)
    return _reply_page(
        request,
        item=visit,
        back=reverse("staff:visit_detail", args=[visit.pk]),
        default_subject=f"Your visit request {visit.reference}",
    )
