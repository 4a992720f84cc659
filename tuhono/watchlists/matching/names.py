"""Normalised forms and index keys of names."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from normality import ascii_text
from rigour.names import remove_person_prefixes, replace_org_types_compare
from rigour.text.phonetics import metaphone

from .translit import has_non_latin, latin_forms

PERSON_SCHEMAS = {"Person"}
TOKEN_RE = re.compile(r"[a-z0-9]+")
# A word of any script: a vowel sign or other combining mark (Devanagari, Arabic, decomposed Latin)
# continues the word it is on rather than ending it ("राकेश" is one word, not "र" and "क").
WORD_RE = re.compile(r"\w[\w\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0900-\u0dff]*")
NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
APOSTROPHES_RE = re.compile("['’ʿʾʼ`´]")
ORDINAL_RE = re.compile(r"^(\d+)(st|nd|rd|th)$")
ABJAD_RE = re.compile(r"[\u0590-\u06ff\u0750-\u077f\ufb1d-\ufdff\ufe70-\ufeff]")


def numbers_as_digits(tokens: list[str]) -> list[str]:
    """'forty four' -> '44', 'first' -> '1', '1st' -> '1': names of companies and groups write both."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token in TENS:
            value = TENS[token]
            if i + 1 < len(tokens) and tokens[i + 1] in NUMBERS and NUMBERS[tokens[i + 1]] < 10:
                value += NUMBERS[tokens[i + 1]]
                i += 1
            out.append(str(value))
        elif token in NUMBERS:
            out.append(str(NUMBERS[token]))
        elif ORDINAL_RE.match(token):
            out.append(ORDINAL_RE.match(token).group(1))  # type: ignore[union-attr]
        else:
            out.append(token)
        i += 1
    return out


@lru_cache(maxsize=65536)
def script_key(name: str) -> str | None:
    """The non-Latin script a name is written in, if any, for comparing two names in their own script.

    Remembered (bounded): the scorer asks it of every pair of forms of every candidate."""
    for char in name:
        if char.isalpha() and not ("a" <= char.lower() <= "z") and ord(char) > 0x24F:
            try:
                return unicodedata.name(char).split()[0]
            except ValueError:
                return None
    return None


def native_form(name: str) -> str:
    """A name in its own script, lower-cased and without punctuation."""
    return " ".join(WORD_RE.findall(name.lower().replace("_", " ")))


# Per-process caches are bounded by what one worker may hold of its own (docs/operations.md, memory).
@lru_cache(maxsize=50000)
def normalize(name: str, person: bool = True) -> str:
    """Lower-case ASCII, punctuation gone, legal forms in one spelling ('Aktiengesellschaft' -> 'ag')."""
    text = remove_person_prefixes(name) if person else replace_org_types_compare(name)
    # Apostrophes and the ayn/hamza marks are inside a word (Sa'id, Saʿid), not between two words.
    text = (ascii_text(APOSTROPHES_RE.sub("", text)) or "").replace("?", "")
    tokens = TOKEN_RE.findall(text.lower())
    if not person:
        tokens = numbers_as_digits(tokens)
    return " ".join(tokens)


def name_forms(name: str, person: bool = True) -> list[tuple[str, str]]:
    """Every normalised Latin form of a name with the method that made it ('' for the name itself)."""
    return list(_name_forms(name, person))


@lru_cache(maxsize=65536)
def _name_forms(name: str, person: bool) -> tuple[tuple[str, str], ...]:
    """`name_forms`, remembered (bounded): a screening reads the forms of its own name once per
    candidate and of each listed name twice (the names, then how common they are); a tuple, so
    no caller can change what the next one reads."""
    forms: list[tuple[str, str]] = []
    seen: set[str] = set()
    if has_non_latin(name):
        abjad = "consonants" if ABJAD_RE.search(name) else ""
        for form, method in latin_forms(name, person):
            method = f"{method}, {abjad}" if abjad else method
            norm = normalize(form, person)
            if norm and norm not in seen:
                seen.add(norm)
                forms.append((norm, method))
    if forms:
        # ICU's own reading of the script is one of the forms above already or worse.
        return tuple(forms)
    norm = normalize(name, person)
    if norm:
        return ((norm, ""),)
    # A script with no transliteration here (Khmer, ...): index and compare it as written.
    native = native_form(name)
    return ((native, ""),) if native else ()


@lru_cache(maxsize=50000)
def token_keys(token: str) -> tuple[str, ...]:
    keys = [token]
    if len(token) >= 3 and not token.isdigit():
        phonetic = metaphone(token)
        if phonetic:
            keys.append("~" + phonetic)
    return tuple(keys)


def form_keys(form: str) -> set[str]:
    """Index keys of one normalised form: tokens, their metaphone, and the name run together."""
    tokens = form.split()
    keys: set[str] = set()
    for token in tokens:
        keys.update(token_keys(token))
    if len(tokens) > 1:
        keys.add("=" + "".join(tokens))
    return keys


def entity_forms(schema: str, names: Iterable[str]) -> tuple[list[str], set[str]]:
    """An entity's distinct normalised forms, in order, and the index keys of them all."""
    person = schema in PERSON_SCHEMAS
    forms: list[str] = []
    keys: set[str] = set()
    for name in names:
        for form, _method in name_forms(name, person):
            if form not in forms:
                forms.append(form)
                keys |= form_keys(form)
    return forms, keys
