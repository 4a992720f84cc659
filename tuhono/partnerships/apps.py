from django.apps import AppConfig


class PartnershipsConfig(AppConfig):
    name = "tuhono.partnerships"
    label = "partnerships"
