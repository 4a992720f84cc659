from django.apps import AppConfig


class CouncilsConfig(AppConfig):
    name = "tuhono.councils"
    label = "councils"
