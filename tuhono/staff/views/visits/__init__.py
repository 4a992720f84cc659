"""The visit pages, by what changes together: the list and the visit's own page (pages), the workflow
buttons (workflow), the records that hang off a visit (records) and an outgoing mission's papers (reports).
"""

from .pages import visit_create, visit_detail, visit_edit, visit_list
from .records import (
    cost_add,
    cost_remove,
    gift_add,
    gift_remove,
    itinerary_add,
    itinerary_edit,
    itinerary_remove,
    party_add,
    party_edit,
    party_remove,
)
from .reports import briefing, contact_report
from .workflow import ACTION_BUTTONS, TRANSITION_SERVICES, visit_transition

__all__ = [
    "ACTION_BUTTONS",
    "TRANSITION_SERVICES",
    "briefing",
    "contact_report",
    "cost_add",
    "cost_remove",
    "gift_add",
    "gift_remove",
    "itinerary_add",
    "itinerary_edit",
    "itinerary_remove",
    "party_add",
    "party_edit",
    "party_remove",
    "visit_create",
    "visit_detail",
    "visit_edit",
    "visit_list",
    "visit_transition",
]
