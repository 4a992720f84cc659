"""Cases (what due diligence is about) and the people and organisations each one names.

A case is a partnership or a visit (an outgoing visit is a mission). Each domain
that holds parties names them through one function, and vetting calls it:

- a visit: `tuhono.visits.selectors.visit_parties_for_screening(visit)`
  (each member, each member's organisation, and the visiting organisation);
- a partnership: its counterparts (recorded here, in vetting) and
  `tuhono.visits.selectors.partnership_contacts_for_screening(partnership)`
  (the people, organisations and intermediaries of its contacts log).

The visits domain never imports vetting; vetting reads visits through its selectors.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import models

from tuhono.partnerships.models import Partnership
from tuhono.visits import selectors as visit_selectors
from tuhono.visits.enums import PartyKind
from tuhono.visits.models import Visit

from .enums import CaseKind, PartyOrigin, PartySchema


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
    if isinstance(case, Partnership):
        kind = CaseKind.PARTNERSHIP
        text = f"Partnership: {case}"
    elif isinstance(case, Visit):
        kind = CaseKind.MISSION if case.is_outgoing else CaseKind.VISIT
        text = f"{'Mission' if case.is_outgoing else 'Visit'} {case.reference}: {case.organisation}"
    else:
        raise ValueError(f"{case._meta.label_lower} is not a case due diligence handles")
    return CaseRef(
        kind=kind,
        content_type=ContentType.objects.get_for_model(case),
        pk=case.pk,
        council_id=case.council_id,
        label=text[:300],
        obj=case,
    )


def case_get(*, kind: str, pk: int) -> models.Model | None:
    """The partnership or visit behind a case kind and id."""
    if kind == CaseKind.PARTNERSHIP:
        return Partnership.objects.filter(pk=pk).first()
    return Visit.objects.filter(pk=pk).first()


def case_of(content_type_id: int, pk: int) -> models.Model | None:
    content_type = ContentType.objects.get_for_id(content_type_id)
    if content_type.model_class() is Partnership:
        return Partnership.objects.filter(pk=pk).first()
    if content_type.model_class() is Visit:
        return Visit.objects.filter(pk=pk).first()
    return None


def case_kind_slug(kind: str) -> str:
    slugs: dict[str, str] = {CaseKind.PARTNERSHIP: "partnership", CaseKind.VISIT: "visit", CaseKind.MISSION: "visit"}
    return slugs[kind]


@dataclass(frozen=True)
class PartySpec:
    """One person or organisation a case names, as screening needs them, and the record that names them.

    `subject_type`/`subject_id`/`key` identify the party from one screening to the next: the same
    member edited is the same party screened afresh, never a second one.
    """

    subject_type: ContentType
    subject_id: int
    key: str
    name: str
    aliases: tuple[str, ...]
    schema: str
    birth_date: str
    nationality: str
    role_label: str
    origin: str


def _key(rest: str) -> str:
    """A subject key fits its column: a long organisation name is kept by its digest."""
    if len(rest) <= 80:
        return rest
    return rest[:39] + ":" + hashlib.sha256(rest.encode("utf-8")).hexdigest()[:40]


def _from_subject(subject: visit_selectors.ScreeningSubject, origin: str) -> PartySpec:
    """A domain's `ScreeningSubject` ('<app>.<model>:<pk>[:<rest>]') as screening needs it."""
    label, _, rest = subject.key.partition(":")
    pk, _, detail = rest.partition(":")
    app_label, _, model_name = label.partition(".")
    person = subject.kind == PartyKind.PERSON
    role = ", ".join(part for part in (subject.role, subject.organisation if person else "") if part)
    return PartySpec(
        subject_type=ContentType.objects.get_by_natural_key(app_label, model_name),
        subject_id=int(pk),
        key=_key(detail),
        name=subject.name or subject.name_original,
        aliases=tuple(a for a in [subject.name_original] if a and a != subject.name),
        schema=PartySchema.PERSON if person else PartySchema.ORGANIZATION,
        birth_date=subject.date_of_birth.isoformat() if subject.date_of_birth else "",
        nationality=subject.nationality or "",
        role_label=(role or ("Delegation member" if person else "Organisation"))[:200],
        origin=origin,
    )


def case_parties(case: models.Model) -> list[PartySpec]:
    """Everyone a case names, through each domain's own function (the one contract screening uses)."""
    from .models import Counterpart

    if isinstance(case, Visit):
        return [_from_subject(s, PartyOrigin.VISIT_PARTY) for s in visit_selectors.visit_parties_for_screening(case)]
    if isinstance(case, Partnership):
        counterpart_type = ContentType.objects.get_for_model(Counterpart)
        specs = [
            PartySpec(
                subject_type=counterpart_type,
                subject_id=counterpart.pk,
                key="",
                name=counterpart.name,
                aliases=tuple(counterpart.aliases),
                schema=counterpart.schema,
                birth_date=counterpart.birth_date,
                nationality=counterpart.nationality,
                role_label=counterpart.get_role_display(),
                origin=PartyOrigin.COUNTERPART,
            )
            for counterpart in Counterpart.objects.filter(partnership=case).order_by("pk")
        ]
        specs += [
            _from_subject(s, PartyOrigin.CONTACT)
            for s in visit_selectors.partnership_contacts_for_screening(case)
            if s.name or s.name_original
        ]
        return specs
    raise ValueError(f"{case._meta.label_lower} is not a case due diligence handles")


def cases_naming_parties(*, council_id: int | None = None) -> list[models.Model]:
    """Every case that names someone: visits, and partnerships with counterparts or a contacts log."""
    from .models import Counterpart

    visits = Visit.objects.all()
    partnerships = Partnership.objects.filter(
        models.Q(pk__in=Counterpart.objects.values("partnership_id")) | models.Q(contact_log_entries__isnull=False)
    ).distinct()
    if council_id is not None:
        visits, partnerships = visits.filter(council_id=council_id), partnerships.filter(council_id=council_id)
    return [*partnerships.order_by("pk"), *visits.order_by("pk")]
