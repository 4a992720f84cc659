from django.db import models


class PartnershipKind(models.TextChoices):
    SISTER_CITY = "sister_city", "Sister city"
    FRIENDSHIP_CITY = "friendship_city", "Friendship city"
    PARTNER_CITY = "partner_city", "Partner city"
    MEMORANDUM_OF_COOPERATION = "memorandum_of_cooperation", "Memorandum of cooperation"
    LETTER_OF_INTENT = "letter_of_intent", "Letter of intent"
    FRIENDSHIP_AGREEMENT = "friendship_agreement", "Friendship agreement"
    STRATEGIC_ALLIANCE = "strategic_alliance", "Strategic alliance"


class PartnershipStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    ACTIVE = "active", "Active"
    DORMANT = "dormant", "Dormant"
    SUSPENDED = "suspended", "Suspended"
    ENDED = "ended", "Ended"


class OwnerKind(models.TextChoices):
    COUNCIL = "council", "The council"
    COMMUNITY = "community", "A community association"


class AllianceKind(models.TextChoices):
    ALLIANCE = "alliance", "Time-bound strategic alliance"
    NETWORK = "network", "International city network"


class MilestoneKind(models.TextChoices):
    FIRST_CONTACT = "first_contact", "First contact"
    SIGNED = "signed", "Signed"
    FORMALISED = "formalised", "Formalised"
    RESIGNED = "resigned", "Re-signed"
    RECONFIRMED = "reconfirmed", "Re-confirmed"
    ANNIVERSARY = "anniversary", "Anniversary"
    EXCHANGE = "exchange", "Exchange"
    VISIT = "visit", "Visit"
    GIFT = "gift", "Gift"
    EVENT = "event", "Event"
    OTHER = "other", "Other"


# The public list groups partnerships as Auckland's own page does.
FORMAL_KINDS = [
    PartnershipKind.SISTER_CITY,
    PartnershipKind.FRIENDSHIP_CITY,
    PartnershipKind.PARTNER_CITY,
    PartnershipKind.MEMORANDUM_OF_COOPERATION,
    PartnershipKind.LETTER_OF_INTENT,
    PartnershipKind.FRIENDSHIP_AGREEMENT,
]
ANNIVERSARY_YEARS = (10, 20, 25, 30, 40, 50, 60, 75, 100)
