"""The register in the back office: partnerships, their status history, milestones, publishing and preview."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from tuhono.accounts.selectors import user_reads_all_councils
from tuhono.councils.models import Council
from tuhono.partnerships import milestone_services, selectors, services
from tuhono.partnerships import page as partnership_page
from tuhono.partnerships.editing import EditConflict
from tuhono.partnerships.models import Milestone, Partnership
from tuhono.partnerships.permissions import Action, may, require
from tuhono.places import gazetteer
from tuhono.places.countries import country_name
from tuhono.places.services import place_get_or_create

from ..access import staff_required
from ..register_forms import MilestoneForm, PartnershipForm, StatusChangeForm
from .common import form_page, posted, run_service

PAGE_SIZE = 50


def _get(request: HttpRequest, pk: int) -> Partnership:
    partnership = selectors.partnership_get_staff(request.user, pk)
    if partnership is None:
        raise Http404("No such partnership")
    return partnership


def user_council_id(request: HttpRequest) -> int | None:
    return getattr(request.user, "council_id", None)


def _councils(user: Any) -> Any:
    if getattr(user, "is_superuser", False):
        return Council.objects.filter(successor__isnull=True)
    return Council.objects.filter(pk=user.council_id)


@staff_required
def partnership_list(request: HttpRequest) -> HttpResponse:
    filters = selectors.PartnershipFilters.from_params(request.GET)
    published = request.GET.get("published", "")
    queryset = selectors.partnership_list_staff(request.user, filters, published=published)
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    params = {**filters.as_params(), **({"published": published} if published else {})}
    return render(
        request,
        "staff/register/partnership_list.html",
        {
            "page": page,
            "filters": filters,
            "published": published,
            "query": "&".join(f"{k}={v}" for k, v in params.items()),
            "kinds": selectors.PartnershipKind.choices,
            "statuses": selectors.PartnershipStatus.choices,
            "may_add": may(request.user, Action.EDIT, user_council_id(request))
            and (user_council_id(request) is not None or request.user.is_superuser),
            "all_councils": user_reads_all_councils(request.user),
        },
    )


@staff_required
def partnership_detail(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = _get(request, pk)
    council_id = partnership.council_id
    return render(
        request,
        "staff/register/partnership_detail.html",
        {
            "partnership": partnership,
            "status_changes": list(partnership.status_changes.all()),
            "milestones": list(partnership.milestones.all()),
            "may_edit": may(request.user, Action.EDIT, council_id),
            "may_change_status": may(request.user, Action.CHANGE_STATUS, council_id),
            "may_publish": may(request.user, Action.PUBLISH, council_id),
            "may_milestones": may(request.user, Action.MILESTONES, council_id),
        },
    )


@staff_required
def place_search(request: HttpRequest) -> JsonResponse:
    """Gazetteer places whose name starts with what was typed: [{id, name, country, country_name, label}]."""
    text = (request.GET.get("q") or "")[:100]
    country = (request.GET.get("country") or "")[:2]
    results = [
        {
            "id": place.geonames_id,
            "name": place.name,
            "country": place.country_code,
            "country_name": country_name(place.country_code),
            "label": f"{place.name}, {country_name(place.country_code)}"
            + (f" (population {place.population:,})" if place.population else ""),
            "population": place.population,
        }
        for place in gazetteer.search(text, country)
    ]
    return JsonResponse({"results": results})


def _resolve_place(form: PartnershipForm) -> tuple[Any, list[gazetteer.GazetteerPlace]]:
    """The Place the form names, or (None, choices) when the name is several places (or none)."""
    data = form.cleaned_data
    name, country, chosen = data["place_name"].strip(), data.get("place_country") or "", data.get("place_geonames_id")
    if chosen:
        found = next((p for p in gazetteer.search(name, country, limit=50) if p.geonames_id == chosen), None)
        if found is None:
            form.add_error("place_name", "That place is not in the gazetteer: type its name and choose the country")
            return None, []
        place = place_get_or_create(name=found.name, country_code=found.country_code, geonames_id=found.geonames_id)
        return place, []
    options = gazetteer.candidates(name, country)
    if not options:
        form.add_error(
            "place_name", f"No place called “{name}” in {country_name(country)} in the gazetteer: check the spelling"
        )
        return None, []
    if len({p.geonames_id for p in options}) > 1:
        form.add_error("place_name", f"There are {len(options)} places called “{name}”: choose one")
        return None, options
    return place_get_or_create(name=options[0].name, country_code=country, geonames_id=options[0].geonames_id), []


def keep_input_on_conflict(form: Any, error: EditConflict) -> None:
    """Keep the user's input, say what changed, and let a second save go ahead knowingly."""
    form.data = form.data.copy()
    form.data["version"] = str(error.current)
    form.add_error(
        None,
        "Someone else saved this record after you opened it, so nothing was saved. "
        "Check their changes below, then save again to keep yours.",
    )


def save_checked(form: Any, call: Any) -> tuple[bool, EditConflict | None]:
    """Run a version-checked service: (saved, None), or (False, the conflict) with the input kept."""
    try:
        return run_service(form, call), None
    except EditConflict as error:
        keep_input_on_conflict(form, error)
        return False, error


def checked_edit(
    request: HttpRequest,
    form: Any,
    save: Callable[[int, dict[str, Any]], Any],
    *,
    saved_message: Callable[[], str],
    back: str,
    **page: Any,
) -> HttpResponse:
    """A version-checked edit: save and go back, or show the form again (with the other editor's changes named)."""
    conflict: EditConflict | None = None
    if request.method == "POST" and form.is_valid():
        values = dict(form.cleaned_data)
        expected = values.pop("version", 0) or 0
        saved, conflict = save_checked(form, lambda: save(expected, values))
        if saved:
            messages.success(request, saved_message())
            return redirect(back)
    return form_page(request, form=form, back_url=back, show_errors=request.method == "POST", conflict=conflict, **page)


def _form_page(request: HttpRequest, form: Any, **context: Any) -> HttpResponse:
    show_errors = request.method == "POST"
    form.prepare_widgets(show_errors=show_errors)
    return render(
        request,
        "staff/register/partnership_form.html",
        {"form": form, "show_errors": show_errors, "error_links": form.error_links() if show_errors else [], **context},
    )


@staff_required
def partnership_create(request: HttpRequest) -> HttpResponse:
    councils = _councils(request.user)
    require(request.user, Action.EDIT, user_council_id(request))
    form = PartnershipForm(posted(request), councils=councils, creating=True, initial={"council": councils.first()})
    choices: list[gazetteer.GazetteerPlace] = []
    if request.method == "POST" and form.is_valid():
        place, choices = _resolve_place(form)
        if place is not None:
            fields = form.service_fields()
            council = form.cleaned_data["council"]
            created: list[Partnership] = []
            call = lambda: created.append(  # noqa: E731
                services.partnership_create(
                    actor=request.user,
                    council=council,
                    partner=place,
                    status=form.cleaned_data["status"],
                    status_reason="Recorded in the register",
                    **fields,
                )
            )
            if run_service(form, call):
                messages.success(request, f"Partnership with {place.name} added (a draft until you publish it).")
                return redirect("staff:register_partnership", pk=created[0].pk)
    return _form_page(
        request,
        form,
        title="Add a partnership",
        submit="Add partnership",
        back_url=reverse("staff:register_partnerships"),
        place_choices=choices,
    )


@staff_required
def partnership_edit(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = _get(request, pk)
    require(request.user, Action.EDIT, partnership.council_id)
    initial = {name: getattr(partnership, name) for name in services.EDITABLE_FIELDS if name != "published"}
    initial["legacy_council"] = partnership.legacy_council_id
    initial["focus_areas"] = list(partnership.focus_areas.all())
    initial["version"] = partnership.version
    form = PartnershipForm(posted(request), councils=_councils(request.user), creating=False, initial=initial)
    conflict: EditConflict | None = None
    if request.method == "POST" and form.is_valid():
        fields = form.service_fields()
        expected = form.cleaned_data.get("version") or 0
        saved, conflict = save_checked(
            form,
            lambda: services.partnership_update(
                actor=request.user, partnership=partnership, expected_version=expected, **fields
            ),
        )
        if saved:
            messages.success(request, "Partnership saved.")
            return redirect("staff:register_partnership", pk=partnership.pk)
    return _form_page(
        request,
        form,
        title=f"Edit the partnership with {partnership.partner.name}",
        submit="Save",
        back_url=reverse("staff:register_partnership", args=[partnership.pk]),
        partnership=partnership,
        conflict=conflict,
    )


@staff_required
def status_change(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = _get(request, pk)
    require(request.user, Action.CHANGE_STATUS, partnership.council_id)
    form = StatusChangeForm(posted(request), initial={"version": partnership.version})
    return checked_edit(
        request,
        form,
        lambda expected, data: services.partnership_change_status(
            actor=request.user, partnership=partnership, expected_version=expected, **data
        ),
        saved_message=lambda: f"Status changed to {partnership.get_status_display().lower()}.",
        back=reverse("staff:register_partnership", args=[partnership.pk]),
        title=f"Change the status of the partnership with {partnership.partner.name}",
        intro=f"It is {partnership.get_status_display().lower()} now.",
        submit="Change status",
    )


@staff_required
@require_POST
def partnership_publish(request: HttpRequest, pk: int, publish: bool) -> HttpResponse:
    partnership = _get(request, pk)
    require(request.user, Action.PUBLISH, partnership.council_id)
    services.partnership_set_published(actor=request.user, partnership=partnership, published=publish)
    messages.success(request, "Published: it is on the public pages now." if publish else "Taken off the public pages.")
    return redirect("staff:register_partnership", pk=partnership.pk)


@never_cache
@staff_required
def partnership_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """The public page as it would read, draft or not: for staff only, marked PREVIEW, never cached."""
    partnership = _get(request, pk)
    response = render(
        request,
        "staff/register/preview.html",
        {
            **partnership_page.partnership_page_context(partnership),
            "staff_url": reverse("staff:register_partnership", args=[partnership.pk]),
        },
    )
    response["X-Robots-Tag"] = "noindex"
    return response


def _milestone_values(form: MilestoneForm) -> dict[str, Any]:
    values = dict(form.cleaned_data)
    values.pop("version", None)
    return values


@staff_required
def milestone_add(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = _get(request, pk)
    require(request.user, Action.MILESTONES, partnership.council_id)
    form = MilestoneForm(posted(request))
    back = reverse("staff:register_partnership", args=[partnership.pk])
    if request.method == "POST" and form.is_valid():
        call = lambda: milestone_services.milestone_add(  # noqa: E731
            actor=request.user, partnership=partnership, **_milestone_values(form)
        )
        if run_service(form, call):
            messages.success(request, "Milestone added.")
            return redirect(back)
    return form_page(
        request,
        form=form,
        title=f"Add a milestone: {partnership.partner.name}",
        intro="An event, exchange or visit, and what came of it (participants, value).",
        submit="Add milestone",
        back_url=back,
        show_errors=request.method == "POST",
    )


def _milestone(request: HttpRequest, milestone_pk: int) -> Milestone:
    milestone = Milestone.objects.select_related("partnership").filter(pk=milestone_pk).first()
    if milestone is None or selectors.partnership_get_staff(request.user, milestone.partnership_id) is None:
        raise Http404("No such milestone")
    return milestone


@staff_required
def milestone_edit(request: HttpRequest, milestone_pk: int) -> HttpResponse:
    milestone = _milestone(request, milestone_pk)
    require(request.user, Action.MILESTONES, milestone.partnership.council_id)
    initial = {name: getattr(milestone, name) for name in milestone_services.MILESTONE_FIELDS}
    form = MilestoneForm(posted(request), initial={**initial, "version": milestone.version})
    return checked_edit(
        request,
        form,
        lambda expected, _values: milestone_services.milestone_update(
            actor=request.user, milestone=milestone, expected_version=expected, **_milestone_values(form)
        ),
        saved_message=lambda: "Milestone saved.",
        back=reverse("staff:register_partnership", args=[milestone.partnership_id]),
        title=f"Edit the milestone “{milestone.title}”",
        submit="Save",
    )


@staff_required
@require_POST
def milestone_remove(request: HttpRequest, milestone_pk: int) -> HttpResponse:
    milestone = _milestone(request, milestone_pk)
    partnership_pk = milestone.partnership_id
    try:
        milestone_services.milestone_remove(actor=request.user, milestone=milestone)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Milestone removed.")
    return redirect("staff:register_partnership", pk=partnership_pk)
