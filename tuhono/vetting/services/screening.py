"""Screening the people and organisations on a case, as they are named and when asked."""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from tuhono.audit.services import audit_record, text_digest

from .. import engine
from ..access import require_worker
from ..cases import PartySpec, case_parties, case_ref, cases_naming_parties
from ..enums import CounterpartRole, MatchStatus, PartySchema, ScreeningStatus
from ..models import Counterpart, ScreenedParty, ScreeningMatch

logger = logging.getLogger(__name__)


@dataclass
class SyncCounts:
    new: int = 0
    reopened: int = 0
    lapsed: int = 0

    def add(self, other: SyncCounts) -> None:
        self.new += other.new
        self.reopened += other.reopened
        self.lapsed += other.lapsed


def _subject_hash(spec: PartySpec) -> str:
    body = json.dumps(
        [spec.name, sorted(spec.aliases), spec.schema, spec.birth_date, spec.nationality], ensure_ascii=False
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _audit(actor: Any, action: str, target: models.Model, council_id: int | None, **payload: Any) -> None:
    audit_record(actor=actor, action=f"vetting.{action}", target=target, council_id=council_id, payload=payload)


def _party_status(party: ScreenedParty) -> str:
    statuses = set(party.matches.values_list("status", flat=True))
    if MatchStatus.CONFIRMED in statuses:
        return ScreeningStatus.CONFIRMED
    if MatchStatus.OPEN in statuses:
        return ScreeningStatus.ALERT
    return ScreeningStatus.CLEAR


def _lapse(actor: Any, match: ScreeningMatch, why: str, now: Any) -> bool:
    """Close an open alert (or a near miss) that no longer stands. Returns whether an alert lapsed."""
    was_open = match.status == MatchStatus.OPEN
    if match.status not in (MatchStatus.OPEN, MatchStatus.BELOW_THRESHOLD):
        return False
    match.status = MatchStatus.LAPSED
    match.last_scored_at = now
    match.save(update_fields=["status", "last_scored_at"])
    if was_open:
        _audit(
            actor, "alert_lapsed", match, match.party.council_id, party=match.party_id, entity=match.entity_id, why=why
        )
    return was_open


def _sync_matches(
    *, actor: Any, party: ScreenedParty, found: list[engine.Match], scope: set[int] | None, removed: set[int]
) -> SyncCounts:
    """Bring the party's stored matches in line with a screening's results.

    `scope` None: a full screening, so a stored match not found again lapses.
    Otherwise only matches on entities in `scope` (what a list version changed)
    and `removed` are looked at; the rest stand as they are.
    """
    now = timezone.now()
    counts = SyncCounts()
    existing = {m.list_entity_id: m for m in party.matches.select_related("party")}
    seen: set[int] = set()
    for result in found:
        seen.add(result.list_entity_pk)
        values = {
            "list_version_id": result.list_version_id,
            "source_name": result.source[:120],
            "entity_id": result.entity_id[:255],
            "caption": result.caption[:500],
            "matched_name": (result.matched_name or "")[:500],
            "topics": list(result.topics),
            "score": max(0.0, min(1.0, float(result.score))),
            "explanation": result.explanation,
            "content_hash": result.content_hash,
            "last_scored_at": now,
        }
        match = existing.get(result.list_entity_pk)
        if match is None:
            match = ScreeningMatch(
                party=party,
                list_entity_id=result.list_entity_pk,
                status=MatchStatus.OPEN if result.alert else MatchStatus.BELOW_THRESHOLD,
                first_matched_at=now,
                **values,
            )
            match.full_clean()
            match.save()
            if result.alert:
                counts.new += 1
                _audit(
                    actor,
                    "alert_raised",
                    match,
                    party.council_id,
                    party=party.pk,
                    entity=result.entity_id,
                    source=result.source,
                    score=values["score"],
                    list_version=result.list_version_id,
                )
            continue
        previous = match.status
        for name, value in values.items():
            setattr(match, name, value)
        if previous == MatchStatus.DISMISSED and result.alert and result.content_hash != match.dismissed_content_hash:
            match.status = MatchStatus.OPEN
            counts.reopened += 1
        elif previous == MatchStatus.OPEN and not result.alert:
            match.status = MatchStatus.LAPSED
            counts.lapsed += 1
        elif previous in (MatchStatus.LAPSED, MatchStatus.BELOW_THRESHOLD):
            match.status = MatchStatus.OPEN if result.alert else MatchStatus.BELOW_THRESHOLD
            if result.alert:
                counts.new += 1
        match.full_clean()
        match.save()
        if match.status != previous:
            actions: dict[str, str] = {
                MatchStatus.OPEN: "alert_reopened" if previous == MatchStatus.DISMISSED else "alert_raised",
                MatchStatus.LAPSED: "alert_lapsed",
            }
            action = actions.get(match.status)
            if action:
                _audit(
                    actor,
                    action,
                    match,
                    party.council_id,
                    party=party.pk,
                    entity=match.entity_id,
                    source=match.source_name,
                    score=match.score,
                    list_version=match.list_version_id,
                    previous=previous,
                )
    for entity_pk, match in existing.items():
        if entity_pk in seen:
            continue
        if entity_pk in removed:
            counts.lapsed += _lapse(actor, match, "removed from the list", now)
        elif scope is None or entity_pk in scope:
            counts.lapsed += _lapse(actor, match, "no longer matches", now)
    return counts


def _record_screening(party: ScreenedParty, actor: Any, versions: list[int]) -> None:
    party.status = _party_status(party)
    party.screened_at = timezone.now()
    party.screened_by = actor if getattr(actor, "is_authenticated", False) else None
    party.full_clean()
    party.save()
    party.screened_against.add(*versions)


@transaction.atomic
def party_screen(*, actor: Any, party: ScreenedParty) -> ScreenedParty:
    """Screen one party against every list version in force, now (or, while the lists' index is
    being built, leave it pending for the background screening).

    Guarantees: each match is stored with its score, explanation, list entity
    and the list version that last changed it; a dismissed match stays
    dismissed unless its entity changed since; an open alert that no longer
    matches lapses; the versions screened against are recorded; audited.
    """
    require_worker(actor, party.council_id)
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
    counts = _sync_matches(actor=actor, party=party, found=found, scope=None, removed=set())
    versions = [v.pk for v in engine.versions_in_force()]
    _record_screening(party, actor, versions)
    _audit(
        actor,
        "party_screened",
        party,
        party.council_id,
        name=party.name,
        status=party.status,
        list_versions=versions,
        alerts_new=counts.new,
        alerts_reopened=counts.reopened,
        alerts_lapsed=counts.lapsed,
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
    require_worker(actor, ref.council_id)
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
            _audit(actor, "party_added", party, party.council_id, name=party.name, case=ref.label, origin=spec.origin)
        if changed and screen:
            party = party_screen(actor=actor, party=party)
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
    require_worker(actor, partnership.council_id)
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
    _audit(
        actor,
        "counterpart_added",
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
    """Find everyone named on a case who has not been screened (or whose details changed) and screen them.

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
                screened = party_screen(actor=actor, party=party)
                result.screened += 1
                result.alerts += screened.status == ScreeningStatus.ALERT
    for party in ScreenedParty.objects.filter(status=ScreeningStatus.PENDING, subject_id__isnull=True):
        party_screen(actor=actor, party=party)
        result.screened += 1
    return result
