from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "tuhono.public"
    label = "public"
