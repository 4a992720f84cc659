"""OpenSanctions `entities.ftm.json`: one FollowTheMoney entity per line."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import orjson
from followthemoney import EntityProxy, model
from followthemoney.exc import InvalidData

from .base import WatchlistFormatError, open_text


def read(path: Path) -> Iterator[EntityProxy]:
    with open_text(path) as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                data = orjson.loads(line)
            except orjson.JSONDecodeError as exc:
                raise WatchlistFormatError(f"not JSON ({exc.msg})", line=number) from exc
            if not isinstance(data, dict):
                raise WatchlistFormatError("expected a JSON object", line=number)
            if not data.get("id") or not data.get("schema"):
                raise WatchlistFormatError("an entity needs an 'id' and a 'schema'", line=number)
            if not isinstance(data.get("properties", {}), dict):
                raise WatchlistFormatError("'properties' must be an object", line=number)
            try:
                proxy = model.get_proxy(data)
            except (InvalidData, TypeError, ValueError) as exc:
                raise WatchlistFormatError(str(exc), line=number) from exc
            datasets = data.get("datasets") or []
            proxy.context["datasets"] = [str(d) for d in datasets] if isinstance(datasets, list) else []
            yield proxy
