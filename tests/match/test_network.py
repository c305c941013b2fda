from __future__ import annotations

import pytest

from quadhelix.match.data import NO_END
from quadhelix.match.network import HALF_LIFE_DAYS, NetworkIndex, introduction_paths
from tests.match.helpers import d, tiny

# Three years after coalition 0 started: its links count half, coalition 1's fully.
REFERENCE = d("2020-01-01") + round(HALF_LIFE_DAYS)


@pytest.fixture(scope="module")
def network() -> NetworkIndex:
    return NetworkIndex(tiny())


def test_partners_of_the_lead_are_warm_with_decayed_strength(network: NetworkIndex) -> None:
    position = network.position(0, NO_END, REFERENCE)
    assert position.strength[1] == pytest.approx(0.5, rel=1e-3)
    assert position.strength[2] == pytest.approx(0.5, rel=1e-3)
    assert position.shared[1] == 1 and position.ties[1] == 0
    assert position.strength[[0, 3, 4, 5]].tolist() == [0, 0, 0, 0]
    assert position.last[1] == d("2020-01-01")


def test_friends_of_partners_get_the_weighted_resource_allocation(network: NetworkIndex) -> None:
    position = network.position(0, NO_END, REFERENCE)
    # broker 1 holds 0.5 (to 0) + 0.5 (to 2) + 1.0 (to 3, recent): 3 gets 0.5 * 1.0 / 2.0
    assert position.intro[3] == pytest.approx(0.25, rel=1e-3)
    assert position.intro[2] == pytest.approx(0.125, rel=1e-3)
    assert position.intro[1] == pytest.approx(0.25, rel=1e-3)  # via broker 2
    assert position.intro[4] == 0 and position.intro[0] == 0
    assert position.brokers.tolist() == [1, 2]


def test_the_introduction_path_runs_through_the_broker(network: NetworkIndex) -> None:
    position = network.position(0, NO_END, REFERENCE)
    assert introduction_paths(position, [3, 4, 1]) == {3: [0, 1, 3]}


def test_links_that_start_later_do_not_count(network: NetworkIndex) -> None:
    position = network.position(0, d("2022-01-01"), d("2022-01-01"))
    assert position.intro[3] == 0
    assert position.strength[1] > 0
    early = network.position(0, d("2019-06-01"), d("2019-06-01"))
    assert early.strength.sum() == 0


def test_ties_are_links_in_both_directions(network: NetworkIndex) -> None:
    position = network.position(4, NO_END, d("2024-01-01"))
    assert position.strength[3] == pytest.approx(2.0)
    assert position.ties[3] == 1 and position.shared[3] == 0


def test_older_links_count_less(network: NetworkIndex) -> None:
    now = network.position(0, NO_END, d("2020-01-01")).strength[1]
    later = network.position(0, NO_END, d("2026-01-01")).strength[1]
    assert now == pytest.approx(1.0)
    assert later == pytest.approx(0.25, rel=1e-2)
