"""Every URL pattern of the project, with its path parameters filled from real demo objects."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import RegexPattern, RoutePattern

HOME_COUNCIL = "auckland"
# Pages that exist to let someone sign in or out: open to anonymous visitors by design.
SIGN_IN = {
    "admin:login",
    "admin:logout",
    "admin:password_reset",
    "ops:two_factor_setup",
    "ops:two_factor_verify",
    "ops:two_factor_qrcode",
    "staff:sign_in",
    "staff:sign_out",
}


@dataclass(frozen=True)
class Route:
    view_name: str
    pattern: str
    kwargs: dict[str, Any]
    url: str | None  # None when a parameter could not be filled
    missing: str = ""

    @property
    def is_staff(self) -> bool:
        return self.url is not None and self.url.startswith(("/admin/", "/staff/", "/account/"))

    @property
    def is_vetting(self) -> bool:
        """Due-diligence casework itself (not the visit pages that hand a visit over to it)."""
        return ":vetting:" in self.view_name or (self.url or "").startswith(("/admin/vetting/", "/staff/vetting/"))

    @property
    def is_sign_in(self) -> bool:
        return self.view_name in SIGN_IN

    @property
    def names_home_object(self) -> bool:
        return any(key not in ("app_label",) for key in self.kwargs)


def iter_patterns(resolver: URLResolver | None = None, prefix: str = "", namespace: str = ""):  # type: ignore[no-untyped-def]
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from iter_patterns(entry, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern) and entry.name:
            name = f"{namespace}:{entry.name}" if namespace else entry.name
            yield name, prefix + str(entry.pattern), entry


def _parameters(entry: URLPattern) -> dict[str, str]:
    """Parameter name -> regex (or converter) for one pattern."""
    pattern = entry.pattern
    if isinstance(pattern, RoutePattern):
        return {name: type(conv).__name__ for name, conv in pattern.converters.items()}
    if isinstance(pattern, RegexPattern):
        found = re.findall(r"\(\?P<(\w+)>([^)]*)\)", pattern._regex)
        return dict(found)
    return {}


def _first(model: type[models.Model]) -> models.Model | None:
    queryset = model._default_manager.all()
    field_names = {f.name for f in model._meta.get_fields()}
    if "council" in field_names:
        home = queryset.filter(council__slug=HOME_COUNCIL).order_by("pk").first()
        if home is not None:
            return home
    if "status" in field_names:
        published = queryset.filter(status__in=["active", "published"]).order_by("pk").first()
        if published is not None:
            return published
    return queryset.order_by("pk").first()


def _model_named(word: str) -> type[models.Model] | None:
    word = word.replace("_", "").lower()
    for model in apps.get_models():
        if model._meta.model_name == word:
            return model
    return None


def _model_from_view(view_name: str, *, with_field: str | None = None) -> type[models.Model] | None:
    words = re.split(r"[:_]", view_name.lower())
    best = None
    for size in (3, 2, 1):
        for start in range(len(words) - size + 1):
            model = _model_named("".join(words[start : start + size]))
            if model is not None and (with_field is None or with_field in {f.name for f in model._meta.fields}):
                best = best or model
    return best


def _admin_model(label: str) -> type[models.Model] | None:
    """'otp_totp_totpdevice' -> the model; app labels may contain underscores."""
    parts = label.split("_")
    for cut in range(1, len(parts)):
        try:
            return apps.get_model("_".join(parts[:cut]), "_".join(parts[cut:]))
        except LookupError:
            continue
    return None


def _value(view_name: str, name: str, regex: str) -> Any:
    admin_model = re.match(r"admin:(\w+)_(change|delete|history)$", view_name)
    if admin_model and name == "object_id":
        model = _admin_model(admin_model.group(1))
        obj = _first(model) if model else None
        return obj.pk if obj else None
    if name == "app_label":
        options = regex.strip("^$()").split("|")
        return "partnerships" if "partnerships" in options else options[0]
    if name == "content_type_id":
        return ContentType.objects.get_for_model(apps.get_model("partnerships", "partnership")).pk
    if name == "object_id":
        obj = _first(apps.get_model("partnerships", "partnership"))
        return obj.pk if obj else None
    if name in ("id", "user_id") and "password" in view_name:
        return apps.get_model("accounts", "user").objects.get(username="officer").pk
    if name in ("council", "council_slug"):
        return HOME_COUNCIL
    if name == "slug" or name.endswith("_slug"):
        model = _model_named(name[: -len("_slug")]) if name.endswith("_slug") else None
        model = model or _model_from_view(view_name, with_field="slug")
        obj = _first(model) if model else None
        return getattr(obj, "slug", None)
    if name.endswith(("_id", "_pk")) or name in ("pk", "id"):
        model = _model_named(name[:-3]) if name.endswith(("_id", "_pk")) else None
        model = model or _model_from_view(view_name)
        obj = _first(model) if model else None
        return obj.pk if obj else None
    if name in ("reference", "ref"):
        model = _model_from_view(view_name, with_field="reference")
        obj = _first(model) if model else None
        return getattr(obj, "reference", None)
    return None


def _pk_of(label: str) -> Any:
    def provider() -> Any:
        try:
            obj = _first(apps.get_model(label))
        except LookupError:
            return None
        return obj.pk if obj else NO_ROWS

    return provider


def _case_kind() -> str:
    return "partnership"


NO_ROWS = object()  # the model is known but the demo data has none of it: reported, not failed

# Parameters the heuristics above cannot guess: (view name, parameter) -> function returning a value.
EXPLICIT: dict[tuple[str, str], Any] = {
    ("staff:vetting:party", "pk"): _pk_of("vetting.ScreenedParty"),
    **{
        (f"staff:register_{name}", "pk"): _pk_of("partnerships.Partnership")
        for name in ("partnership", "partnership_edit", "status_change", "publish", "unpublish", "preview")
    },
    ("staff:register_milestone_add", "pk"): _pk_of("partnerships.Partnership"),
    **{
        (f"staff:register_seeking_{name}", "pk"): _pk_of("councils.PartnerSeeking")
        for name in ("entry", "edit", "publish", "withdraw")
    },
    ("national:partner_seeking_entry", "pk"): _pk_of("councils.PartnerSeeking"),
    ("national:partner_seeking_interest_sent", "pk"): _pk_of("councils.PartnerSeeking"),
    **{
        (f"staff:{name}", "message_pk"): _pk_of("visits.PublicMessage")
        for name in ("message_detail", "message_handle", "message_reply")
    },
    ("staff:vetting:party_rescreen", "pk"): _pk_of("vetting.ScreenedParty"),
    ("staff:vetting:match_confirm", "pk"): _pk_of("vetting.ScreeningMatch"),
    ("staff:vetting:match_dismiss", "pk"): _pk_of("vetting.ScreeningMatch"),
    ("staff:vetting:clearing_withdraw", "pk"): _pk_of("vetting.NamesakeClearing"),
    ("staff:vetting:list", "pk"): _pk_of("watchlists.Source"),
    ("staff:vetting:list_restore", "pk"): _pk_of("watchlists.ListVersion"),
    **{
        (f"staff:vetting:{name}", "pk"): _pk_of("watchlists.ListUpload")
        for name in ("list_preview", "list_confirm", "list_discard")
    },
    **{
        (f"staff:vetting:{name}", "pk"): _pk_of("vetting.Assessment")
        for name in ("assessment", "advice_add", "decision", "report")
    },
    **{
        (f"staff:vetting:{name}", param): (lambda: "partnership")
        if param == "kind"
        else _pk_of("partnerships.Partnership")
        for name in ("case", "counterpart_add", "assessment_start", "arrangement", "notice_add", "case_records")
        for param in ("kind", "pk")
    },
    ("staff:vetting:record", "pk"): _pk_of("vetting.ScreeningRecord"),
    ("staff:vetting:records_export", "file_format"): lambda: "csv",
    ("staff:vetting:case_records_export", "kind"): lambda: "partnership",
    ("staff:vetting:case_records_export", "pk"): _pk_of("partnerships.Partnership"),
    ("staff:vetting:case_records_export", "file_format"): lambda: "json",
}


def all_routes() -> list[Route]:
    routes = []
    for view_name, pattern, entry in iter_patterns():
        kwargs: dict[str, Any] = {}
        missing = ""
        for name, regex in _parameters(entry).items():
            provider = EXPLICIT.get((view_name, name))
            value = provider() if provider else _value(view_name, name, regex)
            if value is NO_ROWS:
                missing = f"{name}: the demo data has no such record (not covered)"
                break
            if value is None:
                missing = f"{name}: cannot tell what this parameter names"
                break
            kwargs[name] = value
        url = None
        if not missing:
            try:
                url = reverse(view_name, kwargs=kwargs)
            except Exception as exc:  # a pattern reverse() cannot build: report it
                missing = f"reverse failed: {exc}"
        routes.append(Route(view_name=view_name, pattern=pattern, kwargs=kwargs, url=url, missing=missing))
    return routes
