"""OpenSanctions `targets.simple.csv`: one row per target, several values joined with ';'.

Columns: id, schema, name, aliases, birth_date, countries, addresses,
identifiers, sanctions, phones, emails, dataset, first_seen, last_seen, last_change.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from followthemoney import EntityProxy

from .base import WatchlistFormatError, add_values, make_entity, open_text, split_multi

REQUIRED = {"id", "schema", "name"}


def read(path: Path) -> Iterator[EntityProxy]:
    with open_text(path) as handle:
        reader = csv.DictReader(handle)
        columns = {c.strip().lower() for c in reader.fieldnames or []}
        missing = REQUIRED - columns
        if missing:
            raise WatchlistFormatError(f"missing column(s) {', '.join(sorted(missing))}", line=1)
        try:
            for row in reader:
                row = {(k or "").strip().lower(): (v or "") for k, v in row.items() if k}
                number = reader.line_num
                if not row["id"].strip() or not row["name"].strip():
                    raise WatchlistFormatError("a target needs an id and a name", line=number)
                proxy = make_entity(row["schema"].strip() or "LegalEntity", row["id"].strip(), line=number)
                add_values(proxy, "name", row["name"])
                add_values(proxy, "alias", split_multi(row.get("aliases")))
                if proxy.schema.is_a("Person"):
                    add_values(proxy, "birthDate", split_multi(row.get("birth_date")))
                add_values(proxy, "country", split_multi(row.get("countries")))
                if proxy.schema.get("address"):
                    add_values(proxy, "address", split_multi(row.get("addresses")))
                add_values(proxy, "idNumber", split_multi(row.get("identifiers")))
                add_values(proxy, "notes", split_multi(row.get("sanctions")))
                if "sanction" not in proxy.get("topics") and row.get("sanctions", "").strip():
                    proxy.add("topics", "sanction")
                proxy.context["datasets"] = split_multi(row.get("dataset"))
                yield proxy
        except csv.Error as exc:
            raise WatchlistFormatError(f"broken CSV ({exc})", line=reader.line_num) from exc
