"""Public requests: a study visit or delegation, an enquiry, feedback; and the contact page.

GOV.UK pattern: the form, then 'Check your answers', then a confirmation with a reference.
What the person typed waits in their session between steps, so nothing is lost.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.datastructures import MultiValueDict
from django.views.decorators.cache import never_cache

from tuhono.core.ratelimit import form_rate_limited
from tuhono.councils.models import Council
from tuhono.vetting.services import case_screen_after_commit
from tuhono.visits import services
from tuhono.visits.enums import MessageKind
from tuhono.visits.selectors import visit_guidelines_for

from ..forms import EnquiryForm, FeedbackForm, MemberFormSet, VisitRequestForm

SESSION_DRAFT = "visit_request_draft"
SESSION_DONE = "visit_request_done"
SESSION_MESSAGE_DONE = "public_message_done"


def _home_council() -> Council:
    return get_object_or_404(Council, slug=settings.TUHONO_HOME_COUNCIL_SLUG)


def _visit_forms(data: Any, council: Council) -> tuple[VisitRequestForm, Any, Any]:
    guidelines = visit_guidelines_for(council=council)
    form = VisitRequestForm(data, council=council, notice_weeks=guidelines.notice_weeks)
    members = MemberFormSet(data, prefix="members", max_members=guidelines.max_group_size)
    return form, members, guidelines


def _draft(request: HttpRequest) -> MultiValueDict | None:
    stored = request.session.get(SESSION_DRAFT)
    return MultiValueDict(stored) if stored else None


def _too_many(request: HttpRequest) -> HttpResponse:
    return render(request, "public/requests/too_many.html", status=429)


@never_cache
def visit_request(request: HttpRequest) -> HttpResponse:
    """The guidelines, then the request form; POST checks it and moves on to 'Check your answers'."""
    council = _home_council()
    show_errors = False
    if request.method == "POST":
        data = request.POST.copy()
        if "add_member" in data:
            # Without JavaScript: one more empty row, and no errors shown for a form not yet sent.
            total = int(data.get("members-TOTAL_FORMS") or 0)
            data["members-TOTAL_FORMS"] = str(min(total + 1, 60))
            form, members, guidelines = _visit_forms(data, council)
        else:
            form, members, guidelines = _visit_forms(data, council)
            if form.is_spam():
                request.session[SESSION_DONE] = {"reference": ""}
                return redirect("public:visit_request_done")
            form_ok = form.is_valid()
            members_ok = members.is_valid()
            if form_ok and members_ok:
                request.session[SESSION_DRAFT] = {
                    key: values for key, values in data.lists() if key != "csrfmiddlewaretoken"
                }
                return redirect("public:visit_request_check")
            show_errors = True
    else:
        draft = _draft(request)
        form, members, guidelines = _visit_forms(draft, council)
        # Back from 'Check your answers' (or the dates went stale there): show what is wrong now.
        show_errors = draft is not None and not (form.is_valid() & members.is_valid())
        if draft is None:
            form, members = (
                VisitRequestForm(council=council, notice_weeks=guidelines.notice_weeks),
                MemberFormSet(prefix="members", max_members=guidelines.max_group_size),
            )
    error_links = [*form.error_links(), *members.error_links()] if show_errors else []
    form.prepare_widgets(show_errors=show_errors)
    for member_form in members.forms:
        member_form.prepare_widgets(show_errors=show_errors)
    return render(
        request,
        "public/requests/visit_request.html",
        {
            "form": form,
            "members": members,
            "guidelines": guidelines,
            "council": council,
            "show_errors": show_errors,
            "error_links": error_links,
        },
    )


@never_cache
def visit_request_check(request: HttpRequest) -> HttpResponse:
    """Check your answers; 'Send request' records it and gives a reference."""
    draft = _draft(request)
    if draft is None:
        return redirect("public:visit_request")
    council = _home_council()
    form, members, _ = _visit_forms(draft, council)
    if not (form.is_valid() and members.is_valid()):
        return redirect("public:visit_request")  # e.g. the dates went stale: the form shows why
    if request.method == "POST":
        if form_rate_limited(request, "visit_request"):
            return _too_many(request)
        data = form.cleaned_data
        visit = services.visit_request_submit(
            council=council,
            organisation=data["organisation"],
            country_code=data["country"],
            city=data["city"],
            partnership=data["partnership"],
            purpose=data["purpose"],
            topics=data["topics"],
            proposed_start=data["proposed_start"],
            proposed_end=data["proposed_end"],
            sites_requested=data["sites_requested"],
            contact_name=data["contact_name"],
            contact_email=data["contact_email"],
            contact_phone=data["contact_phone"],
            members=members.members(),
        )
        case_screen_after_commit(case=visit)
        del request.session[SESSION_DRAFT]
        request.session[SESSION_DONE] = {"reference": visit.reference, "email": visit.contact_email}
        return redirect("public:visit_request_done")
    country_field: Any = form.fields["country"]
    country_names = dict(country_field.choices)
    return render(
        request,
        "public/requests/visit_request_check.html",
        {
            "data": form.cleaned_data,
            "country_name": country_names.get(form.cleaned_data["country"], ""),
            "members": [
                {**member, "nationality_name": country_names.get(member["nationality"], "")}
                for member in members.members()
            ],
        },
    )


@never_cache
def visit_request_done(request: HttpRequest) -> HttpResponse:
    done = request.session.get(SESSION_DONE)
    if done is None:
        return redirect("public:visit_request")
    return render(request, "public/requests/visit_request_done.html", {"done": done})


def _message_view(
    request: HttpRequest, *, form_class: type, kind: str, template: str, initial: dict[str, Any] | None = None
) -> HttpResponse:
    show_errors = False
    if request.method == "POST":
        form = form_class(request.POST)
        if form.is_spam():
            request.session[SESSION_MESSAGE_DONE] = {"kind": kind, "reference": ""}
            return redirect("public:message_done")
        if form.is_valid():
            if form_rate_limited(request, kind):
                return _too_many(request)
            data = form.cleaned_data
            message = services.message_submit(
                council=_home_council(),
                kind=kind,
                message=data["message"],
                name=data.get("name", ""),
                email=data.get("email", ""),
                organisation=data.get("organisation", ""),
                country_code=data.get("country", ""),
                subject=data.get("subject", ""),
                helpful=data.get("helpful", ""),
                page=data.get("page", ""),
            )
            request.session[SESSION_MESSAGE_DONE] = {
                "kind": kind,
                "reference": message.reference,
                "email": message.email,
            }
            return redirect("public:message_done")
        show_errors = True
    else:
        form = form_class(initial=initial)
    form.prepare_widgets(show_errors=show_errors)
    return render(
        request,
        template,
        {"form": form, "show_errors": show_errors, "error_links": form.error_links() if show_errors else []},
    )


@never_cache
def enquiry(request: HttpRequest) -> HttpResponse:
    return _message_view(
        request, form_class=EnquiryForm, kind=MessageKind.ENQUIRY, template="public/requests/enquiry.html"
    )


@never_cache
def feedback(request: HttpRequest) -> HttpResponse:
    page = request.GET.get("page", "")[:500]
    return _message_view(
        request,
        form_class=FeedbackForm,
        kind=MessageKind.FEEDBACK,
        template="public/requests/feedback.html",
        initial={"page": page},
    )


@never_cache
def message_done(request: HttpRequest) -> HttpResponse:
    done = request.session.get(SESSION_MESSAGE_DONE)
    if done is None:
        return redirect("public:enquiry")
    return render(request, "public/requests/message_done.html", {"done": done})


def contact(request: HttpRequest) -> HttpResponse:
    return render(request, "public/requests/contact.html", {"council": _home_council()})
