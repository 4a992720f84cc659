"""Django's admin, for administrators only.

Council staff do their work in the back office (/staff/). The admin opens to a
superuser or a holder of the administrator role; `is_staff` alone decides nothing.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.http import HttpRequest

from .enums import Role
from .selectors import user_has_role


def user_may_administer(user: Any) -> bool:
    """A signed-in, active superuser or administrator."""
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and (user.is_superuser or user_has_role(user, Role.ADMINISTRATOR))
    )


class AdministratorAuthenticationForm(AdminAuthenticationForm):
    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "invalid_login": "Enter the username and password of an administrator's account. Staff sign in at /staff/.",
    }

    def confirm_login_allowed(self, user: Any) -> None:
        if not user_may_administer(user):
            raise forms.ValidationError(self.error_messages["invalid_login"], code="invalid_login")


class TuhonoAdminSite(admin.AdminSite):
    site_header = "Tūhono administration"
    site_title = "Tūhono"
    index_title = "Accounts, councils and reference data"
    login_form = AdministratorAuthenticationForm

    def has_permission(self, request: HttpRequest) -> bool:
        return user_may_administer(request.user)
