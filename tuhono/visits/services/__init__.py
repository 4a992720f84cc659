"""Writes for visits, enquiries and the contacts log. Each service is atomic and audited."""

from .common import reference_next
from .contacts import (
    calendar_token_get_or_create,
    calendar_token_rotate,
    contact_log_entry_create,
    contact_log_entry_update,
)
from .desk import desk_assign, desk_reply, desk_status_set
from .programme import (
    contact_report_record,
    cost_add,
    cost_remove,
    gift_add,
    gift_remove,
    itinerary_item_add,
    itinerary_item_remove,
    itinerary_item_update,
    travel_briefing_record,
)
from .records import party_add, party_remove, party_update, visit_create, visit_update
from .requests import interest_submit, message_submit, visit_request_submit
from .workflow import (
    TransitionRefused,
    visit_approve,
    visit_complete,
    visit_decline,
    visit_report,
    visit_schedule,
    visit_send_to_vetting,
    visit_triage,
)

__all__ = [
    "TransitionRefused",
    "calendar_token_get_or_create",
    "calendar_token_rotate",
    "contact_log_entry_create",
    "contact_log_entry_update",
    "contact_report_record",
    "cost_add",
    "cost_remove",
    "desk_assign",
    "desk_reply",
    "desk_status_set",
    "gift_add",
    "gift_remove",
    "interest_submit",
    "itinerary_item_add",
    "itinerary_item_remove",
    "itinerary_item_update",
    "message_submit",
    "party_add",
    "party_remove",
    "party_update",
    "reference_next",
    "travel_briefing_record",
    "visit_approve",
    "visit_complete",
    "visit_create",
    "visit_decline",
    "visit_report",
    "visit_request_submit",
    "visit_schedule",
    "visit_send_to_vetting",
    "visit_triage",
    "visit_update",
]
