"""Who may see and change which watch list. The services enforce this; the staff pages ask here.

| action                                 | a council's list                    | a national list (no council)         |
| -------------------------------------- | ----------------------------------- | ------------------------------------ |
| see the list, its versions and uploads | that council's security officers    | every security officer               |
| upload a new version (staged)          | that council's security officers    | security officers with no council    |
| confirm a staged version               | that council's security officers    | security officers with no council    |
| second confirmation (large removals)   | another of that council's officers  | another security officer, no council |
| restore an earlier version (staged)    | that council's security officers    | security officers with no council    |
| discard a staged version               | any who may confirm it              | any who may confirm it               |

Administrators, approvers, partnerships officers and national coordinators do none of this: a list
is due-diligence material, kept by the security officers it serves. A national list is kept by a
security officer who belongs to no council (the national security role), so no one council can
change, let alone empty, a list every council screens against. The command line
(`manage.py watchlist_import`) is the operator's own act and is not limited by this table.
"""

from __future__ import annotations

from typing import Any

from tuhono.accounts.enums import Role
from tuhono.accounts.selectors import user_has_role


def _security_officer(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user_has_role(user, Role.SECURITY_OFFICER)


def user_may_see_list(user: Any, council_id: int | None) -> bool:
    """`council_id` is the list's council, None for a national list."""
    if not _security_officer(user):
        return False
    return council_id is None or user.council_id == council_id


def user_may_keep_list(user: Any, council_id: int | None) -> bool:
    """Upload, confirm, restore: a security officer of the list's council (no council: a national list)."""
    if not _security_officer(user):
        return False
    return user.council_id == council_id


def user_may_keep_lists(user: Any) -> bool:
    """Whether the user keeps any list at all (their council's, or national ones)."""
    return _security_officer(user)


def list_scope_label(council: Any) -> str:
    return str(council) if council is not None else "National"
