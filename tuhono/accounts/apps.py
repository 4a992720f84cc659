from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "tuhono.accounts"
    label = "accounts"

    def ready(self) -> None:
        from .roles import roles_ensure

        # Not limited to this app: each app's permissions exist only after its own post_migrate,
        # so the last call (after every app) sees them all.
        post_migrate.connect(roles_ensure, dispatch_uid="tuhono.accounts.roles_ensure")


class TuhonoAdminConfig(admin_apps.AdminConfig):
    """Django's admin with the site that opens only to administrators (`admin_site.TuhonoAdminSite`)."""

    default = False
    default_site = "tuhono.accounts.admin_site.TuhonoAdminSite"
