from django.db import models


class CaseKind(models.TextChoices):
    """What a due-diligence case is about."""

    PARTNERSHIP = "partnership", "Proposed partnership"
    VISIT = "visit", "Visit"
    MISSION = "mission", "Mission"


class PartyOrigin(models.TextChoices):
    """Where a screened person or organisation was named."""

    COUNTERPART = "counterpart", "Partnership counterpart"
    VISIT_PARTY = "visit_party", "Visit party or delegation member"
    CONTACT = "contact", "Contacts log"
    OTHER = "other", "Other"


class CounterpartRole(models.TextChoices):
    OFFICIAL = "official", "Counterpart official"
    INTERMEDIARY = "intermediary", "Intermediary"
    ORGANISATION = "organisation", "Counterpart organisation"
    OTHER = "other", "Other"


class PartySchema(models.TextChoices):
    """The FollowTheMoney schema a party is screened as."""

    PERSON = "Person", "Person"
    ORGANIZATION = "Organization", "Organisation"


class ScreeningStatus(models.TextChoices):
    """Where a party's screening stands."""

    PENDING = "pending", "Not yet screened"
    CLEAR = "clear", "Clear"
    ALERT = "alert", "Open alert"
    CONFIRMED = "confirmed", "Confirmed match"


class MatchStatus(models.TextChoices):
    """Where one match against a list entity stands."""

    OPEN = "open", "Open alert"
    CONFIRMED = "confirmed", "Confirmed (true match)"
    DISMISSED = "dismissed", "Dismissed (false match)"
    LAPSED = "lapsed", "Lapsed (no longer matches or no longer listed)"
    BELOW_THRESHOLD = "below_threshold", "Below the alert threshold"


class Rating(models.TextChoices):
    LOW = "low", "Low"
    MEDIUM = "medium", "Medium"
    HIGH = "high", "High"
    CRITICAL = "critical", "Critical"


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted for decision"
    DECIDED = "decided", "Decided"


class Agency(models.TextChoices):
    MFAT = "mfat", "Ministry of Foreign Affairs and Trade (MFAT)"
    NZSIS = "nzsis", "New Zealand Security Intelligence Service (NZSIS)"
    OTHER = "other", "Other agency"


class DecisionOutcome(models.TextChoices):
    PROCEED = "proceed", "Proceed"
    PROCEED_WITH_CONDITIONS = "proceed_with_conditions", "Proceed with conditions"
    DECLINE = "decline", "Decline"
    SUSPEND = "suspend", "Suspend"
    END = "end", "End"


# What leaves due diligence about a decision: the outcome in neutral words, never the reason.
OUTCOME_LABELS: dict[str, str] = {
    DecisionOutcome.PROCEED: "Cleared after due diligence",
    DecisionOutcome.PROCEED_WITH_CONDITIONS: "Cleared after due diligence with conditions for the travellers",
    DecisionOutcome.DECLINE: "Declined after due diligence",
    DecisionOutcome.SUSPEND: "Suspended after due diligence",
    DecisionOutcome.END: "Ended after due diligence",
}


class NoticeStage(models.TextChoices):
    """Australia's Foreign Arrangements Scheme asks for two notices."""

    BEFORE_NEGOTIATION = "before_negotiation", "Before negotiating"
    AFTER_ENTRY = "after_entry", "After entering the arrangement"


class GovernmentResponse(models.TextChoices):
    """What government did with a notice (public on the transparency register)."""

    NONE = "none", "No response yet"
    NO_OBJECTION = "no_objection", "No objection"
    VARIED = "varied", "Asked for changes"
    STOPPED = "stopped", "Stopped the arrangement"
    ENDED = "ended", "Ended the arrangement"


class ScreeningTrigger(models.TextChoices):
    """Why a screening ran: kept on each screening record."""

    ADDED = "added", "Named on a case, or their details changed"
    REQUESTED = "requested", "Screened again on request"
    SWEEP = "sweep", "Screening sweep of unscreened parties"
    LIST_VERSION = "list_version", "Re-screened after a new list version"
    CLEARING_EXPIRED = "clearing_expired", "Re-screened because a namesake clearing expired"


class RecordOutcome(models.TextChoices):
    """What one screening found, as recorded at the time."""

    NO_MATCH = "no_match", "No match"
    ALERTS_RAISED = "alerts_raised", "Alert raised or still open"
    CLEARED = "cleared", "Cleared by an existing clearing or dismissal"
    CONFIRMED = "confirmed", "A confirmed match"
