"""Screening a person or organisation against the watch lists in force.

The public API for casework:

    screen_name(name=..., schema="Person", birth_date=None, nationality=None, limit=5) -> list[Match]
    screen_entity(names=[...], schema=..., birth_dates=[...], countries=[...], limit=5) -> list[Match]
    screening_threshold() -> float

Screening raises IndexNotReady while the index of the list versions in force is
being built (see services/index_build.py): callers queue the screening.

Each `Match` names the list entity (source, entity id, list version that
last changed it, content hash: a dismissal can hold until that changes),
its score in 0..1, `alert` (score at or above the threshold) and a
sentence saying why.
"""

from __future__ import annotations

import contextlib
import gc
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.db import connections
from followthemoney.types import registry

from ..enums import ListVersionStatus
from ..matching.index import CandidateIndex
from ..matching.names import PERSON_SCHEMAS, name_forms
from ..matching.scoring import Subject, score_subject, warm_up
from ..models import SCREENED_FIELDS, ListEntity
from .index_build import IndexNotReady as IndexNotReady  # callers catch it from here
from .index_build import forget_mapped, mapped_index

DEFAULT_THRESHOLD = 0.75
PREFILTER_LIMIT = 6
PREFILTER_FLOOR = 50.0
NAMESAKES_LIMIT = 40
NAMESAKE_SIMILARITY = 90.0


def screening_threshold() -> float:
    """The score at and above which a match raises an alert (setting TUHONO_SCREENING_THRESHOLD)."""
    return float(getattr(settings, "TUHONO_SCREENING_THRESHOLD", DEFAULT_THRESHOLD))


@dataclass(frozen=True)
class Match:
    list_entity_pk: int
    entity_id: str
    source: str
    list_version_id: int
    content_hash: str
    schema: str
    caption: str
    matched_name: str
    score: float
    alert: bool
    topics: tuple[str, ...]
    birth_dates: tuple[str, ...]
    countries: tuple[str, ...]
    explanation: str


def build_index() -> CandidateIndex:
    """A fresh in-memory candidate index of every entity in force (one pass over the table).

    Screening uses the index built on disk once per list version (`candidate_index`);
    this one is for a handful of entities and for comparison in the benchmarks.
    """
    warm_up()
    index = CandidateIndex()
    rows = (
        ListEntity.objects.filter(removed_in_version__isnull=True, source__versions__status=ListVersionStatus.IN_FORCE)
        .values_list("pk", "schema", "names")
        .iterator(chunk_size=20000)
    )
    for pk, schema, names in rows:
        index.add(pk, schema, names)
    index.freeze()
    # Millions of long-lived index objects would make every full garbage collection
    # walk them all (seconds); move them out of the collector's sight.
    gc.collect()
    gc.freeze()
    return index


def candidate_index() -> CandidateIndex:
    """The index of the list versions in force, mapped from disk; IndexNotReady until it is built."""
    return mapped_index()


def warm_up_process() -> None:
    """Load what screening reads on first use: the name analysis reference data and the mapped index.

    Called once in gunicorn's master before it forks the workers (`--preload`, see
    docs/operations.md), so every worker starts warm and shares these pages.
    Never fails: a database or index not ready yet is loaded on first use instead.
    """
    with contextlib.suppress(Exception):  # best effort: the first screening maps it, or queues
        candidate_index()
    warm_up()  # after the index: its person-name symbols stand in for rigour's costly tagger
    # Each script's transliteration loads its own tables on first use (Chinese: a second and more).
    for sample in ("习近平", "Сергей Иванов", "김정은", "محمد علي"):
        name_forms(sample, True)
    # A person and a company screened end to end, so the search, the row query (compiled once) and the scorer's
    # first-use state are set up here, not again in each forked worker's first request.
    with contextlib.suppress(Exception):
        screen_name(name="Mikhail Rossi", limit=1)
        screen_name(name="Golden Dynamics Trading Ltd", schema="Company", limit=1)
    # The reference data is millions of long-lived objects: out of the garbage collector's sight
    # (and, after a fork, untouched by it, so the workers' pages stay shared).
    gc.collect()
    gc.freeze()


def reset_index() -> None:
    """Let go of this process's mapped index (it is mapped again at the next screening)."""
    forget_mapped()


def _country_codes(values: list[str]) -> list[str]:
    codes = []
    for value in values:
        code = registry.country.clean(value) if value else None
        if code:
            codes.append(code)
    return codes


_LISTED_FIELDS = ("pk", "entity_id", "source__name", "changed_in_version_id", "content_hash", *SCREENED_FIELDS)
_JSON_FIELDS: dict[str, Any] = {
    name: ListEntity._meta.get_field(name) for name in ("names", "birth_dates", "countries", "topics", "properties")
}


@lru_cache(maxsize=64)
def _listed_sql(vendor: str, count: int) -> str:
    """The query for `count` list entities by pk, compiled once per count and database vendor.

    Compiling the ORM query cost more than running it (milliseconds of every screening's few):
    the SQL differs only by how many pks it takes. The model's ordering stays, so matches of
    equal score come in the same order as ever."""
    sql, _ = ListEntity.objects.filter(pk__in=range(count)).values_list(*_LISTED_FIELDS).query.sql_with_params()
    return str(sql)


def _listed(pks: list[int]) -> list[dict[str, Any]]:
    """The list entities `pks` (distinct), as the scorer and a Match read them."""
    if not pks:
        return []
    connection = connections[ListEntity.objects.db]
    with connection.cursor() as cursor:
        cursor.execute(_listed_sql(connection.vendor, len(pks)), pks)
        rows = [dict(zip(_LISTED_FIELDS, row, strict=True)) for row in cursor.fetchall()]
    for row in rows:
        for name, field in _JSON_FIELDS.items():
            row[name] = field.from_db_value(row[name], None, connection)
    return rows


def screen_entity(
    *,
    names: list[str],
    schema: str = "Person",
    birth_dates: list[str] | None = None,
    countries: list[str] | None = None,
    gender: str = "",
    limit: int = 5,
    index: CandidateIndex | None = None,
) -> list[Match]:
    """The best `limit` matches for a subject with one or more names, best first.

    Birth dates ('1953', '1953-06-15'), countries (ISO codes or names) and gender
    ('male', 'female') are optional; when given they raise a score that agrees and
    lower one that does not, the more so the more common the name is on the lists.
    """
    names = [n.strip() for n in names if n and n.strip()]
    if not names:
        return []
    index = index or candidate_index()
    subject = Subject(
        names=names,
        schema=schema or "Person",
        birth_dates=[d for d in (birth_dates or []) if d],
        countries=_country_codes(countries or []),
        gender=gender or "",
    )
    person = subject.schema in PERSON_SCHEMAS
    forms = [form for name in names for form, _ in name_forms(name, person)]
    candidates = index.search(forms, subject.schema, limit=NAMESAKES_LIMIT)
    # Candidates far from every form of the name (rapidfuzz similarity under
    # PREFILTER_FLOOR) practically never reach a threshold: the full scorer sees
    # only the close ones, and at least the closest, so a clean name costs one.
    close = [c for c in candidates if c.prefilter >= PREFILTER_FLOOR]
    if len(close) > PREFILTER_LIMIT:
        # A common name has many listed namesakes as close as each other. With facts to tell them
        # apart, all the near-identical ones are scored, so the birth date and the other facts pick
        # the right one; without, they would all score alike, and the closest few stand for them.
        cut = close[PREFILTER_LIMIT - 1].prefilter
        has_facts = bool(subject.birth_dates or subject.countries or subject.gender)
        close = close[:PREFILTER_LIMIT] + [
            c for c in close[PREFILTER_LIMIT:] if has_facts and c.prefilter >= max(cut, NAMESAKE_SIMILARITY)
        ]
    candidates = close or candidates[:1]
    if not candidates:
        return []
    threshold = screening_threshold()
    matches = []
    for row in _listed(list(dict.fromkeys(c.pk for c in candidates))):
        properties = row["properties"]
        genders = properties.get("gender", []) if isinstance(properties, dict) else []
        scored = score_subject(
            subject,
            row["schema"],
            row["names"],
            row["birth_dates"],
            row["countries"],
            list_genders=genders,
            counts=index,
        )
        matches.append(
            Match(
                list_entity_pk=row["pk"],
                entity_id=row["entity_id"],
                source=row["source__name"],
                list_version_id=row["changed_in_version_id"],
                content_hash=row["content_hash"],
                schema=row["schema"],
                caption=row["caption"],
                matched_name=scored.name_score.list_name,
                score=round(scored.score, 3),
                alert=scored.score >= threshold,
                topics=tuple(row["topics"]),
                birth_dates=tuple(row["birth_dates"]),
                countries=tuple(row["countries"]),
                explanation=scored.explanation,
            )
        )
    matches.sort(key=lambda m: (-m.score, m.caption))
    return matches[:limit]


def screen_name(
    *,
    name: str,
    schema: str = "Person",
    birth_date: str | None = None,
    nationality: str | None = None,
    gender: str = "",
    limit: int = 5,
    index: CandidateIndex | None = None,
) -> list[Match]:
    """Screen one name (a person by default); see `screen_entity`."""
    return screen_entity(
        names=[name],
        schema=schema,
        birth_dates=[birth_date] if birth_date else [],
        countries=[nationality] if nationality else [],
        gender=gender,
        limit=limit,
        index=index,
    )
