"""Back-office forms for the register. They shape input; the partnerships and councils services decide."""

from __future__ import annotations

from typing import Any

from django import forms

from tuhono.core.dates import DatePrecision
from tuhono.core.forms import DateInput, country_choices
from tuhono.councils.models import Council, PartnerSeeking
from tuhono.partnerships.enums import AllianceKind, MilestoneKind, OwnerKind, PartnershipKind, PartnershipStatus
from tuhono.partnerships.models import FocusArea

from .forms import StaffForm


def _countries() -> list[tuple[str, str]]:
    return [("", "Select a country"), *country_choices()]


def _focus_names(value: str) -> list[str]:
    return [name.strip() for name in (value or "").split(",") if name.strip()]


class PartnershipForm(StaffForm):
    """Create (with the partner place) or edit (partner fixed) a partnership."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    place_name = forms.CharField(
        label="Partner place",
        max_length=200,
        help_text="Start typing the city's name: choose it from the list, or type the name and choose the country.",
        error_messages={"required": "Enter the partner place"},
        widget=forms.TextInput(attrs={"autocomplete": "off", "data-place-search": "", "spellcheck": "false"}),
    )
    place_country = forms.ChoiceField(label="Country of the partner place", choices=(), required=False)
    place_geonames_id = forms.IntegerField(widget=forms.HiddenInput, required=False)
    council = forms.ModelChoiceField(
        queryset=Council.objects.none(), empty_label=None, error_messages={"required": "Choose the council"}
    )
    kind = forms.ChoiceField(label="Kind of partnership", choices=PartnershipKind.choices)
    status = forms.ChoiceField(
        label="Status to begin with",
        choices=[(PartnershipStatus.ACTIVE, "Active"), (PartnershipStatus.PROPOSED, "Proposed")],
    )
    focus_areas = forms.ModelMultipleChoiceField(
        queryset=FocusArea.objects.order_by("name"), required=False, widget=forms.CheckboxSelectMultiple
    )
    new_focus_areas = forms.CharField(
        label="Other focus areas", help_text="Separate them with commas.", max_length=300, required=False
    )
    signed_on = forms.DateField(label="Signed on", widget=DateInput(), required=False)
    signed_precision = forms.ChoiceField(
        label="How precise is the signing date", choices=DatePrecision.choices, initial=DatePrecision.DAY
    )
    signed_basis = forms.CharField(
        label="What the signing date records",
        help_text="The signing, a council resolution, a letter: and where it is written down.",
        max_length=200,
        required=False,
    )
    ended_on = forms.DateField(label="Ended on", widget=DateInput(), required=False)
    ended_precision = forms.ChoiceField(
        label="How precise is the end date", choices=DatePrecision.choices, initial=DatePrecision.DAY
    )
    legacy_council = forms.ModelChoiceField(
        label="Begun by a former council",
        queryset=Council.objects.filter(successor__isnull=False),
        required=False,
        empty_label="None",
    )
    owner_kind = forms.ChoiceField(label="Held by", choices=OwnerKind.choices)
    owner_name = forms.CharField(label="Community association", max_length=200, required=False)
    partner_authority = forms.CharField(
        label="Partner's governing body",
        help_text="For example: Brisbane City Council.",
        max_length=200,
        required=False,
    )
    partner_website = forms.URLField(label="Partner's website", required=False, assume_scheme="https")
    summary = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    story = forms.CharField(label="Story", widget=forms.Textarea(attrs={"rows": 6}), required=False)
    source = forms.CharField(label="Source of this record", max_length=300, required=False)

    def __init__(self, *args: Any, councils: Any, creating: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.creating = creating
        fields: Any = self.fields
        fields["council"].queryset = councils
        fields["place_country"].choices = _countries()
        if not creating:
            for name in ("place_name", "place_country", "place_geonames_id", "council", "status"):
                del self.fields[name]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        place_unresolved = cleaned.get("place_name") and not cleaned.get("place_geonames_id")
        if self.creating and place_unresolved and not cleaned.get("place_country"):
            self.add_error("place_country", "Choose the country of the partner place")
        if cleaned.get("owner_kind") == OwnerKind.COMMUNITY and not cleaned.get("owner_name"):
            self.add_error("owner_name", "Name the community association that holds this partnership")
        return cleaned

    def service_fields(self) -> dict[str, Any]:
        """The cleaned values the partnership services take."""
        data = dict(self.cleaned_data)
        names = [area.name for area in data.pop("focus_areas", [])] + _focus_names(data.pop("new_focus_areas", ""))
        for name in ("version", "place_name", "place_country", "place_geonames_id", "council", "status"):
            data.pop(name, None)
        data["focus_areas"] = sorted(set(names))
        return data


class PlaceChoiceForm(forms.Form):
    """When a typed name is several places, the officer picks one."""

    place_choice = forms.ChoiceField(label="Which place do you mean?", widget=forms.RadioSelect)


class StatusChangeForm(StaffForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    status = forms.ChoiceField(label="New status", choices=PartnershipStatus.choices)
    changed_on = forms.DateField(
        label="Date of the change", widget=DateInput(), error_messages={"required": "Enter the date of the change"}
    )
    reason = forms.CharField(
        label="Reason",
        help_text="Why: it is kept in the partnership's history and the audit trail.",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Give a reason for the change of status"},
    )


class MilestoneForm(StaffForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    kind = forms.ChoiceField(choices=MilestoneKind.choices, initial=MilestoneKind.EVENT)
    occurred_on = forms.DateField(
        label="Date", widget=DateInput(), error_messages={"required": "Enter the date of the milestone"}
    )
    precision = forms.ChoiceField(label="How precise is the date", choices=DatePrecision.choices)
    title = forms.CharField(max_length=300, error_messages={"required": "Enter a title for the milestone"})
    description = forms.CharField(
        label="What happened and what came of it", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    participants = forms.IntegerField(label="Participants", min_value=0, required=False)
    value_nzd = forms.DecimalField(label="Value (NZD)", min_value=0, max_digits=14, decimal_places=2, required=False)
    published = forms.BooleanField(label="Show on the public page", required=False, initial=True)


class AllianceForm(StaffForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    name = forms.CharField(max_length=200, error_messages={"required": "Enter the name of the alliance or network"})
    kind = forms.ChoiceField(choices=AllianceKind.choices)
    summary = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    website = forms.URLField(required=False, assume_scheme="https")
    started_on = forms.DateField(label="Started on", widget=DateInput(), required=False)
    started_precision = forms.ChoiceField(label="How precise is the start date", choices=DatePrecision.choices)
    ended_on = forms.DateField(label="Ended on", widget=DateInput(), required=False)
    member_count = forms.IntegerField(
        label="Members in all", help_text="When only some members are listed here.", min_value=0, required=False
    )
    published = forms.BooleanField(label="Show on the public pages", required=False, initial=True)


class AllianceMemberForm(StaffForm):
    council = forms.ModelChoiceField(
        label="One of our councils", queryset=Council.objects.filter(successor__isnull=True), required=False
    )
    place_name = forms.CharField(label="Or a place abroad", max_length=200, required=False)
    place_country = forms.ChoiceField(label="Country of the place abroad", choices=(), required=False)
    joined_on = forms.DateField(label="Joined on", widget=DateInput(), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["place_country"].choices = _countries()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        has_council, has_place = bool(cleaned.get("council")), bool(cleaned.get("place_name"))
        if has_council == has_place:
            self.add_error("council", "Choose one of our councils, or name a place abroad (not both)")
        elif has_place and not cleaned.get("place_country"):
            self.add_error("place_country", "Choose the country of the place abroad")
        return cleaned


class PartnerSeekingForm(StaffForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    who = forms.ChoiceField(label="Who seeks a partner", choices=PartnerSeeking.Who.choices, widget=forms.RadioSelect)
    council = forms.ModelChoiceField(queryset=Council.objects.none(), required=False, empty_label="Choose a council")
    place_name = forms.CharField(label="City or region abroad", max_length=200, required=False)
    country_code = forms.ChoiceField(label="Country", choices=(), required=False)
    interests = forms.CharField(
        label="What the partnership would be about",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say what the partnership would be about"},
    )
    contact_name = forms.CharField(max_length=200, error_messages={"required": "Enter the contact's name"})
    contact_email = forms.EmailField(
        error_messages={"required": "Enter the contact's email address", "invalid": "Enter a valid email address"}
    )

    def __init__(self, *args: Any, councils: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["council"].queryset = councils
        fields["country_code"].choices = _countries()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("who") == PartnerSeeking.Who.NZ_COUNCIL and not cleaned.get("council"):
            self.add_error("council", "Choose the council that seeks a partner")
        if cleaned.get("who") == PartnerSeeking.Who.ABROAD:
            if not cleaned.get("place_name"):
                self.add_error("place_name", "Name the city or region that seeks a partner")
            if not cleaned.get("country_code"):
                self.add_error("country_code", "Choose the country")
        return cleaned
