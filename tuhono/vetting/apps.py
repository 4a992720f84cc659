from django.apps import AppConfig


class VettingConfig(AppConfig):
    name = "tuhono.vetting"
    label = "vetting"
