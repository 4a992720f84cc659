"""A person added while the lists' screening index is being built waits as pending, then the worker screens them."""

# ruff: noqa: F811 - the due-diligence fixtures are imported by name and used as arguments

import pytest
from django.core.management import call_command
from django.urls import reverse

from tuhono.vetting.enums import ScreeningStatus
from tuhono.vetting.models import RescreenRun, ScreenedParty
from tuhono.vetting.tests.conftest import LIST_V1
from tuhono.vetting.tests.fixtures import (  # noqa: F401 - fixtures
    council,
    councils,
    fresh_watchlist_index,
    import_list,
    proposed,
    staff,
)


# Real commits: the worker claims tasks and closes its database connection as in production.
@pytest.mark.django_db(transaction=True)
def test_a_counterpart_added_before_the_index_is_built_is_pending_until_the_worker_screens_them(
    staff_client, staff, proposed, import_list, settings
):
    # Tasks go to the database queue, as in production; nobody works it until the end.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    version = import_list(LIST_V1)
    client = staff_client("security")
    queue = client.get(reverse("staff:vetting:queue")).content.decode()
    assert "Screening pending:" in queue and "queued for building" in queue

    response = client.post(
        reverse("staff:vetting:counterpart_add", args=["partnership", proposed.pk]),
        {"name": "Sergei Lavrov", "aliases": "", "role": "official", "schema": "Person"},
    )
    assert response.status_code == 302  # saved at once, nothing built in the request
    party = ScreenedParty.objects.get(name="Sergei Lavrov")
    assert party.status == ScreeningStatus.PENDING and not party.matches.exists()
    detail = client.get(reverse("staff:vetting:party", args=[party.pk])).content.decode()
    assert "Screening pending" in detail
    case = client.get(reverse("staff:vetting:case", args=["partnership", proposed.pk])).content.decode()
    assert "Screening pending" in case

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    party.refresh_from_db()
    assert party.status == ScreeningStatus.ALERT
    assert party.matches.get().entity_id == "NK-lavrov"
    assert version in party.screened_against.all()
    run = RescreenRun.objects.get(list_version=version)
    assert run.finished_at is not None
    queue = client.get(reverse("staff:vetting:queue")).content.decode()
    assert "Screening pending:" not in queue
    assert "Screening index ready for list version" in queue and "Finished" in queue
