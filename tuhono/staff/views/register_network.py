"""Alliances and networks with their members, and the partner-seeking list, in the back office."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from tuhono.accounts.selectors import scope_to_user_council, user_reads_all_councils
from tuhono.councils import services as council_services
from tuhono.councils.models import Council, PartnerSeeking
from tuhono.partnerships import alliance_services, selectors
from tuhono.partnerships.editing import EditConflict
from tuhono.partnerships.models import Alliance, AllianceMember
from tuhono.partnerships.permissions import Action, may
from tuhono.places import gazetteer
from tuhono.places.services import place_get_or_create
from tuhono.visits.selectors import desk_interests_in

from ..access import staff_required
from ..register_forms import AllianceForm, AllianceMemberForm, PartnerSeekingForm
from .common import form_page, posted, run_service
from .register import checked_edit, save_checked, user_council_id


def _alliance(pk: int) -> Alliance:
    alliance = selectors.alliance_list_staff().filter(pk=pk).first()
    if alliance is None:
        raise Http404("No such alliance or network")
    return alliance


@staff_required
def alliance_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "staff/register/alliance_list.html",
        {
            "alliances": list(selectors.alliance_list_staff()),
            "may_add": may(request.user, Action.ALLIANCES, user_council_id(request)),
        },
    )


@staff_required
def alliance_detail(request: HttpRequest, pk: int) -> HttpResponse:
    alliance = _alliance(pk)
    editable = alliance_services.may_change_alliance(request.user, alliance)
    return render(
        request,
        "staff/register/alliance_detail.html",
        {
            "alliance": alliance,
            "members": list(alliance.members.all()),
            "may_edit": editable,
            "member_form": AllianceMemberForm() if editable else None,
        },
    )


def _alliance_values(form: AllianceForm) -> dict[str, Any]:
    data = dict(form.cleaned_data)
    data.pop("version", None)
    return data


@staff_required
def alliance_create(request: HttpRequest) -> HttpResponse:
    if not may(request.user, Action.ALLIANCES, user_council_id(request)):
        raise PermissionDenied("You cannot add an alliance or network.")
    form = AllianceForm(posted(request))
    if request.method == "POST" and form.is_valid():
        created: list[Alliance] = []
        call = lambda: created.append(  # noqa: E731
            alliance_services.alliance_create(actor=request.user, **_alliance_values(form))
        )
        if run_service(form, call):
            messages.success(request, f"{created[0].name} added, with your council as a member.")
            return redirect("staff:register_alliance", pk=created[0].pk)
    return form_page(
        request,
        form=form,
        title="Add an alliance or network",
        submit="Add",
        back_url=reverse("staff:register_alliances"),
        show_errors=request.method == "POST",
    )


@staff_required
def alliance_edit(request: HttpRequest, pk: int) -> HttpResponse:
    alliance = _alliance(pk)
    if not alliance_services.may_change_alliance(request.user, alliance):
        raise PermissionDenied("You cannot change an alliance or network your council is not a member of.")
    fields = alliance_services.ALLIANCE_FIELDS
    form = AllianceForm(
        posted(request), initial={**{name: getattr(alliance, name) for name in fields}, "version": alliance.version}
    )
    back = reverse("staff:register_alliance", args=[alliance.pk])
    conflict: EditConflict | None = None
    if request.method == "POST" and form.is_valid():
        expected = form.cleaned_data.get("version") or 0
        saved, conflict = save_checked(
            form,
            lambda: alliance_services.alliance_update(
                actor=request.user, alliance=alliance, expected_version=expected, **_alliance_values(form)
            ),
        )
        if saved:
            messages.success(request, "Saved.")
            return redirect(back)
    form.prepare_widgets(show_errors=request.method == "POST")
    return render(
        request,
        "staff/register/partnership_form.html",
        {
            "form": form,
            "title": f"Edit {alliance.name}",
            "submit": "Save",
            "back_url": back,
            "conflict": conflict,
            "show_errors": request.method == "POST",
            "error_links": form.error_links() if request.method == "POST" else [],
        },
    )


@staff_required
@require_POST
def alliance_member_add(request: HttpRequest, pk: int) -> HttpResponse:
    alliance = _alliance(pk)
    if not alliance_services.may_change_alliance(request.user, alliance):
        raise PermissionDenied("You cannot change an alliance or network your council is not a member of.")
    form = AllianceMemberForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        place = None
        if data.get("place_name"):
            found = gazetteer.lookup(data["place_name"], data["place_country"])
            if found is None:
                form.add_error("place_name", "No place of that name in that country in the gazetteer")
            else:
                place = place_get_or_create(
                    name=found.name, country_code=found.country_code, geonames_id=found.geonames_id
                )
        if not form.errors:
            call = lambda: alliance_services.alliance_member_add(  # noqa: E731
                actor=request.user,
                alliance=alliance,
                council=data.get("council"),
                place=place,
                joined_on=data.get("joined_on"),
            )
            if run_service(form, call):
                messages.success(request, "Member added.")
                return redirect("staff:register_alliance", pk=alliance.pk)
    form.prepare_widgets(show_errors=True)
    return render(
        request,
        "staff/register/alliance_detail.html",
        {
            "alliance": alliance,
            "members": list(alliance.members.all()),
            "may_edit": True,
            "member_form": form,
            "show_errors": True,
            "error_links": form.error_links(),
        },
        status=400,
    )


@staff_required
@require_POST
def alliance_member_remove(request: HttpRequest, member_pk: int) -> HttpResponse:
    member = AllianceMember.objects.select_related("alliance", "council", "place").filter(pk=member_pk).first()
    if member is None:
        raise Http404("No such member")
    alliance_pk = member.alliance_id
    alliance_services.alliance_member_remove(actor=request.user, member=member)
    messages.success(request, f"{member} is no longer a member.")
    return redirect("staff:register_alliance", pk=alliance_pk)


# --- Partner seeking ------------------------------------------------------------------------------


def _seeking_queryset(user: Any) -> Any:
    """Entries of the user's council and entries from abroad (no council holds those); all for national."""
    queryset = PartnerSeeking.objects.select_related("council").order_by("-submitted_at", "-pk")
    if user_reads_all_councils(user):
        return queryset
    own = scope_to_user_council(queryset, user)
    return own | queryset.filter(council__isnull=True)


def _seeking_councils(user: Any) -> Any:
    if getattr(user, "is_superuser", False) or user.council_id is None:
        return Council.objects.filter(successor__isnull=True)
    return Council.objects.filter(pk=user.council_id)


@staff_required
def seeking_list(request: HttpRequest) -> HttpResponse:
    state = request.GET.get("state", "")
    queryset = _seeking_queryset(request.user)
    if state == "new":
        queryset = queryset.filter(published=False, published_at__isnull=True)
    elif state == "published":
        queryset = queryset.filter(published=True)
    elif state == "withdrawn":
        queryset = queryset.filter(published=False, published_at__isnull=False)
    page = Paginator(queryset, 50).get_page(request.GET.get("page"))
    rows = [(entry, may(request.user, Action.PARTNER_SEEKING, entry.council_id)) for entry in page]
    return render(
        request,
        "staff/register/seeking_list.html",
        {"page": page, "rows": rows, "state": state, "may_add": may(request.user, Action.PARTNER_SEEKING, None)},
    )


def _seeking(request: HttpRequest, pk: int) -> PartnerSeeking:
    entry = _seeking_queryset(request.user).filter(pk=pk).first()
    if entry is None:
        raise Http404("No such entry")
    return entry


@staff_required
def seeking_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """An entry with its contact, and the expressions of interest the public sent about it (on the desk)."""
    entry = _seeking(request, pk)
    return render(
        request,
        "staff/register/seeking_detail.html",
        {
            "entry": entry,
            "may_edit": may(request.user, Action.PARTNER_SEEKING, entry.council_id),
            "interests": list(desk_interests_in(user=request.user, seeking_id=entry.pk)),
            "today": timezone.localdate(),
        },
    )


@staff_required
def seeking_create(request: HttpRequest) -> HttpResponse:
    if not may(request.user, Action.PARTNER_SEEKING, None):
        raise PermissionDenied("You cannot change the partner-seeking list.")
    form = PartnerSeekingForm(posted(request), councils=_seeking_councils(request.user))
    if request.method == "POST" and form.is_valid():
        values = {name: value for name, value in form.cleaned_data.items() if name != "version"}
        call = lambda: council_services.partner_seeking_create(actor=request.user, **values)  # noqa: E731
        if run_service(form, call):
            messages.success(request, "Entry added. Publish it to show it on the public list.")
            return redirect("staff:register_seeking")
    return form_page(
        request,
        form=form,
        title="Add to the partner-seeking list",
        submit="Add",
        back_url=reverse("staff:register_seeking"),
        show_errors=request.method == "POST",
    )


@staff_required
def seeking_edit(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _seeking(request, pk)
    if not may(request.user, Action.PARTNER_SEEKING, entry.council_id):
        raise PermissionDenied("You cannot change this entry.")
    initial = {name: getattr(entry, name) for name in council_services.SEEKING_FIELDS}
    form = PartnerSeekingForm(
        posted(request), councils=_seeking_councils(request.user), initial={**initial, "version": entry.version}
    )
    return checked_edit(
        request,
        form,
        lambda expected, values: council_services.partner_seeking_update(
            actor=request.user, seeking=entry, expected_version=expected, **values
        ),
        saved_message=lambda: "Entry saved.",
        back=reverse("staff:register_seeking_entry", args=[entry.pk]),
        title=f"Edit the entry for {entry.display_name}",
        submit="Save",
    )


@staff_required
@require_POST
def seeking_publish(request: HttpRequest, pk: int, publish: bool) -> HttpResponse:
    entry = _seeking(request, pk)
    try:
        council_services.partner_seeking_set_published(actor=request.user, seeking=entry, published=publish)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{entry.display_name}: {'published' if publish else 'withdrawn'}.")
    return redirect("staff:register_seeking")
