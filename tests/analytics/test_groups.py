"""E-I index and permutation test, tie matrices, communities against departments."""

from __future__ import annotations

import itertools
import sys
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import igraph as ig
import networkx as nx
import numpy as np
import pytest

from quadhelix.analytics.groups import (
    actor_ei,
    compare_with_communities,
    ei_index,
    leiden,
    tie_matrix,
)


def _two_groups() -> Any:
    """A = {0, 1, 2} (a triangle), B = {3, 4}, one tie 2-3 between them."""
    graph = ig.Graph([(0, 1), (1, 2), (0, 2), (3, 4), (2, 3)])
    graph.vs["dept"] = ["A", "A", "A", "B", "B"]
    return graph


def test_ei_by_hand() -> None:
    result = ei_index(_two_groups(), "dept", permutations=0)
    assert (result.external, result.internal) == (1, 4)
    assert result.ei == pytest.approx(-0.6)
    a, b = result.groups
    assert (a.group, a.size, a.external, a.internal) == ("A", 3, 1, 3)
    assert a.ei == pytest.approx(-0.5) and b.ei == pytest.approx(0.0)
    assert result.actor_ei == pytest.approx((-1.0, -1.0, -1 / 3, 0.0, -1.0))


def test_ei_extremes() -> None:
    bipartite = ig.Graph([(0, 2), (0, 3), (1, 2), (1, 3)])
    bipartite.vs["g"] = ["x", "x", "y", "y"]
    assert ei_index(bipartite, "g", permutations=0).ei == 1.0
    cliques = ig.Graph.Full(3) + ig.Graph.Full(3)
    cliques.vs["g"] = ["x"] * 3 + ["y"] * 3
    assert ei_index(cliques, "g", permutations=0).ei == -1.0


def test_permutation_mean_matches_full_enumeration() -> None:
    """Expected E-I under random relabelling, computed exactly over all 10 labellings."""
    graph = _two_groups()
    values = []
    for chosen in itertools.combinations(range(5), 2):
        relabelled = graph.copy()
        relabelled.vs["dept"] = ["B" if i in chosen else "A" for i in range(5)]
        values.append(ei_index(relabelled, "dept", permutations=0).ei)
    result = ei_index(graph, "dept", permutations=4000, seed=3)
    assert result.expected_ei == pytest.approx(np.mean(values), abs=0.02)
    exact_p = (np.array(values) <= result.ei + 1e-12).mean()
    assert result.p_lower == pytest.approx(exact_p, abs=0.03)


def test_a_real_silo_is_significant() -> None:
    graph = ig.Graph.Full(8) + ig.Graph.Full(8)
    graph.add_edges([(0, 8)])
    graph.vs["g"] = ["x"] * 8 + ["y"] * 8
    result = ei_index(graph, "g", permutations=199, seed=1)
    assert result.p_lower == pytest.approx(1 / 200) and result.p_upper == 1.0
    assert result.expected_ei is not None and result.expected_ei > 0.0
    again = ei_index(graph, "g", permutations=199, seed=1)
    assert again == result


def test_actors_without_a_group() -> None:
    graph = ig.Graph([(0, 1), (1, 2), (2, 3)])
    graph.vs["dept"] = ["A", "A", None, None]
    result = ei_index(graph, "dept", permutations=0)
    # 0-1 internal, 1-2 external, 2-3 between two ungrouped actors: left out
    assert (result.external, result.internal) == (1, 1)
    values = actor_ei(graph, "dept")
    assert np.isnan(values[2]) and np.isnan(values[3]) and values[1] == 0.0


def test_tie_matrix_counts_each_end() -> None:
    graph = _two_groups()
    graph.vs["helix"] = ["government", "government", "business", "civil_society", "business"]
    matrix = tie_matrix(graph, "dept", "helix")
    assert matrix.rows == ("A", "B") and matrix.columns == (
        "business",
        "civil_society",
        "government",
    )
    # A: 0-1 twice gov, 1-2 and 0-2 once bus and once gov each, 2-3 civil society
    assert matrix.counts == ((2, 1, 4), (2, 1, 0))
    totals = np.array(matrix.counts).sum()
    assert totals == 2 * graph.ecount()


def test_communities_against_departments() -> None:
    graph = ig.Graph.Full(5) + ig.Graph.Full(5) + ig.Graph.Full(5)
    graph.add_edges([(0, 5), (5, 10)])
    graph.es["weight"] = 1.0
    graph.vs["department"] = ["a"] * 5 + ["b"] * 5 + ["c"] * 5
    result = compare_with_communities(graph, "department", seed=1)
    assert result.communities == 3 and result.nmi == pytest.approx(1.0)
    reference = graph.to_networkx()
    formal = [set(range(0, 5)), set(range(5, 10)), set(range(10, 15))]
    assert result.modularity_formal == pytest.approx(nx.community.modularity(reference, formal))
    assert result.modularity_communities == pytest.approx(result.modularity_formal)
    crossed = ig.Graph.Full(6) + ig.Graph.Full(6) + ig.Graph.Full(6)
    crossed.add_edges([(0, 6), (6, 12)])
    crossed.vs["department"] = ["a", "b", "c"] * 6  # every community holds two of each
    assert compare_with_communities(crossed, "department", seed=1).nmi == pytest.approx(
        0.0, abs=1e-9
    )


def test_community_modularity_matches_networkx(pair: tuple[Any, Any]) -> None:
    graph, reference = pair
    if graph.ecount() == 0:
        pytest.skip("no ties")
    result = compare_with_communities(graph, "helix", seed=0)
    groups: dict[int, set[str]] = {}
    for name, community in zip(graph.vs["name"], result.membership, strict=True):
        groups.setdefault(community, set()).add(name)
    undirected = reference
    if reference.is_directed():  # reciprocal ties add up, as in our undirected view
        undirected = nx.Graph()
        undirected.add_nodes_from(reference)
        for a, b in reference.edges():
            previous = undirected.get_edge_data(a, b, {"weight": 0})["weight"]
            undirected.add_edge(a, b, weight=previous + 1)
    weight = "weight" if "weight" in graph.es.attributes() else None
    expected = nx.community.modularity(undirected, groups.values(), weight=weight)
    assert result.modularity_communities == pytest.approx(expected, abs=1e-9)


def test_leiden_is_reproducible_with_a_seed() -> None:
    from tests.analytics.conftest import generated_graph

    graph = generated_graph()
    assert leiden(graph, seed=5).membership == leiden(graph, seed=5).membership


def test_leiden_communities_are_connected() -> None:
    """Leiden guarantees connected communities (Louvain does not); we rely on it."""
    from tests.analytics.conftest import generated_graph

    graph = generated_graph(n=400, m=900, seed=11)
    clusters = leiden(graph, seed=2)
    for community in clusters:
        assert graph.induced_subgraph(community).is_connected()


def test_seeded_leiden_gives_the_same_communities_from_concurrent_threads() -> None:
    """igraph's generator is process-wide: without the lock, two seeded calls in worker threads
    draw from each other's generator and their results depend on timing."""
    from tests.analytics.conftest import generated_graph

    graphs = [generated_graph(n=600, m=2400, seed=s) for s in (1, 2)]
    jobs = [(i % 2, 10 + i % 3) for i in range(48)]
    serial = {job: leiden(graphs[job[0]], seed=job[1]).membership for job in set(jobs)}
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible, to expose races
    try:
        with ThreadPoolExecutor(max_workers=4) as pool:
            found = list(pool.map(lambda job: leiden(graphs[job[0]], seed=job[1]).membership, jobs))
    finally:
        sys.setswitchinterval(interval)
    assert found == [serial[job] for job in jobs]
    assert len({tuple(m) for m in serial.values()}) > 1  # different seeds, different partitions
