from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "tuhono.api"
    label = "api"
