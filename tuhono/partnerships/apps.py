from django.apps import AppConfig


class PartnershipsConfig(AppConfig):
    name = "tuhono.partnerships"
    label = "partnerships"

    def ready(self) -> None:
        from .search import connect_signals

        connect_signals()
