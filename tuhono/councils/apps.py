from django.apps import AppConfig


class CouncilsConfig(AppConfig):
    name = "tuhono.councils"
    label = "councils"

    def ready(self) -> None:
        from tuhono.accounts.enums import Role
        from tuhono.accounts.roles import ROLE_PERMISSIONS

        # Officers and the national coordinator read requests for partners; officers publish them.
        additions = {
            Role.PARTNERSHIPS_OFFICER: ["councils.view_partnerseeking", "councils.change_partnerseeking"],
            Role.NATIONAL_COORDINATOR: ["councils.view_partnerseeking", "councils.change_partnerseeking"],
            Role.ADMINISTRATOR: ["councils.view_partnerseeking", "councils.change_partnerseeking"],
        }
        for role, codes in additions.items():
            existing = ROLE_PERMISSIONS.setdefault(role, [])
            existing.extend(code for code in codes if code not in existing)
