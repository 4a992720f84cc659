from django.apps import AppConfig

VISIT_MODELS = [
    "visits.visit",
    "visits.visitparty",
    "visits.itineraryitem",
    "visits.visitcost",
    "visits.giftorhospitality",
    "visits.travelbriefing",
    "visits.contactreport",
    "visits.contactlogentry",
]


def _perms(models: list[str], actions: tuple[str, ...]) -> list[str]:
    return [f"{label.split('.')[0]}.{action}_{label.split('.')[1]}" for label in models for action in actions]


class VisitsConfig(AppConfig):
    name = "tuhono.visits"
    label = "visits"

    def ready(self) -> None:
        from tuhono.accounts.enums import Role
        from tuhono.accounts.roles import ROLE_PERMISSIONS

        read_all = _perms([*VISIT_MODELS, "visits.visittransition", "visits.publicmessage"], ("view",))
        additions = {
            Role.PARTNERSHIPS_OFFICER: read_all
            + _perms(VISIT_MODELS, ("add", "change"))
            + _perms(["visits.visitguidelines"], ("view", "change", "add")),
            Role.APPROVER: read_all,
            Role.SECURITY_OFFICER: read_all
            + _perms(["visits.travelbriefing", "visits.contactreport"], ("add", "change")),
            Role.NATIONAL_COORDINATOR: read_all,
            Role.ADMINISTRATOR: read_all + _perms(["visits.visitguidelines"], ("view", "change", "add")),
        }
        for role, codes in additions.items():
            existing = ROLE_PERMISSIONS.setdefault(role, [])
            existing.extend(code for code in codes if code not in existing)
