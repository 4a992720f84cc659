"""Te reo Māori marked right (WCAG 3.1.2): only text in te reo carries lang="mi"; English stays English."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db

CATALOGUE = Path(__file__).resolve().parents[3] / "locale" / "mi" / "LC_MESSAGES" / "django.po"
PAGES = ["/partnerships/", "/partnerships/map/", "/partnerships/auckland-fukuoka/", "/privacy/", "/councils/auckland/"]


class LangTexts(HTMLParser):
    """The text directly inside each element, with the language it is marked in (inherited)."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, str]] = []
        self.texts: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        lang = dict(attrs).get("lang") or (self.stack[-1][1] if self.stack else "")
        self.stack.append((tag, lang))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if data.strip() and self.stack and self.stack[-1][0] not in ("script", "style"):
            self.texts.append((self.stack[-1][1], " ".join(data.split())))


def catalogue() -> dict[str, str]:
    """msgid -> msgstr of the te reo catalogue (singular entries)."""
    entries: dict[str, str] = {}
    for block in CATALOGUE.read_text(encoding="utf-8").split("\n\n"):
        fields: dict[str, str] = {}
        current = ""
        for line in block.splitlines():
            match = re.match(r'^(msgid|msgstr|msgid_plural|msgstr\[0\]) "(.*)"$', line)
            if match:
                current = match.group(1)
                fields[current] = match.group(2)
            elif line.startswith('"') and current:
                fields[current] += line[1:-1]
        if fields.get("msgid"):
            entries[fields["msgid"].replace('\\"', '"')] = fields.get("msgstr") or fields.get("msgstr[0]") or ""
    return entries


def english_template_strings() -> set[str]:
    """Interface text of the templates that is English in te reo mode too (no te reo translation)."""
    return {
        msgid
        for msgid, msgstr in catalogue().items()
        if (not msgstr or msgstr == msgid) and len(msgid) > 3 and "%" not in msgid
    }


def maori_page(client, path: str) -> str:
    client.cookies["django_language"] = "mi"
    return client.get(path).content.decode()


def test_in_te_reo_mode_no_element_marked_mi_holds_english_template_text(client, demo):
    english = english_template_strings()
    translated = {msgstr for msgid, msgstr in catalogue().items() if msgstr and msgstr != msgid and "%" not in msgstr}
    assert translated, "the catalogue has te reo translations"
    for path in PAGES:
        html = maori_page(client, path)
        assert '<html lang="en-NZ">' in html
        parser = LangTexts()
        parser.feed(html)
        marked_mi = [text for lang, text in parser.texts if lang == "mi"]
        assert marked_mi, f"{path}: no te reo marked"
        for text in marked_mi:
            leaked = [s for s in english if re.search(rf"\b{re.escape(s)}\b", text)]
            assert not leaked, f"{path}: English {leaked} inside lang=mi: {text!r}"
        # Each te reo interface string on the page is marked.
        english_parts = [text for lang, text in parser.texts if lang != "mi"]
        unmarked = [t for t in english_parts if t in translated]
        assert not unmarked, f"{path}: te reo not marked: {unmarked}"
        assert "\ue000" not in html and "\ue001" not in html


def test_bilingual_heading_marks_each_part(client, demo):
    html = maori_page(client, "/partnerships/")
    heading = re.search(r"<h1>(.*?)</h1>", html, re.S).group(1)
    assert '<span lang="mi">Ō mātou pātuitanga nō tāwāhi</span>' in heading
    english = client.get("/partnerships/", HTTP_COOKIE="django_language=en-nz").content.decode()
    heading = re.search(r"<h1>(.*?)</h1>", english, re.S).group(1)
    assert (
        '<span lang="mi">Ō mātou pātuitanga nō tāwāhi</span>' in heading and "Our international partnerships" in heading
    )
