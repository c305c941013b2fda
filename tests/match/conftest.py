"""The demo city, built once for the match tests, and a builder over it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from quadhelix.demo.city import build_demo_city
from quadhelix.match.builder import CoalitionBuilder
from quadhelix.match.data import MatchData
from quadhelix.match.store import load_match_data
from quadhelix.registry.bootstrap import initialise
from quadhelix.registry.database import make_engine, transaction
from tests.match.helpers import tiny


@pytest.fixture(scope="session")
def demo_data(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MatchData]:
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('match') / 'demo.db'}")
    initialise(engine)
    with transaction(engine) as session:
        build_demo_city(session)
    with transaction(engine) as session:
        yield load_match_data(session)
    engine.dispose()


@pytest.fixture(scope="session")
def demo(demo_data: MatchData) -> CoalitionBuilder:
    return CoalitionBuilder(demo_data)


@pytest.fixture(scope="module")
def small() -> CoalitionBuilder:
    return CoalitionBuilder(tiny())
