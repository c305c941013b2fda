"""Gould–Fernandez brokerage roles: the five textbook patterns and a brute-force reference."""

from __future__ import annotations

import itertools
from typing import Any

import igraph as ig
import numpy as np
import pytest

from quadhelix.analytics.brokerage import ROLES, gould_fernandez, group_codes, groups_reached


def _two_path(groups: tuple[str, str, str], closed: bool = False) -> Any:
    graph = ig.Graph([(0, 1), (1, 2)] + ([(0, 2)] if closed else []), directed=True)
    graph.vs["g"] = list(groups)
    return graph


@pytest.mark.parametrize(
    ("groups", "role"),
    [
        (("x", "x", "x"), "coordinator"),
        (("x", "y", "x"), "itinerant"),
        (("x", "x", "y"), "representative"),
        (("x", "y", "y"), "gatekeeper"),
        (("x", "y", "z"), "liaison"),
    ],
)
def test_each_pattern_gives_its_role(groups: tuple[str, str, str], role: str) -> None:
    result = gould_fernandez(_two_path(groups), "g")
    for name in ROLES:
        assert getattr(result, name).tolist() == ([0, 1, 0] if name == role else [0, 0, 0])
    closed = gould_fernandez(_two_path(groups, closed=True), "g")
    assert closed.total.tolist() == [0, 0, 0]  # a -> b exists: nothing to broker


def test_reverse_tie_does_not_close_a_path() -> None:
    graph = ig.Graph([(0, 1), (1, 2), (2, 0)], directed=True)
    graph.vs["g"] = ["x", "y", "z"]
    # every actor brokers one path: the cycle has no tie from a to b for any two-path
    assert gould_fernandez(graph, "g").liaison.tolist() == [1, 1, 1]


def test_undirected_ties_count_both_directions() -> None:
    graph = ig.Graph([(0, 1), (1, 2)])
    graph.vs["g"] = ["x", "x", "y"]
    result = gould_fernandez(graph, "g")
    assert result.representative.tolist() == [0, 1, 0]
    assert result.gatekeeper.tolist() == [0, 1, 0]


def _brute_force(graph: Any, attribute: str) -> np.ndarray:
    n = graph.vcount()
    arcs = set(graph.get_edgelist())
    if not graph.is_directed():
        arcs |= {(b, a) for a, b in arcs}
    groups = group_codes(graph.vs[attribute])
    counts = np.zeros((5, n), dtype=int)
    for a, v, b in itertools.permutations(range(n), 3):
        if (a, v) in arcs and (v, b) in arcs and (a, b) not in arcs:
            ga, gv, gb = groups[a], groups[v], groups[b]
            if ga == gv == gb:
                role = 0
            elif ga == gb:
                role = 1
            elif ga == gv:
                role = 2
            elif gv == gb:
                role = 3
            else:
                role = 4
            counts[role, v] += 1
    return counts


@pytest.mark.parametrize("directed", [True, False])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_matches_brute_force(directed: bool, seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = 25
    edges = {tuple(e) for e in rng.integers(0, n, (90, 2)).tolist() if e[0] != e[1]}
    graph = ig.Graph(n=n, edges=sorted(edges), directed=directed)
    graph.vs["g"] = [rng.choice(["a", "b", "c", None]) for _ in range(n)]  # type: ignore[arg-type]
    result = gould_fernandez(graph, "g")
    ours = np.vstack([getattr(result, role) for role in ROLES])
    np.testing.assert_array_equal(ours, _brute_force(graph, "g"))


def test_knoke_brokerage_by_sector(knoke: Any) -> None:
    result = gould_fernandez(knoke, "helix")
    ours = np.vstack([getattr(result, role) for role in ROLES])
    np.testing.assert_array_equal(ours, _brute_force(knoke, "helix"))
    assert result.total.sum() > 0


def test_groups_reached() -> None:
    graph = ig.Graph([(0, 1), (0, 2), (0, 3), (3, 4)])
    graph.vs["helix"] = ["government", "business", "knowledge", "business", None]
    assert groups_reached(graph, "helix").tolist() == [2, 1, 1, 1, 1]
