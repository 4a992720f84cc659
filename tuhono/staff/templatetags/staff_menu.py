"""What the back office's menu offers the person signed in (their roles are read once per request)."""

from __future__ import annotations

from typing import Any

from django import template

from tuhono.vetting.permissions import may_open

register = template.Library()


@register.filter
def reads_due_diligence(user: Any) -> bool:
    """A security officer or approver of a council: the menu links to due diligence."""
    return may_open(user)
