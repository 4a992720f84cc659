from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "tuhono.audit"
    label = "audit"
