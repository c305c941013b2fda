from __future__ import annotations

import pytest

from tests.cli.helpers import Quadhelix


@pytest.fixture
def qh(db_url: str) -> Quadhelix:
    return Quadhelix(db_url)
