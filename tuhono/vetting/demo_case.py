"""A complete, decided due-diligence demonstration, made through the services staff use.

The proposed Shenzhen friendship tie is cleared with conditions; a delegation whose
leader matched the list is declined. Each has its screening worked, a risk
assessment, advice sought and answered, and a signed decision; the partnership
also has its notice to government. A new user sees the whole flow.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from tuhono.accounts.models import User

from . import services
from .enums import Agency, DecisionOutcome, GovernmentResponse, MatchStatus, NoticeStage
from .models import Decision, ScreeningMatch
from .questionnaire import QUESTIONS

DEMO_DELEGATION = "Guangdong Overseas Friendship Association (demonstration)"


def _decided(case: Any) -> bool:
    return Decision.objects.filter(
        assessment__case_type=ContentType.objects.get_for_model(case), assessment__case_id=case.pk
    ).exists()


def _work_alerts(security: User, case: Any, confirm: str, dismiss: str) -> None:
    """Confirm the organisation-or-leader match the case is about; dismiss the rest as other people."""
    open_alerts = ScreeningMatch.objects.filter(
        party__case_type=ContentType.objects.get_for_model(case), party__case_id=case.pk, status=MatchStatus.OPEN
    ).select_related("party")
    for match in open_alerts:
        if (
            match.score >= 0.9
            and not ScreeningMatch.objects.filter(party=match.party, status=MatchStatus.CONFIRMED).exists()
        ):
            services.match_confirm(actor=security, match=match, reason=confirm)
        else:
            services.match_dismiss(actor=security, match=match, reason=dismiss)


def _assess(security: User, case: Any, *, rating: str, rationale: str, risky: set[str], notes: str) -> Any:
    assessment = services.assessment_start(actor=security, case=case)
    answers = {
        key: {
            "answer": question.risk_answer if key in risky else ("no" if question.risk_answer == "yes" else "yes"),
            "notes": notes if key in risky else "",
        }
        for key, question in QUESTIONS.items()
    }
    services.assessment_update(
        actor=security, assessment=assessment, answers=answers, rating=rating, rationale=rationale
    )
    return assessment


def _advise(security: User, assessment: Any, *, question: str, answer: str, reference: str) -> None:
    today = timezone.localdate()
    advice = services.advice_record(
        actor=security,
        assessment=assessment,
        agency=Agency.NZSIS,
        sought_on=today - dt.timedelta(days=20),
        reference=reference,
        question=question,
    )
    services.advice_answer(actor=security, advice=advice, answered_on=today - dt.timedelta(days=6), answer=answer)


@transaction.atomic
def demo_partnership_cleared(*, partnership: Any, security: User, approver: User) -> str:
    if _decided(partnership):
        return "the Shenzhen case is already decided"
    _work_alerts(
        security,
        partnership,
        confirm="The intermediary is the listed association itself: same name, same address in Beijing.",
        dismiss="A different person: the listed man is two decades older and has never held office in Shenzhen.",
    )
    assessment = _assess(
        security,
        partnership,
        rating="medium",
        rationale=(
            "The approach came through a listed united-front body; the city government itself is a normal "
            "counterpart. Risk is manageable if the association has no role in the arrangement."
        ),
        risky={"counterparty_party_links"},
        notes="The first approach was made by the association, which answers to the party's united-front system.",
    )
    _advise(
        security,
        assessment,
        question="Is the Shenzhen Foreign Affairs Office known to act for the united-front system abroad?",
        answer="Not known to; the association is. Keep it out of the arrangement and report any approach.",
        reference="NZSIS-DEMO-2026-03",
    )
    services.assessment_submit(actor=security, assessment=assessment)
    services.decision_sign(
        actor=approver,
        assessment=assessment,
        outcome=DecisionOutcome.PROCEED_WITH_CONDITIONS,
        reason="Advice received: the city office is a normal counterpart; the association that approached us is not.",
        conditions="The association has no part in the arrangement; report any approach from it to the NZSIS.",
        traveller_conditions="Travel with loan devices only, and report any gift or approach to the security officer.",
        review_on=timezone.localdate() + dt.timedelta(days=365),
    )
    services.notice_record(
        actor=security,
        partnership=partnership,
        stage=NoticeStage.BEFORE_NEGOTIATION,
        notified_on=timezone.localdate() - dt.timedelta(days=25),
        reference="MFAT-FA-DEMO-11",
        response=GovernmentResponse.NO_OBJECTION,
        response_on=timezone.localdate() - dt.timedelta(days=10),
        notes="MFAT asked to be told when the agreement text is final.",
    )
    return "Shenzhen tie cleared with conditions"


@transaction.atomic
def demo_visit_declined(*, council: Any, officer: User, security: User, approver: User) -> str:
    from tuhono.visits import services as visits
    from tuhono.visits.models import Visit

    visit = Visit.objects.filter(council=council, organisation=DEMO_DELEGATION).first()
    if visit is not None and _decided(visit):
        return "the delegation case is already decided"
    if visit is None:
        visit = visits.visit_create(
            actor=officer,
            council=council,
            kind="incoming",
            organisation=DEMO_DELEGATION,
            country_code="CN",
            city="Guangzhou",
            purpose="Friendship exchange and a call on the mayor (demonstration).",
            members=[
                {"name": "Zhang Min", "role": "Delegation leader", "nationality": "CN"},
                {"kind": "organisation", "name": "United Front Work Department", "role": "Sponsor of the visit"},
            ],
        )
        visits.visit_triage(actor=officer, visit=visit)
        visits.visit_send_to_vetting(actor=officer, visit=visit)
    services.screening_sweep(actor=None, council_id=council.pk)
    _work_alerts(
        security,
        visit,
        confirm="The sponsor named on the invitation is the listed department itself.",
        dismiss="Not the listed person: different birth date and a private company.",
    )
    assessment = _assess(
        security,
        visit,
        rating="high",
        rationale="The visit is sponsored by the party's united-front department and seeks a call on the mayor.",
        risky={"counterparty_party_links"},
        notes="The invitation names the United Front Work Department as sponsor.",
    )
    _advise(
        security,
        assessment,
        question="Does the NZSIS advise against hosting the delegation's leader?",
        answer="Yes: the leader works for a united-front office and has sought access to local officials before.",
        reference="NZSIS-DEMO-2026-07",
    )
    services.assessment_submit(actor=security, assessment=assessment)
    services.decision_sign(
        actor=approver,
        assessment=assessment,
        outcome=DecisionOutcome.DECLINE,
        reason="Advice received that the leader works for a united-front office.",
        review_on=timezone.localdate() + dt.timedelta(days=180),
    )
    return "Guangdong delegation declined"
