"""The people of the namesakes benchmark (bench_screening_namesakes.py): a list drawn by Faker from many
locales and scripts, and the queries screened against it (mangled listed names, clean namesakes)."""

from __future__ import annotations

import csv
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT

CASES = ROOT / "tuhono" / "watchlists" / "data" / "name-matching-cases.csv"
SEED = 2026
# (locale, share of the listed people, country, script order): "WE" given + family, "EW" family + given
# with a space, "EWJ" family + given joined (Hanzi, Hangul).
LOCALES = [
    ("en_US", 14, "us", "WE"),
    ("en_GB", 8, "gb", "WE"),
    ("en_NZ", 3, "nz", "WE"),
    ("en_IN", 5, "in", "WE"),
    ("de_DE", 6, "de", "WE"),
    ("fr_FR", 5, "fr", "WE"),
    ("es_ES", 6, "es", "WE"),
    ("es_MX", 4, "mx", "WE"),
    ("vi_VN", 4, "vn", "EW"),
    ("zh_CN", 12, "cn", "EWJ"),
    ("ko_KR", 7, "kr", "EWJ"),
    ("ja_JP", 5, "jp", "EW"),
    ("ru_RU", 10, "ru", "WE"),
    ("ar_AA", 7, "sy", "WE"),
    ("hi_IN", 2, "in", "WE"),
    ("tr_TR", 2, "tr", "WE"),
]
COUNTRIES = sorted({c for _, _, c, _ in LOCALES} | {"ir", "af", "ua", "by", "kp", "ve", "au", "ca"})
_words = str.split
CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        _words("a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya"),
        strict=True,
    )
)
CYRILLIC_VARIANTS = {"kh": "h", "y": "i", "yu": "iu", "ya": "ia", "zh": "j", "ts": "tz", "e": "e"}
HANGUL_INITIAL = _words("g kk n d tt r m b pp s ss _ j jj ch k t p h")
HANGUL_VOWEL = _words("a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i")
HANGUL_FINAL = ["", *_words("k k k n n n t l k m l l l l l m p p t t ng t t k t p t")]


def romanise_hangul(text: str) -> str:
    out = []
    for char in text:
        code = ord(char) - 0xAC00
        if 0 <= code < 11172:
            initial, vowel, final = code // 588, (code % 588) // 28, code % 28
            out.append(HANGUL_INITIAL[initial].replace("_", "") + HANGUL_VOWEL[vowel] + HANGUL_FINAL[final])
        else:
            out.append(char)
    return "".join(out)


def romanise(name: str, rng: random.Random) -> str | None:
    """Another writing of a non-Latin name, as a clerk would type it (None: no such writing here)."""
    from pypinyin import lazy_pinyin

    if any("\u4e00" <= c <= "\u9fff" for c in name) and " " not in name:
        syllables = lazy_pinyin(name)
        family, given = syllables[0].title(), "".join(syllables[1:]).title()
        return rng.choice([f"{family} {given}", f"{given} {family}", f"{family.upper()} {given}"])
    if any("\uac00" <= c <= "\ud7a3" for c in name):
        family, given = romanise_hangul(name[0]).title(), romanise_hangul(name[1:])
        given = rng.choice([given.title(), "-".join(romanise_hangul(c) for c in name[1:]).title()])
        return rng.choice([f"{family} {given}", f"{given} {family}"])
    if any("\u0400" <= c <= "\u04ff" for c in name):
        words = []
        for word in name.lower().split():
            letters = [CYRILLIC.get(c, c).replace("_", "") for c in word]
            if rng.random() < 0.5:
                letters = [CYRILLIC_VARIANTS.get(x, x) for x in letters]
            words.append("".join(letters).title())
        return " ".join(words)
    return None


def mangle(name: str, given: list[str], rng: random.Random, person: bool) -> tuple[str, str]:
    """One realistic error or variant of a listed name, and its kind."""
    words = name.split()
    kinds = ["typo", "swap", "drop letter", "double letter", "reorder", "middle name"]
    if romanise(name, rng) is not None:
        kinds += ["transliteration"] * 4
    if len(words) >= 3 and person:
        kinds.append("drop middle")
    kind = rng.choice(kinds)
    long_words = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha() and w.isascii()]
    if kind in {"typo", "swap", "drop letter", "double letter"} and long_words:
        i = rng.choice(long_words)
        w = words[i]
        k = rng.randrange(1, len(w) - 1)
        if kind == "typo":
            w = w[:k] + rng.choice("aeiounrst".replace(w[k].lower(), "")) + w[k + 1 :]
        elif kind == "swap":
            w = w[:k] + w[k + 1] + w[k] + w[k + 2 :]
        elif kind == "drop letter":
            w = w[:k] + w[k + 1 :]
        else:
            w = w[:k] + w[k] + w[k:]
        words[i] = w
        return " ".join(words), kind
    if kind == "transliteration":
        return romanise(name, rng) or name, kind
    if kind == "drop middle":
        return " ".join([words[0], words[-1]]), kind
    if kind == "middle name" and len(words) == 2 and name.isascii() and person:
        middle = rng.choice(given)
        return " ".join([words[0], rng.choice([middle, middle[0] + "."]), words[1]]), kind
    if len(words) >= 2:
        return " ".join([words[-1], *words[:-1]]), "reorder"
    return name, "as listed"


def person(fake, locale: str, order: str, rng: random.Random) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    gender = rng.choice(["male", "female"])
    first = fake.first_name_male() if gender == "male" else fake.first_name_female()
    last = fake.last_name_male() if gender == "male" and hasattr(fake, "last_name_male") else None
    last = last or (fake.last_name_female() if gender == "female" and hasattr(fake, "last_name_female") else None)
    last = last or fake.last_name()
    if order == "EWJ":
        name = last + first
    elif order == "EW":
        name = f"{last} {first}"
    elif locale == "ru_RU" and rng.random() < 0.5:
        middle = fake.middle_name_male() if gender == "male" else fake.middle_name_female()
        name = f"{first} {middle} {last}"
    else:
        name = f"{first} {last}"
        if locale.startswith("en") and rng.random() < 0.15:
            name = f"{first} {fake.first_name()} {last}"
    return name, gender


def birth_date(rng: random.Random) -> str:
    return f"{rng.randint(1940, 2000)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def make_list(size: int, rng: random.Random) -> list[dict]:
    from faker import Faker

    entities: list[dict] = []
    with CASES.open(encoding="utf-8") as source:
        seen: set[str] = set()
        for i, row in enumerate(csv.DictReader(source)):
            name = row["name2"].strip()
            if name and name not in seen:
                seen.add(name)
                schema = row["schema"] if row["schema"] in {"Person", "Company", "Organization"} else "LegalEntity"
                entities.append({"id": f"case-{i}", "schema": schema, "properties": {"name": [name]}, "loc": ""})
    organisations = size // 10
    people = size - organisations - len(entities)
    total_share = sum(share for _, share, _, _ in LOCALES)
    for n, (locale, share, country, order) in enumerate(LOCALES):
        fake = Faker(locale)
        fake.seed_instance(SEED + n)
        for k in range(people * share // total_share):
            name, gender = person(fake, locale, order, rng)
            props: dict[str, list[str]] = {"name": [name]}
            if rng.random() < 0.85:
                props["birthDate"] = [birth_date(rng)]
            if rng.random() < 0.8:
                props["nationality"] = [country if rng.random() < 0.9 else rng.choice(COUNTRIES)]
            if rng.random() < 0.6:
                props["gender"] = [gender]
            entities.append({"id": f"p-{locale}-{k}", "schema": "Person", "properties": props, "loc": locale})
    for n, (locale, _, country, _) in enumerate(LOCALES[:9]):
        fake = Faker(locale)
        fake.seed_instance(SEED + 100 + n)
        for k in range(organisations // 9):
            props = {"name": [fake.company()], "country": [country]}
            entities.append({"id": f"o-{locale}-{k}", "schema": "Company", "properties": props, "loc": locale})
    return entities


def make_queries(entities: list[dict], clean: int, mangled: int, rng: random.Random) -> tuple[list[dict], Counter]:
    from faker import Faker

    from tuhono.watchlists.matching.names import normalize

    people = [e for e in entities if e["schema"] == "Person" and e["loc"]]
    by_name: dict[str, list[dict]] = {}
    for e in entities:
        for name in e["properties"]["name"]:
            by_name.setdefault(" ".join(sorted(normalize(name).split())), []).append(e)
    given = [e["properties"]["name"][0].split()[0] for e in people if e["loc"].startswith("en")]
    queries: list[dict] = []
    cases = [e for e in entities if not e["loc"]]
    targets = rng.sample(people, mangled * 8 // 10) + rng.sample(cases, mangled // 10)
    targets += rng.sample([e for e in entities if e["schema"] == "Company"], mangled - len(targets))
    for e in targets:
        props = e["properties"]
        name, kind = mangle(props["name"][0], given, rng, e["schema"] == "Person")
        dob = ""
        if props.get("birthDate") and rng.random() < 0.75:
            dob = props["birthDate"][0]
            if rng.random() < 0.4:
                dob = f"{int(dob[:4]) + rng.choice([-1, 1])}{dob[4:]}"
        nationality = props.get("nationality", [""])[0] if rng.random() < 0.6 else ""
        gender = props.get("gender", [""])[0] if rng.random() < 0.5 else ""
        queries.append(
            {"full_name": name, "schema": e["schema"], "date_of_birth": dob, "nationality": nationality,
             "gender": gender, "kind": f"mangled: {kind}", "target": e["id"]}
        )  # fmt: skip
    # Namesakes: listed people with a common name (both parts on at least five listed people).
    parts = Counter(w for e in people for w in set(normalize(e["properties"]["name"][0]).split()))
    common = [
        e
        for e in people
        if e["properties"].get("birthDate")
        and all(parts[w] >= 5 for w in normalize(e["properties"]["name"][0]).split())
    ]
    skipped: Counter = Counter()

    def indistinguishable(name: str, dob: str) -> bool:
        same = by_name.get(" ".join(sorted(normalize(name).split())), [])
        return any(
            not e["properties"].get("birthDate")
            or (dob and abs(int(e["properties"]["birthDate"][0][:4]) - int(dob[:4])) <= 2)
            for e in same
        )

    for e in rng.sample(common, min(len(common), clean // 2)):
        props = e["properties"]
        name = props["name"][0]
        words = name.split()
        if len(words) == 3 and rng.random() < 0.5:
            name = f"{words[0]} {words[2]}"
        year = int(props["birthDate"][0][:4]) + rng.choice([-1, 1]) * rng.randint(3, 30)
        dob = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        nationality = props.get("nationality", [""])[0]
        if rng.random() < 0.25:
            nationality = rng.choice([c for c in COUNTRIES if c != nationality])
        if indistinguishable(name, dob):
            skipped["a listed person's name and birth year, or a listed name without a birth date"] += 1
            continue
        queries.append(
            {"full_name": name, "schema": "Person", "date_of_birth": dob, "nationality": nationality,
             "gender": "", "kind": "clean: namesake", "target": ""}
        )  # fmt: skip
    others = clean - (len(queries) - len(targets))
    total_share = sum(share for _, share, _, _ in LOCALES)
    for n, (locale, share, country, order) in enumerate(LOCALES):
        fake = Faker(locale)
        fake.seed_instance(SEED + 500 + n)
        for _ in range(others * share // total_share):
            name, gender = person(fake, locale, order, rng)
            dob = birth_date(rng)
            if indistinguishable(name, dob):
                skipped["a listed person's name and birth year, or a listed name without a birth date"] += 1
                continue
            nationality = country if rng.random() < 0.7 else ""
            queries.append(
                {"full_name": name, "schema": "Person", "date_of_birth": dob, "nationality": nationality,
                 "gender": gender if rng.random() < 0.5 else "", "kind": "clean: other person", "target": ""}
            )  # fmt: skip
    return queries, skipped
