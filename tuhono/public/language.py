"""Marking te reo Māori in pages: `<span lang="mi">` around interface text that is in te reo (WCAG 3.1.2).

The translation tags (tuhono/public/templatetags/marked_i18n.py) mark each te reo string; here the marks in
text become spans, and marks inside a tag (an attribute) or in the title, where an element cannot go, are
dropped: the attribute is read in the page's language.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from .templatetags.marked_i18n import END, START

_TAG_OR_TITLE = re.compile(r"<title>.*?</title>|<option[^>]*>.*?</option>|<[^>]*>", re.S)


_WHOLE_OPTION = re.compile(f"<option([^>]*)>\\s*{START}([^{START}{END}<]*){END}\\s*</option>")


def mark_te_reo(html: str) -> str:
    if START not in html:
        return html
    # An option holds text only: the option itself is marked.
    html = _WHOLE_OPTION.sub(r'<option\1 lang="mi">\2</option>', html)
    out: list[str] = []
    position = 0
    for match in _TAG_OR_TITLE.finditer(html):
        out.append(_spans(html[position : match.start()]))
        out.append(match.group(0).replace(START, "").replace(END, ""))
        position = match.end()
    out.append(_spans(html[position:]))
    return "".join(out)


def _spans(text: str) -> str:
    return text.replace(START, '<span lang="mi">').replace(END, "</span>")


class MarkTeReoMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            not getattr(response, "streaming", False)
            and response.get("Content-Type", "").startswith("text/html")
            and START.encode() in response.content
        ):
            response.content = mark_te_reo(response.content.decode(response.charset or "utf-8")).encode(
                response.charset or "utf-8"
            )
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response
