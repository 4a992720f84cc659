from django.db import models


class VisitKind(models.TextChoices):
    INCOMING = "incoming", "Incoming delegation or study visit"
    OFFICIAL = "official", "Official or diplomatic visit to the mayor's office"
    OUTGOING = "outgoing", "Outgoing trade mission or delegation"


class VisitState(models.TextChoices):
    RECEIVED = "received", "Received"
    TRIAGED = "triaged", "Triaged"
    VETTING = "vetting", "In vetting"
    APPROVED = "approved", "Approved"
    DECLINED = "declined", "Declined"
    SCHEDULED = "scheduled", "Scheduled"
    COMPLETED = "completed", "Completed"
    REPORTED = "reported", "Reported"


class VisitSource(models.TextChoices):
    PUBLIC_REQUEST = "public_request", "Request from the public website"
    STAFF = "staff", "Recorded by staff"


class PartyKind(models.TextChoices):
    PERSON = "person", "Person"
    ORGANISATION = "organisation", "Organisation"


class ItineraryKind(models.TextChoices):
    MEETING = "meeting", "Meeting"
    SITE_VISIT = "site_visit", "Site visit"
    HOSPITALITY = "hospitality", "Meal or reception"
    OTHER = "other", "Other"


class SensitiveCategory(models.TextChoices):
    PORTS = "ports", "Ports"
    WATER = "water", "Water"
    ENERGY = "energy", "Energy"
    INFRASTRUCTURE = "infrastructure", "Infrastructure"
    COUNCIL_DATA = "council_data", "Council data"


class Payer(models.TextChoices):
    COUNCIL = "council", "The council"
    VISITORS = "visitors", "The visitors"
    PARTNER = "partner", "The partner city or government"
    SPONSOR = "sponsor", "A sponsor"
    SHARED = "shared", "Shared"


class GiftDirection(models.TextChoices):
    RECEIVED = "received", "Offered to or received by us"
    GIVEN = "given", "Given by us"


class GiftKind(models.TextChoices):
    GIFT = "gift", "Gift"
    HOSPITALITY = "hospitality", "Hospitality"
    TRAVEL = "travel", "Travel or accommodation"


class Initiator(models.TextChoices):
    COUNCIL = "council", "The council"
    COUNTERPART = "counterpart", "The other party"
    INTERMEDIARY = "intermediary", "An intermediary"


class MessageKind(models.TextChoices):
    ENQUIRY = "enquiry", "International enquiry"
    FEEDBACK = "feedback", "Website feedback"
    INTEREST = "interest", "Expression of interest"


class DeskStatus(models.TextChoices):
    """Where an enquiry, feedback or contact message stands on the desk."""

    NEW = "new", "New"
    IN_PROGRESS = "in_progress", "In progress"
    WAITING = "waiting", "Waiting on them"
    ANSWERED = "answered", "Answered"
    CLOSED = "closed", "Closed"


DESK_OPEN = (DeskStatus.NEW, DeskStatus.IN_PROGRESS, DeskStatus.WAITING)
