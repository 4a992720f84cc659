from django.db import models


class Role(models.TextChoices):
    """Staff roles. Each is a Django group; a member acts for their own council."""

    PARTNERSHIPS_OFFICER = "partnerships_officer", "Partnerships officer"
    APPROVER = "approver", "Approver"
    SECURITY_OFFICER = "security_officer", "Security officer"
    NATIONAL_COORDINATOR = "national_coordinator", "National coordinator"
    ADMINISTRATOR = "administrator", "Administrator"
