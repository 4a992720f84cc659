"""MFAT's Russia Sanctions Register (.xlsx), read row by row (openpyxl read-only).

Columns, matched loosely because the published spelling varies between
editions: unique identifier, type (Individual, Entity, Vessel ...), first
name, middle name(s), last name (or entity name), aliases, date of birth,
citizenship 1-3, date of sanction, status of sanction, and ban flags
(travel ban, asset freeze, ...). The header row may sit below a title.
Entries whose status says revoked or removed are left out.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from followthemoney import EntityProxy

from .base import WatchlistFormatError, add_values, make_entity, split_multi

TYPE_SCHEMAS = {
    "individual": "Person",
    "person": "Person",
    "entity": "Organization",
    "organisation": "Organization",
    "organization": "Organization",
    "company": "Company",
    "vessel": "Vessel",
    "ship": "Vessel",
    "aircraft": "Airplane",
}


def _key(header: Any) -> str:
    return re.sub(r"[^a-z0-9]", "", str(header or "").lower())


def _column_role(key: str) -> str | None:
    if not key:
        return None
    if "alias" in key or key in {"aka", "alsoknownas"}:
        return "aliases"
    if key.startswith("first") or key.startswith("given"):
        return "first"
    if key.startswith("middle"):
        return "middle"
    if key.startswith("last") or key.startswith("surname") or key.startswith("family"):
        return "last"
    if "identifier" in key or key in {"id", "uniqueid", "reference", "referencenumber"}:
        return "id"
    if key in {"type", "entitytype", "typeofentity", "category"}:
        return "type"
    if key in {"dob", "dateofbirth", "birthdate", "dateofbirthdob"} or key.startswith("dateofbirth"):
        return "dob"
    if "citizenship" in key or "nationality" in key:
        return "citizenship"
    if "status" in key:
        return "status"
    if "sanction" in key and "date" in key:
        return "sanction_date"
    if "ban" in key or "freeze" in key or "prohibit" in key:
        return "flag"
    if "name" in key:
        return "name"
    return None


def _find_header(rows: Iterator[tuple[Any, ...]]) -> tuple[int, dict[int, tuple[str, str]]]:
    for number, row in enumerate(rows, start=1):
        roles = {i: (_column_role(_key(cell)), str(cell).strip()) for i, cell in enumerate(row)}
        found = {role for role, _ in roles.values() if role}
        if ("name" in found or "last" in found) and len(found) >= 3:
            return number, {i: (role, label) for i, (role, label) in roles.items() if role}
        if number >= 20:
            break
    raise WatchlistFormatError("no header row with name columns in the first 20 rows", line=1)


def _date(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value or "").strip()
    match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
    if match:
        day, month, year = match.groups()
        return f"{year}-{int(month):02d}-{int(day):02d}"
    return text


def read(path: Path) -> Iterator[EntityProxy]:
    from openpyxl import load_workbook

    from tuhono.core.uploads import UploadRefused, zip_guard

    try:
        zip_guard(path)
    except UploadRefused as exc:
        raise WatchlistFormatError(str(exc)) from exc
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a file that is not a workbook
        raise WatchlistFormatError(f"not a readable .xlsx workbook ({exc})") from exc
    try:
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header_row, columns = _find_header(rows)
        for number, row in enumerate(rows, start=header_row + 1):
            values: dict[str, list[Any]] = {}
            flags: list[str] = []
            for i, cell in enumerate(row):
                if i not in columns or cell is None or str(cell).strip() == "":
                    continue
                role, label = columns[i]
                if role == "flag":
                    if str(cell).strip().lower() in {"yes", "y", "true", "x", "1"}:
                        flags.append(label)
                    continue
                values.setdefault(role, []).append(cell)
            if not values:
                continue
            status = " ".join(str(v) for v in values.get("status", [])).lower()
            if "revoked" in status or "removed" in status or "delisted" in status:
                continue
            parts = [str(values[r][0]).strip() for r in ("first", "middle", "last") if r in values]
            name = " ".join(p for p in parts if p) or " ".join(str(v).strip() for v in values.get("name", []))
            if not name:
                raise WatchlistFormatError("an entry without a name", line=number)
            identifier = str((values.get("id") or [""])[0]).strip()
            if not identifier:
                raise WatchlistFormatError("an entry without a unique identifier", line=number)
            kind = str((values.get("type") or [""])[0]).strip().lower()
            schema = TYPE_SCHEMAS.get(kind, "Person" if "first" in values else "LegalEntity")
            proxy = make_entity(schema, f"nz-mfat-{identifier}", line=number)
            proxy.add("name", name)
            for alias in values.get("aliases", []):
                add_values(proxy, "alias", split_multi(str(alias).replace("\n", ";")))
            add_values(proxy, "birthDate", [_date(v) for v in values.get("dob", [])])
            citizenship = [str(v) for v in values.get("citizenship", [])]
            add_values(proxy, "nationality" if proxy.schema.get("nationality") else "country", citizenship)
            notes = [f"Sanctioned {_date(v)}" for v in values.get("sanction_date", [])]
            if flags:
                notes.append("Measures: " + ", ".join(flags))
            add_values(proxy, "notes", notes)
            proxy.add("topics", "sanction")
            proxy.context["datasets"] = ["nz_russia_sanctions"]
            yield proxy
    finally:
        workbook.close()
