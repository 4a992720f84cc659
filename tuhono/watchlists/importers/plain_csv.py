"""A plain CSV watch list, for a council's own list or one typed up from a letter.

Columns (header row required; only `name` is required; `full_name` is read as `name`):

    id           the entity's id in this list; if blank, one is made from schema, name and birth date
    schema       Person, Organization, Company, LegalEntity, Vessel, ... (default LegalEntity)
    name         the main name
    aliases      other names, separated by ';'
    birth_date   YYYY, YYYY-MM or YYYY-MM-DD (several separated by ';')
    nationality  ISO codes or country names, separated by ';'
    country      other countries linked to the entity, separated by ';'
    topics       FollowTheMoney topics, e.g. sanction;role.pep (default sanction)
    identifiers  passport, registration or other numbers, separated by ';'
    notes        free text
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterator
from pathlib import Path

from followthemoney import EntityProxy

from .base import WatchlistFormatError, add_values, make_entity, open_text, split_multi


def read(path: Path) -> Iterator[EntityProxy]:
    with open_text(path) as handle:
        reader = csv.DictReader(handle)
        columns = [(c or "").strip().lower() for c in reader.fieldnames or []]
        if "name" not in columns and "full_name" not in columns:
            raise WatchlistFormatError("missing column 'name'", line=1)
        try:
            for raw in reader:
                number = reader.line_num
                row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items() if k}
                name = row.get("name") or row.get("full_name") or ""
                if not name:
                    raise WatchlistFormatError("a row without a name", line=number)
                schema = row.get("schema") or "LegalEntity"
                entity_id = (
                    row.get("id")
                    or "csv-" + hashlib.sha256(f"{schema}|{name}|{row.get('birth_date', '')}".encode()).hexdigest()[:16]
                )
                proxy = make_entity(schema, entity_id, line=number)
                proxy.add("name", name)
                add_values(proxy, "alias", split_multi(row.get("aliases")))
                add_values(proxy, "birthDate", split_multi(row.get("birth_date")))
                nationality_prop = "nationality" if proxy.schema.get("nationality") else "country"
                add_values(proxy, nationality_prop, split_multi(row.get("nationality")))
                add_values(proxy, "country", split_multi(row.get("country")))
                add_values(proxy, "topics", split_multi(row.get("topics")) or ["sanction"])
                add_values(proxy, "idNumber", split_multi(row.get("identifiers")))
                add_values(proxy, "notes", row.get("notes"))
                proxy.context["datasets"] = []
                yield proxy
        except csv.Error as exc:
            raise WatchlistFormatError(f"broken CSV ({exc})", line=reader.line_num) from exc
