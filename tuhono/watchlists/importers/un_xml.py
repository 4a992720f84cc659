"""UN Security Council consolidated list (XML), read element by element with iterparse.

`CONSOLIDATED_LIST > INDIVIDUALS > INDIVIDUAL` (FIRST_NAME..FOURTH_NAME,
INDIVIDUAL_ALIAS, INDIVIDUAL_DATE_OF_BIRTH, NATIONALITY, INDIVIDUAL_DOCUMENT)
and `ENTITIES > ENTITY` (FIRST_NAME, ENTITY_ALIAS, ENTITY_ADDRESS).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from followthemoney import EntityProxy
from lxml import etree

from .base import WatchlistFormatError, add_values, make_entity


def _text(element: etree._Element, tag: str) -> str:
    found = element.find(tag)
    return (found.text or "").strip() if found is not None and found.text else ""


def _values(element: etree._Element, path: str) -> list[str]:
    return [(v.text or "").strip() for v in element.findall(path) if v.text and v.text.strip()]


def _birth_dates(element: etree._Element) -> list[str]:
    dates: list[str] = []
    for dob in element.findall("INDIVIDUAL_DATE_OF_BIRTH"):
        date = _text(dob, "DATE") or _text(dob, "YEAR")
        if date:
            dates.append(date[:10])
        from_year, to_year = _text(dob, "FROM_YEAR"), _text(dob, "TO_YEAR")
        if from_year.isdigit() and to_year.isdigit() and int(to_year) - int(from_year) < 20:
            dates.extend(str(year) for year in range(int(from_year), int(to_year) + 1))
    return dates


def _common(proxy: EntityProxy, element: etree._Element, alias_tag: str, address_tag: str) -> None:
    parts = [_text(element, tag) for tag in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
    name = " ".join(part for part in parts if part)
    if not name:
        raise WatchlistFormatError("an entry without a name", line=element.sourceline)
    proxy.add("name", name)
    add_values(proxy, "name", _text(element, "NAME_ORIGINAL_SCRIPT"))
    for alias in element.findall(alias_tag):
        alias_name = _text(alias, "ALIAS_NAME")
        quality = _text(alias, "QUALITY").lower()
        add_values(proxy, "weakAlias" if quality == "low" else "alias", alias_name)
    for address in element.findall(address_tag):
        add_values(proxy, "country", _text(address, "COUNTRY"))
    add_values(proxy, "notes", _text(element, "COMMENTS1"))
    reference = _text(element, "REFERENCE_NUMBER")
    if reference and proxy.schema.get("idNumber"):
        proxy.add("idNumber", reference)
    proxy.add("topics", "sanction")
    proxy.context["datasets"] = ["un_sc_sanctions"]


def read(path: Path) -> Iterator[EntityProxy]:
    seen_root = False
    try:
        for _event, element in etree.iterparse(
            str(path),
            events=("end",),
            tag=("INDIVIDUAL", "ENTITY", "CONSOLIDATED_LIST"),
            resolve_entities=False,
            no_network=True,
            huge_tree=True,
        ):
            if element.tag == "CONSOLIDATED_LIST":
                seen_root = True
                continue
            data_id = _text(element, "DATAID")
            if not data_id:
                raise WatchlistFormatError(f"{element.tag} without DATAID", line=element.sourceline)
            if element.tag == "INDIVIDUAL":
                proxy = make_entity("Person", f"unsc-{data_id}", line=element.sourceline)
                _common(proxy, element, "INDIVIDUAL_ALIAS", "INDIVIDUAL_ADDRESS")
                add_values(proxy, "birthDate", _birth_dates(element))
                add_values(proxy, "nationality", _values(element, "NATIONALITY/VALUE"))
                add_values(proxy, "position", _values(element, "DESIGNATION/VALUE"))
                add_values(proxy, "title", _values(element, "TITLE/VALUE"))
                for place in element.findall("INDIVIDUAL_PLACE_OF_BIRTH"):
                    bits = [_text(place, tag) for tag in ("CITY", "STATE_PROVINCE", "COUNTRY")]
                    add_values(proxy, "birthPlace", ", ".join(b for b in bits if b))
                for document in element.findall("INDIVIDUAL_DOCUMENT"):
                    add_values(proxy, "idNumber", _text(document, "NUMBER"))
            else:
                proxy = make_entity("Organization", f"unsc-{data_id}", line=element.sourceline)
                _common(proxy, element, "ENTITY_ALIAS", "ENTITY_ADDRESS")
            yield proxy
            element.clear(keep_tail=True)
            while element.getprevious() is not None:
                del element.getparent()[0]
    except etree.XMLSyntaxError as exc:
        raise WatchlistFormatError(f"broken XML ({exc.msg})", line=exc.lineno) from exc
    if not seen_root:
        raise WatchlistFormatError("no CONSOLIDATED_LIST element: not the UN consolidated list")
