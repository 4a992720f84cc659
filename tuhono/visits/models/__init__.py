from .contacts import CalendarFeedToken, ContactLogEntry, DeskReply, PublicMessage
from .programme import ContactReport, GiftOrHospitality, ItineraryItem, TravelBriefing, VisitCost, VisitTransition
from .visit import DEFAULT_GUIDELINES, ReferenceSequence, Visit, VisitGuidelines, VisitParty

__all__ = [
    "DEFAULT_GUIDELINES",
    "CalendarFeedToken",
    "ContactLogEntry",
    "ContactReport",
    "DeskReply",
    "GiftOrHospitality",
    "ItineraryItem",
    "PublicMessage",
    "ReferenceSequence",
    "TravelBriefing",
    "Visit",
    "VisitCost",
    "VisitGuidelines",
    "VisitParty",
    "VisitTransition",
]
