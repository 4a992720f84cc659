from django.apps import AppConfig


class NationalConfig(AppConfig):
    """Interface: the national register's public face (councils, insights, open-data exports)."""

    name = "tuhono.national"
    label = "national"
