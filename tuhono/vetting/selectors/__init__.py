"""Reads of the due-diligence domain.

Every confidential read takes the user and returns nothing unless they are a
security officer or approver of the record's council. The one public read is
`transparency_register`, which returns plain public fields, never a model.
"""

from .assessments import (
    DueDiligenceReport,
    QuestionView,
    SectionView,
    arrangement_for,
    assessment_current,
    assessment_get,
    assessments_list,
    due_diligence_report,
    questionnaire_view,
    vetting_holds_for_visit,
)
from .background import ScreeningWork, screening_work
from .memory import (
    ClearingView,
    RecordCheck,
    clearing_get,
    clearing_states,
    clearings_list,
    screening_record_check,
    screening_record_get,
    screening_records,
    screening_records_csv,
    screening_records_json,
)
from .outcome import CaseOutcome, case_outcome
from .screening import (
    CaseLink,
    ScreeningSummary,
    alert_queue,
    assessment_prefill,
    case_parties,
    cases_for_council,
    counterparts_for,
    list_versions_awaiting_rescreen,
    match_get,
    parties_list,
    party_get,
    screening_summary,
    suggested_rating,
)
from .transparency import PublicArrangement, PublicNotice, transparency_register

__all__ = [
    "CaseLink",
    "CaseOutcome",
    "ClearingView",
    "DueDiligenceReport",
    "PublicArrangement",
    "PublicNotice",
    "QuestionView",
    "RecordCheck",
    "ScreeningSummary",
    "ScreeningWork",
    "SectionView",
    "alert_queue",
    "arrangement_for",
    "assessment_current",
    "assessment_get",
    "assessment_prefill",
    "assessments_list",
    "case_outcome",
    "case_parties",
    "cases_for_council",
    "clearing_get",
    "clearing_states",
    "clearings_list",
    "counterparts_for",
    "due_diligence_report",
    "list_versions_awaiting_rescreen",
    "match_get",
    "parties_list",
    "party_get",
    "questionnaire_view",
    "screening_record_check",
    "screening_record_get",
    "screening_records",
    "screening_records_csv",
    "screening_records_json",
    "screening_summary",
    "screening_work",
    "suggested_rating",
    "transparency_register",
    "vetting_holds_for_visit",
]
