"""The public transparency register: the one read of due diligence the public site may make."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..models import Arrangement

# --- the public transparency register ------------------------------------------------------


@dataclass(frozen=True)
class PublicNotice:
    stage: str
    notified_on: dt.date
    recipient: str
    response: str
    response_on: dt.date | None


@dataclass(frozen=True)
class PublicArrangement:
    """What the public may know of one foreign arrangement. Nothing here comes from an assessment."""

    kind: str
    title: str
    url_name: str
    slug: str
    parties: tuple[str, ...]
    council: str
    council_slugs: tuple[str, ...]
    country: str
    signed: str
    ended: str
    status: str
    agreement_published: bool
    agreement_text: str
    agreement_url: str
    notices: tuple[PublicNotice, ...]

    @property
    def government_notified(self) -> bool:
        return bool(self.notices)

    @property
    def government_decision(self) -> str:
        decided = [n for n in self.notices if n.response != "no response yet"]
        return decided[-1].response if decided else ""


def transparency_register(*, council_slug: str = "") -> list[PublicArrangement]:
    """Every published partnership and alliance as a foreign arrangement: parties, dates, the agreement
    where published, and whether government was notified and what it decided.

    The only read of this domain the public site may make. It returns public
    fields only; an assessment, a screening or a council decision never passes through here.
    `council_slug` narrows it to one council's arrangements (and the alliances it belongs to).
    """
    from tuhono.partnerships.selectors import alliance_list_public, partnership_queryset_public
    from tuhono.places.countries import country_name

    from ..enums import GovernmentResponse, NoticeStage

    stages = dict(NoticeStage.choices)
    responses = dict(GovernmentResponse.choices)
    arrangements = {
        (a.partnership_id, a.alliance_id): a
        for a in Arrangement.objects.prefetch_related("notices").only(
            "pk", "partnership_id", "alliance_id", "agreement_published", "agreement_text", "agreement_url"
        )
    }

    def public_part(arrangement: Arrangement | None) -> dict[str, Any]:
        if arrangement is None:
            return {"agreement_published": False, "agreement_text": "", "agreement_url": "", "notices": ()}
        published = arrangement.agreement_published
        return {
            "agreement_published": published,
            "agreement_text": arrangement.agreement_text if published else "",
            "agreement_url": arrangement.agreement_url if published else "",
            "notices": tuple(
                PublicNotice(
                    stage=str(stages[n.stage]),
                    notified_on=n.notified_on,
                    recipient=n.recipient,
                    response=str(responses[n.response]).lower(),
                    response_on=n.response_on,
                )
                for n in arrangement.notices.all()
            ),
        }

    rows: list[PublicArrangement] = []
    for p in partnership_queryset_public().order_by("council__name", "partner__name"):
        rows.append(
            PublicArrangement(
                kind=p.get_kind_display(),
                title=f"{p.council.name} – {p.partner.name}",
                url_name="public:partnership_detail",
                slug=p.slug,
                parties=tuple(x for x in (p.council.name, p.partner_authority or p.partner.name) if x),
                council=p.council.name,
                council_slugs=(p.council.slug,),
                country=country_name(p.partner.country_code),
                signed=p.signed_display,
                ended=p.ended_display,
                status=p.get_status_display(),
                **public_part(arrangements.get((p.pk, None))),
            )
        )
    for alliance in alliance_list_public():
        rows.append(
            PublicArrangement(
                kind=alliance.get_kind_display(),
                title=alliance.name,
                url_name="public:alliance_detail",
                slug=alliance.slug,
                parties=tuple(str(m) for m in alliance.members.all()),
                council="",
                council_slugs=tuple(m.council.slug for m in alliance.members.all() if m.council is not None),
                country="",
                signed=alliance.started_display,
                ended=str(alliance.ended_on.year) if alliance.ended_on else "",
                status="Ended" if alliance.ended_on else "Current",
                **public_part(arrangements.get((None, alliance.pk))),
            )
        )
    if council_slug:
        rows = [row for row in rows if council_slug in row.council_slugs]
    return rows
