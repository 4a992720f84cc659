"""The visit workflow through its services: each legal move, each refused move, each audited."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from tuhono.audit.models import AuditEvent
from tuhono.visits import hooks, services
from tuhono.visits.enums import VisitKind, VisitState
from tuhono.visits.models import VisitTransition
from tuhono.visits.services.workflow import TRANSITIONS, TransitionRefused

pytestmark = pytest.mark.django_db
START, END = dt.date(2027, 3, 1), dt.date(2027, 3, 3)
AFTER = dt.date(2027, 3, 2)


def run(action, visit, staff):
    """Carry out one action as the role that may do it."""
    officer, approver = staff["officer"], staff["approver"]
    return {
        "triage": lambda: services.visit_triage(actor=officer, visit=visit),
        "send_to_vetting": lambda: services.visit_send_to_vetting(actor=officer, visit=visit),
        "approve": lambda: services.visit_approve(actor=approver, visit=visit),
        "decline": lambda: services.visit_decline(actor=approver, visit=visit, reason="Outside our programme"),
        "schedule": lambda: services.visit_schedule(actor=officer, visit=visit, starts_on=START, ends_on=END),
        "complete": lambda: services.visit_complete(actor=officer, visit=visit, today=AFTER),
        "report": lambda: services.visit_report(actor=officer, visit=visit, report="Agreed a planners' exchange"),
    }[action]()


PATH = ["triage", "send_to_vetting", "approve", "schedule", "complete", "report"]


def carry(visit, staff, upto: str):
    for action in PATH[: PATH.index(upto) + 1] if upto else []:
        run(action, visit, staff)
    visit.refresh_from_db()
    return visit


def test_a_visit_goes_from_received_to_reported_with_each_step_audited_and_mailed(
    make_visit, staff, django_capture_on_commit_callbacks
):
    visit = make_visit()
    assert visit.state == VisitState.RECEIVED
    expected = {
        "triage": ("triaged", "officer@example.nz"),
        "send_to_vetting": ("vetting", "security@example.nz"),
        "approve": ("approved", "officer@example.nz"),
        "schedule": ("scheduled", "officer@example.nz"),
        "complete": ("completed", "officer@example.nz"),
        "report": ("reported", "approver@example.nz"),
    }
    for action, (state, who_next) in expected.items():
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            run(action, visit, staff)
        visit.refresh_from_db()
        assert visit.state == state
        event = AuditEvent.objects.filter(target_id=str(visit.pk), target_type="visits.visit").latest("sequence")
        assert event.payload["to"] == state and event.actor == (
            staff["approver"] if action == "approve" else staff["officer"]
        )
        assert len(mail.outbox) == 1 and who_next in mail.outbox[0].to
        assert "dunedin@example.nz" not in mail.outbox[0].to
    assert [t.to_state for t in VisitTransition.objects.filter(visit=visit)] == [s for s, _ in expected.values()]
    assert visit.report == "Agreed a planners' exchange"


@pytest.mark.parametrize("upto", ["", "triage", "send_to_vetting"])
def test_decline_is_possible_until_a_decision_and_needs_a_reason(make_visit, staff, upto):
    visit = carry(make_visit(), staff, upto)
    with pytest.raises(TransitionRefused, match="Give the reason"):
        services.visit_decline(actor=staff["approver"], visit=visit, reason="  ")
    services.visit_decline(actor=staff["approver"], visit=visit, reason="Too little notice")
    visit.refresh_from_db()
    assert visit.state == VisitState.DECLINED and visit.decision_reason == "Too little notice"
    assert AuditEvent.objects.filter(action="visit.declined", target_id=str(visit.pk)).exists()


STATE_AFTER = {"": VisitState.RECEIVED, **{a: TRANSITIONS[a][1] for a in PATH}}


ILLEGAL = [
    (upto, action)
    for upto, state in STATE_AFTER.items()
    for action, (sources, _) in TRANSITIONS.items()
    if state not in sources
]


@pytest.mark.parametrize(("upto", "action"), ILLEGAL)
def test_every_move_the_workflow_does_not_allow_is_refused_with_a_message(make_visit, staff, upto, action):
    visit = carry(make_visit(), staff, upto)
    before = AuditEvent.objects.count()
    with pytest.raises(TransitionRefused) as refused:
        run(action, visit, staff)
    assert f"A visit that is {visit.get_state_display().lower()} cannot" in refused.value.messages[0]
    visit.refresh_from_db()
    assert visit.state == STATE_AFTER[upto]
    assert AuditEvent.objects.count() == before


def test_only_an_approver_of_the_visits_council_approves_or_declines(make_visit, staff):
    visit = carry(make_visit(), staff, "send_to_vetting")
    for who in ["officer", "security", "national", "dunedin_approver"]:
        with pytest.raises(PermissionDenied):
            services.visit_approve(actor=staff[who], visit=visit)
        with pytest.raises(PermissionDenied):
            services.visit_decline(actor=staff[who], visit=visit, reason="No")
    services.visit_approve(actor=staff["approver"], visit=visit)


def test_an_approver_cannot_do_the_officers_steps(make_visit, staff):
    visit = make_visit()
    with pytest.raises(PermissionDenied):
        services.visit_triage(actor=staff["approver"], visit=visit)
    with pytest.raises(PermissionDenied):
        services.visit_triage(actor=staff["dunedin"], visit=visit)


def test_a_vetting_hold_stops_approval_until_it_is_lifted(make_visit, staff):
    visit = carry(make_visit(), staff, "send_to_vetting")
    holds = ["Li Wei: possible match on a sanctions list, awaiting review"]

    def vetting(v):
        return list(holds) if v.pk == visit.pk else []

    hooks.register_approval_check(vetting)
    try:
        with pytest.raises(TransitionRefused, match="possible match on a sanctions list"):
            services.visit_approve(actor=staff["approver"], visit=visit)
        holds.clear()
        services.visit_approve(actor=staff["approver"], visit=visit)
        visit.refresh_from_db()
        assert visit.state == VisitState.APPROVED
        holds.append("A member added after approval is not screened")
        with pytest.raises(TransitionRefused, match="cannot be scheduled yet: due diligence holds it") as refused:
            services.visit_schedule(actor=staff["officer"], visit=visit, starts_on=START, ends_on=END)
        # The officer who schedules is not told what screening found.
        assert "not screened" not in str(refused.value)
    finally:
        hooks.unregister_approval_check(vetting)


def test_an_explicit_vetting_check_also_holds_approval(make_visit, staff):
    visit = carry(make_visit(), staff, "send_to_vetting")
    with pytest.raises(TransitionRefused, match="not screened"):
        services.visit_approve(actor=staff["approver"], visit=visit, vetting_check=lambda v: ["not screened"])


def test_a_visit_without_members_cannot_go_to_vetting(make_visit, staff):
    visit = carry(make_visit(members=[]), staff, "triage")
    with pytest.raises(TransitionRefused, match="Add the delegation's members"):
        services.visit_send_to_vetting(actor=staff["officer"], visit=visit)


def test_schedule_needs_sensible_dates_and_complete_waits_for_the_start(make_visit, staff):
    visit = carry(make_visit(), staff, "approve")
    with pytest.raises(TransitionRefused, match="cannot end before it starts"):
        services.visit_schedule(actor=staff["officer"], visit=visit, starts_on=END, ends_on=START)
    services.visit_schedule(actor=staff["officer"], visit=visit, starts_on=START, ends_on=END)
    with pytest.raises(TransitionRefused, match="has not started yet"):
        services.visit_complete(actor=staff["officer"], visit=visit, today=START - dt.timedelta(days=1))


def test_an_outgoing_mission_needs_a_briefing_before_and_a_contact_report_after(
    make_visit, staff, django_capture_on_commit_callbacks
):
    visit = carry(make_visit(kind=VisitKind.OUTGOING), staff, "schedule")
    with pytest.raises(TransitionRefused, match="pre-travel briefing"):
        services.visit_complete(actor=staff["officer"], visit=visit, today=AFTER)
    services.travel_briefing_record(
        actor=staff["security"], visit=visit, briefed_on=START, attendees="Mission", devices="Loan phones"
    )
    services.visit_complete(actor=staff["officer"], visit=visit, today=AFTER)
    with pytest.raises(TransitionRefused, match="contact report"):
        services.visit_report(actor=staff["officer"], visit=visit, report="Done")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.contact_report_record(
            actor=staff["security"], visit=visit, people_met="Port CEO", has_concern=True, concerns="Asked for data"
        )
    assert mail.outbox[0].to == ["security@example.nz"] and "Asked for data" in mail.outbox[0].body
    services.visit_report(actor=staff["officer"], visit=visit, report="Done")
    actions = set(AuditEvent.objects.filter(target_id__in=[str(visit.pk)]).values_list("action", flat=True))
    assert {"visit.completed", "visit.reported"} <= actions
    assert AuditEvent.objects.filter(action="visit.briefing_recorded").exists()
    assert AuditEvent.objects.filter(action="visit.contact_report_recorded").exists()


def test_a_member_added_after_approval_is_flagged_and_security_told(
    make_visit, staff, django_capture_on_commit_callbacks
):
    visit = carry(make_visit(), staff, "approve")
    with django_capture_on_commit_callbacks(execute=True):
        party = services.party_add(actor=staff["officer"], visit=visit, name="Wang Fang", name_original="王芳")
    assert party.added_after_approval
    message = mail.outbox[-1]
    assert "security@example.nz" in message.to and "added after approval" in message.subject
    # The email says that someone was added, never who: the name stays in Tūhono, behind sign-in.
    assert "Wang Fang" not in message.subject + message.body and "王芳" not in message.body
    event = AuditEvent.objects.get(action="visit.party_added_late")
    assert "Wang Fang" not in str(event.payload)


def test_a_closed_visit_refuses_changes(make_visit, staff):
    visit = make_visit()
    services.visit_decline(actor=staff["approver"], visit=visit, reason="No")
    visit.refresh_from_db()
    with pytest.raises(ValidationError, match="declined"):
        services.party_add(actor=staff["officer"], visit=visit, name="Late Comer")


def test_references_are_unique_and_count_up(make_visit):
    first, second = make_visit(), make_visit()
    year = dt.date.today().year
    assert first.reference == f"TUH-{year}-0001" and second.reference == f"TUH-{year}-0002"
