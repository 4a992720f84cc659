"""What a name match is worth, and what the other facts say for or against it.

An exact match on a name that many listed people share (James Smith, Kim Ji-hoon, 王伟) is weak
evidence: the lists themselves hold its namesakes. An exact match on a name nobody else on the
lists carries is strong. How common each part is comes from the lists in force: the candidate index
counts the entities holding each name part (`key_frequency`) out of all it holds (`len`), in the
Latin form every script is indexed under (Pinyin for Hanzi, a romanisation for Hangul, ...).

Facts both sides know then count for or against: a birth date years away, another nationality or
another gender lowers the score, more for a common name than for a rare one, so that a namesake with
a conflicting birth date falls below the threshold while a rare name with a typo and a birth date a
year off still alerts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Protocol

from .names import name_forms
from .tokens import token_weight

# Below this many listed entities, part counts say little about how common a name is.
MIN_LIST_SIZE = 1000
# A name's information (sum of the parts' log rarity) relative to log(list size): at 1 or less the
# list is expected to hold another entity of that name by chance; from RARE_RATIO on, none.
COMMON_RATIO = 1.0
RARE_RATIO = 1.6
# How much a common name's shortfall from an exact match is magnified (a near match of a common
# name is more likely another of its many namesakes than a typo).
COMMON_FUZZ = 0.4


class PartCounts(Protocol):
    """What the scorer reads from the candidate index: entities per key, and entities in all."""

    def __len__(self) -> int: ...

    def key_frequency(self, key: str) -> int: ...


@dataclass
class Rarity:
    commonness: float  # 0: a rare name (or unknown) .. 1: a name the lists hold many times
    parts: list[tuple[str, int]]  # (part, entities holding it)
    size: int

    def describe(self) -> str:
        if not self.parts or self.size < MIN_LIST_SIZE:
            return ""
        words = []
        for part, count in self.parts:
            share = math.log(self.size / max(count, 1)) / math.log(self.size)
            label = "common" if share < 0.6 else "fairly common" if share < 0.8 else "rare"
            words.append(f"{part} {label} ({count:,} of {self.size:,} listed)")
        return "name parts " + ", ".join(words)


def name_rarity(list_name: str, person: bool, counts: PartCounts | None) -> Rarity:
    """How common the listed name is on the lists in force."""
    if counts is None:
        return Rarity(0.0, [], 0)
    size = len(counts)
    forms = name_forms(list_name, person)
    if not forms:
        return Rarity(0.0, [], size)
    tokens = [t for t in dict.fromkeys(forms[0][0].split()) if token_weight(t, person) >= 1.0 and not t.isdigit()]
    parts = [(t, max(counts.key_frequency(t), 1)) for t in tokens]
    if size < MIN_LIST_SIZE or not parts:
        return Rarity(0.0, parts, size)
    information = sum(math.log(size / min(count, size)) for _, count in parts)
    ratio = information / math.log(size)
    commonness = min(1.0, max(0.0, (RARE_RATIO - ratio) / (RARE_RATIO - COMMON_RATIO)))
    return Rarity(commonness, parts, size)


def weigh_name(score: float, rarity: Rarity) -> float:
    """A near (not exact) match of a common name counts for less."""
    if score >= 1.0 or score <= 0.0:
        return score
    return max(0.0, 1.0 - (1.0 - score) * (1.0 + COMMON_FUZZ * rarity.commonness))


def _date_parts(value: str) -> tuple[str, ...]:
    return tuple(part for part in value.strip()[:10].split("-") if part)


def birth_date_evidence(query: list[str], listed: list[str], commonness: float = 0.0) -> tuple[float, str]:
    """The closest pair of birth dates: agreeing raises, a year off is a usual discrepancy (almost
    neutral), two years lowers, more lowers enough to take an exact namesake below the threshold."""
    if not query or not listed:
        return 0.0, ""
    best: tuple[float, str] | None = None
    for q in query:
        qp = _date_parts(q)
        for r in listed:
            rp = _date_parts(r)
            depth = min(len(qp), len(rp))
            if depth == 0:
                continue
            if qp[:depth] == rp[:depth]:
                return 0.05, f"birth date {q} agrees with listed {r}"
            if qp[0] == rp[0]:
                candidate = (-0.03, f"birth date {q} differs from listed {r} in month or day (same year)")
            elif qp[0].isdigit() and rp[0].isdigit():
                years = abs(int(qp[0]) - int(rp[0]))
                if years == 1:
                    candidate = (-0.01, f"birth date {q} is a year from listed {r}")
                elif years == 2:
                    candidate = (-(0.12 + 0.1 * commonness), f"birth date {q} differs from listed {r} by 2 years")
                else:
                    candidate = (
                        -(0.3 + 0.15 * commonness),
                        f"birth date {q} differs from listed {', '.join(listed)} by {years} years",
                    )
            else:
                continue
            if best is None or candidate[0] > best[0]:
                best = candidate
    return best or (0.0, "")


def nationality_evidence(query: list[str], listed: list[str], commonness: float = 0.0) -> tuple[float, str]:
    q = {c.lower() for c in query if c}
    r = {c.lower() for c in listed if c}
    if not q or not r:
        return 0.0, ""
    common = q & r
    if common:
        return 0.03 * (1 - commonness), f"nationality {', '.join(sorted(c.upper() for c in common))} agrees"
    return -(0.12 + 0.25 * commonness), (
        f"nationality {', '.join(sorted(c.upper() for c in q))} differs from listed "
        f"{', '.join(sorted(c.upper() for c in r))}"
    )


GENDERS = {"m": "male", "male": "male", "man": "male", "f": "female", "female": "female", "woman": "female"}


def gender_evidence(query: str, listed: list[str], commonness: float = 0.0) -> tuple[float, str]:
    q = GENDERS.get((query or "").strip().lower())
    r = {GENDERS.get(g.strip().lower()) for g in listed if g} - {None}
    if not q or len(r) != 1:
        return 0.0, ""
    if q in r:
        return 0.0, f"gender {q} agrees"
    return -(0.15 + 0.2 * commonness), f"gender {q} differs from listed {r.pop()}"
