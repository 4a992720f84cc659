"""What a name match is worth, and what the other facts say for or against it.

An exact match on a name that many listed people share (James Smith, Kim Ji-hoon, 王伟) is weak
evidence: the lists themselves hold its namesakes. An exact match on a name nobody else on the
lists carries is strong. How common each part is comes from the lists in force: the candidate index
counts the entities holding each name part (`key_frequency`) out of all it holds (`len`), in the
Latin form every script is indexed under (Pinyin for Hanzi, a romanisation for Hangul, ...), and
the entities holding all the parts that matched (`joint_frequency`).

A near (not exact) match is weighed as an analyst would: a misspelling of a rare name is still that
name; a near match of a common name, a part that is another name in its own right (Francis /
Frances) or a listed given name the subject lacks is more likely a namesake, and falls below the
threshold unless the birth date corroborates it.

Facts both sides know then count for or against: a birth date years away, another nationality or
another gender lowers the score, more for a common name than for a rare one, so that a namesake with
a conflicting birth date falls below the threshold while a rare name with a typo and a birth date a
year off still alerts.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from .names import name_forms
from .tokens import TokenScore, token_weight

# Below this many listed entities, part counts say little about how common a name is.
MIN_LIST_SIZE = 1000
# A name's information (sum of the matched parts' log rarity, or the log of its counted namesakes)
# relative to log(list size): at 1 or less the list is expected to hold another entity of that name
# by chance; from RARE_RATIO on, none.
COMMON_RATIO = 1.0
RARE_RATIO = 1.6
# How much a common name's shortfall from an exact match is magnified (a near match of a common
# name is more likely another of its many namesakes than a typo).
COMMON_FUZZ = 1.0
# The same for a partial match of a person's name (a listed given name the subject lacks): the
# matched parts are as likely another namesake's as the listed person's.
PARTIAL_FUZZ = 3.0
# Organisation names are not drawn from a small pool of given and family names.
ORGANISATION_FUZZ = 0.4
# A subject's part near a listed one but held by this many listed entities itself is another name
# (Francis / Frances), not a misspelling: it counts as this much more shortfall.
OTHER_NAME_HOLDERS = 3
OTHER_NAME_SHORTFALL = 0.2
# A listed person's given name the subject's name lacks: the subject's name usually comes whole from
# an identity document, while a list often knows only part of a name, so a part the list has and the
# subject lacks speaks against the match (Brian Salazar is not Tara Brian Salazar), an extra part of
# the subject's does not (Judith Cameron Lorenzo may be the listed Judith Lorenzo).
MISSING_PART_SHORTFALL = 0.1
# How far a birth date in the same year (another day) or a year away corroborates a name match.
SAME_YEAR_CORROBORATION = 0.5
YEAR_OFF_CORROBORATION = 0.25


class PartCounts(Protocol):
    """What the scorer reads from the candidate index: entities per key, and entities in all."""

    def __len__(self) -> int: ...

    def key_frequency(self, key: str) -> int: ...

    def joint_frequency(self, keys: Iterable[str]) -> int: ...


@dataclass
class Rarity:
    commonness: float  # 0: a rare name (or unknown) .. 1: a name the lists hold many times
    parts: list[tuple[str, int]]  # (part, entities holding it)
    size: int
    # Near-matched parts where the subject's part is a name in its own right on the lists
    # (Francis / Frances, Joan / Joanne): (subject's part, listed part, entities holding the subject's).
    other_names: list[tuple[str, str, int]] = field(default_factory=list)
    # A listed person's name parts (initials aside) the subject's name lacks.
    missing: list[str] = field(default_factory=list)
    person: bool = True

    def describe(self) -> str:
        if not self.parts or self.size < MIN_LIST_SIZE:
            return ""
        words = []
        for part, count in self.parts:
            share = math.log(self.size / max(count, 1)) / math.log(self.size)
            label = "common" if share < 0.6 else "fairly common" if share < 0.8 else "rare"
            words.append(f"{part} {label} ({count:,} of {self.size:,} listed)")
        text = "name parts " + ", ".join(words)
        for query_part, list_part, count in self.other_names:
            text += (
                f"; {query_part} is not a misspelling of {list_part}: {count:,} listed people are named {query_part}"
            )
        if self.missing:
            text += f"; listed name part(s) {', '.join(self.missing)} not in the name screened"
        return text


def _latin(part: str, person: bool) -> str:
    """A name part as the index counts it (its first Latin form)."""
    if part.isascii():
        return part
    forms = name_forms(part, person)
    return forms[0][0].split()[0] if forms and forms[0][0] else part


def _information(counts: list[int], size: int) -> float:
    return sum(math.log(size / min(count, size)) for count in counts)


def name_rarity(list_name: str, person: bool, counts: PartCounts | None, alignment: TokenScore | None = None) -> Rarity:
    """How common the listed name is on the lists in force, counting the parts the subject's name
    matched (`alignment`): a match on 'Dawn Davis' inside 'Olivia Dawn Davis' is worth what 'Dawn
    Davis' is worth, not what the whole listed name is."""
    if counts is None:
        return Rarity(0.0, [], 0, person=person)
    # An index over a few entities (a re-screening's) counts name parts on the full list in force.
    source = getattr(counts, "rarity_source", None)
    counts = source if source is not None else counts
    size = len(counts)
    forms = name_forms(list_name, person)
    if not forms:
        return Rarity(0.0, [], size, person=person)
    tokens = [t for t in dict.fromkeys(forms[0][0].split()) if token_weight(t, person) >= 1.0 and not t.isdigit()]
    parts = [(t, max(counts.key_frequency(t), 1)) for t in tokens]
    if size < MIN_LIST_SIZE or not parts:
        return Rarity(0.0, parts, size, person=person)
    frequencies = [count for _, count in parts]
    other_names: list[tuple[str, str, int]] = []
    missing: list[str] = []
    namesakes = 0
    if alignment is not None and alignment.pairs:
        matched = [
            (_latin(q, person), _latin(r, person), similarity)
            for q, r, similarity in alignment.pairs
            if token_weight(r, person) >= 1.0 and not r.isdigit()
        ]
        if matched:
            frequencies = [max(counts.key_frequency(r), 1) for _, r, _ in matched]
            # Parts of one name are not independent (a clan or tribal name recurs with its own
            # given names): the entities holding all the matched parts are counted too.
            namesakes = counts.joint_frequency(r for _, r, _ in matched) - 1
        for q, r, similarity in matched:
            if person and similarity < 1.0 and q != r and counts.key_frequency(q) >= OTHER_NAME_HOLDERS:
                other_names.append((q, r, counts.key_frequency(q)))
        if person:
            missing = [
                _latin(t, person) for t in alignment.unmatched_list if token_weight(t, person) >= 1.0 and len(t) > 1
            ]
    # How many other listed entities are expected to hold the matched name: counted, or estimated
    # from the parts' frequencies as if independent, whichever is more.
    by_parts = math.log(size) - _information(frequencies, size)
    expected = max(by_parts, math.log(namesakes)) if namesakes > 0 else by_parts
    ratio = 1.0 - expected / math.log(size)
    commonness = min(1.0, max(0.0, (RARE_RATIO - ratio) / (RARE_RATIO - COMMON_RATIO)))
    return Rarity(commonness, parts, size, other_names, missing, person)


def weigh_name(score: float, rarity: Rarity, corroboration: float = 0.0) -> float:
    """A near (not exact) match of a common name counts for less, and a part that is another name
    in its own right counts as a different part, unless a fact both sides know corroborates the match
    (`corroboration`, 0..1: a birth date that agrees)."""
    if score >= 1.0 or score <= 0.0:
        return score
    doubt = 1.0 - corroboration
    shortfall = (1.0 - score) + doubt * (
        OTHER_NAME_SHORTFALL * len(rarity.other_names) + MISSING_PART_SHORTFALL * len(rarity.missing)
    )
    fuzz = PARTIAL_FUZZ if rarity.missing else COMMON_FUZZ if rarity.person else ORGANISATION_FUZZ
    return max(0.0, 1.0 - shortfall * (1.0 + doubt * fuzz * rarity.commonness))


def corroboration(query: list[str], listed: list[str]) -> float:
    """How far the birth dates corroborate a name match: 1 when they agree (to the precision both
    give), YEAR_OFF_CORROBORATION when a year apart (a usual discrepancy), else 0."""
    best = 0.0
    for q in query:
        qp = _date_parts(q)
        for r in listed:
            rp = _date_parts(r)
            depth = min(len(qp), len(rp))
            if depth == 0 or not (qp[0].isdigit() and rp[0].isdigit()):
                continue
            if qp[:depth] == rp[:depth]:
                return 1.0
            if qp[0] == rp[0]:
                best = max(best, SAME_YEAR_CORROBORATION)
            elif abs(int(qp[0]) - int(rp[0])) == 1:
                best = max(best, YEAR_OFF_CORROBORATION)
    return best


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
