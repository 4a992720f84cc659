"""Which of a place's many alternate names are written in its own country's script.

GeoNames lists dozens of spellings per city (airport codes, romanisations, other languages' names);
a page shows the ones a local would write: 福岡市 for Fukuoka, 부산 for Busan, Москва for Moscow.
"""

from __future__ import annotations

import unicodedata

_COUNTRY_SCRIPTS: dict[str, frozenset[str]] = {}
for _codes, _scripts in (
    ("JP", {"CJK", "HIRAGANA", "KATAKANA"}),
    ("CN TW HK MO", {"CJK"}),
    ("KR KP", {"HANGUL"}),
    ("RU UA BY BG RS MK KZ KG MN TJ", {"CYRILLIC"}),
    ("GR CY", {"GREEK"}),
    ("IL", {"HEBREW"}),
    ("SA AE EG IQ IR JO LB SY YE OM QA KW BH MA DZ TN LY SD PK AF PS", {"ARABIC"}),
    ("TH", {"THAI"}),
    ("IN NP", {"DEVANAGARI"}),
    ("GE", {"GEORGIAN"}),
    ("AM", {"ARMENIAN"}),
    ("LA", {"LAO"}),
    ("KH", {"KHMER"}),
    ("MM", {"MYANMAR"}),
    ("LK", {"SINHALA"}),
    ("ET", {"ETHIOPIC"}),
):
    for _code in _codes.split():
        _COUNTRY_SCRIPTS[_code] = frozenset(_scripts)


def _scripts_of(text: str) -> set[str]:
    scripts = set()
    for char in text:
        if char.isalpha():
            name = unicodedata.name(char, "")
            scripts.add(name.split(" ")[0] if name else "")
    return scripts


def native_names(names: list[str], country_code: str, *, limit: int = 3) -> list[str]:
    """The alternate names written wholly in the country's own script, the most common form first."""
    wanted = _COUNTRY_SCRIPTS.get((country_code or "").upper())
    if not wanted:
        return []
    native = [name for name in dict.fromkeys(names) if (scripts := _scripts_of(name)) and scripts <= wanted]
    # Written forms before phonetic kana (福岡 before ふくおか), longer before shorter (福岡市 before 福岡).
    native.sort(key=lambda name: ("CJK" not in _scripts_of(name), -len(name)))
    return native[:limit]


# The language a page declares for those names (WCAG 3.1.2, language of parts).
_COUNTRY_LANGUAGE = {
    "JP": "ja",
    "CN": "zh-Hans",
    "SG": "zh-Hans",
    "TW": "zh-Hant",
    "HK": "zh-Hant",
    "MO": "zh-Hant",
    "KR": "ko",
    "KP": "ko",
    "RU": "ru",
    "UA": "uk",
    "BY": "be",
    "BG": "bg",
    "RS": "sr",
    "MK": "mk",
    "KZ": "kk",
    "KG": "ky",
    "MN": "mn",
    "TJ": "tg",
    "GR": "el",
    "CY": "el",
    "IL": "he",
    "IR": "fa",
    "AF": "ps",
    "PK": "ur",
    "TH": "th",
    "IN": "hi",
    "NP": "ne",
    "GE": "ka",
    "AM": "hy",
    "LA": "lo",
    "KH": "km",
    "MM": "my",
    "LK": "si",
    "ET": "am",
}


def native_language(country_code: str) -> str:
    code = (country_code or "").upper()
    if code in _COUNTRY_LANGUAGE:
        return _COUNTRY_LANGUAGE[code]
    return "ar" if "ARABIC" in _COUNTRY_SCRIPTS.get(code, ()) else ""
