import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from tuhono.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_verify_passes_on_an_untouched_trail(demo, capsys):
    call_command("audit_verify")
    assert "intact" in capsys.readouterr().out


def test_orm_refuses_to_rewrite_history(demo):
    event = AuditEvent.objects.first()
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=event.pk).delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.update(actor_label="someone else")


def _sql(statement: str, *params) -> None:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def test_verify_catches_an_edited_row(demo):
    event = AuditEvent.objects.filter(action="partnership.created").first()
    _sql("UPDATE audit_auditevent SET actor_label = %s WHERE id = %s", "innocent", event.pk)
    with pytest.raises(CommandError, match="broken"):
        call_command("audit_verify")


def test_verify_catches_a_deleted_row(demo):
    event = AuditEvent.objects.order_by("sequence")[3]
    _sql("DELETE FROM audit_auditevent WHERE id = %s", event.pk)
    with pytest.raises(CommandError, match="broken"):
        call_command("audit_verify")


def test_verify_catches_the_newest_row_removed(demo):
    event = AuditEvent.objects.order_by("-sequence").first()
    _sql("DELETE FROM audit_auditevent WHERE id = %s", event.pk)
    with pytest.raises(CommandError, match="broken"):
        call_command("audit_verify")


def test_verify_catches_reordering(demo):
    first, second = AuditEvent.objects.order_by("sequence")[1:3]
    _sql("UPDATE audit_auditevent SET sequence = %s WHERE id = %s", 10_000_000, first.pk)
    _sql("UPDATE audit_auditevent SET sequence = %s WHERE id = %s", first.sequence, second.pk)
    _sql("UPDATE audit_auditevent SET sequence = %s WHERE id = %s", second.sequence, first.pk)
    with pytest.raises(CommandError, match="broken"):
        call_command("audit_verify")
