"""Due-diligence fixtures live in fixtures.py so the staff page tests can use them too."""

from .fixtures import *  # noqa: F403
