"""Public forms (GOV.UK pattern): each error names the field and says how to put it right."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from django import forms
from django.utils import timezone

from tuhono.core.forms import DateInput, GovukFormMixin, country_choices
from tuhono.partnerships.models import Partnership


@functools.cache
def _honeypot() -> forms.CharField:
    return forms.CharField(
        label="Leave this field empty",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )


class VisitRequestForm(GovukFormMixin, forms.Form):
    organisation = forms.CharField(
        label="Name of your organisation",
        max_length=300,
        error_messages={"required": "Enter the name of your organisation"},
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    country = forms.ChoiceField(
        label="Country",
        error_messages={"required": "Select the country your delegation comes from"},
    )
    city = forms.CharField(label="City or region", max_length=200, required=False)
    partnership = forms.ModelChoiceField(
        label="Partnership with our city, if any",
        queryset=Partnership.objects.none(),
        required=False,
        empty_label="None, or not sure",
    )
    purpose = forms.CharField(
        label="Purpose of the visit",
        help_text="What your delegation hopes to learn or achieve, and whom it would like to meet.",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Enter the purpose of the visit"},
    )
    topics = forms.CharField(
        label="Topics", help_text="For example: urban planning, transport, tourism.", max_length=500, required=False
    )
    proposed_start = forms.DateField(
        label="First day of the visit",
        help_text="For example, 14/09/2027.",
        widget=DateInput(),
        error_messages={"required": "Enter the first day of the visit", "invalid": "Enter a real date"},
    )
    proposed_end = forms.DateField(
        label="Last day of the visit",
        widget=DateInput(),
        error_messages={"required": "Enter the last day of the visit", "invalid": "Enter a real date"},
    )
    sites_requested = forms.CharField(
        label="Sites you wish to visit",
        help_text="Places or facilities, one a line. We cannot always arrange visits to operational sites.",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    contact_name = forms.CharField(
        label="Contact person's full name",
        max_length=200,
        error_messages={"required": "Enter the contact person's full name"},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    contact_email = forms.EmailField(
        label="Contact email address",
        help_text="We will send the confirmation to this address.",
        error_messages={
            "required": "Enter the contact email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    contact_phone = forms.CharField(
        label="Contact phone number (optional)",
        max_length=50,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    website = _honeypot()

    def __init__(self, *args: Any, council: Any, notice_weeks: int, today: dt.date | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.notice_weeks = notice_weeks
        self.today = today or timezone.localdate()
        fields: Any = self.fields
        fields["country"].choices = [("", "Select a country"), *country_choices()]
        fields["partnership"].queryset = (
            Partnership.objects.published().filter(council=council).select_related("partner")
        )
        fields["partnership"].label_from_instance = lambda p: f"{p.partner.name} ({p.partner.country_name})"

    def clean_proposed_start(self) -> dt.date:
        start = self.cleaned_data["proposed_start"]
        earliest = self.today + dt.timedelta(weeks=self.notice_weeks)
        if start < earliest:
            raise forms.ValidationError(
                f"The first day of the visit must be on or after {earliest:%-d %B %Y}: "
                f"we need {self.notice_weeks} weeks' notice"
            )
        return start

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("proposed_start"), cleaned.get("proposed_end")
        if start and end and end < start:
            self.add_error("proposed_end", "The last day of the visit must be the same as or after the first day")
        return cleaned


class MemberForm(GovukFormMixin, forms.Form):
    name_original = forms.CharField(
        label="Name as written in their own language",
        help_text="For example 李伟 or Иван Петров. Leave empty if the same as below.",
        max_length=300,
        required=False,
    )
    name = forms.CharField(
        label="Name in Latin letters",
        max_length=300,
        error_messages={"required": "Enter the member's name in Latin letters"},
    )
    role = forms.CharField(label="Role or job title", max_length=200, required=False)
    organisation = forms.CharField(label="Organisation", max_length=300, required=False)
    nationality = forms.ChoiceField(label="Nationality", required=False)
    date_of_birth = forms.DateField(
        label="Date of birth (optional)",
        required=False,
        widget=DateInput(),
        error_messages={"invalid": "Enter a real date of birth"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["nationality"].choices = [("", "Select a country"), *country_choices()]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("name_original") and not cleaned.get("name") and "name" not in self.errors:
            self.add_error("name", "Enter the member's name in Latin letters")
        dob = cleaned.get("date_of_birth")
        if dob and dob >= timezone.localdate():
            self.add_error("date_of_birth", "The date of birth must be in the past")
        return cleaned


class BaseMemberFormSet(forms.BaseFormSet):
    def __init__(self, *args: Any, max_members: int = 20, **kwargs: Any) -> None:
        self.max_members = max_members
        super().__init__(*args, **kwargs)

    def filled_forms(self) -> list[MemberForm]:
        return [form for form in self.forms if form.has_changed()]

    def clean(self) -> None:
        if any(self.errors):
            return
        count = len(self.filled_forms())
        if count == 0:
            raise forms.ValidationError("Enter at least one member of the delegation")
        if count > self.max_members:
            raise forms.ValidationError(f"A delegation can have up to {self.max_members} members: you listed {count}")

    def error_links(self) -> list[tuple[str, str]]:
        links = []
        for message in self.non_form_errors():
            links.append((self.forms[0]["name"].auto_id if self.forms else "members", str(message)))
        for index, form in enumerate(self.forms, start=1):
            for element_id, message in form.error_links():
                links.append((element_id, f"Member {index}: {message}"))
        return links

    def members(self) -> list[dict[str, Any]]:
        result = []
        for form in self.filled_forms():
            data = dict(form.cleaned_data)
            data["nationality"] = data.get("nationality") or ""
            data["name_original"] = data.get("name_original") or ""
            result.append(data)
        return result


MEMBER_ROWS = 3
MemberFormSet: Any = forms.formset_factory(
    MemberForm, formset=BaseMemberFormSet, extra=MEMBER_ROWS, max_num=60, absolute_max=60, validate_max=True
)


class EnquiryForm(GovukFormMixin, forms.Form):
    name = forms.CharField(
        label="Your full name",
        max_length=200,
        error_messages={"required": "Enter your full name"},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label="Email address",
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    organisation = forms.CharField(label="Organisation (optional)", max_length=300, required=False)
    country = forms.ChoiceField(label="Country (optional)", required=False)
    subject = forms.CharField(
        label="Subject", max_length=300, error_messages={"required": "Enter the subject of your enquiry"}
    )
    message = forms.CharField(
        label="Your enquiry",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        error_messages={"required": "Enter your enquiry"},
    )
    website = _honeypot()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["country"].choices = [("", "Select a country"), *country_choices()]


class FeedbackForm(GovukFormMixin, forms.Form):
    helpful = forms.ChoiceField(
        label="Did you find what you were looking for?",
        choices=[("yes", "Yes"), ("no", "No"), ("partly", "Partly")],
        widget=forms.RadioSelect,
        required=False,
    )
    message = forms.CharField(
        label="How can we improve this website?",
        help_text="Do not include personal or financial information.",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=3000,
        error_messages={"required": "Enter your feedback"},
    )
    email = forms.EmailField(
        label="Email address (optional)",
        help_text="Only if you would like a reply.",
        required=False,
        error_messages={"invalid": "Enter an email address in the correct format, like name@example.com"},
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    page = forms.CharField(required=False, widget=forms.HiddenInput, max_length=500)
    website = _honeypot()
