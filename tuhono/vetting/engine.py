"""A thin adapter over the screening engine in `tuhono.watchlists`.

Vetting uses only what is named here, so a change to the engine's API is a
change to this one file.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable

from tuhono.watchlists.enums import ListVersionStatus
from tuhono.watchlists.matching.index import CandidateIndex
from tuhono.watchlists.matching.names import PERSON_SCHEMAS, name_forms
from tuhono.watchlists.models import ListEntity, ListVersion
from tuhono.watchlists.selectors import version_changes, versions_in_force
from tuhono.watchlists.services.index_build import IndexNotReady, index_build_schedule, index_status
from tuhono.watchlists.services.screening import Match, candidate_index, screen_entity, screening_threshold

__all__ = [
    "IndexNotReady",
    "ListEntity",
    "ListVersion",
    "Match",
    "changed_entities",
    "could_match",
    "index_build_schedule",
    "index_of",
    "index_status",
    "screen",
    "screening_threshold",
    "unprocessed_versions",
    "versions_in_force",
]

# How many of the best-scoring entities a screening keeps per party: enough to
# show near misses beside the alerts, few enough to read.
MATCHES_KEPT = 5


def screen(
    *,
    names: list[str],
    schema: str,
    birth_date: str = "",
    nationality: str = "",
    index: CandidateIndex | None = None,
) -> list[Match]:
    """The best matches of one party against the lists in force (or against `index` only)."""
    return screen_entity(
        names=names,
        schema=schema,
        birth_dates=[birth_date] if birth_date else [],
        countries=[nationality] if nationality else [],
        limit=MATCHES_KEPT,
        index=index,
    )


# A subject whose names come no closer than this (rapidfuzz, 0-100, over every transliterated form) to any
# entity of a small index is not scored against it. Real matches, across scripts, sit near 100; the
# threshold leaves a wide margin so a re-screen finds what a full screening would (tests and bench check).
RESCREEN_PREFILTER = 55.0


def could_match(*, names: list[str], schema: str, index: CandidateIndex) -> bool:
    """Whether any entity of `index` comes close enough to one of the names to be worth scoring."""
    person = schema in PERSON_SCHEMAS
    forms = [form for name in names if name for form, _ in name_forms(name, person)]
    return any(c.prefilter >= RESCREEN_PREFILTER for c in index.search(forms, schema, limit=1))


def index_of(entities: Iterable[tuple[int, str, list[str]]]) -> CandidateIndex:
    """A candidate index over a few entities (pk, schema, names): those a list version changed.

    How common a name is counts on the whole list in force, not on these few: a name held by
    hundreds of listed people is as common in a re-screening as in the first screening. While the
    index of the versions in force is still being built, these few count alone, too few to call
    any name common: every near match weighs as a rare name's, which errs towards alerting.
    """
    index = CandidateIndex()
    for pk, schema, names in entities:
        index.add(pk, schema, names)
    index.freeze()
    with contextlib.suppress(IndexNotReady):
        index.rarity_source = candidate_index()
    return index


def changed_entities(version: ListVersion) -> tuple[list[tuple[int, str, list[str]]], list[int]]:
    """(pk, schema, names) of the entities `version` added or changed, and the pks of those it removed."""
    changes = version_changes(version=version)
    added_or_changed = list(changes.added_or_changed.values_list("pk", "schema", "names"))
    removed = list(changes.removed.values_list("pk", flat=True))
    return added_or_changed, removed


def unprocessed_versions(processed: Iterable[int]) -> list[ListVersion]:
    """List versions that landed (in force or since superseded) and have not been re-screened against."""
    return list(
        ListVersion.objects.exclude(status__in=[ListVersionStatus.FAILED, ListVersionStatus.IMPORTING])
        .exclude(pk__in=list(processed))
        .select_related("source")
        .order_by("pk")
    )
