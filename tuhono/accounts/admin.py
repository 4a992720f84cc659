"""Staff accounts in Django's admin.

A superuser manages everyone. An administrator manages the accounts of their own
council (a national administrator, with no council, every council's), never a
superuser's, and can give only the roles they hold themselves; they neither see
nor set `is_superuser` or single permissions.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.http import HttpRequest

from .models import User

RESERVED = {"is_superuser", "user_permissions"}


def _without_reserved(fieldsets: Any) -> tuple:
    kept = []
    for name, options in fieldsets:
        fields = [f for f in options.get("fields", ()) if f not in RESERVED]
        if fields:
            kept.append((name, {**options, "fields": fields}))
    return tuple(kept)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "get_full_name", "email", "council", "is_active"]
    list_filter = ["council", "groups", "is_active"]
    fieldsets = (*(DjangoUserAdmin.fieldsets or ()), ("Council", {"fields": ["council"]}))
    add_fieldsets = (
        *(DjangoUserAdmin.add_fieldsets or ()),
        ("Council and roles", {"fields": ["council", "groups"]}),
    )

    def get_queryset(self, request: HttpRequest) -> Any:
        users = super().get_queryset(request)
        actor: Any = request.user
        if actor.is_superuser:
            return users
        users = users.filter(is_superuser=False)
        return users if actor.council_id is None else users.filter(council_id=actor.council_id)

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> Any:
        fieldsets = super().get_fieldsets(request, obj)
        actor: Any = request.user
        return fieldsets if actor.is_superuser else _without_reserved(fieldsets)

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        form = super().get_form(request, obj, change=change, **kwargs)
        actor: Any = request.user
        if actor.is_superuser:
            return form
        if "groups" in form.base_fields:
            form.base_fields["groups"].queryset = Group.objects.filter(user=actor)  # type: ignore[attr-defined]
            form.base_fields["groups"].help_text = "You can give only the roles you hold yourself."
        if "council" in form.base_fields and actor.council_id is not None:
            council = form.base_fields["council"]
            council.queryset = council.queryset.filter(pk=actor.council_id)  # type: ignore[attr-defined]
            council.required = True
            council.empty_label = None  # type: ignore[attr-defined]
        return form

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        actor: Any = request.user
        # Roles the administrator does not hold stay as they were: they can neither give nor take them.
        kept = list(form.instance.groups.exclude(user=actor)) if change and not actor.is_superuser else []
        super().save_related(request, form, formsets, change)
        if kept:
            form.instance.groups.add(*kept)
