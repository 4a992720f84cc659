"""Distinctive text planted in every due-diligence reasoning field, through the services staff use."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from tuhono.accounts.models import User
from tuhono.councils.models import Council
from tuhono.partnerships.services import partnership_create
from tuhono.places.services import place_get_or_create
from tuhono.vetting.models import ScreeningMatch
from tuhono.vetting.questionnaire import QUESTIONS
from tuhono.vetting.services import (
    advice_answer,
    advice_record,
    assessment_start,
    assessment_submit,
    assessment_update,
    clearing_withdraw,
    counterpart_add,
    decision_sign,
    match_dismiss,
    notice_record,
    screening_sweep,
)
from tuhono.visits import services as visits

# One distinctive word per field, so a leak names the field it came from.
PLANTED = {
    "counterpart notes": "Plantcounterpartnote Zq",
    "dismissal reason": "Plantdismissalreason Zq",
    "namesake clearing reason": "Plantclearingreason Zq",
    "clearing withdrawal reason": "Plantwithdrawalreason Zq",
    "screened details (an alias as screened)": "Plantscreenedalias Zq",
    "assessment rationale": "Plantassessmentrationale Zq",
    "answer notes": "Plantanswernote Zq",
    "advice question": "Plantadvicequestion Zq",
    "advice answer": "Plantadviceanswer Zq",
    "decision reason": "Plantdecisionreason Zq",
    "confidential conditions": "Plantconfidentialcondition Zq",
    "notice notes": "Plantnoticenote Zq",
}
# Written for the travellers: the visit's team is meant to read it.
FOR_TRAVELLERS = "Sharedtravellercondition Zq"


def _assess_and_decide(security: User, approver: User, case: Any, outcome: str, **decision: str) -> None:
    case_type = ContentType.objects.get_for_model(case)
    for match in ScreeningMatch.objects.filter(party__case_type=case_type, party__case_id=case.pk, status="open"):
        match_dismiss(actor=security, match=match, reason=PLANTED["dismissal reason"])
    assessment = assessment_start(actor=security, case=case)
    answers = {
        key: {"answer": "no" if q.risk_answer == "yes" else "yes", "notes": PLANTED["answer notes"]}
        for key, q in QUESTIONS.items()
    }
    assessment_update(
        actor=security,
        assessment=assessment,
        answers=answers,
        rating="medium",
        rationale=PLANTED["assessment rationale"],
    )
    advice = advice_record(
        actor=security,
        assessment=assessment,
        agency="nzsis",
        sought_on=timezone.localdate() - dt.timedelta(days=9),
        question=PLANTED["advice question"],
    )
    advice_answer(
        actor=security,
        advice=advice,
        answered_on=timezone.localdate() - dt.timedelta(days=2),
        answer=PLANTED["advice answer"],
    )
    assessment_submit(actor=security, assessment=assessment)
    decision_sign(
        actor=approver,
        assessment=assessment,
        outcome=outcome,
        reason=PLANTED["decision reason"],
        conditions=PLANTED["confidential conditions"],
        review_on=timezone.localdate() + dt.timedelta(days=200),
        **decision,
    )


def plant_reasoning() -> dict[str, Any]:
    """A partnership cleared with conditions and a visit approved with conditions for its travellers,
    every reasoning field holding its planted text. Returns the two cases."""
    council = Council.objects.get(slug="auckland")
    security = User.objects.get(username="security")
    approver = User.objects.get(username="approver")
    officer = User.objects.get(username="officer")
    partnership = partnership_create(
        actor=officer,
        council=council,
        partner=place_get_or_create(name="Kunming", country_code="CN"),
        kind="friendship_city",
        status="proposed",
        status_reason="Approach received",
        published=True,
        summary="A proposed tie under due diligence.",
    )
    counterpart_add(
        actor=security,
        partnership=partnership,
        name="Xi Jinping",
        position="Visiting official",
        notes=PLANTED["counterpart notes"],
    )
    # A namesake, cleared as a different person: the clearing and the screening record hold its reason
    # and the details as screened.
    counterpart_add(
        actor=security,
        partnership=partnership,
        name="Sergei Lavrov",
        aliases=[PLANTED["screened details (an alias as screened)"]],
        birth_date="1951",
    )
    for match in ScreeningMatch.objects.filter(
        party__name="Sergei Lavrov", party__case_id=partnership.pk, status="open"
    ):
        match_dismiss(actor=security, match=match, reason=PLANTED["namesake clearing reason"])
    # Another clearing, found wrong and withdrawn: the withdrawal's reason is as confidential.
    counterpart_add(actor=security, partnership=partnership, name="Sergei Lavrov", birth_date="1952")
    for match in ScreeningMatch.objects.filter(party__birth_date="1952", party__case_id=partnership.pk, status="open"):
        dismissed = match_dismiss(actor=security, match=match, reason=PLANTED["namesake clearing reason"])
        clearing_withdraw(actor=security, clearing=dismissed.clearing, reason=PLANTED["clearing withdrawal reason"])
    visit = visits.visit_create(
        actor=officer,
        council=council,
        kind="incoming",
        organisation="Kunming Friendship Office",
        country_code="CN",
        purpose="Exchange",
        members=[{"name": "Sergei Lavrov", "nationality": "RU"}],
    )
    visits.visit_triage(actor=officer, visit=visit)
    visits.visit_send_to_vetting(actor=officer, visit=visit)
    screening_sweep(actor=None, council_id=council.pk)
    _assess_and_decide(security, approver, partnership, "proceed_with_conditions")
    _assess_and_decide(security, approver, visit, "proceed_with_conditions", traveller_conditions=FOR_TRAVELLERS)
    notice_record(
        actor=security,
        partnership=partnership,
        stage="before_negotiation",
        notified_on=timezone.localdate() - dt.timedelta(days=30),
        notes=PLANTED["notice notes"],
    )
    return {"partnership": partnership, "visit": visit}
