"""Tūhono's own token alignment of two normalised names.

logic-v2 is strong on symbols and structure but lets a wholly different
family name through at 0.7-0.8 and drops typos in short names to 0.5. This
aligns tokens one to one, scores each pair by edit distance (on the spelling
and on a transliteration-neutral skeleton), gives initials, particles, legal
forms and patronymics less weight, rejoins split words, and then weighs what
is left over: a token replaced by a different token counts fully against the
match, a token only one side has counts less (a list entry often carries
middle names and patronymics that a visitor's form leaves out).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA, Levenshtein

from .affixes import different_stems

PARTICLES = frozenset(
    [
        "al",
        "el",
        "bin",
        "ben",
        "ibn",
        "bint",
        "abu",
        "abd",
        "abdul",
        "de",
        "da",
        "do",
        "dos",
        "das",
        "del",
        "della",
        "der",
        "den",
        "van",
        "von",
        "la",
        "le",
        "di",
        "du",
        "y",
        "e",
        "ul",
        "ur",
        "of",
        "the",
        "and",
        "und",
        "et",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "shaikh",
        "sheikh",
        "haji",
        "hajji",
        "mullah",
        "maulvi",
        "qari",
        "sayed",
        "syed",
    ]
)
LEGAL_FORMS = frozenset(
    [
        "ag",
        "gmbh",
        "ltd",
        "llc",
        "inc",
        "corp",
        "co",
        "plc",
        "sa",
        "sas",
        "sarl",
        "srl",
        "spa",
        "bv",
        "nv",
        "ab",
        "as",
        "oy",
        "jsc",
        "ojsc",
        "pjsc",
        "cjsc",
        "ooo",
        "oao",
        "zao",
        "pao",
        "ao",
        "llp",
        "lp",
        "company",
        "corporation",
        "limited",
        "group",
        "holding",
        "holdings",
        "incorporated",
        "kg",
        "ug",
        "se",
        "pte",
        "pty",
        "bhd",
        "sdn",
        "kk",
        "zrt",
        "kft",
        "doo",
        "sro",
        "spzoo",
        "sp",
        "zoo",
    ]
)
# Legal forms that name the same kind of company in different languages or spellings.
LEGAL_CLASSES = {
    **dict.fromkeys(["ao", "oao", "zao", "pao", "jsc", "ojsc", "cjsc", "pjsc"], "joint-stock"),
    **dict.fromkeys(["ooo", "llc"], "limited-liability"),
    **dict.fromkeys(["ltd", "limited"], "limited"),
    **dict.fromkeys(["inc", "incorporated", "corp", "corporation", "company", "co"], "corporation"),
    **dict.fromkeys(["lp", "llp"], "partnership"),
    **dict.fromkeys(["holding", "holdings", "group"], "group"),
}
PATRONYMIC_RE = re.compile(r"(ovich|evich|ovna|evna|ich|ovych|ivna|uly|kyzy|oglu|ogly)$")
# The endings that make a place name an adjective in Russian, Ukrainian, Polish and Czech company
# names ("Muromskiy zavod", "Gdanska stocznia"), in the usual transliterations.
SLAVIC_ADJECTIVE_RE = re.compile(r"^(sk|ck|zk)(iy|ii|ij|yi|yy|y|i|aya|aia|aja|a|oye|oe|oj|o|ogo)$")
ROMAN_RE = re.compile(r"^[ivxlc]+$")
SKELETON_RULES = [
    (re.compile(r"(.)\1+"), r"\1"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"ck"), "k"),
    (re.compile(r"q"), "k"),
    (re.compile(r"[jy]"), "i"),
    (re.compile(r"w"), "v"),
    (re.compile(r"ou|oo"), "u"),
    (re.compile(r"ee"), "i"),
    (re.compile(r"ts|tz"), "c"),
    (re.compile(r"sch|sh"), "s"),
    (re.compile(r"dh|th"), "d"),
    (re.compile(r"z"), "s"),
    (re.compile(r"ii"), "i"),
]
SYLLABLE_ORDER_FACTOR = 0.7
MATCH_FLOOR = 0.6  # below this (more than 40 % of letters differ) two tokens are different words, not one word misspelt
CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3]")
NASAB = frozenset({"bin", "ben", "ibn", "bint"})
# Particles that are one word written in different transliterations (the Arabic article, 'son of').
PARTICLE_VARIANTS = {**dict.fromkeys(["al", "el"], "al"), **dict.fromkeys(["bin", "ben", "ibn"], "bin")}


@lru_cache(maxsize=100000)
def consonants(token: str) -> str:
    """The consonant outline of a token, for names that came from an abjad (Arabic, Hebrew, Persian)."""
    token = token.replace("p", "b").replace("v", "f").replace("z", "s").replace("c", "k").replace("q", "k")
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouwyh]", "", token))


@lru_cache(maxsize=100000)
def syllable_key(token: str) -> str:
    """A romanised Chinese or Korean syllable with the vowel spellings romanisations disagree on
    made one (cheol, chol, chul; jong, jung; hae, he): anything else is another syllable."""
    return token.replace("eo", "o").replace("eu", "u").replace("ae", "e").replace("u", "o")


@lru_cache(maxsize=100000)
def skeleton(token: str) -> str:
    for pattern, replacement in SKELETON_RULES:
        token = pattern.sub(replacement, token)
    return token


@lru_cache(maxsize=100000)
def token_weight(token: str, person: bool) -> float:
    if token.startswith("["):
        return 0.7  # a word read by its meaning (symbols.py): "[factory]", "[bank]"
    if token.startswith("{"):
        return 0.3  # a legal form or the like read by its meaning: "{jsc}", "{corp}"
    if CJK_RE.match(token):
        return 1.0
    if token.isdigit() or (ROMAN_RE.match(token) and len(token) <= 4 and not person):
        return 0.4
    if token in PARTICLES:
        return 0.3
    if not person and token in LEGAL_FORMS:
        return 0.3
    if len(token) == 1:
        return 0.3
    if person and PATRONYMIC_RE.search(token) and len(token) > 6:
        return 0.5
    return 1.0


INITIALS_SCRIPTS_END = 0x0530  # Latin, Greek and Cyrillic come before it in Unicode


# About 200 bytes an entry (estimated): 50,000 bound it at ~10 MB a worker (200,000: ~40 MB in every worker).
@lru_cache(maxsize=50000)
def token_similarity(a: str, b: str, abjad: bool = False, person: bool = True, syllabic: bool = False) -> float:
    if a == b:
        return 1.0
    if not person and a in LEGAL_CLASSES and LEGAL_CLASSES.get(a) == LEGAL_CLASSES.get(b):
        return 1.0
    if a in PARTICLE_VARIANTS and PARTICLE_VARIANTS.get(a) == PARTICLE_VARIANTS.get(b):
        return 1.0
    if a[0] in "[{" or b[0] in "[{":
        return 0.0  # two different meanings (equal ones returned 1 above)
    if CJK_RE.match(a) or CJK_RE.match(b):
        return 0.0  # one Hanzi, kana or Hangul syllable is a whole name part
    if len(a) == 1 or len(b) == 1:
        # An initial, in the alphabets that write initials (Latin, Greek, Cyrillic). A lone letter of
        # an Arabic or Devanagari name as written is what is left of a word split at a vowel sign,
        # not an initial: another name.
        initial = a if len(a) == 1 else b
        return 0.9 if a[0] == b[0] and ord(initial) < INITIALS_SCRIPTS_END else 0.0
    if a.isdigit() or b.isdigit():
        return 0.0
    if syllabic and len(a) <= 6 and len(b) <= 6:
        # Syllables of a Chinese or Korean name, every romanisation of which is compared: a letter
        # apart is another syllable (siu / kyu, jong / jung), not a typo.
        return 0.9 if syllable_key(a) == syllable_key(b) else 0.0
    # Two neighbouring letters swapped ('Smason') are one slip of the hand, not two.
    plain = OSA.normalized_similarity(a, b)
    sa, sb = skeleton(a), skeleton(b)
    best = max(plain, (1.0 if sa == sb else Levenshtein.normalized_similarity(sa, sb)) * 0.95)
    short, long = sorted((a, b), key=len)
    if person and len(short) >= 3 and long.startswith(short):
        best = max(best, 0.8)  # a short form of a given name: Ben, Benjamin
    if not person and len(short) >= 4 and long.startswith(short) and SLAVIC_ADJECTIVE_RE.match(long[len(short) :]):
        best = max(best, 0.9)  # a place and its adjective in a company name: Murom, Muromskiy
    if abjad:
        ca, cb = consonants(a), consonants(b)
        if ca and cb:
            best = max(best, (1.0 if ca == cb else Levenshtein.normalized_similarity(ca, cb)) * 0.92)
    if person and best >= MATCH_FLOOR:
        stems = different_stems(a, b, MATCH_FLOOR)  # Hamidullah / Waliullah: Hamid and Wali
        best = best if stems is None else stems
    return best


@dataclass
class TokenScore:
    score: float
    detail: str
    # Positive evidence of two different people or companies (not just weak similarity).
    contradiction: bool = False
    # The alignment behind the score: (query part, list part, similarity) for each pair of parts
    # taken for one another, and the list parts left without a counterpart. How much the match is
    # worth (evidence.py) depends on how common the parts that matched are, and on whether a part
    # that differs is a typo or another name.
    pairs: tuple[tuple[str, str, float], ...] = ()
    unmatched_list: tuple[str, ...] = ()
    unmatched_query: tuple[str, ...] = ()


def _merge_split_words(q: list[str], r: list[str], initials_allowed: bool = True) -> tuple[list[str], list[str]]:
    """Join adjacent tokens on one side when together they spell a token of the other
    ('siemens ag' / 'siemensag'), or when a token of the other is their initials ('jc'),
    which a name read syllable by syllable from Hanzi or Hangul never has ('ju' is a syllable)."""
    for left, right in ((q, r), (r, q)):
        targets = set(right)
        i = 0
        while i < len(left) - 1:
            joined = left[i] + left[i + 1]
            initials = left[i][0] + left[i + 1][0]
            if joined in targets and joined not in left:
                left[i : i + 2] = [joined]
            elif (
                initials_allowed
                and initials in targets
                and initials not in left
                and len(left[i]) > 1
                and len(left[i + 1]) > 1
            ):
                left[i : i + 2] = [initials]
            i += 1
    return q, r


def _nasab_swapped(q: list[str], r: list[str]) -> bool:
    """'Salman bin Muhammad' and 'Muhammad bin Salman' are son and father, not one man."""

    def links(tokens: list[str]) -> set[tuple[str, str]]:
        return {(tokens[i - 1], tokens[i + 1]) for i in range(1, len(tokens) - 1) if tokens[i] in NASAB}

    q_links, r_links = links(q), links(r)
    return any((b, a) in r_links and a != b for a, b in q_links)


def _split(text: str) -> list[str]:
    if CJK_RE.search(text):
        # Hanzi, kana and Hangul names: each character is a name part.
        return [c for c in text if not c.isspace() and c not in "·・•-"]
    return text.split()


def _out_of_order(pairs: list[tuple[int, int]]) -> bool:
    """Whether aligned parts appear in another order, other than the family name moved from the
    front to the back ('Xi Jinping' / 'Jinping Xi'): a rotation keeps the syllables' order."""
    order = [j for _, j in sorted(pairs)]
    descents = sum(1 for k in range(len(order) - 1) if order[k] > order[k + 1])
    return descents > 1 or (descents == 1 and order[-1] > order[0])


def compare_tokens(query: str, result: str, person: bool, abjad: bool = False, syllabic: bool = False) -> TokenScore:
    q, r = _split(query), _split(result)
    if not q or not r:
        return TokenScore(0.0, "")
    if person and _nasab_swapped(q, r):
        return TokenScore(0.3, "father and son names swapped around bin/ibn", contradiction=True)
    if "".join(q) == "".join(r):
        return TokenScore(1.0, "same letters", pairs=tuple((t, t, 1.0) for t in r))
    q, r = _merge_split_words(list(q), list(r), initials_allowed=not syllabic)
    pairs = sorted(
        ((token_similarity(a, b, abjad, person, syllabic), i, j) for i, a in enumerate(q) for j, b in enumerate(r)),
        reverse=True,
    )
    used_q: set[int] = set()
    used_r: set[int] = set()
    aligned: list[tuple[int, int]] = []
    similarity_of: dict[tuple[int, int], float] = {}
    matched = 0.0
    matched_weight = 0.0
    notes: list[str] = []
    for sim, i, j in pairs:
        if sim < MATCH_FLOOR or i in used_q or j in used_r:
            continue
        used_q.add(i)
        used_r.add(j)
        aligned.append((i, j))
        similarity_of[(i, j)] = sim
        weight = (token_weight(q[i], person) + token_weight(r[j], person)) / 2
        matched += sim * weight
        matched_weight += weight
        if sim < 1.0:
            notes.append(f"{q[i]}≈{r[j]}")
    if matched_weight == 0:
        return TokenScore(0.0, "no name part in common")
    extra_q = sorted((token_weight(t, person) for i, t in enumerate(q) if i not in used_q), reverse=True)
    extra_r = sorted((token_weight(t, person) for i, t in enumerate(r) if i not in used_r), reverse=True)
    substituted = min(len(extra_q), len(extra_r))
    # A part swapped for a different part is evidence against; a part one side lacks, less so. In a
    # person's name, a particle where the other has a name part proper stands for another name
    # ('Abdul Khan' / 'Padshah Khan'): both count as whole parts (not a title or initial: 'Dr', 'J.').
    named = all(any(len(t) > 2 for i, t in enumerate(s) if i not in u) for s, u in ((q, used_q), (r, used_r)))
    whole = person and substituted and named and max(extra_q[0], extra_r[0]) >= 1.0
    penalty = 2.0 * substituted if whole else sum(extra_q[:substituted]) + sum(extra_r[:substituted])
    # A syllable one side lacks in a Chinese or Korean name is part of another given name,
    # not a middle name left out (何云 is not 윤정호, Ho Yun / Yun Jeong-ho).
    lone_syllable = syllabic and any(w >= 1.0 for w in extra_q[substituted:] + extra_r[substituted:])
    penalty += sum(extra_q[substituted:]) * (1.0 if lone_syllable else 0.2 if person else 0.6)
    penalty += sum(extra_r[substituted:]) * (1.0 if lone_syllable else 0.35 if person else 0.8)
    if not person:
        # Both names carry a legal form and they differ (GmbH / AG): a different company.
        left_forms = sum(1 for i, t in enumerate(q) if i not in used_q and t in LEGAL_FORMS)
        right_forms = sum(1 for i, t in enumerate(r) if i not in used_r and t in LEGAL_FORMS)
        legal_swaps = min(left_forms, right_forms)
        penalty += 0.6 * legal_swaps
    else:
        legal_swaps = 0
    score = matched / (matched_weight + penalty)
    if substituted:
        notes.append(
            "different part(s): "
            + ", ".join(
                [t for i, t in enumerate(q) if i not in used_q]
                + ["/"]
                + [t for i, t in enumerate(r) if i not in used_r]
            )
        )
    out_of_order = syllabic and _out_of_order(aligned)
    if out_of_order:
        # 'Kim Un-gyong' is not 'Kim Jong-un': a given name's syllables keep their order.
        score *= SYLLABLE_ORDER_FACTOR
        notes.append("syllables in another order")
    # Kim Sang-chol is not Kim Song-chol: with every romanisation compared, a syllable that
    # matches none of them is another name, however close its letters.
    contradiction = legal_swaps > 0 or out_of_order or (syllabic and substituted > 0) or lone_syllable
    return TokenScore(
        score,
        "; ".join(notes),
        contradiction=contradiction,
        pairs=tuple((q[i], r[j], similarity_of[(i, j)]) for i, j in aligned),
        unmatched_list=tuple(t for j, t in enumerate(r) if j not in used_r),
        unmatched_query=tuple(t for i, t in enumerate(q) if i not in used_q),
    )
