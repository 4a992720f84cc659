from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "tuhono.ops"
    label = "ops"
    verbose_name = "Operations"
