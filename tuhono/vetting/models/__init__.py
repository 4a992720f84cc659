"""Due diligence: who was screened, what matched, the risk assessment, advice, notices and decisions.

Everything here is confidential to the council's security officers and
approvers. What the public may see (the transparency register) is read
through one selector, `selectors.transparency_register`, which returns
public fields only.

Cases (a partnership, a visit, a mission) and the records that name a party
(a counterpart, a delegation member, a contacts-log entry) are referred to
generically by content type and primary key, so that vetting depends on the
other domains and never the other way round.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q

from ..enums import (
    Agency,
    AssessmentStatus,
    CaseKind,
    CounterpartRole,
    DecisionOutcome,
    GovernmentResponse,
    MatchStatus,
    NoticeStage,
    PartyOrigin,
    PartySchema,
    Rating,
    ScreeningStatus,
)


class Counterpart(models.Model):
    """A person or organisation on the other side of a partnership: an official, an intermediary."""

    council = models.ForeignKey("councils.Council", on_delete=models.PROTECT, related_name="+")
    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.PROTECT, related_name="+")
    role = models.CharField(max_length=16, choices=CounterpartRole.choices, default=CounterpartRole.OFFICIAL)
    schema = models.CharField(max_length=16, choices=PartySchema.choices, default=PartySchema.PERSON)
    name = models.CharField(max_length=300)
    aliases = models.JSONField(default=list, blank=True, help_text="Other spellings, the name in its own script")
    birth_date = models.CharField(max_length=10, blank=True, help_text="1970, 1970-05 or 1970-05-04")
    nationality = models.CharField(max_length=60, blank=True)
    position = models.CharField(max_length=300, blank=True, help_text="Office held, or the body they speak for")
    notes = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["partnership", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_role_display()})"


class ScreenedParty(models.Model):
    """One person or organisation named on a case, and where their screening stands."""

    council = models.ForeignKey("councils.Council", on_delete=models.PROTECT, related_name="+")
    origin = models.CharField(max_length=16, choices=PartyOrigin.choices)
    case_kind = models.CharField(max_length=16, choices=CaseKind.choices)
    case_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    case_id = models.PositiveBigIntegerField()
    case_label = models.CharField(max_length=300)
    subject_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    subject_id = models.PositiveBigIntegerField(null=True, blank=True)
    subject_key = models.CharField(
        max_length=80, blank=True, help_text="Which of the record's people: a contacts-log entry names several"
    )
    role_label = models.CharField(max_length=200, blank=True, help_text="How they appear on the case")
    schema = models.CharField(max_length=16, choices=PartySchema.choices, default=PartySchema.PERSON)
    name = models.CharField(max_length=300)
    aliases = models.JSONField(default=list, blank=True)
    birth_date = models.CharField(max_length=10, blank=True)
    nationality = models.CharField(max_length=60, blank=True)
    subject_hash = models.CharField(max_length=64, help_text="Of the screened details; a change needs a new screening")
    status = models.CharField(max_length=16, choices=ScreeningStatus.choices, default=ScreeningStatus.PENDING)
    screened_at = models.DateTimeField(null=True, blank=True)
    screened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    screened_against = models.ManyToManyField("watchlists.ListVersion", blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "screened parties"
        ordering = ["case_kind", "case_id", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["subject_type", "subject_id", "subject_key"],
                condition=Q(subject_id__isnull=False),
                name="vetting_party_once_per_subject",
                violation_error_message="This person or organisation is already on the screening list.",
            ),
            models.CheckConstraint(
                condition=Q(status="pending") | Q(screened_at__isnull=False),
                name="vetting_party_screened_has_time",
                violation_error_message="A screened party records when it was screened.",
            ),
        ]
        indexes = [models.Index(fields=["case_type", "case_id"]), models.Index(fields=["council", "status"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.case_label})"


class ScreeningMatch(models.Model):
    """A list entity a party matched, with the score and why, and what the security officer made of it."""

    party = models.ForeignKey(ScreenedParty, on_delete=models.PROTECT, related_name="matches")
    list_entity = models.ForeignKey("watchlists.ListEntity", on_delete=models.PROTECT, related_name="+")
    list_version = models.ForeignKey(
        "watchlists.ListVersion",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The list version that last changed the entity when it was scored",
    )
    source_name = models.CharField(max_length=120)
    entity_id = models.CharField(max_length=255)
    caption = models.CharField(max_length=500)
    matched_name = models.CharField(max_length=500, blank=True)
    topics = models.JSONField(default=list, blank=True)
    score = models.FloatField()
    explanation = models.TextField()
    content_hash = models.CharField(max_length=32, help_text="Of the entity as last scored")
    status = models.CharField(max_length=16, choices=MatchStatus.choices, default=MatchStatus.OPEN)
    first_matched_at = models.DateTimeField()
    last_scored_at = models.DateTimeField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(blank=True)
    dismissed_content_hash = models.CharField(
        max_length=32, blank=True, help_text="The entity as it was when dismissed; a change reopens the alert"
    )
    clearing = models.ForeignKey(
        "vetting.NamesakeClearing",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The namesake clearing this dismissal stands on",
    )
    review_note = models.CharField(
        max_length=300, blank=True, help_text="Why an alert cleared before is raised again for review"
    )

    class Meta:
        verbose_name_plural = "screening matches"
        ordering = ["-score", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["party", "list_entity"],
                name="vetting_match_once_per_entity",
                violation_error_message="This party already has a match on this list entity.",
            ),
            models.CheckConstraint(
                condition=~Q(status="dismissed") | (~Q(decision_reason="") & ~Q(dismissed_content_hash="")),
                name="vetting_dismissal_has_reason",
                violation_error_message="A dismissal gives its reason.",
            ),
            models.CheckConstraint(
                condition=Q(score__gte=0) & Q(score__lte=1),
                name="vetting_match_score_in_range",
                violation_error_message="A score lies between 0 and 1.",
            ),
        ]
        indexes = [models.Index(fields=["status"])]

    def __str__(self) -> str:
        return f"{self.party.name} ~ {self.caption} ({self.score:.2f})"


class Assessment(models.Model):
    """The foreign-interference risk assessment of one case, with the questionnaire's answers."""

    council = models.ForeignKey("councils.Council", on_delete=models.PROTECT, related_name="+")
    case_kind = models.CharField(max_length=16, choices=CaseKind.choices)
    case_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    case_id = models.PositiveBigIntegerField()
    case_label = models.CharField(max_length=300)
    answers = models.JSONField(default=dict, blank=True, help_text="question key -> {answer, notes}")
    rating = models.CharField(max_length=16, choices=Rating.choices, blank=True)
    rationale = models.TextField(blank=True)
    status = models.CharField(max_length=16, choices=AssessmentStatus.choices, default=AssessmentStatus.DRAFT)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft") | (~Q(rating="") & ~Q(rationale="")),
                name="vetting_assessment_submitted_is_rated",
                violation_error_message="Give a rating and its rationale before submitting the assessment.",
            ),
            models.UniqueConstraint(
                fields=["case_type", "case_id"],
                condition=Q(status__in=["draft", "submitted"]),
                name="vetting_one_open_assessment_per_case",
                violation_error_message="This case already has an assessment in progress.",
            ),
        ]
        indexes = [models.Index(fields=["case_type", "case_id"])]

    def __str__(self) -> str:
        return f"Assessment of {self.case_label}"


class Advice(models.Model):
    """Advice sought from an agency about a case: who, when, the reference and the answer."""

    assessment = models.ForeignKey(Assessment, on_delete=models.PROTECT, related_name="advice")
    agency = models.CharField(max_length=8, choices=Agency.choices)
    agency_name = models.CharField(max_length=200, blank=True, help_text="When the agency is 'other'")
    sought_on = models.DateField()
    reference = models.CharField(max_length=120, blank=True)
    question = models.TextField(blank=True)
    answered_on = models.DateField(null=True, blank=True)
    answer = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "advice"
        ordering = ["sought_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(agency="other") | ~Q(agency_name=""),
                name="vetting_advice_other_agency_named",
                violation_error_message="Name the agency.",
            ),
            models.CheckConstraint(
                condition=Q(answered_on__isnull=True) | Q(answered_on__gte=models.F("sought_on")),
                name="vetting_advice_answered_after_sought",
                violation_error_message="An answer cannot come before the advice was sought.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_agency_display()} {self.sought_on}"

    @property
    def agency_label(self) -> str:
        return self.agency_name if self.agency == Agency.OTHER else self.get_agency_display()


class Decision(models.Model):
    """An approver's decision on an assessed case, with a date to review it."""

    assessment = models.ForeignKey(Assessment, on_delete=models.PROTECT, related_name="decisions")
    outcome = models.CharField(max_length=32, choices=DecisionOutcome.choices)
    conditions = models.TextField(blank=True, help_text="Confidential: read only by the council's due-diligence staff")
    traveller_conditions = models.TextField(
        blank=True, help_text="Written for the travellers: shared with the visit's or partnership's team"
    )
    reason = models.TextField()
    review_on = models.DateField()
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField()

    class Meta:
        ordering = ["decided_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(outcome="proceed_with_conditions") | ~Q(conditions=""),
                name="vetting_decision_conditions_given",
                violation_error_message="State the conditions.",
            ),
            models.CheckConstraint(
                condition=~Q(reason=""),
                name="vetting_decision_has_reason",
                violation_error_message="Give the reason for the decision.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} ({self.decided_at:%Y-%m-%d})"


class Arrangement(models.Model):
    """The public face of a partnership or alliance as a foreign arrangement: its published agreement."""

    partnership = models.OneToOneField(
        "partnerships.Partnership", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    alliance = models.OneToOneField(
        "partnerships.Alliance", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    agreement_published = models.BooleanField(default=False)
    agreement_text = models.TextField(blank=True, help_text="The agreement as published")
    agreement_url = models.URLField(blank=True, help_text="Where the agreement is published")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(partnership__isnull=False, alliance__isnull=True)
                | Q(partnership__isnull=True, alliance__isnull=False),
                name="vetting_arrangement_is_partnership_or_alliance",
                violation_error_message="An arrangement is either a partnership or an alliance.",
            ),
            models.CheckConstraint(
                condition=Q(agreement_published=False) | ~Q(agreement_text="") | ~Q(agreement_url=""),
                name="vetting_published_agreement_has_text",
                violation_error_message="A published agreement needs its text or the address where it is published.",
            ),
        ]

    def __str__(self) -> str:
        return f"Arrangement: {self.partnership or self.alliance}"


class ArrangementNotice(models.Model):
    """A foreign-arrangement notice to government, before negotiating or after entering, and its response."""

    arrangement = models.ForeignKey(Arrangement, on_delete=models.PROTECT, related_name="notices")
    stage = models.CharField(max_length=24, choices=NoticeStage.choices)
    notified_on = models.DateField()
    recipient = models.CharField(max_length=200, default="Ministry of Foreign Affairs and Trade")
    reference = models.CharField(max_length=120, blank=True)
    response = models.CharField(max_length=16, choices=GovernmentResponse.choices, default=GovernmentResponse.NONE)
    response_on = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["notified_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["arrangement", "stage"],
                name="vetting_one_notice_per_stage",
                violation_error_message="This notice has already been recorded.",
            ),
            models.CheckConstraint(
                condition=Q(response_on__isnull=True) | Q(response_on__gte=models.F("notified_on")),
                name="vetting_notice_response_after_notice",
                violation_error_message="A response cannot come before the notice.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_stage_display()} notice {self.notified_on}"


class RescreenRun(models.Model):
    """Re-screening everyone against what one list version added, changed and removed."""

    list_version = models.OneToOneField("watchlists.ListVersion", on_delete=models.PROTECT, related_name="+")
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    entities_checked = models.PositiveIntegerField(default=0)
    parties_checked = models.PositiveIntegerField(default=0)
    matches_new = models.PositiveIntegerField(default=0)
    matches_reopened = models.PositiveIntegerField(default=0)
    matches_lapsed = models.PositiveIntegerField(default=0)
    # Progress, so a re-screen that stops (a restart, a crash) goes on from where it was.
    parties_total = models.PositiveIntegerField(default=0)
    last_party_id = models.BigIntegerField(default=0)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"Re-screen for {self.list_version}"


from .memory import NamesakeClearing, ScreeningRecord  # noqa: E402  (they refer to the models above)

__all__ = [
    "Advice",
    "Arrangement",
    "ArrangementNotice",
    "Assessment",
    "Counterpart",
    "Decision",
    "NamesakeClearing",
    "RescreenRun",
    "ScreenedParty",
    "ScreeningMatch",
    "ScreeningRecord",
]
