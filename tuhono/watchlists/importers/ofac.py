"""OFAC SDN in CSV: `sdn.csv` (no header, nulls written `-0-`) with `alt.csv` and `add.csv` beside it.

sdn.csv:  ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type,
          Tonnage, GRT, Vess_flag, Vess_owner, Remarks
alt.csv:  ent_num, alt_num, alt_type (aka, fka, nka), alt_name, alt_remarks
add.csv:  ent_num, add_num, address, city_state_zip, country, add_remarks

Aliases and addresses are read first (they are small next to the entity
count of a large list), then sdn.csv is streamed. Dates of birth, places of
birth and nationalities sit in the Remarks ('DOB 15 Jun 1953; nationality China').
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path

from followthemoney import EntityProxy

from .base import WatchlistFormatError, add_values, make_entity, open_text

NULL = "-0-"
SCHEMAS = {"individual": "Person", "vessel": "Vessel", "aircraft": "Airplane", "": "Organization"}
DOB_RE = re.compile(r"\bDOB (?:circa )?([0-9]{1,2} [A-Z][a-z]{2} [0-9]{4}|[A-Z][a-z]{2} [0-9]{4}|[0-9]{4})")
NATIONALITY_RE = re.compile(r"\b(?:nationality|citizen(?:ship)?) ([A-Za-z ,.'-]+?)(?:;|\.|$)")
MONTHS = {
    m: i
    for i, m in enumerate(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], start=1)
}


def _clean(value: str) -> str:
    value = (value or "").strip()
    return "" if value == NULL else value


def _iso_date(text: str) -> str:
    parts = text.split()
    if len(parts) == 3 and parts[1] in MONTHS:
        return f"{parts[2]}-{MONTHS[parts[1]]:02d}-{int(parts[0]):02d}"
    if len(parts) == 2 and parts[0] in MONTHS:
        return f"{parts[1]}-{MONTHS[parts[0]]:02d}"
    return text


def _person_name(name: str) -> str:
    # OFAC writes people 'LAST, First Middle'.
    if "," in name:
        last, _, first = name.partition(",")
        return f"{first.strip()} {last.strip()}".strip()
    return name


def _rows(path: Path, min_columns: int) -> Iterator[tuple[int, list[str]]]:
    """Each row of a file with its line number; blank lines and the DOS end-of-file mark skipped."""
    with open_text(path) as handle:
        reader = csv.reader(handle)
        try:
            for row in reader:
                if not row or (len(row) == 1 and not row[0].strip()) or row[0].startswith("\x1a"):
                    continue
                if len(row) < min_columns:
                    raise WatchlistFormatError(
                        f"expected {min_columns} columns, found {len(row)}",
                        line=reader.line_num,
                        file_name=path.name,
                    )
                yield reader.line_num, row
        except csv.Error as exc:
            raise WatchlistFormatError(f"broken CSV ({exc})", line=reader.line_num, file_name=path.name) from exc


def _side_file(path: Path, min_columns: int) -> dict[str, list[list[str]]]:
    rows: dict[str, list[list[str]]] = {}
    if path.exists():
        for _, row in _rows(path, min_columns):
            rows.setdefault(row[0].strip(), []).append([_clean(v) for v in row])
    return rows


def read(path: Path) -> Iterator[EntityProxy]:
    aliases = _side_file(path.with_name("alt.csv"), 4)
    addresses = _side_file(path.with_name("add.csv"), 5)
    for number, row in _rows(path, 12):
        ent_num, name, sdn_type = row[0].strip(), _clean(row[1]), _clean(row[2]).lower()
        if not ent_num.isdigit():
            raise WatchlistFormatError(
                f"ent_num {ent_num!r} is not a number (sdn.csv has no header row)",
                line=number,
                file_name=path.name,
            )
        if not name:
            raise WatchlistFormatError("an entry without a name", line=number, file_name=path.name)
        schema = SCHEMAS.get(sdn_type, "LegalEntity")
        proxy = make_entity(schema, f"ofac-{ent_num}", line=number)
        is_person = schema == "Person"
        proxy.add("name", _person_name(name) if is_person else name)
        for alt in aliases.get(ent_num, []):
            alt_name = _person_name(alt[3]) if is_person else alt[3]
            add_values(proxy, "weakAlias" if alt[2].lower() == "weak aka" else "alias", alt_name)
        for address in addresses.get(ent_num, []):
            add_values(proxy, "country", address[4])
        remarks = _clean(row[11])
        add_values(proxy, "notes", remarks)
        add_values(proxy, "program", _clean(row[3]))
        if is_person:
            add_values(proxy, "title", _clean(row[4]))
            add_values(proxy, "birthDate", [_iso_date(d) for d in DOB_RE.findall(remarks)])
            add_values(proxy, "nationality", NATIONALITY_RE.findall(remarks))
        if schema == "Vessel":
            add_values(proxy, "callSign", _clean(row[5]))
            add_values(proxy, "flag", _clean(row[9]))
        proxy.add("topics", "sanction")
        proxy.context["datasets"] = ["us_ofac_sdn"]
        yield proxy
