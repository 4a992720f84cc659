"""Back-office forms for due diligence. They only shape input; the vetting services decide and record."""

from __future__ import annotations

from typing import Any

from django import forms

from tuhono.core.forms import DateInput
from tuhono.staff.forms import StaffForm
from tuhono.vetting.enums import Agency, CounterpartRole, DecisionOutcome, GovernmentResponse, NoticeStage, PartySchema


class CounterpartForm(StaffForm):
    name = forms.CharField(max_length=300, label="Name in Latin letters")
    aliases = forms.CharField(
        required=False,
        label="Other names",
        help_text="One a line: the name in its own script (王伟, Иван Петров), other spellings.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    role = forms.ChoiceField(choices=CounterpartRole.choices)
    schema = forms.ChoiceField(choices=PartySchema.choices, label="Person or organisation")
    birth_date = forms.CharField(required=False, max_length=10, label="Date of birth", help_text="1970, or 1970-05-04")
    nationality = forms.CharField(required=False, max_length=60, help_text="Country code or name")
    position = forms.CharField(required=False, max_length=300, label="Office held or body represented")


class ReasonForm(StaffForm):
    reason = forms.CharField(
        label="Reason",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What makes this the same (or not the same) person or organisation: date of birth, office, photo.",
    )


class WithdrawalForm(StaffForm):
    reason = forms.CharField(
        label="Why the clearing is withdrawn",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        help_text="What showed that this may be the listed person after all (kept confidential).",
    )


class AdviceForm(StaffForm):
    agency = forms.ChoiceField(choices=Agency.choices)
    agency_name = forms.CharField(required=False, max_length=200, label="Agency name (if other)")
    sought_on = forms.DateField(widget=DateInput(), label="Date advice was sought")
    reference = forms.CharField(required=False, max_length=120)
    question = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}), label="What was asked")
    answered_on = forms.DateField(required=False, widget=DateInput(), label="Date of the answer")
    answer = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 4}))


class NoticeForm(StaffForm):
    stage = forms.ChoiceField(choices=NoticeStage.choices, label="Notice")
    notified_on = forms.DateField(widget=DateInput(), label="Date notified")
    recipient = forms.CharField(max_length=200, initial="Ministry of Foreign Affairs and Trade")
    reference = forms.CharField(required=False, max_length=120)
    response = forms.ChoiceField(choices=GovernmentResponse.choices, label="Government's response")
    response_on = forms.DateField(required=False, widget=DateInput(), label="Date of the response")
    notes = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ArrangementForm(StaffForm):
    agreement_published = forms.BooleanField(required=False, label="The agreement is published")
    agreement_url = forms.URLField(required=False, assume_scheme="https", label="Address where it is published")
    agreement_text = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 8}), label="Agreement text")


class DecisionForm(StaffForm):
    outcome = forms.ChoiceField(choices=DecisionOutcome.choices, label="Decision")
    conditions = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Conditions (confidential)",
        help_text="Read only by this council's security officers and approvers.",
    )
    traveller_conditions = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Conditions for the travellers (shared with the visit's team)",
        help_text="The visit's team reads this with the outcome. Write nothing confidential.",
    )
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), label="Reason (confidential)")
    review_on = forms.DateField(widget=DateInput(), label="Review date")


class RecordPeriodForm(StaffForm):
    date_from = forms.DateField(required=False, widget=DateInput(), label="Screened from")
    date_to = forms.DateField(required=False, widget=DateInput(), label="Screened to", help_text="Both days included")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", "The end of the period comes before its start.")
        return data
