from pathlib import Path

import pytest

from tuhono.watchlists.services.screening import reset_index

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(autouse=True)
def _fresh_index():
    # The candidate index is cached per process by the versions in force; test
    # databases reuse primary keys, so start every test without it.
    reset_index()
    yield
    reset_index()
