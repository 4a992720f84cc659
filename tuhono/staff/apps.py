from django.apps import AppConfig


class StaffConfig(AppConfig):
    name = "tuhono.staff"
    label = "staff"
