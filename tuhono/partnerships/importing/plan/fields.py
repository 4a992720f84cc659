"""Reading a row's optional fields (kind, status, dates) as people write them, with a note for what was guessed."""

from __future__ import annotations

import datetime as dt
import re

from django.utils.text import slugify

from tuhono.core.dates import DatePrecision, parse_partial_date

from ...enums import PartnershipKind, PartnershipStatus

_KIND_WORDS = [
    ("memorandum", PartnershipKind.MEMORANDUM_OF_COOPERATION),
    ("mou", PartnershipKind.MEMORANDUM_OF_COOPERATION),
    ("cooperation", PartnershipKind.MEMORANDUM_OF_COOPERATION),
    ("letter", PartnershipKind.LETTER_OF_INTENT),
    ("strategic", PartnershipKind.STRATEGIC_ALLIANCE),
    ("agreement", PartnershipKind.FRIENDSHIP_AGREEMENT),
    ("friend", PartnershipKind.FRIENDSHIP_CITY),
    ("partner", PartnershipKind.PARTNER_CITY),
    ("sister", PartnershipKind.SISTER_CITY),
    ("twin", PartnershipKind.SISTER_CITY),
]
_STATUS_WORDS = {
    "current": PartnershipStatus.ACTIVE,
    "inactive": PartnershipStatus.DORMANT,
    "former": PartnershipStatus.ENDED,
    "terminated": PartnershipStatus.ENDED,
    "cancelled": PartnershipStatus.ENDED,
    "planned": PartnershipStatus.PROPOSED,
}
_YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")


def parse_kind(text: str, notes: list[str]) -> str:
    folded = slugify(text).replace("-", "_")
    if not folded:
        return PartnershipKind.SISTER_CITY
    if folded in PartnershipKind.values:
        return folded
    for word, kind in _KIND_WORDS:
        if word in folded:
            return kind
    notes.append(f"kind '{text}' not recognised: recorded as a sister city")
    return PartnershipKind.SISTER_CITY


def parse_status(text: str, has_end: bool, notes: list[str]) -> str:
    folded = slugify(text).replace("-", "_")
    if not folded:
        return PartnershipStatus.ENDED if has_end else PartnershipStatus.ACTIVE
    if folded in PartnershipStatus.values:
        return folded
    for label, value in PartnershipStatus.choices:
        if slugify(label).replace("-", "_") == folded:
            return value
    if folded in _STATUS_WORDS:
        return _STATUS_WORDS[folded]
    notes.append(f"status '{text}' not recognised: recorded as active")
    return PartnershipStatus.ACTIVE


def parse_date(text: str, label: str, notes: list[str]) -> tuple[dt.date | None, str]:
    if not text:
        return None, DatePrecision.YEAR
    try:
        return parse_partial_date(text)
    except (ValueError, OverflowError):
        pass
    match = _YEAR.search(text)
    if match:
        notes.append(f"{label} date '{text}' read as the year {match.group(1)}")
        return dt.date(int(match.group(1)), 1, 1), DatePrecision.YEAR
    notes.append(f"{label} date '{text}' not understood: left blank")
    return None, DatePrecision.YEAR
