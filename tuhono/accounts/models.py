from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    """A staff member (or the public, who never sign in).

    `council` scopes everything non-public the person may see or change.
    """

    council = models.ForeignKey(
        "councils.Council",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="staff",
    )
