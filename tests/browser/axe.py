"""axe-core for the browser tests: one implementation, in the root conftest."""

from conftest import axe_violations

__all__ = ["axe_violations"]
