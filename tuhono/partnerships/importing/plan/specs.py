"""What a plan is made of: the places, councils and partnerships it will write, and each row's outcome."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from ..reader import ReadResult

CREATED, MERGED, REJECTED = "created", "merged", "rejected"
HOME_COUNTRY = "NZ"

ProgressCallback = Callable[[int, int], None]


@dataclass
class PlaceSpec:
    key: tuple
    name: str
    country_code: str
    latitude: float | None
    longitude: float | None
    geonames_id: int | None = None
    population: int | None = None
    alternate_names: list[str] = field(default_factory=list)
    existing_id: int | None = None


@dataclass
class CouncilSpec:
    name: str
    slug: str
    country_code: str
    region: str = ""
    seat_key: tuple | None = None
    existing_id: int | None = None
    successor_id: int | None = None  # for a legacy council: where its partnerships now live
    node: tuple = ()  # identity in a pair: the seat's place key (so A→B is B→A), or the slug

    @property
    def key(self) -> str:
        return self.slug


@dataclass
class PartnershipSpec:
    line: int
    council_key: str  # the council's slug
    partner_key: tuple
    kind: str
    status: str
    signed_on: dt.date | None
    signed_precision: str
    ended_on: dt.date | None
    ended_precision: str
    focus: list[str]
    source: str


@dataclass
class RowOutcome:
    line: int
    outcome: str
    reason: str
    council: str = ""
    partner: str = ""
    partner_country: str = ""
    latitude: float | None = None
    longitude: float | None = None
    located: bool = True
    notes: list[str] = field(default_factory=list)
    raw: str = ""


@dataclass
class ImportPlan:
    filename: str
    read: ReadResult
    places: dict[tuple, PlaceSpec] = field(default_factory=dict)
    councils: dict[str, CouncilSpec] = field(default_factory=dict)
    partnerships: list[PartnershipSpec] = field(default_factory=list)
    outcomes: list[RowOutcome] = field(default_factory=list)
    announced: set[str] = field(default_factory=set)

    def count(self, outcome: str) -> int:
        return sum(1 for row in self.outcomes if row.outcome == outcome)

    @property
    def unresolved(self) -> int:
        """Rows taken in whose partner could not be placed on the map."""
        return sum(1 for row in self.outcomes if row.outcome != REJECTED and not row.located)

    @property
    def new_councils(self) -> list[CouncilSpec]:
        return [spec for spec in self.councils.values() if spec.existing_id is None]

    @property
    def new_places(self) -> list[PlaceSpec]:
        return [spec for spec in self.places.values() if spec.existing_id is None]

    def summary(self) -> dict[str, int]:
        return {
            "rows_read": len(self.outcomes),
            "blank_lines": self.read.blank_lines,
            "created": self.count(CREATED),
            "merged": self.count(MERGED),
            "rejected": self.count(REJECTED),
            "unresolved": self.unresolved,
            "councils_created": len(self.new_councils),
            "places_created": len(self.new_places),
        }
