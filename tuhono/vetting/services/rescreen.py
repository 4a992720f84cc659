"""Re-screening everyone when a list version lands: only against what the version changed, resumable."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from tuhono.audit.actions import AuditAction

from .. import engine
from ..enums import ScreeningStatus, ScreeningTrigger
from ..models import RescreenRun, ScreenedParty, ScreeningMatch
from .records import screening_record_write
from .screening import party_screen
from .sync import SyncCounts, party_status, sync_matches, vetting_audit

# Parties re-screened per transaction; progress is recorded after each batch.
BATCH = 200
# A version that changed more entities than this (a first import, a list rebuilt) is re-screened
# against the full index on disk rather than an in-memory index of its changes.
FULL_INDEX_FROM = 20000


def _batch(
    *, actor: Any, run: RescreenRun, version: engine.ListVersion, parties: list[ScreenedParty], context: dict[str, Any]
) -> None:
    scope, removed, index, touched = context["scope"], context["removed"], context["index"], context["touched"]
    counts = SyncCounts()
    through = ScreenedParty.screened_against.through
    links = []
    for party in parties:
        names = [party.name, *party.aliases]
        if index is None:
            worth_scoring = context["full"]
        else:
            worth_scoring = party.pk in touched or engine.could_match(names=names, schema=party.schema, index=index)
        found = (
            engine.screen(
                names=names,
                schema=party.schema,
                birth_date=party.birth_date,
                nationality=party.nationality,
                index=index,
            )
            if worth_scoring
            else []
        )
        synced = SyncCounts()
        if found or party.pk in touched:
            synced = sync_matches(actor=actor, party=party, found=found, scope=scope, removed=removed)
            counts.add(synced)
            status = party_status(party)
            if status != party.status:
                party.status = status
                party.save(update_fields=["status"])
        screening_record_write(
            actor=actor,
            party=party,
            trigger=ScreeningTrigger.LIST_VERSION,
            found=found,
            matches=synced.matches,
            versions=[version],
            scope=context["scope_label"],
        )
        links.append(through(screenedparty_id=party.pk, listversion_id=version.pk))
    through.objects.bulk_create(links, ignore_conflicts=True)
    run.parties_checked += len(parties)
    run.matches_new += counts.new
    run.matches_reopened += counts.reopened
    run.matches_lapsed += counts.lapsed
    run.last_party_id = parties[-1].pk
    run.save()


def rescreen_version(*, actor: Any = None, version: engine.ListVersion) -> RescreenRun:
    """Re-screen every screened party against what one list version added, changed or removed.

    Only the changed entities are scored (a candidate index of them alone), so a
    list update costs in proportion to the change, not the list; a version that
    changed most of a large list is scored against the full index on disk.
    Parties already screened against the version are skipped. A dismissal on an
    entity the version changed reopens if it still matches; a match on an entity
    the version removed lapses. Runs once per version, in batches that each
    commit with the run's progress: stopped half-way, it goes on from the last
    party done. Raises engine.IndexNotReady when it needs the full index and it
    is not built yet.
    """
    run, created = RescreenRun.objects.get_or_create(list_version=version, defaults={"started_at": timezone.now()})
    if not created and run.finished_at:
        return run
    changed, removed_pks = engine.changed_entities(version)
    full = len(changed) > FULL_INDEX_FROM
    if full and not engine.index_status().ready:
        raise engine.IndexNotReady("re-screening waits for the screening index of the new version")
    scope = {pk for pk, _, _ in changed}
    context = {
        "scope": scope,
        "removed": set(removed_pks),
        "full": full,
        "index": None if full or not changed else engine.index_of(changed),
        # Parties already matched to a changed or removed entity are always looked at again.
        "touched": set(
            ScreeningMatch.objects.filter(list_entity_id__in=scope | set(removed_pks)).values_list(
                "party_id", flat=True
            )
        ),
    }
    if not changed:
        context["full"] = False
    context["scope_label"] = (
        f"what list version {version.pk} added, changed or removed "
        f"({len(changed)} entities added or changed, {len(removed_pks)} removed)"
    )
    parties = ScreenedParty.objects.exclude(status=ScreeningStatus.PENDING).exclude(screened_against=version)
    if created or not run.parties_total:
        run.entities_checked = len(changed) + len(removed_pks)
        run.parties_total = parties.count()
        run.save(update_fields=["entities_checked", "parties_total"])
    while True:
        with transaction.atomic():
            batch = list(parties.filter(pk__gt=run.last_party_id).order_by("pk").select_for_update()[:BATCH])
            if not batch:
                break
            _batch(actor=actor, run=run, version=version, parties=batch, context=context)
    with transaction.atomic():
        run.finished_at = timezone.now()
        run.save()
        vetting_audit(
            actor,
            AuditAction.VETTING_RESCREEN_COMPLETED,
            run,
            None,
            list_version=version.pk,
            source=version.source.name,
            entities_checked=run.entities_checked,
            parties_checked=run.parties_checked,
            alerts_new=run.matches_new,
            alerts_reopened=run.matches_reopened,
            alerts_lapsed=run.matches_lapsed,
        )
    return run


def rescreen_pending(*, actor: Any = None) -> list[RescreenRun]:
    """Re-screen against every list version that has landed since the last re-screen, oldest first."""
    done = RescreenRun.objects.filter(finished_at__isnull=False).values_list("list_version_id", flat=True)
    return [rescreen_version(actor=actor, version=version) for version in engine.unprocessed_versions(done)]


def screen_pending_parties(*, actor: Any = None) -> int:
    """Screen every party still waiting (added while the screening index was being built). Returns how many."""
    done = 0
    for party in ScreenedParty.objects.filter(status=ScreeningStatus.PENDING).order_by("pk").iterator():
        screened = party_screen(actor=actor, party=party, trigger=ScreeningTrigger.ADDED)
        done += screened.status != ScreeningStatus.PENDING
    return done
