"""The candidate index: which list entities could a name be, found without a search server.

Built in memory from the entities in force (one pass over the database) and
kept per process until a list version changes. Keys are name tokens of every
Latin form, their metaphone codes and the whole name run together; a query
gathers the entities that share keys, weighted by how rare each key is, and
re-ranks the best few hundred by a fast fuzzy comparison before the full
scorer sees them.
"""

from __future__ import annotations

import math
import threading
from array import array
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from followthemoney import model
from rapidfuzz import fuzz, process

from .names import entity_forms, form_keys

FORM_SEP = "|"


def _intersect(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The rows in both `a` and `b`, each ascending without repeats (as postings are).

    The shorter one looked up in the longer by bisection: a common name part holds tens of
    thousands of rows, which `np.intersect1d` would copy and sort at every call."""
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    if len(small) == 0 or len(big) == 0:
        return small[:0]
    at = np.searchsorted(big, small)
    np.minimum(at, len(big) - 1, out=at)
    return small[big[at] == small]


def _distinct(rows: np.ndarray) -> np.ndarray:
    """The distinct values of `rows`, a run of ascending runs (postings one after another), ascending.

    Sorts `rows` in place. The stable sort (timsort) merges the runs, some five times faster than
    quicksort on a hundred thousand rows; the values are distinct rows, so the order is the same."""
    rows.sort(kind="stable")
    first = np.empty(len(rows), dtype=np.bool_)
    first[:1] = True
    np.not_equal(rows[1:], rows[:-1], out=first[1:])
    return rows[first].astype(np.intp)


@dataclass(frozen=True)
class Candidate:
    pk: int
    prefilter: float  # 0..100 fuzzy similarity of the closest forms


class CandidateIndex:
    def __init__(self) -> None:
        self.pks = array("q")
        self.schemas = array("B")
        self.schema_names: list[str] = []
        self._schema_codes: dict[str, int] = {}
        self.forms: list[str] = []
        self._postings: dict[str, list[int]] = defaultdict(list)
        self.postings: dict[str, np.ndarray] = {}
        self._schema_array = np.zeros(0, dtype=np.uint8)
        # Where the scorer reads how common a name part is, when not from this index itself: an
        # index over the few entities a list version changed counts parts on the whole list in force.
        self.rarity_source: CandidateIndex | None = None
        self._init_buffers()

    def _init_buffers(self) -> None:
        self._buffers = threading.local()
        self._compatible_codes: dict[str, set[int]] = {}
        self._compatible_masks: dict[str, np.ndarray] = {}

    def __len__(self) -> int:
        return len(self.pks)

    def key_frequency(self, key: str) -> int:
        """How many indexed entities hold `key` (a key as `names.form_keys` makes it)."""
        rows = self.postings.get(key)
        return len(rows) if rows is not None else len(self._postings.get(key, ()))

    def joint_frequency(self, keys: Iterable[str]) -> int:
        """How many indexed entities hold every one of `keys` (the namesakes of a name, part by part)."""
        rows: np.ndarray | None = None
        for key in dict.fromkeys(keys):
            found = self.postings.get(key)
            if found is None:  # not frozen yet (a mapped index has no pending postings)
                found = np.asarray(getattr(self, "_postings", {}).get(key, ()), dtype=np.int32)
            rows = found if rows is None else _intersect(rows, found)
            if len(rows) == 0:
                return 0
        return 0 if rows is None else len(rows)

    def add(self, pk: int, schema: str, names: Iterable[str]) -> None:
        forms, keys = entity_forms(schema, names)
        if not forms:
            return
        row = len(self.pks)
        self.pks.append(pk)
        code = self._schema_codes.get(schema)
        if code is None:
            code = self._schema_codes[schema] = len(self.schema_names)
            self.schema_names.append(schema)
        self.schemas.append(code)
        self.forms.append(FORM_SEP.join(forms))
        for key in keys:
            self._postings[key].append(row)

    def freeze(self) -> None:
        """Pack the postings into compact arrays once everything is added."""
        for key, rows in self._postings.items():
            self.postings[key] = np.array(rows, dtype=np.int32)
        self._postings = defaultdict(list)
        self._schema_array = np.frombuffer(self.schemas, dtype=np.uint8).copy()

    def _scores(self) -> np.ndarray:
        """This thread's score buffer, one float a row, all zero between searches.

        Kept rather than allocated per search: a fresh array of a million rows is a
        thousand fresh pages for the kernel to fault in at every screening."""
        scores: np.ndarray | None = getattr(self._buffers, "scores", None)
        if scores is None or len(scores) != len(self.pks):
            scores = self._buffers.scores = np.zeros(len(self.pks), dtype=np.float32)
        return scores

    def _compatible(self, schema: str) -> set[int]:
        codes = self._compatible_codes.get(schema)
        if codes is None:
            codes = self._compatible_codes[schema] = self._compatible_uncached(schema)
        return codes

    def _compatible_mask(self, schema: str) -> np.ndarray:
        """Schema code -> whether it can match `schema`: one table look-up a row (`np.isin` sorts)."""
        mask = self._compatible_masks.get(schema)
        if mask is None:
            mask = np.zeros(256, dtype=np.bool_)  # schema codes are uint8
            mask[list(self._compatible(schema))] = True
            self._compatible_masks[schema] = mask
        return mask

    def _compatible_uncached(self, schema: str) -> set[int]:
        try:
            query_schema = model.get(schema) or model.get("LegalEntity")
        except Exception:  # an unknown schema name matches anything named
            query_schema = model.get("LegalEntity")
        codes = set()
        for code, name in enumerate(self.schema_names):
            other = model.get(name)
            if (
                other is not None
                and query_schema is not None
                and (query_schema.can_match(other) or other.can_match(query_schema))
            ):
                codes.add(code)
        return codes

    def search(self, forms: list[str], schema: str, *, limit: int = 20, pool: int = 120) -> list[Candidate]:
        """The `limit` entities whose names come closest to any of `forms`."""
        total = max(len(self.pks), 1)
        keys: set[str] = set()
        for form in forms:
            keys |= form_keys(form)
        # Very common keys ('mohammed', 'ltd') carry little and cost much: skip them
        # unless the name has nothing rarer.
        cap = max(5000, total // 50)
        found = ((self.postings.get(key), key) for key in keys)  # one lookup a key: a mapped lookup is a bisection
        postings = sorted(((rows, key) for rows, key in found if rows is not None), key=lambda p: len(p[0]))
        if not postings:
            return []
        # Accumulate each key's rarity weight on the entities holding it (vectorised:
        # a common key can hold tens of thousands of entities).
        chosen: list[tuple[np.ndarray, float]] = []
        for rows, key in postings:
            if len(rows) > cap and chosen:
                continue
            weight = math.log(1 + total / len(rows)) * (0.5 if key.startswith("~") else 1.0)
            chosen.append((rows[: cap * 4], weight))
        # The chosen postings in one array, converted to numpy's index type once: indexing with the
        # stored int32 rows converts them at every use, which costs more than the additions themselves.
        joined = np.concatenate([rows for rows, _ in chosen])
        at = joined.astype(np.intp)
        scores = self._scores()
        try:
            start = 0
            for rows, weight in chosen:  # key after key, as before: the float32 sums come out the same
                scores[at[start : start + len(rows)]] += weight
                start += len(rows)
            # Every touched entity has a positive score, and only those: the union of the postings,
            # ascending, as np.flatnonzero(scores) would give it but without reading every row's score.
            hits = _distinct(joined)
            hit_scores = scores[hits]
            scores[hits] = 0.0  # clean again for the next search
        except BaseException:
            scores.fill(0.0)
            raise
        compatible = self._compatible(schema)
        if len(compatible) < len(self.schema_names):
            keep = self._compatible_mask(schema)[self._schema_array[hits]]
            hits, hit_scores = hits[keep], hit_scores[keep]
        if len(hits) > pool:
            top = np.argpartition(hit_scores, -pool)[-pool:]
            hits, hit_scores = hits[top], hit_scores[top]
        ranked = hits[np.argsort(-hit_scores, kind="stable")]
        if not len(ranked):
            return []
        best = self._closeness(forms, ranked.tolist())
        pks = self.pks if isinstance(self.pks, np.ndarray) else np.frombuffer(self.pks, dtype=np.int64)
        out = [Candidate(pk=pk, prefilter=value) for pk, value in zip(pks[ranked].tolist(), best.tolist(), strict=True)]
        out.sort(key=lambda c: c.prefilter, reverse=True)
        return out[:limit]

    def _closeness(self, query_forms: list[str], rows: list[int]) -> np.ndarray:
        """For each row, the highest fuzzy similarity (0..100) of any query form to any of its forms.

        All pairs at once in rapidfuzz's C loop (`cdist`, in float64: the same values as one call a pair).
        """
        owner: list[int] = []
        listed: list[str] = []
        many = getattr(self.forms, "many", None)  # the mapped forms read many rows at once
        texts = many(rows) if many is not None else [self.forms[row] for row in rows]
        for i, text in enumerate(texts):
            split = text.split(FORM_SEP)
            listed.extend(split)
            owner.extend([i] * len(split))
        pairs = [
            process.cdist(query_forms, listed, scorer=scorer, dtype=np.float64, workers=1)
            for scorer in (fuzz.token_sort_ratio, fuzz.ratio, fuzz.token_set_ratio)
        ]
        similarity = np.maximum(np.maximum(pairs[0], pairs[1]), 0.9 * pairs[2])  # 0.9: one name inside the other
        best = np.zeros(len(rows), dtype=np.float64)
        np.maximum.at(best, np.asarray(owner, dtype=np.intp), similarity.max(axis=0))
        return best
