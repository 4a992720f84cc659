from django.apps import AppConfig


class WatchlistsConfig(AppConfig):
    name = "tuhono.watchlists"
    label = "watchlists"

    def ready(self) -> None:
        from tuhono.accounts.enums import Role
        from tuhono.accounts.roles import ROLE_PERMISSIONS

        # Read-only views in the admin (administrators). Security officers keep the lists in the staff
        # pages, under the rules of tuhono.watchlists.permissions, not through model permissions.
        codes = [
            "watchlists.view_listversion",
            "watchlists.view_source",
            "watchlists.view_listentity",
        ]
        for role in (Role.SECURITY_OFFICER, Role.ADMINISTRATOR):
            existing = ROLE_PERMISSIONS.setdefault(role, [])
            existing.extend(code for code in codes if code not in existing)
