"""The builder's network comes from the analytics' link events (``projection.dated_links``)."""

from __future__ import annotations

import numpy as np
import pytest

from quadhelix.analytics.projection import dated_links
from quadhelix.match.data import NO_END
from quadhelix.match.network import HALF_LIFE_DAYS, NetworkIndex, effective_starts
from quadhelix.match.scoring import network_component
from tests.match.helpers import d, tiny

REFERENCE = d("2020-01-01") + round(HALF_LIFE_DAYS)


def test_co_members_are_linked_from_the_day_the_later_one_joined() -> None:
    # coalition 0: actors 0 (day 5), 1 (day 7), 2 (day 9, and again on day 20); one tie 0 -> 3
    links = dated_links(
        np.array([0, 1, 2, 2]),
        np.array([0, 0, 0, 0]),
        np.array([5, 7, 9, 20]),
        np.array([0]),
        np.array([3]),
        np.array([2.5]),
        np.array([4]),
        small=1,
    )
    pairs = sorted(
        zip(
            links.source.tolist(),
            links.target.tolist(),
            links.start.tolist(),
            links.weight.tolist(),
            links.coalition.tolist(),
            strict=True,
        )
    )
    # small=1: a pair weighs 1 / (members who had joined when they met - 1)
    assert pairs == [
        (0, 1, 7, 1.0, 0),
        (0, 2, 9, 0.5, 0),
        (0, 3, 4, 2.5, -1),
        (1, 0, 7, 1.0, 0),
        (1, 2, 9, 0.5, 0),
        (2, 0, 9, 0.5, 0),
        (2, 1, 9, 0.5, 0),
        (3, 0, 4, 2.5, -1),
    ]


def test_no_memberships_and_no_ties_give_no_links() -> None:
    empty = np.zeros(0, dtype=np.int64)
    links = dated_links(empty, empty, empty, empty, empty, np.zeros(0), empty)
    assert links.source.size == links.target.size == links.coalition.size == 0


def test_the_network_index_holds_exactly_the_dated_links() -> None:
    data = tiny()
    network = NetworkIndex(data)
    member_start, tie_start = effective_starts(data)
    m, t = data.memberships, data.ties
    links = dated_links(m.actor, m.coalition, member_start, t.source, t.target, t.weight, tie_start)
    assert network.ptr[-1] == links.source.size
    for actor in range(len(data.actors)):
        rows = slice(network.ptr[actor], network.ptr[actor + 1])
        mine = links.source == actor
        assert sorted(network.target[rows].tolist()) == sorted(links.target[mine].tolist())


def test_links_in_coalitions_on_the_asked_themes_count_more() -> None:
    network = NetworkIndex(tiny())
    plain = network.position(0, NO_END, REFERENCE)
    # only coalition 0 (heat) is on the subject
    focused = network.position(0, NO_END, REFERENCE, np.array([1.0, 0.0, 0.0]))
    assert focused.strength.tolist() == plain.strength.tolist()
    assert plain.focus is None and plain.focused is plain.strength
    assert focused.focus is not None
    assert focused.focus[1] == pytest.approx(1.5, rel=1e-3)  # 0.5 * (1 + 2)
    assert focused.intro[2] == pytest.approx(0.25, rel=1e-3)  # 0.125 * (1 + 1): via heat
    assert focused.intro[3] == pytest.approx(plain.intro[3])  # via the greenery coalition
    assert plain.intro[3] == pytest.approx(0.25, rel=1e-3)


def test_the_network_component_uses_the_focused_strength() -> None:
    network = NetworkIndex(tiny())
    plain = network_component(network.position(0, NO_END, REFERENCE), 6)
    focused = network_component(
        network.position(0, NO_END, REFERENCE, np.array([1.0, 0.0, 0.0])), 6
    )
    assert focused[1] > plain[1] > 0
    assert focused[0] == plain[0] == 0  # the lead itself
    assert network_component(None, 3).tolist() == [0, 0, 0]


def test_shared_coalitions_on_the_asked_themes_are_counted() -> None:
    network = NetworkIndex(tiny())
    assert network.position(0, NO_END, REFERENCE).on_theme is None
    on_theme = network.position(0, NO_END, REFERENCE, np.array([1.0, 0.0, 0.0])).on_theme
    assert on_theme is not None and on_theme.tolist() == [0, 1, 1, 0, 0, 0]
    greenery = network.position(1, NO_END, REFERENCE, np.array([0.0, 0.5, 0.0])).on_theme
    assert greenery is not None and greenery.tolist() == [0, 0, 0, 1, 0, 0]
