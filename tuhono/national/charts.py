"""Bar charts drawn on the server as SVG: geometry here, markup in templates/national/_chart.html.

Each chart is an accessible image (role="img" with a <title>) and is always followed by the same
figures as a table. Colours and sizes come from CSS classes: no style attributes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

LABEL_WIDTH = 190
BAR_AREA = 330
ROW_HEIGHT = 28
BAR_HEIGHT = 18
TOP = 8


@dataclass
class Bar:
    label: str
    count: int
    y: int
    width: int
    text_y: int
    value_x: int
    href: str = ""


@dataclass
class Chart:
    slug: str
    title: str
    bars: list[Bar] = field(default_factory=list)
    height: int = 0
    width: int = LABEL_WIDTH + BAR_AREA + 60
    label_width: int = LABEL_WIDTH
    column: str = "Category"

    @property
    def total(self) -> int:
        return sum(bar.count for bar in self.bars)

    @property
    def summary(self) -> str:
        if not self.bars:
            return f"{self.title}: no partnerships to count."
        top = max(self.bars, key=lambda bar: bar.count)
        return (
            f"{self.title}. {len(self.bars)} groups, {self.total} in all; the largest is {top.label} with {top.count}."
        )


def bar_chart(slug: str, title: str, tallies: list[Any], *, column: str = "Category", link: Any = None) -> Chart:
    """A horizontal bar chart of (label, count) tallies, scaled to the largest."""
    chart = Chart(slug=slug, title=title, column=column)
    biggest = max((tally.count for tally in tallies), default=0) or 1
    for index, tally in enumerate(tallies):
        y = TOP + index * ROW_HEIGHT
        width = max(1, round(BAR_AREA * tally.count / biggest)) if tally.count else 0
        chart.bars.append(
            Bar(
                label=tally.label,
                count=tally.count,
                y=y,
                width=width,
                text_y=y + BAR_HEIGHT - 4,
                value_x=LABEL_WIDTH + width + 6,
                href=link(tally) if link and tally.key else "",
            )
        )
    chart.height = TOP * 2 + len(tallies) * ROW_HEIGHT
    return chart
