"""Screening the people and organisations on a case, as they are named and when asked."""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from tuhono.audit.actions import AuditAction
from tuhono.audit.services import text_digest

from .. import engine
from ..cases import PartySpec, case_parties, case_ref, cases_naming_parties
from ..enums import CounterpartRole, PartySchema, ScreeningStatus, ScreeningTrigger
from ..models import Counterpart, ScreenedParty
from ..permissions import Action, require
from .clearings import parties_with_expired_clearings
from .records import screening_record_write
from .sync import party_status, sync_matches, vetting_audit

logger = logging.getLogger(__name__)


def _subject_hash(spec: PartySpec) -> str:
    body = json.dumps(
        [spec.name, sorted(spec.aliases), spec.schema, spec.birth_date, spec.nationality], ensure_ascii=False
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _record_screening(party: ScreenedParty, actor: Any, versions: list[int]) -> None:
    party.status = party_status(party)
    party.screened_at = timezone.now()
    party.screened_by = actor if getattr(actor, "is_authenticated", False) else None
    party.full_clean()
    party.save()
    party.screened_against.add(*versions)


@transaction.atomic
def party_screen(*, actor: Any, party: ScreenedParty, trigger: str = ScreeningTrigger.REQUESTED) -> ScreenedParty:
    """Screen one party against every list version in force, now (or, while the lists' index is
    being built, leave it pending for the background screening).

    Guarantees: each match is stored with its score, explanation, list entity
    and the list version that last changed it; an alert on an entity these
    details were cleared against stays dismissed while the clearing holds (an
    expired clearing or a changed entity raises it again, saying why); an open
    alert that no longer matches lapses; the versions screened against are
    recorded; the screening is written to the screening record, its digest to
    the audit chain; audited.
    """
    require(actor, Action.WORK, party.council_id)
    party = ScreenedParty.objects.select_for_update().get(pk=party.pk)
    try:
        found = engine.screen(
            names=[party.name, *party.aliases],
            schema=party.schema,
            birth_date=party.birth_date,
            nationality=party.nationality,
        )
    except engine.IndexNotReady:
        # The lists' index is being built (never here, in a request): the party waits, shown
        # as pending, and is screened by the background task that runs when the index is ready.
        if party.status != ScreeningStatus.PENDING:
            party.status = ScreeningStatus.PENDING
            party.save(update_fields=["status"])
        engine.index_build_schedule()
        return party
    counts = sync_matches(actor=actor, party=party, found=found, scope=None, removed=set())
    in_force = list(engine.versions_in_force())
    versions = [v.pk for v in in_force]
    _record_screening(party, actor, versions)
    screening_record_write(
        actor=actor,
        party=party,
        trigger=trigger,
        found=found,
        matches=counts.matches,
        versions=in_force,
        scope="every list version in force",
    )
    vetting_audit(
        actor,
        AuditAction.VETTING_PARTY_SCREENED,
        party,
        party.council_id,
        status=party.status,
        list_versions=versions,
        alerts_new=counts.new,
        alerts_reopened=counts.reopened,
        alerts_lapsed=counts.lapsed,
        alerts_held_by_clearing=counts.cleared,
    )
    return party


@transaction.atomic
def case_screen_parties(*, actor: Any, case: models.Model, screen: bool = True) -> list[ScreenedParty]:
    """Put everyone a case names (through its domain's one function, `cases.case_parties`) on the
    screening list, and screen whoever is new or changed.

    Idempotent: a party whose details have not changed is neither duplicated
    nor re-screened; one whose details changed is screened afresh. `actor`
    None is the system acting after another domain's change.
    """
    ref = case_ref(case)
    require(actor, Action.WORK, ref.council_id)
    parties = []
    for spec in case_parties(case):
        digest = _subject_hash(spec)
        party = ScreenedParty.objects.filter(
            subject_type=spec.subject_type, subject_id=spec.subject_id, subject_key=spec.key
        ).first()
        changed = party is None or party.subject_hash != digest
        if party is None:
            party = ScreenedParty(
                council_id=ref.council_id,
                subject_type=spec.subject_type,
                subject_id=spec.subject_id,
                subject_key=spec.key,
            )
        party.origin = spec.origin
        party.case_kind, party.case_type, party.case_id, party.case_label = (
            ref.kind,
            ref.content_type,
            ref.pk,
            ref.label,
        )
        party.role_label = spec.role_label[:200]
        party.schema, party.name, party.aliases = spec.schema, spec.name[:300], list(spec.aliases)
        party.birth_date, party.nationality = spec.birth_date[:10], spec.nationality[:60]
        party.subject_hash = digest
        if changed:
            party.status = ScreeningStatus.PENDING
            party.screened_at = None
        party.full_clean()
        party.save()
        if changed:
            party.screened_against.clear()
            vetting_audit(
                actor, AuditAction.VETTING_PARTY_ADDED, party, party.council_id, case=ref.label, origin=spec.origin
            )
        if changed and screen:
            party = party_screen(actor=actor, party=party, trigger=ScreeningTrigger.ADDED)
        parties.append(party)
    return parties


def case_screen_after_commit(*, case: models.Model) -> None:
    """Screen a case's parties once the caller's transaction commits (an interface calls this after a
    domain service added or changed someone). A failure then is logged, never raised into the
    request: `screening_sweep` finds whoever is still unscreened."""

    def run() -> None:
        try:
            case_screen_parties(actor=None, case=case)
        except Exception:
            logger.exception("Screening the parties of %s %s failed; the screening sweep will retry", case, case.pk)

    transaction.on_commit(run)


@transaction.atomic
def counterpart_add(
    *,
    actor: Any,
    partnership: Any,
    name: str,
    role: str = CounterpartRole.OFFICIAL,
    schema: str = PartySchema.PERSON,
    aliases: list[str] | None = None,
    birth_date: str = "",
    nationality: str = "",
    position: str = "",
    notes: str = "",
) -> Counterpart:
    """Record a counterpart official, intermediary or organisation of a partnership, and screen them at once."""
    require(actor, Action.WORK, partnership.council_id)
    counterpart = Counterpart(
        council_id=partnership.council_id,
        partnership=partnership,
        role=role,
        schema=schema,
        name=" ".join((name or "").split()),
        aliases=[a.strip() for a in (aliases or []) if a and a.strip()],
        birth_date=(birth_date or "").strip(),
        nationality=(nationality or "").strip(),
        position=position,
        notes=notes,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    counterpart.full_clean()
    counterpart.save()
    vetting_audit(
        actor,
        AuditAction.VETTING_COUNTERPART_ADDED,
        counterpart,
        partnership.council_id,
        name=counterpart.name,
        role=role,
        notes_digest=text_digest(counterpart.notes),
    )
    case_screen_parties(actor=actor, case=partnership)
    return counterpart


@dataclass
class SweepResult:
    registered: int = 0
    screened: int = 0
    alerts: int = 0
    councils: set[int] = field(default_factory=set)

    def __str__(self) -> str:
        return f"{self.registered} parties added to screening, {self.screened} screened, {self.alerts} with an alert"


def screening_sweep(*, actor: Any = None, council_id: int | None = None) -> SweepResult:
    """Find everyone named on a case who has not been screened (or whose details changed) and screen them,
    and everyone whose namesake clearing has expired.

    Asks each case for its parties through the same contract screening on change uses
    (`cases.case_parties`). Each case is handled in its own transaction, so one bad record
    does not hold up the rest.
    """
    result = SweepResult()
    for case in cases_naming_parties(council_id=council_id):
        before = ScreenedParty.objects.count()
        parties = case_screen_parties(actor=actor, case=case, screen=False)
        result.registered += ScreenedParty.objects.count() - before
        for party in parties:
            if party.status == ScreeningStatus.PENDING:
                screened = party_screen(actor=actor, party=party, trigger=ScreeningTrigger.SWEEP)
                result.screened += 1
                result.alerts += screened.status == ScreeningStatus.ALERT
    for party in ScreenedParty.objects.filter(status=ScreeningStatus.PENDING, subject_id__isnull=True):
        party_screen(actor=actor, party=party, trigger=ScreeningTrigger.SWEEP)
        result.screened += 1
    result.screened += clearings_expired_rescreen(actor=actor, council_id=council_id)
    return result


def clearings_expired_rescreen(*, actor: Any = None, council_id: int | None = None) -> int:
    """Screen again everyone whose alert a namesake clearing held down until it expired, so the
    alert is raised for review. Returns how many were screened."""
    parties = parties_with_expired_clearings(council_id=council_id)
    for party in parties:
        party_screen(actor=actor, party=party, trigger=ScreeningTrigger.CLEARING_EXPIRED)
    return len(parties)
