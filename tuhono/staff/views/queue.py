"""`/staff/`: each person lands on what waits on them, by role, with counts and due dates.

The page only composes the domains' selectors: the desk and visits (visits), the register's attention
lists (partnerships), and due diligence (vetting, shown only to the council's security officers and
approvers).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from tuhono.accounts.enums import Role
from tuhono.accounts.selectors import scope_to_user_council, user_has_role
from tuhono.councils.models import Council
from tuhono.partnerships import attention
from tuhono.partnerships.enums import PartnershipStatus
from tuhono.partnerships.models import Partnership
from tuhono.vetting.enums import AssessmentStatus
from tuhono.vetting.permissions import may_open
from tuhono.vetting.selectors import alert_queue, deadlines
from tuhono.visits import selectors as visit_selectors
from tuhono.visits.enums import DeskStatus, MessageKind, VisitState
from tuhono.visits.models import PublicMessage

from ..access import staff_required

SHOWN = 10  # rows listed per section; the count says how many wait in all


@dataclass
class Row:
    label: str
    url: str
    due: dt.date | None = None
    overdue: bool = False
    note: str = ""


@dataclass
class Section:
    key: str
    title: str
    count: int
    rows: list[Row]
    all_url: str = ""
    overdue: int = 0
    columns: list[str] = field(default_factory=list)


def _rows(queryset: QuerySet, make: Any) -> tuple[int, list[Row]]:
    return queryset.count(), [make(obj) for obj in queryset[:SHOWN]]


def _register_url(partnership: Partnership) -> str:
    return reverse("staff:register_partnership", args=[partnership.pk])


def _partnership_row(partnership: Partnership, note: str = "") -> Row:
    return Row(f"{partnership.partner.name} ({partnership.council.name})", _register_url(partnership), note=note)


def _message_row(message: PublicMessage) -> Row:
    return Row(
        f"{message.reference} {message.get_kind_display()}" + (f": {message.subject}" if message.subject else ""),
        reverse("staff:message_detail", args=[message.pk]),
        message.due_on,
        message.is_overdue,
    )


def _interest_row(message: PublicMessage) -> Row:
    entry = message.partner_seeking
    return Row(
        f"{message.reference} about {entry.display_name if entry else 'a partner-seeking entry'}",
        reverse("staff:message_detail", args=[message.pk]),
        message.due_on,
        message.is_overdue,
        message.get_status_display(),
    )


def _officer_sections(user: Any, register: QuerySet[Partnership], today: dt.date) -> list[Section]:
    sections = []
    messages = visit_selectors.desk_messages(user=user, status=DeskStatus.NEW).filter(council_id=user.council_id)
    count, rows = _rows(messages.exclude(kind=MessageKind.INTEREST), _message_row)
    sections.append(Section("enquiries", "New enquiries and feedback", count, rows, reverse("staff:message_list")))
    interests = visit_selectors.desk_messages(user=user, status="open").filter(
        council_id=user.council_id, kind=MessageKind.INTEREST
    )
    waiting = interests.aggregate(count=Count("pk"), overdue=Count("pk", filter=Q(due_on__lt=today)))
    rows = [_interest_row(m) for m in interests.select_related("partner_seeking__council")[:SHOWN]]
    sections.append(
        Section(
            "interests",
            "Expressions of interest to answer",
            waiting["count"],
            rows,
            reverse("staff:message_list"),
            overdue=waiting["overdue"],
        )
    )
    requests = visit_selectors.desk_visit_requests(user=user).filter(council_id=user.council_id)
    count, rows = _rows(
        requests,
        lambda v: Row(
            f"{v.reference} {v.organisation}",
            reverse("staff:visit_detail", args=[v.pk]),
            v.reply_due_on,
            bool(v.reply_due_on and v.reply_due_on < today),
            v.get_state_display(),
        ),
    )
    sections.append(Section("requests", "Visit requests to answer", count, rows, reverse("staff:message_list")))
    for key, title, state in (
        ("triaged", "Triaged visits to send to vetting", VisitState.TRIAGED),
        ("approved", "Approved visits to schedule", VisitState.APPROVED),
        ("completed", "Completed visits to report on", VisitState.COMPLETED),
    ):
        visits = visit_selectors.visits_for_user(user).filter(council_id=user.council_id, state=state)
        count, rows = _rows(
            visits.order_by("created_at", "pk"),
            lambda v: Row(f"{v.reference} {v.organisation}", reverse("staff:visit_detail", args=[v.pk]), v.first_day),
        )
        sections.append(Section(key, title, count, rows, reverse("staff:visit_list") + f"?state={state}"))
    review = attention.partnerships_due_for_review(register, today=today).select_related("partner", "council")
    count, rows = _rows(review.order_by("status_changed_on", "signed_on", "pk"), _partnership_row)
    sections.append(Section("review", "Partnerships due for review", count, rows))
    coming = attention.anniversaries_coming(register, today=today)
    sections.append(
        Section(
            "anniversaries",
            "Anniversaries coming up",
            len(coming),
            [
                Row(
                    f"{a.partnership.partner.name}: {a.years} years",
                    _register_url(a.partnership),
                    a.on,
                )
                for a in coming[:SHOWN]
            ],
        )
    )
    drafts = attention.partnerships_to_publish(register).select_related("partner", "council")
    count, rows = _rows(drafts.order_by("created_at", "pk"), _partnership_row)
    sections.append(Section("drafts", "Drafts to publish", count, rows))
    count, notices = deadlines.notices_due(register, today=today, limit=SHOWN)
    sections.append(
        Section(
            "notices",
            "Notices to government due",
            count,
            [Row(f"{n.partnership.partner.name}", _register_url(n.partnership), n.due_on, n.overdue) for n in notices],
            overdue=sum(n.overdue for n in notices),
        )
    )
    return sections


def _security_sections(user: Any, today: dt.date) -> list[Section]:
    case_url = reverse("staff:vetting:queue")
    count, rows = _rows(
        alert_queue(user=user),
        lambda m: Row(f"{m.party.name} ({m.party.case_label})", reverse("staff:vetting:party", args=[m.party_id])),
    )
    sections = [Section("alerts", "Open screening alerts", count, rows, case_url)]
    count, rows = _rows(
        deadlines.parties_to_screen(user=user),
        lambda p: Row(
            f"{p.name} ({p.case_label})",
            reverse("staff:vetting:party", args=[p.pk]),
            note="Never screened" if p.screened_at is None else f"Last screened {p.screened_at:%-d %b %Y}",
        ),
    )
    sections.append(
        Section("screen", "Not yet screened, or screened against an out-of-date list", count, rows, case_url)
    )
    count, rows = _rows(
        deadlines.assessments_in(user=user, status=AssessmentStatus.DRAFT),
        lambda a: Row(a.case_label, reverse("staff:vetting:assessment", args=[a.pk])),
    )
    sections.append(Section("assess", "Assessments to do", count, rows, reverse("staff:vetting:assessments")))
    count, rows = _rows(
        deadlines.advice_unanswered(user=user),
        lambda a: Row(
            f"{a.agency_label}: {a.assessment.case_label}",
            reverse("staff:vetting:assessment", args=[a.assessment_id]),
            note=f"Sought {a.sought_on:%-d %b %Y}",
        ),
    )
    sections.append(Section("advice", "Advice awaiting an answer", count, rows))
    visits = visit_selectors.visits_in_vetting(council_id=user.council_id)
    count, rows = _rows(
        visits.order_by("created_at", "pk"),
        lambda v: Row(f"{v.reference} {v.organisation}", reverse("staff:visit_detail", args=[v.pk]), v.first_day),
    )
    sections.append(Section("vetting", "Visits in vetting", count, rows))
    mine = visit_selectors.visits_for_user(user).filter(council_id=user.council_id)
    for index, (title, found) in enumerate(visit_selectors.security_visit_checks(mine)):
        count, rows = _rows(
            found.order_by("created_at", "pk"),
            lambda v: Row(f"{v.reference} {v.organisation}", reverse("staff:visit_detail", args=[v.pk]), v.first_day),
        )
        sections.append(Section(f"visit-check-{index}", title, count, rows))
    return sections


def _review_section(user: Any, today: dt.date) -> Section:
    count, rows = _rows(
        deadlines.decisions_to_review(user=user, today=today),
        lambda d: Row(
            d.assessment.case_label,
            reverse("staff:vetting:assessment", args=[d.assessment_id]),
            d.review_on,
            d.review_on < today,
        ),
    )
    return Section("decisions", "Decisions due for review", count, rows, overdue=sum(r.overdue for r in rows))


def _approver_sections(user: Any, today: dt.date) -> list[Section]:
    count, rows = _rows(
        deadlines.assessments_in(user=user, status=AssessmentStatus.SUBMITTED),
        lambda a: Row(
            a.case_label,
            reverse("staff:vetting:assessment", args=[a.pk]),
            note=f"Submitted {a.submitted_at:%-d %b %Y}" if a.submitted_at else "",
        ),
    )
    sections = [Section("signoff", "Assessments waiting for your sign-off", count, rows)]
    visits = visit_selectors.visits_in_vetting(council_id=user.council_id)
    count, rows = _rows(
        visits.order_by("created_at", "pk"),
        lambda v: Row(f"{v.reference} {v.organisation}", reverse("staff:visit_detail", args=[v.pk]), v.first_day),
    )
    sections.append(
        Section("approve", "Visits waiting for approval", count, rows, reverse("staff:visit_list") + "?state=vetting")
    )
    return sections


@dataclass
class CouncilGlance:
    council: Council
    total: int
    active: int
    drafts: int
    ended: int


def _national(user: Any, register: QuerySet[Partnership], today: dt.date) -> tuple[list[CouncilGlance], list[Section]]:
    counts = {
        row["council_id"]: row
        for row in register.order_by()
        .values("council_id")
        .annotate(
            total=Count("pk"),
            active=Count("pk", filter=Q(status=PartnershipStatus.ACTIVE)),
            drafts=Count("pk", filter=Q(published=False) & ~Q(status=PartnershipStatus.ENDED)),
            ended=Count("pk", filter=Q(status=PartnershipStatus.ENDED)),
        )
    }
    glance = [
        CouncilGlance(c, *(counts.get(c.pk, {}).get(k, 0) for k in ("total", "active", "drafts", "ended")))
        for c in Council.objects.order_by("name")
        if c.pk in counts
    ]
    dormant = attention.partnerships_dormant(register, today=today).select_related("partner", "council")
    count, rows = _rows(dormant.order_by("council__name", "partner__name"), _partnership_row)
    sections = [Section("dormant", "Dormant ties", count, rows)]
    overdue = deadlines.notices_overdue(register, today=today).select_related("partner", "council")
    count, rows = _rows(
        overdue.order_by("signed_on", "pk"),
        lambda p: Row(
            f"{p.partner.name} ({p.council.name})",
            _register_url(p),
            p.signed_on + dt.timedelta(days=deadlines.notice_days()),
            True,
        ),
    )
    sections.append(Section("overdue", "Notices to government overdue", count, rows, overdue=count))
    return glance, sections


@staff_required
def queue(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    today = timezone.localdate()
    register = scope_to_user_council(Partnership.objects.all(), user)
    groups: list[tuple[str, list[Section]]] = []
    glance: list[CouncilGlance] = []
    if user.council_id and user_has_role(user, Role.PARTNERSHIPS_OFFICER, Role.ADMINISTRATOR):
        groups.append(("Partnerships and the desk", _officer_sections(user, register, today)))
    if may_open(user) and user_has_role(user, Role.SECURITY_OFFICER):
        groups.append(("Due diligence", [*_security_sections(user, today), _review_section(user, today)]))
    if may_open(user) and user_has_role(user, Role.APPROVER):
        extra = [] if user_has_role(user, Role.SECURITY_OFFICER) else [_review_section(user, today)]
        groups.append(("Sign-off", [*_approver_sections(user, today), *extra]))
    if user_has_role(user, Role.NATIONAL_COORDINATOR):
        glance, sections = _national(user, register, today)
        groups.append(("Across the country", sections))
    return render(request, "staff/queue.html", {"groups": groups, "glance": glance, "today": today})
