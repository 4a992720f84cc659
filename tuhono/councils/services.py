from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils.text import slugify

from tuhono.audit.services import audit_record

from .models import Council


@transaction.atomic
def council_create(
    *,
    actor: Any,
    name: str,
    slug: str | None = None,
    maori_name: str = "",
    region: str = "",
    country_code: str = "NZ",
    website: str = "",
    seat: Any = None,
    successor: Council | None = None,
    ceased_on: dt.date | None = None,
) -> Council:
    """Add a council to the register (validated, audited)."""
    council = Council(
        name=name,
        slug=slug or slugify(name.replace(" Council", "")),
        maori_name=maori_name,
        region=region,
        country_code=country_code,
        website=website,
        seat=seat,
        successor=successor,
        ceased_on=ceased_on,
    )
    council.full_clean()
    council.save()
    audit_record(
        actor=actor,
        action="council.created",
        target=council,
        council_id=council.pk,
        payload={"name": name, "region": region, "country": country_code},
    )
    return council
