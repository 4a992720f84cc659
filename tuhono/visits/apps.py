from django.apps import AppConfig


class VisitsConfig(AppConfig):
    name = "tuhono.visits"
    label = "visits"
