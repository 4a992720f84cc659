"""Cases (what due diligence is about) and subjects (the records that name people), by duck type.

A case is a partnership or a visit (an outgoing visit is a mission). Vetting
refers to them by content type and primary key; it never needs the visits
domain to import it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models

from .enums import CaseKind, PartyOrigin, PartySchema

PARTNERSHIP_LABEL = "partnerships.partnership"
VISIT_LABEL = "visits.visit"


@dataclass(frozen=True)
class CaseRef:
    kind: str
    content_type: ContentType
    pk: int
    council_id: int
    label: str
    obj: models.Model


def case_ref(case: models.Model) -> CaseRef:
    """What vetting needs to know about a partnership or a visit."""
    label = case._meta.label_lower
    if label == PARTNERSHIP_LABEL:
        kind = CaseKind.PARTNERSHIP
        text = f"Partnership: {case}"
    elif label == VISIT_LABEL:
        outgoing = getattr(case, "kind", "") == "outgoing"
        kind = CaseKind.MISSION if outgoing else CaseKind.VISIT
        text = f"{'Mission' if outgoing else 'Visit'} {getattr(case, 'reference', case.pk)}: " + str(
            getattr(case, "organisation", case)
        )
    else:
        raise ValueError(f"{label} is not a case due diligence handles")
    return CaseRef(
        kind=kind,
        content_type=ContentType.objects.get_for_model(case),
        pk=case.pk,
        council_id=case.council_id,  # type: ignore[attr-defined]
        label=text[:300],
        obj=case,
    )


def case_get(*, kind: str, pk: int) -> models.Model | None:
    """The partnership or visit behind a case kind and id."""
    label = PARTNERSHIP_LABEL if kind == CaseKind.PARTNERSHIP else VISIT_LABEL
    try:
        model = apps.get_model(label)
    except LookupError:
        return None
    return model._default_manager.filter(pk=pk).first()


def case_of(content_type_id: int, pk: int) -> models.Model | None:
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return model._default_manager.filter(pk=pk).first() if model else None


def case_kind_slug(kind: str) -> str:
    slugs: dict[str, str] = {CaseKind.PARTNERSHIP: "partnership", CaseKind.VISIT: "visit", CaseKind.MISSION: "visit"}
    return slugs[kind]


@dataclass(frozen=True)
class PartySpec:
    """One person or organisation a subject record names, as screening needs them."""

    key: str
    name: str
    aliases: tuple[str, ...]
    schema: str
    birth_date: str
    nationality: str
    role_label: str
    origin: str


def subject_parties(subject: models.Model) -> tuple[models.Model, list[PartySpec]]:
    """The case a subject record belongs to, and the people and organisations it names."""
    label = subject._meta.label_lower
    if label == "vetting.counterpart":
        spec = PartySpec(
            key="",
            name=subject.name,  # type: ignore[attr-defined]
            aliases=tuple(subject.aliases),  # type: ignore[attr-defined]
            schema=subject.schema,  # type: ignore[attr-defined]
            birth_date=subject.birth_date,  # type: ignore[attr-defined]
            nationality=subject.nationality,  # type: ignore[attr-defined]
            role_label=subject.get_role_display(),  # type: ignore[attr-defined]
            origin=PartyOrigin.COUNTERPART,
        )
        return subject.partnership, [spec]  # type: ignore[attr-defined]
    if label == "visits.visitparty":
        person = getattr(subject, "kind", "person") == "person"
        dob = getattr(subject, "date_of_birth", None)
        role = ", ".join(part for part in (getattr(subject, "role", ""), getattr(subject, "organisation", "")) if part)
        spec = PartySpec(
            key="",
            name=subject.name,  # type: ignore[attr-defined]
            aliases=tuple(a for a in [getattr(subject, "name_original", "")] if a),
            schema=PartySchema.PERSON if person else PartySchema.ORGANIZATION,
            birth_date=dob.isoformat() if dob else "",
            nationality=getattr(subject, "nationality", "") or "",
            role_label=role or "Delegation member",
            origin=PartyOrigin.VISIT_PARTY,
        )
        return subject.visit, [spec]  # type: ignore[attr-defined]
    if label == "visits.contactlogentry":
        specs = []
        for latin, original in subject.people_list:  # type: ignore[attr-defined]
            name = latin or original
            specs.append(
                PartySpec(
                    key=f"person:{name.casefold()}"[:80],
                    name=name,
                    aliases=tuple(a for a in [original] if a and a != name),
                    schema=PartySchema.PERSON,
                    birth_date="",
                    nationality="",
                    role_label=f"Contact on {subject.occurred_on}",  # type: ignore[attr-defined]
                    origin=PartyOrigin.CONTACT,
                )
            )
        for key, role in (("organisation", "Organisation in contact"), ("intermediary", "Intermediary")):
            value = (getattr(subject, key, "") or "").strip()
            if value:
                specs.append(
                    PartySpec(
                        key=key,
                        name=value,
                        aliases=(),
                        schema=PartySchema.ORGANIZATION,
                        birth_date="",
                        nationality="",
                        role_label=f"{role} on {subject.occurred_on}",  # type: ignore[attr-defined]
                        origin=PartyOrigin.CONTACT,
                    )
                )
        return subject.partnership, specs  # type: ignore[attr-defined]
    raise ValueError(f"{label} names nobody due diligence screens")


SUBJECT_MODELS = ("vetting.counterpart", "visits.visitparty", "visits.contactlogentry")
