"""The filter form's <option> lists, written in Python: a national register offers hundreds of countries
and councils, and the template engine's loop over them took a large part of the list page's time."""

import functools
from collections.abc import Iterable
from typing import Any

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

SELECTED = mark_safe(" selected")  # nosec B308 - a constant attribute


@register.simple_tag
def select_options(choices: Iterable[tuple[Any, Any]], selected: Any) -> SafeString:
    """One <option> per (value, label), the chosen value marked selected; values and labels escaped."""
    chosen = "" if selected is None else str(selected)
    # Labels are read in the visitor's language here (the kinds' are lazy), then the escaped list is reused.
    options = _escaped(tuple((str(value), str(label)) for value, label in choices))
    return mark_safe(  # noqa: S308 - every value and label is escaped by _escaped  # nosec B308 B703
        "".join(
            f'<option value="{value}"{SELECTED if raw == chosen else ""}>{label}</option>'
            for raw, value, label in options
        )
    )


@functools.lru_cache(maxsize=64)
def _escaped(choices: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str, str], ...]:
    """The escaped values and labels of a choice list. The same few lists (the register's countries and
    councils, in each language) come back on every page: escaping hundreds of options each time took
    several milliseconds of every list and search page."""
    return tuple((value, conditional_escape(value), conditional_escape(label)) for value, label in choices)


@register.simple_tag
def focus_options(areas: Iterable[Any], selected: str) -> SafeString:
    return select_options(((area.slug, area.name) for area in areas), selected)


@register.simple_tag
def decade_options(decades: Iterable[int], selected: int | None) -> SafeString:
    return select_options(((decade, format_html("{}s", decade)) for decade in decades), selected)
