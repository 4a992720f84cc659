"""The read-only public JSON API. Published records and public fields only."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse

from tuhono.councils.selectors import council_list_public
from tuhono.partnerships import selectors
from tuhono.partnerships.public_record import council_public, partnership_public

from .openapi import openapi_document

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000


def _error(http_status: int, message: str, details: dict[str, str] | None = None) -> JsonResponse:
    return JsonResponse({"error": message, "details": details or {}}, status=http_status)


def _int_param(request: HttpRequest, name: str, default: int, minimum: int, maximum: int) -> int | str:
    raw = request.GET.get(name, "")
    if raw == "":
        return default
    if not raw.isdigit() or not minimum <= int(raw) <= maximum:
        return f"'{name}' must be a whole number from {minimum} to {maximum}."
    return int(raw)


def partnership_list(request: HttpRequest) -> JsonResponse:
    filters = selectors.PartnershipFilters.from_params(request.GET)
    limit = _int_param(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT)
    offset = _int_param(request, "offset", 0, 0, 10**9)
    problems = {name: value for name, value in (("limit", limit), ("offset", offset)) if isinstance(value, str)}
    problems.update(filters.errors)
    if problems:
        return _error(400, "Some parameters are not valid.", problems)
    assert isinstance(limit, int) and isinstance(offset, int)
    queryset = selectors.partnership_list_public(filters).order_by("pk")
    total = queryset.count()
    page = list(queryset[offset : offset + limit])
    next_offset = offset + limit if offset + limit < total else None
    return JsonResponse(
        {
            "count": total,
            "limit": limit,
            "offset": offset,
            "next_offset": next_offset,
            "results": [partnership_public(p, request=request) for p in page],
        },
        json_dumps_params={"ensure_ascii": False},
    )


def partnership_detail(request: HttpRequest, partnership_id: int) -> JsonResponse:
    partnership = selectors.partnership_queryset_public().filter(pk=partnership_id).first()
    if partnership is None:
        return _error(404, "No published partnership with this id.")
    return JsonResponse(partnership_public(partnership, request=request), json_dumps_params={"ensure_ascii": False})


def council_list(request: HttpRequest) -> JsonResponse:
    councils = council_list_public()
    home_slug = selectors.home_council_slug()
    if home_slug:
        councils = councils.filter(slug=home_slug)
    return JsonResponse(
        {
            "count": len(councils),
            "results": [
                council_public(c, partnership_count=c.partnership_count)  # type: ignore[attr-defined]
                for c in councils
            ],
        },
        json_dumps_params={"ensure_ascii": False},
    )


def openapi(request: HttpRequest) -> JsonResponse:
    return JsonResponse(openapi_document(request), json_dumps_params={"ensure_ascii": False})
