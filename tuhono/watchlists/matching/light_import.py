"""nomenklatura's logic-v2 without the trained models it ships beside it.

Importing any of `nomenklatura.matching`'s modules first runs that package's `__init__`, which imports every
algorithm nomenklatura ships, the trained regression models among them and with them scikit-learn and SciPy:
about 2 seconds and tens of megabytes in every process that screens, for code Tūhono never runs. That is most of
a fresh `manage.py screen`'s start-up. So the package is registered as a plain package over its own folder: its
modules (logic_v2, types, util) import as usual, and the rest of the package's names (LogicV1, ALGORITHMS, ...)
are read from its real `__init__` the first time anything asks for one.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import sys
import types
from pathlib import Path
from typing import Any

PACKAGE = "nomenklatura.matching"


def _full_package(module: types.ModuleType) -> None:
    init = Path(module.__path__[0]) / "__init__.py"
    importlib.machinery.SourceFileLoader(PACKAGE, str(init)).exec_module(module)
    module.__dict__.pop("__getattr__", None)


def install() -> None:
    """Register the light package, unless nomenklatura.matching is already imported (then nothing to save)."""
    if PACKAGE in sys.modules:
        return
    spec = importlib.util.find_spec("nomenklatura")
    if spec is None or not spec.submodule_search_locations:
        return
    folder = Path(next(iter(spec.submodule_search_locations))) / "matching"
    module = types.ModuleType(PACKAGE)
    module.__path__ = [str(folder)]
    module.__file__ = str(folder / "__init__.py")
    module.__package__ = PACKAGE

    def __getattr__(name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        _full_package(module)
        return getattr(module, name)

    module.__getattr__ = __getattr__  # type: ignore[method-assign]
    sys.modules[PACKAGE] = module
    import nomenklatura

    nomenklatura.matching = module  # type: ignore[attr-defined]
