"""The public list's partnership cards, written in Python: fifty cards through the template engine (a
variable lookup, a URL and a translation each at a time) took most of an uncached list page's time. The
markup is the one the template wrote, to the character; te reo text is marked as {% translate %} marks it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import template
from django.urls import reverse
from django.utils.formats import localize
from django.utils.html import conditional_escape as esc
from django.utils.safestring import SafeString, mark_safe

from .marked_i18n import marked_gettext

register = template.Library()


@register.simple_tag
def partnership_cards(partnerships: Iterable[Any], council_filter: str) -> SafeString:
    """The <li> cards of these partnerships (from partnerships.paging: partner and council loaded, with
    `last_resigned_on` and `focus_area_names`). A list filtered to one council does not repeat its name."""
    signed, resigned = marked_gettext("signed"), marked_gettext("re-signed")
    focus_label = marked_gettext("Focus areas")
    detail = reverse("public:partnership_detail", args=["-"])[:-2]  # the address up to the slug
    parts = []
    for p in partnerships:
        partner = p.partner
        where = f", {esc(partner.country_name)}" if partner.kind != "country" else ""
        when = ""
        if p.signed_year:
            when = f" · {signed} {esc(localize(p.signed_year))}"
        elif p.last_resigned_on:
            when = f" · {resigned} {esc(localize(p.last_resigned_on.year))}"
        council = f" · {esc(p.council.name)}" if not council_filter else ""
        status = f" · <strong>{esc(p.get_status_display())}</strong>" if p.status != "active" else ""
        summary = f"<p>{esc(p.summary)}</p>" if p.summary else ""
        tags = ""
        if p.focus_area_names:
            items = "".join(f"<li>{esc(name)}</li>" for name in p.focus_area_names)
            tags = f'<ul class="tags" aria-label="{focus_label}">{items}</ul>'
        parts.append(
            f'\n    <li class="partnership-card">\n'
            f'      <h4><a href="{detail}{esc(p.slug)}/">{esc(partner.name)}{where}</a></h4>\n'
            f'      <p class="meta">\n'
            f"        {esc(p.get_kind_display())}{when}\n"
            f"        {council}\n"
            f"        {status}\n"
            f"      </p>\n"
            f"      {summary}\n"
            f"      {tags}\n"
            f"    </li>\n    "
        )
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped  # nosec B308 B703
