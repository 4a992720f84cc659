"""The audit trail names every action with a member of `AuditAction`, whose values never change."""

import pytest
from django.core.management import call_command

from tuhono.accounts.models import User
from tuhono.audit.actions import AuditAction
from tuhono.audit.models import AuditEvent
from tuhono.audit.services import audit_record
from tuhono.councils.models import Council
from tuhono.visits import services as visits
from tuhono.visits.enums import DeskStatus, MessageKind


def test_every_action_has_its_own_value():
    # __members__ includes aliases: a second name given an existing value would show here.
    values = [member.value for member in AuditAction.__members__.values()]
    assert len(values) == len(set(values))


def test_every_value_names_its_area_and_what_happened():
    for member in AuditAction:
        area, _, what = member.value.partition(".")
        assert area and what and member.name == f"{area}_{what}".upper(), member


@pytest.mark.django_db
def test_a_name_outside_the_enum_is_refused_before_anything_is_written():
    council = Council.objects.create(name="Auckland Council", slug="auckland")
    with pytest.raises(ValueError):
        audit_record(actor=None, action="council.renamed", target=council)  # type: ignore[arg-type]
    assert not AuditEvent.objects.exists()


@pytest.mark.django_db
def test_the_services_write_only_members_and_the_trail_still_verifies(demo, capsys):
    officer = User.objects.get(username="officer")
    auckland = Council.objects.get(slug="auckland")
    for kind in (MessageKind.ENQUIRY, MessageKind.FEEDBACK):
        message = visits.message_submit(council=auckland, kind=kind, message="Kia ora", email="a@example.org")
    visits.desk_status_set(actor=officer, message=message, status=DeskStatus.IN_PROGRESS)
    visits.desk_assign(actor=officer, item=message, owner=officer)
    visits.desk_reply(actor=officer, item=message, subject="Re: kia ora", body="Thank you.")

    written = set(AuditEvent.objects.values_list("action", flat=True))
    assert written <= set(AuditAction)
    # The demo and the calls above reach every area of the register, visits, the desk and due diligence.
    assert {
        AuditAction.PARTNERSHIP_CREATED,
        AuditAction.VISIT_APPROVED,
        AuditAction.PUBLIC_MESSAGE_FEEDBACK_RECEIVED,
        AuditAction.DESK_REPLIED,
        AuditAction.VETTING_DECISION_SIGNED,
        AuditAction.WATCHLIST_VERSION_IMPORTED,
    } <= written
    call_command("audit_verify")
    assert "intact" in capsys.readouterr().out
