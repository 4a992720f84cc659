"""Re-screening everyone when a list version lands: only against what the version changed."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from .. import engine
from ..enums import ScreeningStatus
from ..models import RescreenRun, ScreenedParty, ScreeningMatch
from .screening import SyncCounts, _audit, _party_status, _sync_matches


@transaction.atomic
def rescreen_version(*, actor: Any = None, version: engine.ListVersion) -> RescreenRun:
    """Re-screen every screened party against what one list version added, changed or removed.

    Only the changed entities are scored (a candidate index of them alone),
    so a list update costs in proportion to the change, not the list.
    Parties already screened against the version are skipped. A dismissal on
    an entity the version changed reopens if it still matches; a match on an
    entity the version removed lapses. Runs once per version.
    """
    run, created = RescreenRun.objects.get_or_create(list_version=version, defaults={"started_at": timezone.now()})
    if not created and run.finished_at:
        return run
    changed, removed_pks = engine.changed_entities(version)
    removed = set(removed_pks)
    scope = {pk for pk, _, _ in changed}
    index = engine.index_of(changed) if changed else None
    parties = (
        ScreenedParty.objects.exclude(status=ScreeningStatus.PENDING)
        .exclude(screened_against=version)
        .select_for_update()
        .order_by("pk")
    )
    counts = SyncCounts()
    checked = 0
    through = ScreenedParty.screened_against.through
    links = []
    # Parties already matched to a changed or removed entity are always looked at again.
    touched = set(ScreeningMatch.objects.filter(list_entity_id__in=scope | removed).values_list("party_id", flat=True))
    for party in parties:
        checked += 1
        names = [party.name, *party.aliases]
        worth_scoring = index is not None and (
            party.pk in touched or engine.could_match(names=names, schema=party.schema, index=index)
        )
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
        if found or party.pk in touched:
            party_counts = _sync_matches(actor=actor, party=party, found=found, scope=scope, removed=removed)
            counts.add(party_counts)
            status = _party_status(party)
            if status != party.status:
                party.status = status
                party.save(update_fields=["status"])
        links.append(through(screenedparty_id=party.pk, listversion_id=version.pk))
    through.objects.bulk_create(links, ignore_conflicts=True)
    run.entities_checked = len(changed) + len(removed)
    run.parties_checked = checked
    run.matches_new, run.matches_reopened, run.matches_lapsed = counts.new, counts.reopened, counts.lapsed
    run.finished_at = timezone.now()
    run.save()
    _audit(
        actor,
        "rescreen_completed",
        run,
        None,
        list_version=version.pk,
        source=version.source.name,
        entities_checked=run.entities_checked,
        parties_checked=checked,
        alerts_new=counts.new,
        alerts_reopened=counts.reopened,
        alerts_lapsed=counts.lapsed,
    )
    return run


def rescreen_pending(*, actor: Any = None) -> list[RescreenRun]:
    """Re-screen against every list version that has landed since the last re-screen, oldest first."""
    done = RescreenRun.objects.filter(finished_at__isnull=False).values_list("list_version_id", flat=True)
    return [rescreen_version(actor=actor, version=version) for version in engine.unprocessed_versions(done)]
