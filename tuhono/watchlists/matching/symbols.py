"""Organisation names compared by the meaning of their words, across languages.

A company's name is often translated rather than transliterated: "Муромский
приборостроительный завод" is listed as "Murom Instrument-Making Plant". No
spelling rule bridges "завод" and "plant", but rigour's name tagger knows both
as the same symbol (DOMAIN:FACTORY), as it knows "Акционерное общество" and
"JSC" as one legal form (ORGCLS:JSC) and "Moscow" and "Москва" as one place.

For two organisation names, the words both names carry a symbol for are
replaced by that symbol, and the rest are transliterated as usual; the token
alignment then compares the result. A symbol only one name has is left as
written, so two companies that merely share "Bank" or "Plant" still differ in
every other word.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rigour.names import NameTypeTag, analyze_names

from .names import name_forms

# Symbol categories that stand for the meaning of a word in any language. Person-name
# symbols (NAME, INITIAL) are left to the person matchers; numbers are handled by the normaliser.
MEANING_CATEGORIES = ("ORGCLS", "DOMAIN", "SYMBOL", "LOC")


@dataclass(frozen=True)
class AnalysedName:
    parts: tuple[str, ...]  # each word of the name, lower-case, in its own script
    spans: tuple[tuple[str, tuple[int, ...]], ...]  # (symbol, indices of the words it covers)

    @property
    def symbols(self) -> frozenset[str]:
        return frozenset(symbol for symbol, _ in self.spans)


# ~450 bytes an entry: 20,000 bound it at ~9 MB a worker.
@lru_cache(maxsize=20_000)
def analyse(name: str) -> AnalysedName | None:
    names = analyze_names(NameTypeTag.ORG, [name])
    if len(names) != 1:
        return None
    (analysed,) = names
    spans = tuple(
        (str(span.symbol).strip("[]"), tuple(part.index for part in span.parts))
        for span in analysed.spans
        if str(span.symbol).strip("[]").split(":")[0] in MEANING_CATEGORIES
    )
    return AnalysedName(tuple(part.form for part in analysed.parts), spans)


def symbol_token(symbol: str) -> str:
    """How a symbol reads in a compared form and its explanation: a legal form or a word such as
    "corporation" in braces (weighed as little as a legal form), a meaning in brackets ("[factory]")."""
    category, _, value = symbol.partition(":")
    if category in ("ORGCLS", "SYMBOL"):
        return "{" + value.lower() + "}"
    return f"[{value.lower()}]"


@lru_cache(maxsize=100_000)
def _latin_word(word: str) -> str:
    forms = name_forms(word, person=False)
    return forms[0][0] if forms else word


def _rewrite(name: AnalysedName, shared: frozenset[str]) -> str:
    # Longest spans first, so "instrument making" is one symbol, not two words.
    chosen: dict[int, str] = {}
    covered: set[int] = set()
    for symbol, indices in sorted(name.spans, key=lambda span: (-len(span[1]), span[1])):
        if symbol in shared and not covered.intersection(indices):
            chosen[min(indices)] = symbol_token(symbol)
            covered.update(indices)
    words: list[str] = []
    for index, word in enumerate(name.parts):
        if index in chosen:
            words.append(chosen[index])
        elif index not in covered:
            words.append(_latin_word(word))
    return " ".join(word for word in words if word)


def meaning_forms(left: str, right: str) -> tuple[str, str] | None:
    """The two organisation names with the words they share a meaning for replaced by it,
    or None when they share none (then this view adds nothing to the spelling)."""
    a, b = analyse(left), analyse(right)
    if a is None or b is None:
        return None
    shared = a.symbols & b.symbols
    if not shared:
        return None
    return _rewrite(a, shared), _rewrite(b, shared)
