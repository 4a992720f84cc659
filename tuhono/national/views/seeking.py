"""Partner seeking: a public form, and the list staff have published."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from tuhono.core.ratelimit import form_rate_limited
from tuhono.councils.models import Council, PartnerSeeking
from tuhono.councils.selectors import partner_seeking_list_public
from tuhono.councils.services import partner_seeking_submit
from tuhono.places.countries import _countries, country_code_for


def _country_choices() -> list[tuple[str, str]]:
    countries = sorted(
        ((code, country["name"]) for code, country in _countries().items() if code != "NZ"), key=lambda c: c[1]
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
