from typing import Any

from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, Any]:
    return {
        "organisation": settings.TUHONO_ORGANISATION,
        "contact_email": settings.TUHONO_CONTACT_EMAIL,
    }
