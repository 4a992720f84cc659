from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "tuhono.core"
    label = "core"
