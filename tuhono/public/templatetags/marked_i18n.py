"""Django's i18n template tags, with te reo Māori text marked as such.

In te reo mode the page stays `lang="en-NZ"` (the register's records are in English, and so is any interface
text not yet translated); each piece of interface text that is in te reo is marked, and
tuhono.public.language.MarkTeReoMiddleware turns the marks into `<span lang="mi">` (in text) or drops them
(inside a tag's attributes, in the title). Loaded in place of Django's own library as `{% load i18n %}`.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.templatetags import i18n as django_i18n
from django.utils import translation
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

START, END = "\ue000", "\ue001"
MAORI = "mi"

register = template.Library()
# Everything Django's library offers (get_current_language, language filters, ...).
register.tags.update(django_i18n.register.tags)
register.filters.update(django_i18n.register.filters)


def _is_maori() -> bool:
    return (translation.get_language() or "").split("-")[0] == MAORI


def _mark(text: str, english: str) -> str:
    if not text.strip() or text == english:
        return text
    marked = f"{START}{text}{END}"
    return mark_safe(marked) if isinstance(text, SafeString) else marked  # noqa: S308 - already escaped text  # nosec B308 B703


def marked_gettext(message: str) -> str:
    """`{% translate message %}` for Python that writes markup: escaped, and marked as the tag marks it."""
    text = conditional_escape(translation.gettext(message))
    if not _is_maori():
        return text
    with translation.override("en-nz"):
        english = conditional_escape(translation.gettext(message))
    return _mark(text, english)


class MarkedTranslateNode(template.Node):
    def __init__(self, node: Any) -> None:
        self.node = node

    def render(self, context: template.Context) -> str:
        text = self.node.render(context)
        if not _is_maori() or getattr(self.node, "asvar", None):
            return text
        with translation.override("en-nz"):
            english = self.node.render(context)
        return _mark(text, english)


@register.tag("translate")
@register.tag("trans")
def do_translate(parser: Any, token: Any) -> template.Node:
    return MarkedTranslateNode(django_i18n.do_translate(parser, token))


@register.tag("blocktranslate")
@register.tag("blocktrans")
def do_block_translate(parser: Any, token: Any) -> template.Node:
    return MarkedTranslateNode(django_i18n.do_block_translate(parser, token))
