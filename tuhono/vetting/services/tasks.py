"""Background screening work, run by the task worker (`manage.py db_worker`)."""

from __future__ import annotations

from typing import Any

from django_tasks import task

from .rescreen import rescreen_pending, screen_pending_parties
from .screening import clearings_expired_rescreen


@task()
def screening_catch_up() -> dict[str, Any]:
    """Screen the parties that waited for the lists' index, then re-screen everyone against new versions,
    then everyone whose namesake clearing has expired.

    Safe to run again at any time: parties already screened and versions
    already re-screened are skipped, and a re-screen cut short goes on where it stopped.
    """
    screened = screen_pending_parties()
    runs = rescreen_pending()
    expired = clearings_expired_rescreen()
    return {
        "screened": screened,
        "rescreened_versions": [run.list_version_id for run in runs],
        "clearings_expired": expired,
    }


def screening_catch_up_schedule() -> None:
    """Queue `screening_catch_up` (after a list index is built, or when a security officer asks)."""
    screening_catch_up.enqueue()
