"""Two people editing one record: the second save is refused and told what the first one changed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
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
            label = _label(model, name)
            parts.append(f"{label} from “{_short(change.get('from'))}” to “{_short(change.get('to'))}”")
        return "changed " + "; ".join(parts) if parts else action
    if "fields" in payload:  # only the names: the values may be someone's contact details
        labels = [_label(model, name) for name in payload["fields"]]
        return "changed " + ", ".join(labels) if labels else action
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


def _label(model: type[models.Model], name: str) -> str:
    try:
        return str(getattr(model._meta.get_field(name), "verbose_name", name))
    except Exception:
        return name.replace("_", " ")


def _short(value: Any) -> str:
    text = "" if value is None else (", ".join(map(str, value)) if isinstance(value, list) else str(value))
    return text if len(text) <= 80 else text[:77] + "…"


def changes_since(record: models.Model, version: int, *, audited_on: models.Model | None = None) -> list[ChangeSeen]:
    """The audited changes that moved the record past `version`, oldest first.

    `audited_on`: the record whose trail holds the events, when it is not `record` itself (a milestone's
    events are its partnership's); those events name the record by `<model name>_id` in their payload.
    """
    key = f"{record._meta.model_name}_id" if audited_on is not None else ""
    seen = []
    for event in audit_events_for(audited_on or record).order_by("-sequence")[:100]:
        payload = event.payload or {}
        if key and payload.get(key) != record.pk:
            continue
        if int(payload.get("version") or 0) > version:
            who = event.actor.get_full_name() if event.actor else ""
            seen.append(
                ChangeSeen(
                    when=event.occurred_at,
                    who=who or event.actor_label,
                    what=_describe(type(record), event.action, payload),
                )
            )
    return list(reversed(seen))


def check_version(record: models.Model, expected: int | None, *, audited_on: models.Model | None = None) -> None:
    """Lock the row and refuse when it has moved on since `expected` (None: no check), or is gone."""
    model = type(record)
    current = model._default_manager.select_for_update().filter(pk=record.pk).values_list("version", flat=True).first()
    if current is None:
        raise ValidationError(f"Someone else removed this {model._meta.verbose_name} since you opened it.")
    if expected is not None and int(expected) != current:
        raise EditConflict(
            record=record,
            expected=int(expected),
            current=current,
            changes=changes_since(record, expected, audited_on=audited_on),
        )


def bump(record: models.Model) -> int:
    """Move the record's version on (the caller saves it)."""
    record.version = (record.version or 0) + 1  # type: ignore[attr-defined]
    return record.version  # type: ignore[attr-defined]
