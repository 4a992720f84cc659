"""Namesakes on a realistic list: recall on mangled listed names, false alerts on clean people.

    .venv/bin/python bench/bench_screening_namesakes.py [--size 50000] [--clean 6000] [--mangled 1200]

The list, written as OpenSanctions FollowTheMoney entities and imported with `manage.py watchlist_import`:
the 626 listed names of tuhono/watchlists/data/name-matching-cases.csv, tens of thousands of people
drawn by Faker (seeded) from many locales and scripts (English, Māori-English, Indian, German, French,
Spanish, Vietnamese, Chinese, Korean, Japanese, Russian, Arabic, Hindi), so that common names recur as
on real lists, with birth dates, nationalities and genders (some left out), and organisations.

Screened with `manage.py screen` (its CSV interface, with date_of_birth, nationality and gender):
- mangled listed names that must alert on their entry: a typo, two letters swapped, a letter dropped
  or doubled, a middle name dropped or added, the parts reordered, another transliteration (Pinyin
  for Hanzi, a romanisation for Hangul, a Latin spelling for Cyrillic); birth date as listed, a year
  off, or not given;
- clean people that must not alert: namesakes of listed people (the same common first and last
  names, or with a middle name dropped) born years away, a quarter of them also of another nationality, and
  other people drawn from the same name distributions with other seeds. A drawn person whose name
  and birth year (within two years) are a listed person's, or who matches a listed person without a
  birth date, is left out (no screening can tell them apart) and counted.

Beside it, in the same run and on the same data, nomenklatura's logic-v1 and logic-v2 alone: each
scores the same candidates (the index's best 10 for each query) on names, birth dates, nationality and
gender, and alerts at the shipped threshold and at its own usual 0.7.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, manage

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


def logic_scores(queries: list[dict], entities: dict[str, dict], candidates: list[list[str]]) -> dict[str, list]:
    """Best logic-v1 and logic-v2 score per query over the same candidates."""
    from followthemoney import model
    from nomenklatura.matching import LogicV1, LogicV2
    from nomenklatura.matching.types import ScoringConfig

    out: dict[str, list] = {}
    for label, logic in (("logic-v1", LogicV1), ("logic-v2", LogicV2)):
        config = ScoringConfig(weights={}, config={k: v.default for k, v in logic.CONFIG.items()})
        best: list[tuple[float, str]] = []
        for n, (q, ids) in enumerate(zip(queries, candidates, strict=True)):
            query = model.make_entity(q["schema"])
            query.id = f"query-{label}-{n}"  # logic-v2 caches its name analysis by entity id
            query.add("name", q["full_name"])
            if q["schema"] == "Person":
                query.add("birthDate", q["date_of_birth"] or None)
                query.add("nationality", q["nationality"] or None)
                query.add("gender", q["gender"] or None)
            top = (0.0, "")
            for entity_id in ids:
                data = entities[entity_id]
                result = model.get_proxy({"id": entity_id, "schema": data["schema"], "properties": data["properties"]})
                score = logic.compare(query, result, config).score
                if score > top[0]:
                    top = (score, entity_id)
            best.append(top)
        out[label] = best
    return out


def summary(label: str, rows: list[tuple[dict, bool, str]], entities: dict[str, dict]) -> str:
    """Recall two ways: the mangled name alerted at all, and it alerted on its own entry (or on an entry
    of the very same name: the best match shown may be either); false alerts per 1,000 clean people."""

    def hit(q: dict, alert: bool, match: str) -> bool:
        names = entities[q["target"]]["properties"]["name"]
        return alert and (match == q["target"] or entities.get(match, {}).get("properties", {}).get("name") == names)

    alerted = [a for q, a, m in rows if q["target"]]
    mangled = [hit(q, a, m) for q, a, m in rows if q["target"]]
    clean = [a for q, a, m in rows if not q["target"]]
    per_k = 1000 * sum(clean) / len(clean)
    return (
        f"{label:<26}{sum(alerted) / len(alerted):>9.3f}{sum(mangled) / len(mangled):>12.3f}"
        f"{per_k:>18.1f}{sum(clean):>9}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=int(os.environ.get("BENCH_NAMESAKE_SIZE", "50000")))
    parser.add_argument("--clean", type=int, default=6000)
    parser.add_argument("--mangled", type=int, default=1200)
    parser.add_argument("--errors", action="store_true", help="list the misses and false alerts")
    args, _ = parser.parse_known_args(sys.argv[1:] if __name__ == "__main__" else [])
    rng = random.Random(SEED)
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'db.sqlite3'}"
        import django

        django.setup()
        entities = make_list(args.size, rng)
        queries, skipped = make_queries(entities, args.clean, args.mangled, rng)
        with (folder / "list.ftm.json").open("wb") as out:
            for e in entities:
                out.write(orjson.dumps({k: v for k, v in e.items() if k != "loc"}) + b"\n")
        columns = ["full_name", "schema", "date_of_birth", "nationality", "gender", "kind", "target"]
        with (folder / "queries.csv").open("w", newline="", encoding="utf-8") as out:
            writer = csv.DictWriter(out, fieldnames=columns)
            writer.writeheader()
            writer.writerows(queries)
        env = dict(os.environ)
        manage("migrate", "--noinput", "-v0", env=env)
        started = time.perf_counter()
        print(manage("watchlist_import", str(folder / "list.ftm.json"), "--source", "Namesakes", env=env).strip())
        print(f"  import {time.perf_counter() - started:.0f} s")
        out_path = folder / "out.csv"
        print(manage("screen", "--input", str(folder / "queries.csv"), "--output", str(out_path), env=env).strip())
        with out_path.open(encoding="utf-8") as handle:
            ours = list(csv.DictReader(handle))
        from tuhono.watchlists.matching.names import PERSON_SCHEMAS, name_forms
        from tuhono.watchlists.models import ListEntity
        from tuhono.watchlists.services.screening import candidate_index, screening_threshold

        index = candidate_index()
        ids = dict(ListEntity.objects.values_list("pk", "entity_id"))
        candidates = [
            [
                ids[c.pk]
                for c in index.search(
                    [f for f, _ in name_forms(q["full_name"], q["schema"] in PERSON_SCHEMAS)],
                    q["schema"],
                    limit=10,
                    pool=300,
                )
            ]
            for q in queries
        ]
        started = time.perf_counter()
        logic = logic_scores(queries, {e["id"]: e for e in entities}, candidates)
        logic_seconds = time.perf_counter() - started
    threshold = screening_threshold()
    by_id = {e["id"]: e for e in entities}
    mangled_n = sum(1 for q in queries if q["target"])
    print(
        f"\n{len(entities)} listed entities; {mangled_n} mangled listed names, {len(queries) - mangled_n} clean people "
        f"({sum(skipped.values())} drawn people left out: {dict(skipped)}); seed {SEED}"
    )
    print(f"{'':<26}{'recall':>9}{'on entry':>12}{'false per 1000':>18}{'false':>9}")
    pairs = zip(queries, ours, strict=True)
    print(summary(f"Tūhono @{threshold:.2f}", [(q, r["alert"] == "true", r["match_id"]) for q, r in pairs], by_id))
    for label, best in logic.items():
        for t in (threshold, 0.7):
            rows = [(q, s >= t, m) for q, (s, m) in zip(queries, best, strict=True)]
            print(summary(f"{label} alone @{t:.2f}", rows, by_id))
    print(f"(logic-v1 and logic-v2 on the index's 10 best candidates: {logic_seconds:.0f} s)")
    kinds = Counter(q["kind"] for q in queries)
    print("\nTūhono by kind:")
    for kind, count in sorted(kinds.items()):
        by_kind = [(q, r) for q, r in zip(queries, ours, strict=True) if q["kind"] == kind]
        if kind.startswith("mangled"):
            good = sum(1 for q, r in by_kind if r["alert"] == "true" and r["match_id"] == q["target"])
            print(f"  {kind:<32}{count:>6}  found {good}")
        else:
            print(f"  {kind:<32}{count:>6}  false alerts {sum(1 for _, r in by_kind if r['alert'] == 'true')}")
    if args.errors:
        for q, r in zip(queries, ours, strict=True):
            missed = q["target"] and not (r["alert"] == "true" and r["match_id"] == q["target"])
            if missed or (not q["target"] and r["alert"] == "true"):
                listed = by_id.get(q["target"] or r["match_id"], {}).get("properties", {})
                print(
                    f"{'MISS' if missed else 'FALSE'} {q['kind']}: {q['full_name']} {q['date_of_birth']} "
                    f"{q['nationality']} {q['gender']} -> {r['match_name']} {r['score']} | listed {listed.get('name')} "
                    f"{listed.get('birthDate')} {listed.get('nationality')} {listed.get('gender')} | {r['explanation']}"
                )


if __name__ == "__main__":
    main()
