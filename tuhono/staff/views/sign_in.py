"""Signing in to and out of the back office. The two-factor step follows for the roles that need it."""

from __future__ import annotations

from django.contrib.auth.views import LoginView, LogoutView
from django.urls import reverse


class SignInView(LoginView):
    template_name = "staff/sign_in.html"
    redirect_authenticated_user = True


class SignOutView(LogoutView):
    def get_default_redirect_url(self) -> str:
        return reverse("staff:sign_in")
