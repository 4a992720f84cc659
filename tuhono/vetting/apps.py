from django.apps import AppConfig

VETTING_MODELS = [
    "vetting.counterpart",
    "vetting.screenedparty",
    "vetting.screeningmatch",
    "vetting.assessment",
    "vetting.advice",
    "vetting.decision",
    "vetting.arrangement",
    "vetting.arrangementnotice",
    "vetting.rescreenrun",
]


class VettingConfig(AppConfig):
    name = "tuhono.vetting"
    label = "vetting"

    def ready(self) -> None:
        from tuhono.accounts.enums import Role
        from tuhono.accounts.roles import ROLE_PERMISSIONS

        def codes(actions: tuple[str, ...]) -> list[str]:
            return [f"vetting.{action}_{label.split('.')[1]}" for label in VETTING_MODELS for action in actions]

        # Only the council's security officers and approvers; scoping to the council is on top.
        for role, permissions in (
            (Role.SECURITY_OFFICER, codes(("view", "add", "change"))),
            (Role.APPROVER, codes(("view",))),
        ):
            current = ROLE_PERMISSIONS.setdefault(role, [])
            current.extend(code for code in permissions if code not in current)

        from tuhono.visits.hooks import register_approval_check

        from .selectors import vetting_holds_for_visit

        register_approval_check(vetting_holds_for_visit)

        # When the screening index of a new list version is ready: screen whoever waited for it,
        # then re-screen everyone against what the version changed.
        from tuhono.watchlists.services.index_build import index_ready_signal

        from .services import screening_catch_up_schedule

        def index_ready(sender: object, **kwargs: object) -> None:
            screening_catch_up_schedule()

        index_ready_signal.connect(index_ready, weak=False, dispatch_uid="tuhono.vetting.index_ready")
