import pytest
from django.core.management import CommandError, call_command

from tuhono.watchlists.enums import ListVersionStatus
from tuhono.watchlists.models import ListVersion

pytestmark = pytest.mark.django_db


def test_watchlist_import_command_reports_counts_and_reruns(fixtures, capsys):
    call_command("watchlist_import", str(fixtures / "consolidated.xml"), "--format", "un-xml", "--source", "UN")
    assert "4 entities (4 added, 0 changed, 0 removed)" in capsys.readouterr().out
    call_command("watchlist_import", str(fixtures / "consolidated.xml"), "--source", "UN")
    assert "nothing changed" in capsys.readouterr().out


def test_watchlist_import_command_refuses_malformed_file(fixtures):
    call_command("watchlist_import", str(fixtures / "entities.ftm.json"), "--source", "OS")
    with pytest.raises(CommandError, match=r"line 3.*previous version stays in force"):
        call_command("watchlist_import", str(fixtures / "malformed.ftm.json"), "--source", "OS")
    assert ListVersion.objects.get(status=ListVersionStatus.IN_FORCE).file_name == "entities.ftm.json"
