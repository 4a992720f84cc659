from django.db import models


class RegisterVersion(models.Model):
    """A single row: the version of the published register, which keys the public page cache and its ETag.

    It moves only when published register content changes (tuhono/core/register.py), never for
    vetting, visits, messages or any other back-office work.
    """

    number = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"register version {self.number}"
