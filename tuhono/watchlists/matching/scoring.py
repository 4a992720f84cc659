"""Scoring one subject against one list entity, with the reasons."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace
from functools import lru_cache

from followthemoney import EntityProxy, model
from nomenklatura.matching.logic_v2.names.match import name_match
from nomenklatura.matching.types import FtResult, ScoringConfig

from .distinctions import DIFFERENT_ENTITY_FACTOR, brand_forms, organisation_differences
from .evidence import (
    PartCounts,
    birth_date_evidence,
    corroboration,
    gender_evidence,
    name_rarity,
    nationality_evidence,
    weigh_name,
)
from .names import PERSON_SCHEMAS, name_forms, native_form, script_key
from .symbols import meaning_forms
from .tagging import active_table, person_name_match
from .tokens import TokenScore, compare_tokens, token_weight
from .translit import read_by_syllable

_ids = itertools.count()
TOKEN_WEIGHT = 0.7
WEAK_TOKEN_SCORE = 0.4
LV2_CONFIDENT = 0.9
PART_WEIGHT = 1.0  # a name part proper: not a particle, an initial or a patronymic
MEANING_METHOD = "organisation words compared by meaning"
LV2_CONFIG = ScoringConfig.defaults()
# A vessel's name is painted on its hull and changes with its owner: a sanctioned ship renamed with a
# number added or changed is the same ship (its IMO number, not its name, tells ships apart).
RENAMED_WITH_NUMBERS = {"Vessel"}


def _lv2_config() -> ScoringConfig:
    from nomenklatura.matching.logic_v2.model import LogicV2

    return ScoringConfig(weights={}, config={k: v.default for k, v in LogicV2.CONFIG.items()})


LV2_CONFIG = _lv2_config()


@dataclass
class Subject:
    """Who is being screened."""

    names: list[str]
    schema: str = "Person"
    birth_dates: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    gender: str = ""


@dataclass
class NameScore:
    score: float
    query_name: str
    list_name: str
    method: str
    detail: str
    logic_v2: float
    token: float = 0.0
    alignment: TokenScore | None = None  # the token alignment behind the score (which parts matched)


def _is_person(schema: str) -> bool:
    return schema in PERSON_SCHEMAS


@lru_cache(maxsize=4096)
def _proxy(schema: str, names: tuple[str, ...]) -> EntityProxy:
    """One proxy per distinct set of names, so nomenklatura's name analysis (cached
    by entity id, and the costliest step) runs once per subject and per list entity."""
    try:
        proxy = model.make_entity(schema)
    except Exception:
        proxy = model.make_entity("LegalEntity")
    # The id is unique per (schema, names): a cached analysis never meets other names.
    proxy.id = f"tuhono-{next(_ids)}"
    for name in names:
        proxy.add("name", name, quiet=True)
    return proxy


def _name_match(schema: str, query_names: tuple[str, ...], list_names: tuple[str, ...]) -> FtResult:
    """logic-v2's name comparison; for people, with the symbols of the mapped index when one is in use
    (tagging.py: rigour's person-name tagger costs seconds and hundreds of MB per process)."""
    table = active_table()
    if table is not None and _is_person(schema):
        return person_name_match(table, query_names, list_names, LV2_CONFIG)
    return name_match(_proxy(schema, query_names), _proxy(schema, list_names), LV2_CONFIG)


def _part_replaced(tok: TokenScore) -> bool:
    """Whether each name has a word the other has no counterpart for, one of them a name part
    proper (not a particle, title, initial or patronymic), the other not a title or initial."""

    def words(tokens: tuple[str, ...]) -> bool:
        return any(len(t) >= 3 for t in tokens)

    def parts(tokens: tuple[str, ...]) -> bool:
        return any(len(t) > 1 and token_weight(t, True) >= PART_WEIGHT for t in tokens)

    q, r = tok.unmatched_query, tok.unmatched_list
    return words(q) and words(r) and (parts(q) or parts(r))


def _common_schema(a: str, b: str) -> str:
    try:
        return model.common_schema(a, b).name
    except Exception:
        return "LegalEntity"


def score_names(query_names: list[str], list_names: list[str], query_schema: str, list_schema: str) -> NameScore:
    """The best agreement between any name of the subject and any name of the list entity.

    Every name is compared in all its Latin forms (Pinyin, Cyrillic
    transliterations, ...) by logic-v2 and by the token alignment; the
    result leans on the token alignment (0.7) with logic-v2 as a second
    opinion (0.3), because each catches errors the other makes; a
    whole-name identity in some form scores 1. logic-v2 is not consulted
    (`logic_v2` = -1) for an identity. For names far apart letter by letter
    it is still asked, because only its symbolic knowledge (nicknames,
    acronyms, romanisations) can bridge them.
    """
    schema = _common_schema(query_schema, list_schema)
    person = _is_person(schema)
    # Ordered, so that of equal scores the first (most usual) form explains the match.
    q_forms = list(dict.fromkeys((n, f, m) for n in query_names for f, m in name_forms(n, person)))
    r_forms = list(dict.fromkeys((n, f, m) for n in list_names for f, m in name_forms(n, person)))
    best = NameScore(0.0, query_names[0] if query_names else "", list_names[0] if list_names else "", "", "", 0.0)
    best_tok = None
    for (qn, qf, qm), (rn, rf, rm) in itertools.product(q_forms, r_forms):
        q_script = script_key(qn)
        if q_script is not None and q_script == script_key(rn):
            # Two names in the same script are compared as written: transliteration
            # would merge letters the script keeps apart (정/종 both 'jong').
            qf, rf, qm, rm = native_form(qn), native_form(rn), "", ""
        abjad = "consonants" in qm or "consonants" in rm
        syllabic = person and read_by_syllable(qn + rn)
        tok = compare_tokens(qf, rf, person, abjad, syllabic)
        if best_tok is None or tok.score > best_tok[0].score:
            best_tok = (tok, qn, qf, qm, rn, rf, rm)
    by_meaning = False
    if not person:
        # Organisation names are also compared by the meaning of their words (symbols.py),
        # which bridges a translated name ("завод" / "Plant") that no spelling rule can.
        for qn, rn in itertools.product(query_names, list_names):
            pair = meaning_forms(qn, rn)
            if pair is None:
                continue
            tok = compare_tokens(pair[0], pair[1], person)
            if best_tok is not None and tok.score > best_tok[0].score:
                best_tok = (tok, qn, pair[0], MEANING_METHOD, rn, pair[1], "")
                by_meaning = True
    if best_tok is None:
        # A script with no Latin form here (Khmer, ...): logic-v2 alone, on the names as written.
        lv2 = _name_match(schema, tuple(query_names), tuple(list_names))
        best.score, best.logic_v2, best.detail = lv2.score, lv2.score, lv2.detail or ""
        return best
    tok, qn, qf, qm, rn, rf, rm = best_tok
    differences = (
        []
        if person or schema in RENAMED_WITH_NUMBERS
        else organisation_differences(qf, rf, tok.unmatched_query + tok.unmatched_list)
    )
    if differences:
        # Another fund, subsidiary or acronym of a family of names: no second opinion overrules it.
        tok = replace(tok, contradiction=True, detail="; ".join(filter(None, [tok.detail, *differences])))
    factor = DIFFERENT_ENTITY_FACTOR if differences else 1.0
    brand = None if person or differences else brand_forms(qf, rf, tok.unmatched_query + tok.unmatched_list)
    if brand is not None:
        # A brand against one of its regional companies: the place that qualifies it is left out.
        plain = compare_tokens(brand[0], brand[1], person)
        note = f"{', '.join(brand[2])} qualifies the brand"
        tok = replace(plain, detail="; ".join(filter(None, [plain.detail, note])))
    q_script = script_key(qn)
    same_native = q_script is not None and q_script == script_key(rn)
    cross_script = any(script_key(n) for n in query_names) != any(script_key(n) for n in list_names)
    method = " and ".join(m for m in (qm, rm) if m)
    detail = f"{qf} ~ {rf}" + (f" ({tok.detail})" if tok.detail else "")
    if tok.score >= 1.0:
        # The same name: spare logic-v2's costly analysis.
        return NameScore(
            score=tok.score * factor,
            query_name=qn,
            list_name=rn,
            method=method,
            detail=detail,
            logic_v2=-1.0,
            token=tok.score,
            alignment=tok,
        )
    # logic-v2 sees the names as written plus the Latin forms the alignment chose
    # (upper-cased: rigour's analysis of some lower-case forms is a hundred times slower).
    # (A form read by meaning has symbols in it, which logic-v2 would take for words.)
    q_names = tuple(dict.fromkeys([*query_names, *([] if by_meaning else [qf.upper()])]))
    r_names = tuple(dict.fromkeys([*list_names, *([] if by_meaning else [rf.upper()])]))
    lv2 = _name_match(schema, q_names, r_names)
    score = TOKEN_WEIGHT * tok.score + (1 - TOKEN_WEIGHT) * lv2.score
    if tok.score < WEAK_TOKEN_SCORE and not cross_script:
        # Too far apart letter by letter for the blend to matter: the token view
        # stands, unless logic-v2's symbolic evidence overrules it (below).
        score = tok.score
    # (Chinese and Korean syllables have their own rule, in tokens.py, and romanisations logic-v2 knows.)
    replaced = person and not cross_script and not read_by_syllable(qn + rn) and _part_replaced(tok)
    if replaced:
        # A whole name part replaced by another (a family name, a father's or grandfather's name),
        # not a typo: relatives and tribesmen share the other parts, and the longer the name the
        # more the blend would dilute the one that tells them apart. logic-v2 is not asked to
        # soften it (it lets a wholly different family name through at 0.7-0.8).
        score = min(score, tok.score)
    if cross_script:
        # Across scripts each view has its own blind spot: ours sees machine
        # transliterations (which lose letters), logic-v2 is strict about the typos
        # a hand transliteration makes. Either one's full confidence counts; but where
        # the letters have almost nothing in common, only logic-v2's confident reading
        # (a name it knows in both scripts: 贝拉克·奥巴马, Pol Pot), as in one script:
        # short Hanzi and Hangul names otherwise reach 0.8 against any list name.
        # Positive evidence of another name (a syllable matching none of its romanisations) stands.
        lv2_may_count = tok.score >= WEAK_TOKEN_SCORE or lv2.score >= LV2_CONFIDENT
        score = max(tok.score, lv2.score) if lv2_may_count and not tok.contradiction else tok.score
    elif lv2.score >= LV2_CONFIDENT and not same_native and not tok.contradiction:
        # logic-v2 this sure has symbolic evidence the token view lacks: nicknames
        # (Ted, Theodore), numbers (1st, First), acronyms (PLA), romanisations (Tse-tung, Zedong).
        score = max(score, lv2.score)
    return NameScore(
        score=min(score * factor, 1.0),
        query_name=qn,
        list_name=rn,
        method=method,
        detail=detail,
        logic_v2=lv2.score,
        token=tok.score,
        alignment=tok,
    )


def warm_up() -> None:
    """Load the reference data rigour and logic-v2 read on first use (seconds, once per
    process), so that no screening pays for it."""
    for schema, left, right in (
        ("Person", "Mikhail Luis Rossi", "Mikhail Rossi"),
        ("Company", "Golden Dynamics Trading Ltd", "Golden Dynamic Trading Limited"),
    ):
        _name_match(schema, (left,), (right,))
    name_forms("习近平 Сергей 김정은 バラク", True)


@dataclass
class Scored:
    score: float
    name_score: NameScore
    explanation: str


def score_subject(
    subject: Subject,
    list_schema: str,
    list_names: list[str],
    list_birth_dates: list[str],
    list_countries: list[str],
    list_genders: list[str] | None = None,
    counts: PartCounts | None = None,
) -> Scored:
    """The subject against one list entity: the names, weighed by how common the listed name is on
    the lists in force (`counts`, the candidate index), then the facts both sides know."""
    names = score_names(subject.names, list_names, subject.schema, list_schema)
    reasons: list[str] = []
    via = f" via {names.method} {names.detail.split(' ~ ')[0]}" if names.method else ""
    reasons.append(f"name {names.query_name!r} matches list name {names.list_name!r}{via} ({names.score:.2f})")
    if names.detail and not names.method and "(" in names.detail:
        reasons[-1] += f" [{names.detail.split('(', 1)[1].removesuffix(')')}]"
    score = names.score
    if score > 0:
        rarity = name_rarity(names.list_name, _is_person(list_schema), counts, names.alignment)
        described = rarity.describe()
        if described:
            reasons.append(described)
        score = weigh_name(score, rarity, corroboration(subject.birth_dates, list_birth_dates))
        for delta, reason in (
            birth_date_evidence(subject.birth_dates, list_birth_dates, rarity.commonness),
            nationality_evidence(subject.countries, list_countries, rarity.commonness),
            gender_evidence(subject.gender, list_genders or [], rarity.commonness),
        ):
            if reason:
                score += delta
                reasons.append(reason)
    score = max(0.0, min(1.0, score))
    return Scored(score=score, name_score=names, explanation="; ".join(reasons))
