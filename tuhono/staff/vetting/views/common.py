"""Who reaches the due-diligence pages, and the look-ups every page shares."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse

from tuhono.vetting.cases import case_get, case_ref
from tuhono.vetting.enums import CaseKind
from tuhono.vetting.permissions import Action, may, may_open


def vetting_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Anonymous people are sent to sign in; staff who are not a security officer or approver are refused."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not may_open(request.user):
            raise PermissionDenied("Due diligence is for the council's security officers and approvers.")
        return view(request, *args, **kwargs)

    return wrapped


def require_case_worker(request: HttpRequest, council_id: int | None) -> None:
    if not may(request.user, Action.WORK, council_id):
        raise PermissionDenied("Only the council's security officers may do this.")


def case_or_404(request: HttpRequest, kind: str, pk: int) -> Any:
    if kind not in CaseKind.values:
        raise Http404("No such case")
    case = case_get(kind=kind, pk=pk)
    if case is None or getattr(case, "council_id", None) != request.user.council_id:  # type: ignore[union-attr]
        raise Http404("No such case")
    return case


def case_page_url(case: Any) -> str:
    ref = case_ref(case)
    kind = CaseKind.PARTNERSHIP if ref.kind == CaseKind.PARTNERSHIP else CaseKind.VISIT
    return reverse("staff:vetting:case", args=[kind, case.pk])
