"""The map data of a large register, grouped on the server for the zoom the map shows.

A council's own register (tens of partnerships) or the national one (154) goes to the map whole,
and the map groups nearby markers itself. A register of tens of thousands would be megabytes
that no one can see at once: above `TUHONO_MAP_FULL_LIMIT` partnerships, a map that says its zoom
level gets the partnerships grouped in a grid of cells that halve in size at each level (11.25° at
level 0, about 1 km at level 10), inside the area it shows. A cell with one partnership gives the
partnership itself; a cell with several gives one feature with their count and first names. The
map asks again when it zooms in or moves, so each answer stays small and, being one of a few fixed
cells and areas, is served from the page cache.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings

LEVEL0_CELL_DEGREES = 11.25
MAX_LEVEL = 10
CLUSTER_NAMES = 8
ZOOM_RE = re.compile(r"[0-9]{1,2}")  # ASCII digits only: str.isdigit() also accepts '²', which int() refuses


@dataclass(frozen=True)
class Area:
    """West, south, east, north in degrees; west > east when the area crosses the 180° meridian."""

    west: float
    south: float
    east: float
    north: float

    def contains(self, longitude: float, latitude: float) -> bool:
        if not self.south <= latitude <= self.north:
            return False
        if self.west <= self.east:
            return self.west <= longitude <= self.east
        return longitude >= self.west or longitude <= self.east


@dataclass
class MapView:
    level: int | None = None
    area: Area | None = None
    errors: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_params(cls, params: Any) -> MapView:
        view = cls()
        zoom = (params.get("zoom") or "").strip()
        if zoom:
            if ZOOM_RE.fullmatch(zoom) and int(zoom) <= MAX_LEVEL:
                view.level = int(zoom)
            else:
                view.errors["zoom"] = f"'{zoom[:20]}' is not a zoom level: give a whole number from 0 to {MAX_LEVEL}."
        bbox = (params.get("bbox") or "").strip()
        if bbox:
            try:
                west, south, east, north = (float(part) for part in bbox.split(","))
            except ValueError:
                view.errors["bbox"] = "Give the area as west,south,east,north in degrees."
            else:
                if not all(math.isfinite(v) for v in (west, south, east, north)) or not (
                    -180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90
                ):
                    view.errors["bbox"] = "The area is outside the world: longitudes -180 to 180, latitudes -90 to 90."
                else:
                    view.area = Area(west, south, east, north)
        return view


def full_limit() -> int:
    return int(settings.TUHONO_MAP_FULL_LIMIT)


def cell_degrees(level: int) -> float:
    return LEVEL0_CELL_DEGREES / (2**level)


def grouped_features(rows: list[dict[str, Any]], level: int, single: Any, digits: int = 4) -> list[dict[str, Any]]:
    """One feature per occupied cell: the partnership itself when alone, else a group.

    `single(row)` makes the feature of one partnership, as the map data always does.
    """
    size = cell_degrees(level)
    cells: dict[tuple[int, int], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        longitude, latitude = row["partner__longitude"], row["partner__latitude"]
        cells[(math.floor((longitude + 180) / size), math.floor((latitude + 90) / size))].append(row)
    features = []
    for (x, y), members in sorted(cells.items()):
        if len(members) == 1:
            features.append(single(members[0]))
            continue
        names = sorted({member["partner__name"] for member in members})
        active = sum(1 for member in members if member["status"] == "active")
        features.append(
            {
                "type": "Feature",
                "id": f"g{level}-{x}-{y}",
                "geometry": {
                    "type": "Point",
                    "coordinates": [
                        round(sum(m["partner__longitude"] for m in members) / len(members), digits),
                        round(sum(m["partner__latitude"] for m in members) / len(members), digits),
                    ],
                },
                "properties": {
                    "group": True,
                    "count": len(members),
                    "active": active,
                    "names": names[:CLUSTER_NAMES],
                    "bbox": [
                        min(m["partner__longitude"] for m in members),
                        min(m["partner__latitude"] for m in members),
                        max(m["partner__longitude"] for m in members),
                        max(m["partner__latitude"] for m in members),
                    ],
                },
            }
        )
    return features
