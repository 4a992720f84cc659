"""Back-office forms. They only shape input; the visit services decide and record."""

from __future__ import annotations

from typing import Any

from django import forms

from tuhono.core.forms import DateInput, GovukFormMixin, country_choices
from tuhono.visits.enums import (
    DeskStatus,
    GiftDirection,
    GiftKind,
    Initiator,
    ItineraryKind,
    Payer,
    SensitiveCategory,
    VisitKind,
    VisitState,
)
from tuhono.visits.models import ContactLogEntry, Visit, VisitParty
from tuhono.visits.services.records import VISIT_EDITABLE_FIELDS


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M")


def _countries(required: bool) -> list[tuple[str, str]]:
    return [("", "Select a country"), *country_choices()]


class StaffForm(GovukFormMixin, forms.Form):
    pass


class StaffModelForm(GovukFormMixin, forms.ModelForm):
    pass


class VisitForm(StaffModelForm):
    class Meta:
        model = Visit
        fields = list(VISIT_EDITABLE_FIELDS)
        widgets = {
            "proposed_start": DateInput(),
            "proposed_end": DateInput(),
            "purpose": forms.Textarea(attrs={"rows": 4}),
            "sites_requested": forms.Textarea(attrs={"rows": 3}),
            "hosts": forms.Textarea(attrs={"rows": 2}),
            "cost_notes": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, partnerships: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country_code"] = forms.ChoiceField(label="Country", choices=_countries(True))
        fields: Any = self.fields
        fields["partnership"].queryset = partnerships
        self.fields["partnership"].required = False

    def _post_clean(self) -> None:
        # The service validates the model; this form only shapes input.
        pass


class PartyForm(StaffModelForm):
    class Meta:
        model = VisitParty
        fields = ["kind", "name", "name_original", "role", "organisation", "nationality", "date_of_birth"]
        widgets = {"date_of_birth": DateInput()}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["nationality"] = forms.ChoiceField(label="Nationality", choices=_countries(False), required=False)

    def _post_clean(self) -> None:
        pass


class ItineraryItemForm(StaffForm):
    kind = forms.ChoiceField(choices=ItineraryKind.choices)
    title = forms.CharField(max_length=300)
    starts_at = forms.DateTimeField(label="Starts at", required=False, widget=DateTimeInput())
    location = forms.CharField(max_length=300, required=False)
    hosts = forms.CharField(max_length=300, required=False)
    sensitive_categories = forms.MultipleChoiceField(
        label="Sensitive: the site touches",
        choices=SensitiveCategory.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)


class CostForm(StaffForm):
    description = forms.CharField(max_length=300)
    amount_nzd = forms.DecimalField(label="Amount (NZD)", min_value=0, max_digits=12, decimal_places=2)
    paid_by = forms.ChoiceField(choices=Payer.choices)


class GiftForm(StaffForm):
    direction = forms.ChoiceField(choices=GiftDirection.choices)
    kind = forms.ChoiceField(choices=GiftKind.choices)
    description = forms.CharField(max_length=300)
    counterpart = forms.CharField(label="Offered by, or given to", max_length=300)
    value_nzd = forms.DecimalField(
        label="Estimated value (NZD)", min_value=0, max_digits=12, decimal_places=2, required=False
    )
    accepted = forms.BooleanField(required=False, initial=True)


class BriefingForm(StaffForm):
    briefed_on = forms.DateField(widget=DateInput())
    attendees = forms.CharField(label="Who was briefed", widget=forms.Textarea(attrs={"rows": 2}))
    devices = forms.CharField(
        label="Devices",
        help_text="Clean devices issued, or advice on devices.",
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    contacts_expected = forms.CharField(
        label="Contacts to expect", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    advice = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)


class ContactReportForm(StaffForm):
    people_met = forms.CharField(label="Whom the mission met", widget=forms.Textarea(attrs={"rows": 4}))
    has_concern = forms.BooleanField(label="Something of concern happened", required=False)
    concerns = forms.CharField(label="What happened", widget=forms.Textarea(attrs={"rows": 4}), required=False)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("has_concern") and not cleaned.get("concerns"):
            self.add_error("concerns", "Describe the concern")
        return cleaned


class TriageForm(StaffForm):
    kind = forms.ChoiceField(label="Kind of visit", choices=VisitKind.choices)
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)


class NoteForm(StaffForm):
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)


class DeclineForm(StaffForm):
    reason = forms.CharField(
        label="Reason for declining",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Give the reason for declining the visit"},
    )


class ScheduleForm(StaffForm):
    starts_on = forms.DateField(label="Confirmed first day", widget=DateInput())
    ends_on = forms.DateField(label="Confirmed last day", widget=DateInput())
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)


class ReportForm(StaffForm):
    report = forms.CharField(
        label="What came of the visit",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Write what came of the visit"},
    )


TRANSITION_FORMS: dict[str, type[StaffForm]] = {
    "triage": TriageForm,
    "send_to_vetting": NoteForm,
    "approve": NoteForm,
    "decline": DeclineForm,
    "schedule": ScheduleForm,
    "complete": NoteForm,
    "report": ReportForm,
}


class VisitFilterForm(forms.Form):
    q = forms.CharField(label="Search", required=False)
    state = forms.ChoiceField(choices=[("", "Any state"), *VisitState.choices], required=False)
    kind = forms.ChoiceField(choices=[("", "Any kind"), *VisitKind.choices], required=False)


class ContactLogEntryForm(StaffModelForm):
    class Meta:
        model = ContactLogEntry
        fields = ["occurred_on", "people", "organisation", "topic", "initiated_by", "intermediary", "offered", "notes"]
        widgets = {
            "occurred_on": DateInput(),
            "people": forms.Textarea(attrs={"rows": 3}),
            "offered": forms.Textarea(attrs={"rows": 2}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["initiated_by"].choices = Initiator.choices

    def _post_clean(self) -> None:
        pass


class DeskHandleForm(StaffForm):
    """Status and owner of an enquiry or feedback; a visit request's status is its workflow, so only its owner."""

    status = forms.ChoiceField(label="Status", choices=DeskStatus.choices)
    owner: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Owner", queryset=None, required=False, empty_label="Nobody yet"
    )

    def __init__(self, *args: Any, staff: Any, with_status: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        owner: Any = self.fields["owner"]
        owner.queryset = staff
        owner.label_from_instance = lambda user: user.get_full_name() or user.username
        if not with_status:
            del self.fields["status"]


class DeskReplyForm(StaffForm):
    subject = forms.CharField(label="Subject", max_length=300)
    body = forms.CharField(
        label="Your reply",
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text="Sent by email from Tūhono, with the reference, and kept with the record.",
    )
