"""Full-text search of the public register, in the partner's own script and spelling.

Each partnership has one search document: the partner's name, its ASCII spelling and every alternate name
the gazetteer holds (福岡, 广州, 부산, Cantón, ...), the country, the council (and its Māori name), the
partner's governing body, focus areas and summary, folded (lower case, macrons and diacritics removed).
The documents live in a table of the database's own full-text engine:

- SQLite: an FTS5 virtual table (unicode61 tokenizer), searched by word prefixes;
- PostgreSQL: a table with a `simple` tsvector (GIN index), searched by word prefixes, and a pg_trgm index
  for any part of a name when every word has three characters or more (what a trigram index can serve).

The table is kept up to date when a partnership, its partner place, its council or its focus areas change
(signals below) and after a bulk import (`search_index`); `search_rebuild` writes it whole.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from django.db import connection
from django.db.models import BooleanField, Q
from django.db.models.expressions import RawSQL
from django.db.models.signals import m2m_changed, post_delete, post_save

from tuhono.places import gazetteer
from tuhono.places.countries import country_name

# Table and column names below are constants of this module; every value is passed as a query parameter.
TABLE = "partnership_search"
# Words of a query: letters and digits in any script.
_WORD = re.compile(r"\w+", re.UNICODE)
BATCH = 2000
TRIGRAM = 3


def fold(text: str) -> str:
    """Lower case without diacritics, in the text's own script: 'Ōtautahi' -> 'otautahi', '부산' stays."""
    decomposed = unicodedata.normalize("NFD", text or "")
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", kept).casefold()


def query_words(q: str) -> list[str]:
    return _WORD.findall(fold(q))[:12]


@functools.lru_cache(maxsize=50_000)
def _gazetteer_names(name: str, country_code: str, geonames_id: int | None) -> tuple[str, ...]:
    if not geonames_id:
        return ()
    for place in gazetteer.candidates(name, country_code):
        if place.geonames_id == geonames_id:
            return (place.name, *place.alternate_names)
    return ()


def document(row: dict[str, Any], focus_areas: Iterable[str] = ()) -> str:
    """The folded search document of one partnership, from its values() row."""
    names = [
        row["partner__name"],
        row["partner__ascii_name"],
        *(row["partner__alternate_names"] or []),
        *_gazetteer_names(row["partner__name"], row["partner__country_code"], row["partner__geonames_id"]),
    ]
    parts = [
        *dict.fromkeys(n for n in names if n),
        country_name(row["partner__country_code"]),
        row["council__name"],
        row["council__maori_name"],
        row["partner_authority"],
        *focus_areas,
        row["summary"],
    ]
    return fold(" ".join(p for p in parts if p))


ROW_FIELDS = (
    "pk",
    "partner__name",
    "partner__ascii_name",
    "partner__alternate_names",
    "partner__country_code",
    "partner__geonames_id",
    "council__name",
    "council__maori_name",
    "partner_authority",
    "summary",
)


def create_table(schema_editor: Any = None) -> None:
    """Create the search table for this database (a migration calls this)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"CREATE TABLE IF NOT EXISTS {TABLE} (partnership_id integer PRIMARY KEY, document text NOT NULL, "
                "vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', document)) STORED)"
            )
            cursor.execute(f"CREATE INDEX IF NOT EXISTS {TABLE}_vector ON {TABLE} USING gin (vector)")
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            cursor.execute(f"CREATE INDEX IF NOT EXISTS {TABLE}_trgm ON {TABLE} USING gin (document gin_trgm_ops)")
        else:
            tokenizer = "tokenize='unicode61 remove_diacritics 2'"
            cursor.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5(document, {tokenizer})")


def drop_table(schema_editor: Any = None) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")


def _write(documents: list[tuple[int, str]]) -> None:
    if not documents:
        return
    ids = [pk for pk, _ in documents]
    with connection.cursor() as cursor:
        key = "partnership_id" if connection.vendor == "postgresql" else "rowid"
        for start in range(0, len(ids), BATCH):
            chunk = ids[start : start + BATCH]
            cursor.execute(f"DELETE FROM {TABLE} WHERE {key} IN ({', '.join(['%s'] * len(chunk))})", chunk)  # noqa: S608  # nosec B608
        cursor.executemany(f"INSERT INTO {TABLE} ({key}, document) VALUES (%s, %s)", documents)  # noqa: S608  # nosec B608


def search_index(partnership_ids: Iterable[int] | None = None, *, list_order: bool = True) -> int:
    """(Re)write the search documents of these partnerships (all, given None), and the partner's country and
    name they are listed by (changed by the same edits, renames and imports). Returns how many."""
    from .models import Partnership

    queryset = Partnership.objects.all()
    if partnership_ids is not None:
        ids = list(partnership_ids)
        if not ids:
            return 0
        queryset = queryset.filter(pk__in=ids)
    if list_order:
        queryset.refresh_list_order()
    rows = list(queryset.order_by("pk").values(*ROW_FIELDS))
    through = Partnership.focus_areas.through
    areas: dict[int, list[str]] = {}
    area_rows = through.objects.values_list("partnership_id", "focusarea__name")
    if partnership_ids is not None:
        area_rows = area_rows.filter(partnership_id__in=[row["pk"] for row in rows])
    for partnership_id, name in area_rows:
        areas.setdefault(partnership_id, []).append(name)
    _write([(row["pk"], document(row, areas.get(row["pk"], ()))) for row in rows])
    return len(rows)


def search_rebuild() -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")  # noqa: S608  # nosec B608
    return search_index(None)


def search_remove(partnership_ids: Iterable[int]) -> None:
    ids = list(partnership_ids)
    if ids:
        key = "partnership_id" if connection.vendor == "postgresql" else "rowid"
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE} WHERE {key} IN ({', '.join(['%s'] * len(ids))})", ids)  # noqa: S608  # nosec B608


def matching(q: str, *, many: bool = False) -> Q:
    """A filter on partnerships matching every word of the query, as a word prefix (or, on PostgreSQL,
    anywhere in a name). `many`: the query is known to match a large part of the register (paging.py)."""
    words = query_words(q)
    if not words:
        return Q(pk__in=[])
    if connection.vendor == "postgresql":
        prefixes = " & ".join(f"'{word}':*" for word in words)
        sql = f"SELECT partnership_id FROM {TABLE} WHERE vector @@ to_tsquery('simple', %s)"  # noqa: S608  # nosec B608
        params: list[Any] = [prefixes]
        # Any part of a name through the trigram index, which needs three characters of each word: a
        # shorter word (福岡, 부산) is matched as a word prefix, as on SQLite, not by reading every document.
        if all(len(word) >= TRIGRAM for word in words):
            sql += " OR (" + " AND ".join(["document LIKE %s"] * len(words)) + ")"
            params += [f"%{_like_escape(word)}%" for word in words]
        if not many:
            # "OFFSET 0" has PostgreSQL find the matches first, through the indexes above, and sort those. Left
            # to itself it walks the list-order index and tests every partnership in turn, which took 200 ms for
            # 'mün' (250 matches); for a common word ('film') that walk finds a page at once and is kept.
            sql += " OFFSET 0"
    else:
        expression = " ".join('"' + word.replace('"', '""') + '"*' for word in words)
        sql = f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s"  # noqa: S608  # nosec B608
        params = [expression]
        if many:
            # SQLite looks each match up by its id and sorts them all (20 ms for 'film', 10,000 matches); when
            # matches are this common, walking the published partnerships' list-order index and keeping those
            # that match finds a page's fifty at once. "+ 0" is SQLite's way to keep the id lookup unused.
            column = '"partnerships_partnership"."id" + 0'
            return Q(RawSQL(f"{column} IN ({sql})", params, output_field=BooleanField()))  # noqa: S611  # nosec B611
    # The SQL is constant (table and column names); the words are parameters.
    return Q(pk__in=RawSQL(sql, params))  # noqa: S611  # nosec B611


def _like_escape(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# Keeping the documents current.


def _partnership_saved(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        search_index([instance.pk])


def _partnership_deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    search_remove([instance.pk])


def _focus_areas_changed(sender: Any, instance: Any, action: str, reverse: bool, pk_set: Any, **kwargs: Any) -> None:
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        search_index([instance.pk])
    elif pk_set:
        search_index(pk_set)


def _related_saved(field: str) -> Any:
    def handler(sender: Any, instance: Any, created: bool = False, raw: bool = False, **kwargs: Any) -> None:
        if raw or created:
            return
        from .models import Partnership

        search_index(Partnership.objects.filter(**{field: instance}).values_list("pk", flat=True))

    return handler


_place_saved = _related_saved("partner")
_council_saved = _related_saved("council")


def connect_signals() -> None:
    from tuhono.councils.models import Council
    from tuhono.places.models import Place

    from .models import Partnership

    post_save.connect(_partnership_saved, sender=Partnership, dispatch_uid="partnership_search_saved")
    post_delete.connect(_partnership_deleted, sender=Partnership, dispatch_uid="partnership_search_deleted")
    m2m_changed.connect(
        _focus_areas_changed, sender=Partnership.focus_areas.through, dispatch_uid="partnership_search_focus"
    )
    post_save.connect(_place_saved, sender=Place, dispatch_uid="partnership_search_place")
    post_save.connect(_council_saved, sender=Council, dispatch_uid="partnership_search_council")
