"""A screening process starts without nomenklatura's trained models, and code that wants them still gets them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

PROBE = """
import sys
from tuhono.watchlists.matching import scoring
print("after scoring:", "sklearn" in sys.modules)
from nomenklatura.matching import LogicV2, ALGORITHMS
from nomenklatura.matching.logic_v2.model import LogicV2 as direct
print("full package:", LogicV2 is direct, len(ALGORITHMS) > 2, "sklearn" in sys.modules)
"""


def test_screening_loads_no_trained_models_and_the_full_package_still_imports() -> None:
    # A fresh interpreter: this test process may already hold the full package.
    result = subprocess.run(  # noqa: S603 (this interpreter, a fixed probe)
        [sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120, check=True
    )
    assert "after scoring: False" in result.stdout
    assert "full package: True True True" in result.stdout
