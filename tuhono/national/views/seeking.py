"""Partner seeking: a public form, the list staff have published, and each entry's page where anyone
can express interest (the message goes to the desk; who sent it is never shown on a public page)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache

from tuhono.core.ratelimit import form_rate_limited
from tuhono.councils.models import Council, PartnerSeeking
from tuhono.councils.selectors import partner_seeking_list_public
from tuhono.councils.services import partner_seeking_submit
from tuhono.places.countries import country_code_for, geonames_countries
from tuhono.visits.services import interest_submit


def _country_choices() -> list[tuple[str, str]]:
    countries = sorted(
        ((code, country["name"]) for code, country in geonames_countries().items() if code != "NZ"), key=lambda c: c[1]
    )
    return [("", "Choose a country"), *countries]


class PartnerSeekingForm(forms.Form):
    who = forms.ChoiceField(
        label="Who is seeking a partner?",
        choices=PartnerSeeking.Who.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select who is seeking a partner"},
    )
    council = forms.ModelChoiceField(
        label="New Zealand council",
        queryset=Council.objects.filter(country_code="NZ", successor__isnull=True).order_by("name"),
        required=False,
        empty_label="Choose a council",
    )
    place_name = forms.CharField(label="City or region abroad", max_length=200, required=False)
    country = forms.ChoiceField(label="Country", choices=(), required=False)
    interests = forms.CharField(
        label="What would the partnership be about?",
        help_text="For example education, trade, culture, sport or climate.",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=2000,
        error_messages={"required": "Enter what the partnership would be about"},
    )
    contact_name = forms.CharField(label="Your name", max_length=200, error_messages={"required": "Enter your name"})
    contact_email = forms.EmailField(
        label="Email address",
        help_text="We use it only to reply. It is not published.",
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = _country_choices()  # type: ignore[attr-defined]

    def clean(self):  # type: ignore[no-untyped-def]
        data = super().clean() or {}
        who = data.get("who")
        if who == PartnerSeeking.Who.NZ_COUNCIL and not data.get("council"):
            self.add_error("council", "Select the New Zealand council")
        if who == PartnerSeeking.Who.ABROAD:
            if not (data.get("place_name") or "").strip():
                self.add_error("place_name", "Enter the city or region")
            if not data.get("country") or country_code_for(data.get("country", "")) is None:
                self.add_error("country", "Select the country")
        return data


def partner_seeking(request: HttpRequest) -> HttpResponse:
    form = PartnerSeekingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if form_rate_limited(request, "partner_seeking"):
            return render(request, "national/partner_seeking_too_many.html", status=429)
        data = form.cleaned_data
        try:
            partner_seeking_submit(
                who=data["who"],
                council=data.get("council"),
                place_name=data.get("place_name", ""),
                country_code=data.get("country") or "NZ",
                interests=data["interests"],
                contact_name=data["contact_name"],
                contact_email=data["contact_email"],
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, "Thank you: we have your request. Staff will read it before it is published.")
            return redirect("national:partner_seeking_thanks")
    return render(
        request,
        "national/partner_seeking.html",
        {"form": form, "seekings": list(partner_seeking_list_public())},
    )


def partner_seeking_thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "national/partner_seeking_thanks.html")


SESSION_INTEREST_DONE = "partner_seeking_interest_done"


class InterestForm(forms.Form):
    name = forms.CharField(
        label="Your full name",
        max_length=200,
        error_messages={
            "required": "Enter your full name",
            "max_length": "Enter a name of 200 characters or fewer",
        },
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    organisation = forms.CharField(
        label="Council, city or organisation",
        max_length=300,
        error_messages={
            "required": "Enter the council, city or organisation you write for",
            "max_length": "Enter an organisation of 300 characters or fewer",
        },
    )
    email = forms.EmailField(
        label="Email address",
        help_text="We use it only to reply. It is not published.",
        max_length=254,
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
            "max_length": "Enter an email address of 254 characters or fewer",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    message = forms.CharField(
        label="Your message",
        help_text="Who you are, and what a partnership could be about.",
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": "Enter your message",
            "max_length": "Enter a message of 3000 characters or fewer",
        },
    )
    # Left empty by people; filled in by robots that fill in every field.
    website = forms.CharField(
        label="Leave this field empty",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def describe_inputs(self) -> None:
        """Point each input at its hint and its error, so a screen reader reads them with it."""
        for name, field in self.fields.items():
            bound = self[name]
            described = [f"{bound.auto_id}-hint"] if field.help_text else []
            if self.is_bound and bound.errors:
                described.append(f"{bound.auto_id}-error")
                field.widget.attrs["aria-invalid"] = "true"
            if described:
                field.widget.attrs["aria-describedby"] = " ".join(described)


@never_cache
def seeking_entry(request: HttpRequest, pk: int) -> HttpResponse:
    """One published entry, and the form to express interest in it."""
    seeking = get_object_or_404(partner_seeking_list_public(), pk=pk)
    form = InterestForm(request.POST if request.method == "POST" else None)  # an empty POST shows its errors
    if request.method == "POST" and (form.data.get("website") or "").strip():
        request.session[SESSION_INTEREST_DONE] = {"pk": seeking.pk, "reference": ""}
        return redirect("national:partner_seeking_interest_sent", pk=seeking.pk)
    if request.method == "POST" and form.is_valid():
        if form_rate_limited(request, "partner_seeking_interest"):
            return render(request, "national/partner_seeking_too_many.html", status=429)
        data = form.cleaned_data
        try:
            message = interest_submit(
                seeking=seeking,
                name=data["name"],
                organisation=data["organisation"],
                email=data["email"],
                message=data["message"],
            )
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            request.session[SESSION_INTEREST_DONE] = {"pk": seeking.pk, "reference": message.reference}
            return redirect("national:partner_seeking_interest_sent", pk=seeking.pk)
    form.describe_inputs()
    return render(request, "national/partner_seeking_entry.html", {"seeking": seeking, "form": form})


@never_cache
def seeking_interest_sent(request: HttpRequest, pk: int) -> HttpResponse:
    done = request.session.get(SESSION_INTEREST_DONE)
    if not done or done.get("pk") != pk:
        return redirect("national:partner_seeking_entry", pk=pk)
    seeking = get_object_or_404(partner_seeking_list_public(), pk=pk)
    return render(request, "national/partner_seeking_interest_sent.html", {"seeking": seeking, "done": done})
