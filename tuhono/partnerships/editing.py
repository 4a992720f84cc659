"""Two people editing one record: the second save is refused and told what the first one changed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models

from tuhono.audit.selectors import audit_events_for


@dataclass(frozen=True)
class ChangeSeen:
    """One change someone else saved since the form was opened."""

    when: Any
    who: str
    what: str


class EditConflict(Exception):
    """The record moved on since the form was opened; nothing was saved."""

    def __init__(self, *, record: models.Model, expected: int, current: int, changes: list[ChangeSeen]) -> None:
        self.record, self.expected, self.current, self.changes = record, expected, current, changes
        super().__init__(
            f"Someone else saved {record} since you opened it (version {expected}, now {current}). Nothing was saved."
        )


def _describe(model: type[models.Model], action: str, payload: dict[str, Any]) -> str:
    if "changes" in payload:
        parts = []
        for name, change in payload["changes"].items():
            try:
                label = str(getattr(model._meta.get_field(name), "verbose_name", name))
            except Exception:
                label = name.replace("_", " ")
            parts.append(f"{label} from “{_short(change.get('from'))}” to “{_short(change.get('to'))}”")
        return "changed " + "; ".join(parts) if parts else action
    if action.endswith("status_changed"):
        return f"changed the status from {payload.get('from')} to {payload.get('to')}"
    if action.endswith(".published"):
        return "published it"
    if action.endswith(".withdrawn"):
        return "withdrew it from the public pages"
    if action.endswith("member_added"):
        return f"added the member {payload.get('member')}"
    if action.endswith("member_removed"):
        return f"removed the member {payload.get('member')}"
    return action.split(".", 1)[-1].replace("_", " ")


def _short(value: Any) -> str:
    text = "" if value is None else (", ".join(map(str, value)) if isinstance(value, list) else str(value))
    return text if len(text) <= 80 else text[:77] + "…"


def changes_since(record: models.Model, version: int) -> list[ChangeSeen]:
    """The audited changes that moved the record past `version`, oldest first."""
    seen = []
    for event in audit_events_for(record).order_by("-sequence")[:100]:
        if int((event.payload or {}).get("version") or 0) > version:
            who = event.actor.get_full_name() if event.actor else ""
            seen.append(
                ChangeSeen(
                    when=event.occurred_at,
                    who=who or event.actor_label,
                    what=_describe(type(record), event.action, event.payload),
                )
            )
    return list(reversed(seen))


def check_version(record: models.Model, expected: int | None) -> None:
    """Lock the row and refuse when it has moved on since `expected` (None: no check)."""
    model = type(record)
    current = model._default_manager.select_for_update().filter(pk=record.pk).values_list("version", flat=True).get()
    if expected is not None and int(expected) != current:
        raise EditConflict(
            record=record, expected=int(expected), current=current, changes=changes_since(record, expected)
        )


def bump(record: models.Model) -> int:
    """Move the record's version on (the caller saves it)."""
    record.version = (record.version or 0) + 1  # type: ignore[attr-defined]
    return record.version  # type: ignore[attr-defined]
