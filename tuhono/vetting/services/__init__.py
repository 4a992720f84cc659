"""Writes of the due-diligence domain. Each service checks who acts, validates, saves atomically and audits."""

from .alerts import clearing_withdraw, match_confirm, match_dismiss
from .arrangements import arrangement_update, notice_record
from .assessments import (
    advice_answer,
    advice_record,
    assessment_start,
    assessment_submit,
    assessment_update,
    decision_sign,
)
from .records import screening_records_exported
from .rescreen import rescreen_pending, rescreen_version, screen_pending_parties
from .screening import (
    case_screen_after_commit,
    case_screen_parties,
    clearings_expired_rescreen,
    counterpart_add,
    party_screen,
    screening_sweep,
)
from .tasks import screening_catch_up_schedule

__all__ = [
    "advice_answer",
    "advice_record",
    "arrangement_update",
    "assessment_start",
    "assessment_submit",
    "assessment_update",
    "case_screen_after_commit",
    "case_screen_parties",
    "clearing_withdraw",
    "clearings_expired_rescreen",
    "counterpart_add",
    "decision_sign",
    "match_confirm",
    "match_dismiss",
    "notice_record",
    "party_screen",
    "rescreen_pending",
    "rescreen_version",
    "screen_pending_parties",
    "screening_catch_up_schedule",
    "screening_records_exported",
    "screening_sweep",
]
