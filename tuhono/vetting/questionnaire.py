"""The risk questionnaire that follows from NZ, Australian and US guidance (PRODUCT.md, nine parts).

Each question is answered yes / no / unknown with notes. A question whose
`risk_answer` is given counts as a risk factor when answered that way;
'unknown' on such a question counts half, because not knowing who you are
dealing with is itself the NZSIS's warning sign.
"""

from __future__ import annotations

from dataclasses import dataclass

ANSWERS = [("yes", "Yes"), ("no", "No"), ("unknown", "Not known")]


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    risk_answer: str = "yes"
    weight: int = 1


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    questions: tuple[Question, ...]


QUESTIONNAIRE: tuple[Section, ...] = (
    Section(
        "counterparty",
        "1. Counterparty",
        (
            Question("counterparty_government_level", "Is the counterpart a national or provincial government body?"),
            Question(
                "counterparty_party_links",
                "Does the counterpart have links to party bodies, state-owned enterprises or the military?",
                weight=2,
            ),
            Question("counterparty_intermediary", "Was the approach made through an intermediary?"),
            Question(
                "counterparty_united_front",
                "Is an intermediary a body named in security guidance (e.g. a friendship association)?",
                weight=2,
            ),
        ),
    ),
    Section(
        "screening",
        "2. Screening",
        (
            Question("screening_all_screened", "Has every named person and organisation been screened?", "no"),
            Question("screening_open_alerts", "Are any screening alerts still open?"),
            Question("screening_confirmed", "Did screening confirm a true match?", weight=3),
        ),
    ),
    Section(
        "advice",
        "3. Advice sought",
        (
            Question("advice_sought", "Has advice been sought from MFAT or the NZSIS?", "no"),
            Question("advice_concern", "Did the advice raise a concern?", weight=2),
            Question("advice_notice_given", "Has any required foreign-arrangement notice been given?", "no"),
        ),
    ),
    Section(
        "agreement",
        "4. Agreement text",
        (
            Question("agreement_political_clauses", "Does the agreement contain political clauses?", weight=2),
            Question("agreement_confidentiality", "Does it require confidentiality?"),
            Question("agreement_data_sharing", "Does it share data?"),
            Question("agreement_exclusivity", "Does it ask for exclusivity?"),
            Question("agreement_published", "Will the agreement be published?", "no"),
        ),
    ),
    Section(
        "money",
        "5. Money",
        (
            Question("money_paid_by_counterpart", "Does the counterpart pay travel, hospitality or gifts?"),
            Question("money_sponsorship", "Is there sponsorship from a third party?"),
            Question("money_conflicts", "Has anyone involved a conflict of interest?", weight=2),
        ),
    ),
    Section(
        "exposure",
        "6. Strategic exposure",
        (
            Question(
                "exposure_assets",
                "Does it touch ports, water, infrastructure, planning, technology or council data?",
                weight=2,
            ),
        ),
    ),
    Section(
        "delegations",
        "7. Delegations",
        (
            Question("delegation_late_changes", "Were members changed late or added without explanation?", weight=2),
            Question("delegation_sensitive_sites", "Did they ask to see sensitive sites?", weight=2),
            Question(
                "delegation_outgoing_precautions",
                "For an outgoing trip: are clean devices, a briefing before and a contact report after arranged?",
                "no",
            ),
        ),
    ),
    Section(
        "community",
        "8. Community",
        (
            Question("community_diaspora_pressure", "Is there a sign of pressure on diaspora groups?", weight=2),
            Question("community_free_expression", "Could it affect free expression in the city?"),
        ),
    ),
    Section(
        "governance",
        "9. Governance",
        (
            Question("governance_decider_named", "Is it clear who decides for the council?", "no"),
            Question("governance_review_date", "Is there a review or renewal date?", "no"),
            Question("governance_grounds_to_end", "Does the agreement give grounds to end it?", "no"),
        ),
    ),
)

QUESTIONS: dict[str, Question] = {q.key: q for section in QUESTIONNAIRE for q in section.questions}
