"""Latin forms of names written in other scripts, each with the method that made it.

logic-v2 scores '习近平' against 'Xi Jinping' at 0, so Chinese names get their
Pinyin forms (surname first and last, given name joined and split, compound
surnames, Wade-Giles); Cyrillic names get the transliterations people
actually meet (BGN/PCGN 'Sergey', 'Sergei', scientific 'Sergej', the
Ukrainian national system 'Volodymyr'); Korean names get Revised and
McCune-Reischauer-like forms with the usual surname spellings; Japanese kana
are romanised by ICU. Japanese kanji have no reliable reading without a
dictionary, so they are left to ICU's (Chinese) reading.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from normality import ascii_text

HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
HANGUL_RE = re.compile(r"[\uac00-\ud7a3]")
KANA_RE = re.compile(r"[\u3040-\u30ff]")
NON_LATIN_RE = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\s\W\d]")

COMPOUND_SURNAMES = {
    "欧阳": "ouyang",
    "歐陽": "ouyang",
    "司马": "sima",
    "司馬": "sima",
    "诸葛": "zhuge",
    "諸葛": "zhuge",
    "上官": "shangguan",
    "司徒": "situ",
    "东方": "dongfang",
    "東方": "dongfang",
    "皇甫": "huangfu",
    "尉迟": "yuchi",
    "尉遲": "yuchi",
    "公孙": "gongsun",
    "公孫": "gongsun",
    "慕容": "murong",
    "令狐": "linghu",
    "夏侯": "xiahou",
    "长孙": "zhangsun",
    "長孫": "zhangsun",
    "宇文": "yuwen",
    "轩辕": "xuanyuan",
    "軒轅": "xuanyuan",
    "端木": "duanmu",
    "西门": "ximen",
    "西門": "ximen",
    "独孤": "dugu",
    "獨孤": "dugu",
    "南宫": "nangong",
    "南宮": "nangong",
    "闻人": "wenren",
    "聞人": "wenren",
    "澹台": "tantai",
    "公冶": "gongye",
    "太史": "taishi",
    "申屠": "shentu",
    "呼延": "huyan",
    "万俟": "moqi",
    "萬俟": "moqi",
    "司空": "sikong",
    "钟离": "zhongli",
    "鍾離": "zhongli",
}
# Characters read differently as a surname than in running text.
SURNAME_READINGS = {
    "单": "shan",
    "單": "shan",
    "曾": "zeng",
    "仇": "qiu",
    "解": "xie",
    "查": "zha",
    "区": "ou",
    "區": "ou",
    "朴": "piao",
    "乐": "yue",
    "樂": "yue",
    "盖": "ge",
    "蓋": "ge",
    "种": "chong",
    "覃": "qin",
    "翟": "zhai",
    "华": "hua",
    "華": "hua",
    "任": "ren",
    "缪": "miao",
    "繆": "miao",
    "沈": "shen",
    "秘": "bi",
    "员": "yun",
    "員": "yun",
    "卜": "bu",
    "召": "shao",
    "尉": "yu",
    "长": "zhang",
    "長": "zhang",
    "重": "chong",
    "朝": "chao",
    "藏": "zang",
    "柏": "bai",
    "薄": "bo",
}

# Cyrillic letters, each scheme a dict; letters not listed fall back to the base table.
CYR_BASE = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "ґ": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "є": "ye",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "і": "i",
    "ї": "yi",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ў": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    "ђ": "dj",
    "ј": "j",
    "љ": "lj",
    "њ": "nj",
    "ћ": "c",
    "џ": "dz",
    "ә": "a",
    "ғ": "gh",
    "қ": "q",
    "ң": "ng",
    "ө": "o",
    "ұ": "u",
    "ү": "u",
    "һ": "h",
    "ӊ": "ng",
}
CYR_SCHEMES: dict[str, dict[str, str]] = {
    # BGN/PCGN as English-language press uses it: Sergey Lavrov, Arkady Rotenberg.
    "BGN/PCGN": {},
    # The 'i' style of passports and many lists: Sergei, Arkadii, Iurii.
    "passport": {"й": "i", "ю": "iu", "я": "ia", "є": "ie", "ї": "i", "х": "kh"},
    # German and scholarly habits: Sergej, Jurij, Chruschtschow-like 'j' forms.
    "scholarly": {"й": "j", "ю": "ju", "я": "ja", "х": "ch", "ц": "c", "ж": "zh", "є": "je"},
    # Ukrainian national system: Volodymyr Zelenskyi, Oleksandr, Kharkiv.
    "Ukrainian": {"г": "h", "и": "y", "і": "i", "ї": "yi", "й": "i", "х": "kh", "щ": "shch"},
}
# Endings rendered by convention rather than letter by letter.
CYR_ENDINGS = {
    "BGN/PCGN": {"ий": "iy", "ый": "y"},
    "passport": {"ий": "ii", "ый": "yi"},
    "scholarly": {"ий": "ij", "ый": "yj"},
    "Ukrainian": {"ий": "yi"},
}

# The usual spellings of each family name, then the Revised Romanization one (Gim, Bak, I) that
# official documents use.
KOREAN_SURNAMES = {
    "김": ["kim", "gim"],
    "이": ["lee", "yi", "ri", "i"],
    "리": ["ri", "lee"],
    "박": ["park", "pak", "bak"],
    "최": ["choi", "choe"],
    "정": ["jung", "jeong", "chong"],
    "강": ["kang", "gang"],
    "조": ["cho", "jo"],
    "윤": ["yoon", "yun"],
    "장": ["jang", "chang"],
    "임": ["lim", "im"],
    "림": ["rim", "lim"],
    "한": ["han"],
    "오": ["oh", "o"],
    "서": ["seo", "suh"],
    "신": ["shin", "sin"],
    "권": ["kwon", "gwon"],
    "황": ["hwang"],
    "안": ["ahn", "an"],
    "송": ["song"],
    "류": ["ryu", "yoo"],
    "유": ["yoo", "yu"],
    "홍": ["hong"],
    "전": ["jeon", "chon"],
    "고": ["ko", "go"],
    "문": ["moon", "mun"],
    "양": ["yang"],
    "손": ["son"],
    "배": ["bae"],
    "백": ["baek", "paek"],
    "허": ["heo", "hur"],
    "노": ["roh", "no"],
    "남": ["nam"],
    "심": ["shim", "sim"],
    "주": ["joo", "ju"],
    "우": ["woo", "u"],
    "현": ["hyun", "hyeon"],
    "리용": ["ri yong"],
}


def read_by_syllable(text: str) -> bool:
    """Whether the text has Hanzi or Hangul, which are read here syllable by syllable, in every
    usual romanisation, so that a syllable of the name must match one of them."""
    return bool(HAN_RE.search(text) or HANGUL_RE.search(text))


def has_non_latin(text: str) -> bool:
    return bool(NON_LATIN_RE.search(text))


def _clean(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s'-]", " ", text).split())


def _pinyin_syllables(chars: str, style: str = "normal") -> list[str]:
    from pypinyin import Style, lazy_pinyin

    pinyin_style = Style.WADEGILES if style == "wade" else Style.NORMAL
    return [
        s.replace("'", "").replace("ü", "u").replace("v", "u") if style == "wade" else s.replace("ü", "v")
        for s in lazy_pinyin(chars, style=pinyin_style, errors="ignore")
    ]


def chinese_forms(name: str) -> list[tuple[str, str]]:
    """Pinyin forms of a Chinese personal name written in Hanzi."""
    if any(dot in name for dot in "·・•"):
        # A foreign name transcribed into Hanzi (贝拉克·奥巴马): one word per part.
        parts = [p for p in re.split(r"[·・•\s]+", name) if HAN_RE.search(p)]
        return [(" ".join("".join(_pinyin_syllables(p)) for p in parts), "Pinyin")]
    han = "".join(HAN_RE.findall(name))
    if not han or len(han) > 6:
        return []
    if han[:2] in COMPOUND_SURNAMES and len(han) > 2:
        surname, given_chars = COMPOUND_SURNAMES[han[:2]], han[2:]
    else:
        first = han[0]
        surname = SURNAME_READINGS.get(first) or "".join(_pinyin_syllables(first))
        given_chars = han[1:]
    given = _pinyin_syllables(given_chars)
    forms: list[tuple[str, str]] = []
    if not given:
        return [(surname, "Pinyin")]
    joined = "".join(given)
    forms.append((f"{surname} {joined}", "Pinyin"))
    forms.append((f"{joined} {surname}", "Pinyin, surname last"))
    if len(given) > 1:
        forms.append((f"{surname} {' '.join(given)}", "Pinyin, given name split"))
        forms.append((f"{surname} {'-'.join(given)}", "Pinyin, given name hyphenated"))
    wade = _pinyin_syllables(han, style="wade")
    if len(wade) == len(han) and han[:2] not in COMPOUND_SURNAMES:
        forms.append((f"{wade[0]} {'-'.join(wade[1:])}", "Wade-Giles"))
    return forms


def cyrillic_forms(name: str) -> list[tuple[str, str]]:
    forms: list[tuple[str, str]] = []
    lowered = name.lower()
    for scheme, overrides in CYR_SCHEMES.items():
        text = lowered
        for ending, latin in CYR_ENDINGS[scheme].items():
            text = re.sub(ending + r"\b", latin, text)
        out = []
        for i, char in enumerate(text):
            found = overrides.get(char, CYR_BASE.get(char))
            if found is None:
                out.append(char)
                continue
            latin = found
            # Word-initial е is 'ye' in BGN/PCGN (Yevgeny); after a vowel too (Sergeyev).
            if (
                char == "е"
                and scheme in {"BGN/PCGN", "passport"}
                and (i == 0 or not text[i - 1].isalpha() or text[i - 1] in "аеёиоуыэюяьъ")
            ):
                latin = "ye"
            out.append(latin)
        form = _clean(ascii_text("".join(out)) or "")
        if form and all(form != f for f, _ in forms):
            forms.append((form, f"Cyrillic transliteration ({scheme})"))
    return forms


RR_FINAL_RE = re.compile(r"(?<!n)[gbd]$")


def _rr_final(match: re.Match[str]) -> str:
    return {"g": "k", "b": "p", "d": "t"}[match.group(0)]


def korean_forms(name: str) -> list[tuple[str, str]]:
    tokens = name.split()
    syllables = HANGUL_RE.findall(name)
    if not syllables or len(syllables) > 5:
        return []
    if len(tokens) >= 2:
        surname_syl, given_syl = HANGUL_RE.findall(tokens[0]), HANGUL_RE.findall(" ".join(tokens[1:]))
    else:
        surname_syl, given_syl = syllables[:1], syllables[1:]
    surname_keys = KOREAN_SURNAMES.get("".join(surname_syl), [])
    surnames = surname_keys or ["".join((ascii_text(s) or "") for s in surname_syl)]
    # A syllable-final consonant as the Revised Romanization writes it (숙 'suk', not 'sug').
    given_rr = [RR_FINAL_RE.sub(_rr_final, (ascii_text(s) or "").replace("-", "")) for s in given_syl]

    def mr(s: str) -> str:  # Revised -> McCune-Reischauer-like vowels and initials
        s = s.replace("eo", "o").replace("eu", "u").replace("ae", "ae")
        return re.sub(r"^g", "k", re.sub(r"^d", "t", re.sub(r"^b", "p", re.sub(r"^j", "ch", s))))

    forms: list[tuple[str, str]] = []
    for surname in surnames[:4]:
        forms.append((f"{surname} {''.join(given_rr)}", "Korean romanisation"))
        if len(given_rr) > 1:
            forms.append((f"{surname} {'-'.join(given_rr)}", "Korean romanisation, hyphenated"))
            forms.append((f"{surname} {' '.join(given_rr)}", "Korean romanisation, split"))
            forms.append(
                (
                    f"{surname} {' '.join(given_rr)}".replace("eo", "o").replace("eu", "u"),
                    "North Korean romanisation",
                )
            )
        forms.append((f"{surname} {' '.join(mr(g) for g in given_rr)}", "McCune-Reischauer romanisation"))
    seen: set[str] = set()
    return [(f, m) for f, m in forms if not (f in seen or seen.add(f))]  # type: ignore[func-returns-value]


@lru_cache(maxsize=50000)
def latin_forms(name: str, person: bool = True) -> tuple[tuple[str, str], ...]:
    """Latin spellings of a name in another script, as (form, method) pairs; () for a Latin name."""
    if not has_non_latin(name):
        return ()
    text = unicodedata.normalize("NFC", name)
    forms: list[tuple[str, str]] = []
    if person and HAN_RE.search(text) and not KANA_RE.search(text) and not HANGUL_RE.search(text):
        forms.extend(chinese_forms(text))
    if CYRILLIC_RE.search(text):
        forms.extend(cyrillic_forms(text))
    if person and HANGUL_RE.search(text):
        forms.extend(korean_forms(text))
    if forms and CYRILLIC_RE.search(text):
        return tuple(forms)
    # A letter with no Latin equivalent (Arabic ayn) comes out as '?': drop it rather than split the word.
    general = _clean((ascii_text(text.replace("・", " ").replace("·", " ").replace("•", " ")) or "").replace("?", ""))
    if general and all(general != f for f, _ in forms):
        forms.append((general, "Kana romanisation" if KANA_RE.search(text) else "transliteration"))
    return tuple((f, m) for f, m in forms if f.strip())
