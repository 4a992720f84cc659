"""Reads for visits, the contacts log and enquiries, always scoped to what the person may see.

For due diligence: `visit_parties_for_screening` (a visit's members, their organisations and the
visiting organisation) and `partnership_contacts_for_screening` (everyone in a partnership's
contacts log) list who is to be screened, as `ScreeningSubject`s. Vetting calls them; visits never
imports vetting.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from tuhono.accounts.enums import Role
from tuhono.accounts.selectors import scope_to_user_council, user_has_role
from tuhono.partnerships.models import Partnership

from .enums import DESK_OPEN, MessageKind, PartyKind, VisitKind, VisitSource, VisitState
from .models import CalendarFeedToken, ContactLogEntry, PublicMessage, Visit, VisitGuidelines, VisitParty

STAFF_ROLES = tuple(Role.values)


@dataclass(frozen=True)
class ScreeningSubject:
    """One person or organisation to screen. `key` is stable: '<app.model>:<pk>[:<line>]'."""

    key: str
    kind: str  # PartyKind: person | organisation
    name: str
    name_original: str = ""
    organisation: str = ""
    role: str = ""
    nationality: str = ""
    date_of_birth: dt.date | None = None
    council_id: int | None = None
    context: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def visit_guidelines_for(*, council: Any) -> VisitGuidelines:
    """The council's guidelines, or the defaults (unsaved) when staff have not written their own."""
    return VisitGuidelines.objects.filter(council=council).first() or VisitGuidelines(council=council)


def visits_for_user(user: Any) -> QuerySet[Visit]:
    """Every visit the person may read: their council's, or all councils' for the national view."""
    if not user_has_role(user, *STAFF_ROLES):
        return Visit.objects.none()
    return scope_to_user_council(Visit.objects.all(), user)


def visit_list(*, user: Any, state: str = "", kind: str = "", q: str = "") -> QuerySet[Visit]:
    visits = visits_for_user(user).select_related("council", "partnership__partner")
    if state:
        visits = visits.filter(state=state)
    if kind:
        visits = visits.filter(kind=kind)
    if q:
        visits = visits.filter(
            Q(reference__icontains=q)
            | Q(organisation__icontains=q)
            | Q(city__icontains=q)
            | Q(parties__name__icontains=q)
            | Q(parties__name_original__icontains=q)
        ).distinct()
    return visits.annotate(party_count=Count("parties", distinct=True)).order_by("-created_at", "-pk")


def visit_get_for_user(*, user: Any, pk: int) -> Visit:
    """The visit, or 404 when it does not exist or belongs to a council the person may not see."""
    visit = (
        visits_for_user(user)
        .select_related("council", "partnership__partner", "created_by", "owner")
        .prefetch_related("parties", "itinerary", "costs", "gifts", "transitions__actor")
        .filter(pk=pk)
        .first()
    )
    if visit is None:
        raise Http404("No such visit")
    return visit


QUEUE_SECTION_SIZE = 25


@dataclass
class QueueSection:
    title: str
    visits: list[Visit]
    state: str = ""
    more: bool = False  # more wait than are listed: the visit list, filtered by state, shows them all


def visit_queue_for_user(user: Any, *, today: dt.date | None = None) -> list[QueueSection]:
    """What waits on this person, by role and state, in their council (empty sections dropped)."""
    today = today or timezone.localdate()
    if not user.council_id and not user.is_superuser:
        return []
    base = visits_for_user(user).select_related("council").order_by("created_at", "pk")
    if not user.is_superuser:
        base = base.filter(council_id=user.council_id)
    sections: list[tuple[str, QuerySet[Visit]]] = []
    if user_has_role(user, Role.PARTNERSHIPS_OFFICER, Role.ADMINISTRATOR):
        sections += [
            ("New requests to triage", base.filter(state=VisitState.RECEIVED)),
            ("Triaged: send to vetting", base.filter(state=VisitState.TRIAGED)),
            ("Approved: schedule", base.filter(state=VisitState.APPROVED)),
            ("Begun or over: mark as completed", base.filter(state=VisitState.SCHEDULED, starts_on__lte=today)),
            ("Completed: write the report", base.filter(state=VisitState.COMPLETED)),
        ]
    if user_has_role(user, Role.SECURITY_OFFICER):
        sections += [("In vetting: screen the members", base.filter(state=VisitState.VETTING))]
        sections += security_visit_checks(base)
    if user_has_role(user, Role.APPROVER):
        sections.append(("Waiting for your decision", base.filter(state=VisitState.VETTING)))
    result = []
    for title, visits in sections:
        rows = list(visits[: QUEUE_SECTION_SIZE + 1])
        if rows:
            states = {visit.state for visit in rows}
            result.append(
                QueueSection(
                    title,
                    rows[:QUEUE_SECTION_SIZE],
                    state=states.pop() if len(states) == 1 else "",
                    more=len(rows) > QUEUE_SECTION_SIZE,
                )
            )
    return result


def security_visit_checks(visits: QuerySet[Visit]) -> list[tuple[str, QuerySet[Visit]]]:
    """What a security officer checks on visits beyond vetting: briefings, contact reports, late members."""
    return [
        (
            "Outgoing missions to brief before departure",
            visits.filter(
                kind=VisitKind.OUTGOING,
                state__in=[VisitState.APPROVED, VisitState.SCHEDULED],
                briefing__isnull=True,
            ),
        ),
        (
            "Returned missions without a contact report",
            visits.filter(kind=VisitKind.OUTGOING, state=VisitState.COMPLETED, contact_report__isnull=True),
        ),
        (
            "Members added after approval",
            visits.filter(parties__added_after_approval=True)
            .exclude(state__in=[VisitState.COMPLETED, VisitState.REPORTED])
            .distinct(),
        ),
    ]


def visits_upcoming_for_user(user: Any, *, today: dt.date | None = None) -> QuerySet[Visit]:
    """Approved and scheduled visits that have not ended, for the calendar feed."""
    today = today or timezone.localdate()
    return (
        visits_for_user(user)
        .filter(state__in=[VisitState.APPROVED, VisitState.SCHEDULED])
        .filter(Q(ends_on__gte=today) | Q(ends_on__isnull=True, proposed_end__gte=today))
        .select_related("council")
        .order_by("starts_on", "proposed_start")
    )


def calendar_user_for_token(token: str) -> Any | None:
    found = CalendarFeedToken.objects.select_related("user").filter(token=token).first()
    if found is None or not found.user.is_active:
        return None
    return found.user


def visit_parties_for_screening(visit: Visit) -> list[ScreeningSubject]:
    """Everyone due diligence screens for a visit: each member, and each member's organisation once."""
    subjects: list[ScreeningSubject] = []
    organisations: dict[str, str] = {}
    context = f"{visit.reference} {visit.organisation}"
    for party in VisitParty.objects.filter(visit=visit).order_by("pk"):
        subjects.append(
            ScreeningSubject(
                key=f"visits.visitparty:{party.pk}",
                kind=party.kind,
                name=party.name,
                name_original=party.name_original,
                organisation=party.organisation,
                role=party.role,
                nationality=party.nationality,
                date_of_birth=party.date_of_birth,
                council_id=visit.council_id,
                context=context,
                extra={"added_after_approval": party.added_after_approval},
            )
        )
        if party.kind == PartyKind.PERSON and party.organisation:
            organisations.setdefault(party.organisation.strip().casefold(), party.organisation.strip())
    visiting = visit.organisation.strip()
    if visiting:
        organisations[visiting.casefold()] = visiting
    named = {s.name.strip().casefold() for s in subjects if s.kind == PartyKind.ORGANISATION}
    for folded, name in organisations.items():
        if folded not in named:
            subjects.append(
                ScreeningSubject(
                    key=f"visits.visit:{visit.pk}:org:{folded}",
                    kind=PartyKind.ORGANISATION,
                    name=name,
                    role="Visiting organisation" if folded == visiting.casefold() else "A member's organisation",
                    council_id=visit.council_id,
                    context=context,
                )
            )
    return subjects


def visit_touches_sensitive_site(visit: Visit) -> bool:
    """A site asked for is marked sensitive, or an itinerary item is in a sensitive category."""
    return visit.sites_sensitive or any(item.is_sensitive for item in visit.itinerary.all())


def contact_log_parties_for_screening(entry: ContactLogEntry) -> list[ScreeningSubject]:
    """The people (one per line of `people`) and the organisation named in a contacts-log entry."""
    context = f"Contact {entry.occurred_on:%Y-%m-%d}: {entry.topic}"
    subjects = [
        ScreeningSubject(
            key=f"visits.contactlogentry:{entry.pk}:{index}",
            kind=PartyKind.PERSON,
            name=latin,
            name_original=original,
            organisation=entry.organisation,
            role=f"Contact on {entry.occurred_on:%Y-%m-%d}",
            council_id=entry.council_id,
            context=context,
        )
        for index, (latin, original) in enumerate(entry.people_list)
    ]
    for index, (name, role) in enumerate(
        [(entry.organisation, "Organisation in contact"), (entry.intermediary, "Intermediary")]
    ):
        if name.strip():
            subjects.append(
                ScreeningSubject(
                    key=f"visits.contactlogentry:{entry.pk}:org{index}",
                    kind=PartyKind.ORGANISATION,
                    name=name.strip(),
                    role=f"{role} on {entry.occurred_on:%Y-%m-%d}",
                    council_id=entry.council_id,
                    context=context,
                )
            )
    return subjects


def partnership_contacts_for_screening(partnership: Any) -> list[ScreeningSubject]:
    """Everyone named in a partnership's contacts log, entry by entry."""
    subjects: list[ScreeningSubject] = []
    for entry in ContactLogEntry.objects.filter(partnership=partnership).order_by("pk"):
        subjects.extend(contact_log_parties_for_screening(entry))
    return subjects


def visits_in_vetting(*, council_id: int | None = None) -> QuerySet[Visit]:
    """Visits waiting on due diligence (for its own queue)."""
    visits = Visit.objects.filter(state=VisitState.VETTING).select_related("council")
    return visits.filter(council_id=council_id) if council_id else visits


def contact_log_for_user(*, user: Any, partnership: Any | None = None) -> QuerySet[ContactLogEntry]:
    if not user_has_role(user, *STAFF_ROLES):
        return ContactLogEntry.objects.none()
    entries = scope_to_user_council(ContactLogEntry.objects.all(), user).select_related(
        "partnership__partner", "council", "recorded_by"
    )
    return entries.filter(partnership=partnership) if partnership is not None else entries


def partnerships_for_user(user: Any) -> QuerySet[Partnership]:
    """Partnerships (published or not) of the councils the person may read, with their log counts."""
    if not user_has_role(user, *STAFF_ROLES):
        return Partnership.objects.none()
    return (
        scope_to_user_council(Partnership.objects.all(), user)
        .select_related("partner", "council")
        .annotate(contact_count=Count("contact_log_entries"))
        .order_by("council__name", "partner__name")
    )


def messages_for_user(user: Any) -> QuerySet[PublicMessage]:
    if not user_has_role(user, *STAFF_ROLES):
        return PublicMessage.objects.none()
    return scope_to_user_council(PublicMessage.objects.all(), user)


# --- the desk ----------------------------------------------------------------------------------


def message_get_for_user(*, user: Any, pk: int) -> PublicMessage:
    message = (
        messages_for_user(user)
        .select_related("owner", "council", "partner_seeking__council")
        .prefetch_related("replies__sent_by")
        .filter(pk=pk)
    ).first()
    if message is None:
        raise Http404("No such message")
    return message


def desk_messages(*, user: Any, status: str = "", mine: bool = False) -> QuerySet[PublicMessage]:
    """Enquiries and feedback, the open ones first by due date; `status` 'open' means any open status."""
    messages = messages_for_user(user).select_related("owner")
    if status == "open":
        messages = messages.filter(status__in=DESK_OPEN)
    elif status:
        messages = messages.filter(status=status)
    if mine:
        messages = messages.filter(owner=user)
    return messages.order_by(F("due_on").asc(nulls_last=True), "-received_at", "-pk")


def desk_interests_in(*, user: Any, seeking_id: int) -> QuerySet[PublicMessage]:
    """Expressions of interest in one partner-seeking entry that the user's desk handles, newest first."""
    return (
        messages_for_user(user)
        .filter(kind=MessageKind.INTEREST, partner_seeking_id=seeking_id)
        .select_related("owner")
        .order_by("-received_at", "-pk")
    )


def desk_visit_requests(*, user: Any, mine: bool = False) -> QuerySet[Visit]:
    """Visit requests from the website still waiting for a first reply or a triage."""
    visits = (
        visits_for_user(user)
        .filter(source=VisitSource.PUBLIC_REQUEST)
        .filter(Q(state=VisitState.RECEIVED) | Q(reply_due_on__isnull=False))
        .exclude(state__in=[VisitState.DECLINED, VisitState.REPORTED])
        .select_related("owner")
    )
    if mine:
        visits = visits.filter(owner=user)
    return visits.order_by(F("reply_due_on").asc(nulls_last=True), "created_at", "pk")


def desk_staff_for(*, council_id: int) -> QuerySet[Any]:
    """Who can own an item on the council's desk: its active staff who work the desk."""
    from tuhono.accounts.models import User

    return (
        User.objects.filter(
            council_id=council_id,
            is_active=True,
            groups__name__in=[Role.PARTNERSHIPS_OFFICER, Role.ADMINISTRATOR],
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )
