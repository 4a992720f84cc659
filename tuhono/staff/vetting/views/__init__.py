"""Staff pages for due diligence: alert queue, screening results, assessments, advice, notices, decisions,
the printable report. Only the council's security officers and approvers reach them; records of another
council are not found (404). Views only translate: the vetting services decide and audit."""

from .assessments import advice_add, assessment_detail, assessment_list, assessment_start, decision_sign, report
from .screening import (
    alert_queue,
    arrangement_edit,
    case_detail,
    counterpart_add,
    match_decide,
    notice_add,
    party_detail,
    party_list,
    party_rescreen,
    rescreen,
)

__all__ = [
    "advice_add",
    "alert_queue",
    "arrangement_edit",
    "assessment_detail",
    "assessment_list",
    "assessment_start",
    "case_detail",
    "counterpart_add",
    "decision_sign",
    "match_decide",
    "notice_add",
    "party_detail",
    "party_list",
    "party_rescreen",
    "report",
    "rescreen",
]
