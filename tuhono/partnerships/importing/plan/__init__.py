"""Planning an import: what each row means for the register, decided before anything is written.

The plan is what the back office previews and what `--dry-run` reports; applying
it (see apply.py) writes exactly what it lists.
"""

from .fields import parse_date, parse_kind, parse_status
from .rows import build_plan
from .specs import (
    CREATED,
    HOME_COUNTRY,
    MERGED,
    REJECTED,
    CouncilSpec,
    ImportPlan,
    PartnershipSpec,
    PlaceSpec,
    ProgressCallback,
    RowOutcome,
)

__all__ = [
    "CREATED",
    "HOME_COUNTRY",
    "MERGED",
    "REJECTED",
    "CouncilSpec",
    "ImportPlan",
    "PartnershipSpec",
    "PlaceSpec",
    "ProgressCallback",
    "RowOutcome",
    "build_plan",
    "parse_date",
    "parse_kind",
    "parse_status",
]
