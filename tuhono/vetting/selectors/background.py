"""What the background screening work is doing, for the security officer's page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ScreeningWork:
    index: Any  # tuhono.watchlists.services.index_build.IndexStatus
    runs: list[Any]  # RescreenRun, newest first

    @property
    def building_percent(self) -> int:
        building = self.index.building or {}
        total = int(building.get("total") or 0)
        return min(100, int(100 * int(building.get("done") or 0) / total)) if total else 0


def screening_work(*, runs: int = 5) -> ScreeningWork:
    """The lists' screening index (ready, or how far its build has gone) and the latest re-screens.

    Counts only: no party, name or match is named, so it may be shown to every vetting worker.
    """
    from .. import engine
    from ..models import RescreenRun

    latest = list(RescreenRun.objects.select_related("list_version__source").order_by("-started_at", "-pk")[:runs])
    return ScreeningWork(index=engine.index_status(), runs=latest)
