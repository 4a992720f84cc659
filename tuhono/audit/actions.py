"""Every action the audit trail records, by name.

Each value is written into the event and is part of the event's hash, so a value is never renamed:
stored events would no longer verify (`manage.py audit_verify`). Add a member for a new action;
keep a retired one so old events still read as what they were.
"""

from __future__ import annotations

from enum import StrEnum, unique


@unique
class AuditAction(StrEnum):
    # Accounts
    ACCOUNTS_TWO_FACTOR_ENROLLED = "accounts.two_factor_enrolled"

    # Councils and the partner-seeking list
    COUNCIL_CREATED = "council.created"
    PARTNER_SEEKING_SUBMITTED = "partner_seeking.submitted"
    PARTNER_SEEKING_CREATED = "partner_seeking.created"
    PARTNER_SEEKING_UPDATED = "partner_seeking.updated"
    PARTNER_SEEKING_PUBLISHED = "partner_seeking.published"
    PARTNER_SEEKING_WITHDRAWN = "partner_seeking.withdrawn"

    # The register: partnerships, milestones, alliances, imports
    PARTNERSHIP_CREATED = "partnership.created"
    PARTNERSHIP_UPDATED = "partnership.updated"
    PARTNERSHIP_PUBLISHED = "partnership.published"
    PARTNERSHIP_WITHDRAWN = "partnership.withdrawn"
    PARTNERSHIP_STATUS_CHANGED = "partnership.status_changed"
    PARTNERSHIP_MILESTONE_ADDED = "partnership.milestone_added"
    PARTNERSHIP_MILESTONE_UPDATED = "partnership.milestone_updated"
    PARTNERSHIP_MILESTONE_REMOVED = "partnership.milestone_removed"
    PARTNERSHIPS_IMPORTED = "partnerships.imported"
    ALLIANCE_CREATED = "alliance.created"
    ALLIANCE_UPDATED = "alliance.updated"
    ALLIANCE_MEMBER_ADDED = "alliance.member_added"
    ALLIANCE_MEMBER_REMOVED = "alliance.member_removed"

    # Visits and missions (the workflow's moves are named by the state they reach)
    VISIT_CREATED = "visit.created"
    VISIT_UPDATED = "visit.updated"
    VISIT_TRIAGED = "visit.triaged"
    VISIT_VETTING = "visit.vetting"
    VISIT_APPROVED = "visit.approved"
    VISIT_DECLINED = "visit.declined"
    VISIT_SCHEDULED = "visit.scheduled"
    VISIT_COMPLETED = "visit.completed"
    VISIT_REPORTED = "visit.reported"
    VISIT_PARTY_ADDED = "visit.party_added"
    VISIT_PARTY_ADDED_LATE = "visit.party_added_late"
    VISIT_PARTY_UPDATED = "visit.party_updated"
    VISIT_PARTY_REMOVED = "visit.party_removed"
    VISIT_ITINERARY_ADDED = "visit.itinerary_added"
    VISIT_ITINERARY_UPDATED = "visit.itinerary_updated"
    VISIT_ITINERARY_REMOVED = "visit.itinerary_removed"
    VISIT_COST_ADDED = "visit.cost_added"
    VISIT_COST_REMOVED = "visit.cost_removed"
    VISIT_GIFT_DECLARED = "visit.gift_declared"
    VISIT_GIFT_REMOVED = "visit.gift_removed"
    VISIT_BRIEFING_RECORDED = "visit.briefing_recorded"
    VISIT_CONTACT_REPORT_RECORDED = "visit.contact_report_recorded"
    VISIT_CALENDAR_TOKEN_ROTATED = "visit.calendar_token_rotated"  # noqa: S105 (a name, not a secret)

    # The public desk and the contacts log
    PUBLIC_MESSAGE_ENQUIRY_RECEIVED = "public_message.enquiry_received"
    PUBLIC_MESSAGE_FEEDBACK_RECEIVED = "public_message.feedback_received"
    PUBLIC_MESSAGE_INTEREST_RECEIVED = "public_message.interest_received"
    DESK_ASSIGNED = "desk.assigned"
    DESK_STATUS_CHANGED = "desk.status_changed"
    DESK_REPLIED = "desk.replied"
    CONTACT_LOG_ENTRY_ADDED = "contact_log.entry_added"
    CONTACT_LOG_ENTRY_UPDATED = "contact_log.entry_updated"

    # Watch lists
    WATCHLIST_VERSION_IMPORTED = "watchlist.version_imported"
    WATCHLIST_IMPORT_UNCHANGED = "watchlist.import_unchanged"
    WATCHLIST_IMPORT_REFUSED = "watchlist.import_refused"
    WATCHLIST_VERSION_STAGED = "watchlist.version_staged"
    WATCHLIST_VERSION_RESTORE_STAGED = "watchlist.version_restore_staged"
    WATCHLIST_VERSION_CONFIRMED = "watchlist.version_confirmed"
    WATCHLIST_VERSION_DISCARDED = "watchlist.version_discarded"
    WATCHLIST_VERSION_EXPIRED = "watchlist.version_expired"
    WATCHLIST_INDEX_BUILT = "watchlist.index_built"
    WATCHLIST_BATCH_SCREENED = "watchlist.batch_screened"

    # Due diligence (confidential: the trail shows these events only to those who read vetting)
    VETTING_PARTY_ADDED = "vetting.party_added"
    VETTING_COUNTERPART_ADDED = "vetting.counterpart_added"
    VETTING_PARTY_SCREENED = "vetting.party_screened"
    VETTING_ALERT_RAISED = "vetting.alert_raised"
    VETTING_ALERT_REOPENED = "vetting.alert_reopened"
    VETTING_ALERT_LAPSED = "vetting.alert_lapsed"
    VETTING_ALERT_HELD_BY_CLEARING = "vetting.alert_held_by_clearing"
    VETTING_ALERT_CONFIRMED = "vetting.alert_confirmed"
    VETTING_ALERT_DISMISSED = "vetting.alert_dismissed"
    VETTING_CLEARING_WITHDRAWN = "vetting.clearing_withdrawn"
    VETTING_RESCREEN_COMPLETED = "vetting.rescreen_completed"
    VETTING_SCREENING_RECORDED = "vetting.screening_recorded"
    VETTING_SCREENING_RECORDS_EXPORTED = "vetting.screening_records_exported"
    VETTING_ASSESSMENT_STARTED = "vetting.assessment_started"
    VETTING_ASSESSMENT_UPDATED = "vetting.assessment_updated"
    VETTING_ASSESSMENT_SUBMITTED = "vetting.assessment_submitted"
    VETTING_ADVICE_RECORDED = "vetting.advice_recorded"
    VETTING_ADVICE_ANSWERED = "vetting.advice_answered"
    VETTING_DECISION_SIGNED = "vetting.decision_signed"
    VETTING_ARRANGEMENT_UPDATED = "vetting.arrangement_updated"
    VETTING_NOTICE_RECORDED = "vetting.notice_recorded"
    VETTING_NOTICE_UPDATED = "vetting.notice_updated"
