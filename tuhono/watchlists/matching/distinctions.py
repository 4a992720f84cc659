"""Differences that make two close names two different entities.

Letter by letter, 'Apollo Investment Fund VIII L.P.' and '... IX L.P.', or 'Banco Santander S.A.'
and 'Banco Santander México S.A.', are nearly the same name; to an analyst they are two funds and two
banks. This module finds those differences; scoring.py
weighs them and the explanation names them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .tokens import CJK_RE, LEGAL_FORMS

# A Roman numeral as series and fund names write it (I to XXXIX), not any word made of the letters
# i, v, x, l and c ('li', 'civil').
SERIES_ROMAN_RE = re.compile(r"^x{0,3}(ix|iv|v?i{0,3})$")
FIRST = {"1", "i"}
# Continents, which qualify a group's regional companies as a country does ('Faberlic Europe').
CONTINENTS = frozenset({"africa", "america", "americas", "asia", "europe", "eurasia", "oceania"})
# What a numbering or a place difference leaves of an organisation name score: below the default
# threshold (0.75) even for names otherwise identical, since it names another entity of the family.
DIFFERENT_ENTITY_FACTOR = 0.7


def _numbers(tokens: list[str], other: list[str]) -> list[str]:
    """Digits and Roman numerals. A first token is the name itself ('I' in 'I Squared Capital'),
    unless the other name has it too (a name turned around: 'II Citigroup Capital Trust'), and a
    letter among other single letters is an initial ('L X C Aviation'), not a numeral."""

    def initial(k: int) -> bool:
        return 0 <= k < len(tokens) and len(tokens[k]) == 1 and tokens[k].isalpha()

    def numeral(k: int, t: str) -> bool:
        return bool(SERIES_ROMAN_RE.match(t)) and (k > 0 or t in other) and not initial(k - 1) and not initial(k + 1)

    return [t for k, t in enumerate(tokens) if t.isdigit() or (t and numeral(k, t))]


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    from rigour.territories import get_territories

    from .names import normalize

    names: set[str] = set()
    for territory in get_territories():
        if territory.is_country:
            for name in (territory.name, territory.full_name):
                names.add(normalize(name, False).replace(" ", ""))
    return frozenset(n for n in names if n) | CONTINENTS


def _places(tokens: tuple[str, ...] | list[str]) -> list[str]:
    """Country names among tokens, of one word or several run together ('united kingdom')."""
    countries = _country_names()
    found: list[str] = []
    for start in range(len(tokens)):
        for end in range(min(len(tokens), start + 4), start, -1):
            if "".join(tokens[start:end]) in countries:
                found.append(" ".join(tokens[start:end]))
                break
    return found


def organisation_differences(query: str, result: str, unmatched: tuple[str, ...]) -> list[str]:
    """Plain-words reasons why two organisation names close letter by letter name two entities
    (`unmatched`: the words of either name the token alignment found no counterpart for):
    - a number of the second or later of a series in one name, and none in the other (Solutions /
      Solutions II): the number is there to tell the later entity from the first. (Two numbers
      that differ are not held against a match: a fund series' vintages are screened as one family,
      and 'Fund I' is often the unnumbered first one named later.)
    - a country in one of two full legal names with nothing in its place in the other (Banco
      Santander S.A. / Banco Santander México S.A.): a group's national subsidiaries are separate
      companies. A name without a legal form ('faberlic') names the brand, which all of them carry;
    - initials in another order (A.B.C. / C.B.A.): an acronym is one word, and its letters in
      another order spell another one."""
    q, r = query.split(), result.split()
    if CJK_RE.search(query + result):
        return []
    reasons: list[str] = []
    q_numbers, r_numbers = _numbers(q, r), _numbers(r, q)
    if bool(q_numbers) != bool(r_numbers) and any(n not in FIRST for n in q_numbers + r_numbers):
        reasons.append(
            f"numbers in the names differ ({' '.join(q_numbers).upper() or '—'} / {' '.join(r_numbers).upper() or '—'})"
        )
    if any(t in LEGAL_FORMS for t in q) and any(t in LEGAL_FORMS for t in r):
        q_places, r_places = _places(q), _places(r)
        extra = [p for p in q_places + r_places if all(w in unmatched for w in p.split())]
        if extra and not (q_places and r_places):
            reasons.append(f"a country in one name only ({', '.join(extra)}): another company of the group")
    q_initials = [t for t in q if len(t) == 1 and t.isalpha()]
    r_initials = [t for t in r if len(t) == 1 and t.isalpha()]
    if len(q_initials) > 1 and q_initials != r_initials and sorted(q_initials) == sorted(r_initials):
        reasons.append(f"initials in another order ({''.join(q_initials).upper()} / {''.join(r_initials).upper()})")
    return reasons


def brand_forms(query: str, result: str, unmatched: tuple[str, ...]) -> tuple[str, str, list[str]] | None:
    """The two names without the places that qualify one of them, when the other is a bare brand:
    a name with no legal form whose every word the other has ('faberlic' / 'FABERLIC EUROPE Sp. z
    o.o.'). Such a name is how people write the group, and every regional company of it carries the
    brand, so its places are no evidence against the match (beside two full legal names they are:
    organisation_differences). None when that is not the case."""
    q, r = query.split(), result.split()
    for bare, full in ((q, r), (r, q)):
        if any(t in LEGAL_FORMS for t in bare) or any(t in unmatched for t in bare):
            continue
        places = [p for p in _places([t for t in full if t in unmatched]) if len(p.split()) == 1]
        extra = [t for t in full if t in unmatched]
        if places and all(t in LEGAL_FORMS or t in places for t in extra):
            kept = " ".join(t for t in full if t not in places)
            return (query, kept, places) if full is r else (kept, result, places)
    return None
