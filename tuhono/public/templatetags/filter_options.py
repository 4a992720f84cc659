"""The filter form's <option> lists, written in Python: a national register offers hundreds of countries
and councils, and the template engine's loop over them took a large part of the list page's time."""

from collections.abc import Iterable
from typing import Any

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

SELECTED = mark_safe(" selected")  # nosec B308 - a constant attribute


@register.simple_tag
def select_options(choices: Iterable[tuple[Any, Any]], selected: Any) -> SafeString:
    """One <option> per (value, label), the chosen value marked selected; values and labels escaped."""
    chosen = "" if selected is None else str(selected)
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        ((value, SELECTED if str(value) == chosen else "", label) for value, label in choices),
    )


@register.simple_tag
def focus_options(areas: Iterable[Any], selected: str) -> SafeString:
    return select_options(((area.slug, area.name) for area in areas), selected)


@register.simple_tag
def decade_options(decades: Iterable[int], selected: int | None) -> SafeString:
    return select_options(((decade, format_html("{}s", decade)) for decade in decades), selected)
