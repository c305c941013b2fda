"""Actor centralities against NetworkX on Knoke, Padgett, Davis and a generated graph."""

from __future__ import annotations

from typing import Any

import networkx as nx
import numpy as np
import pytest

from quadhelix.analytics import centrality
from tests.analytics.datasets import knoke_nx


def _aligned(graph: Any, values: dict[str, float]) -> np.ndarray:
    return np.array([values[name] for name in graph.vs["name"]], dtype=float)


def _weight(reference: Any) -> str | None:
    return "weight" if any("weight" in d for *_, d in reference.edges(data=True)) else None


def test_degree_and_strength(pair: tuple[Any, Any]) -> None:
    graph, reference = pair
    w = _weight(reference)
    np.testing.assert_array_equal(
        centrality.degree(graph), _aligned(graph, dict(reference.degree()))
    )
    strengths = dict(reference.degree(weight=w))
    np.testing.assert_allclose(centrality.strength(graph), _aligned(graph, strengths), atol=1e-9)
    if reference.is_directed():
        ins = _aligned(graph, dict(reference.in_degree()))
        np.testing.assert_array_equal(centrality.degree(graph, "in"), ins)


def test_pagerank(pair: tuple[Any, Any]) -> None:
    graph, reference = pair
    expected = nx.pagerank(reference, weight=_weight(reference), tol=1e-15, max_iter=100_000)
    np.testing.assert_allclose(centrality.pagerank(graph), _aligned(graph, expected), atol=1e-9)


def test_eigenvector_same_vector_up_to_scale(pair: tuple[Any, Any]) -> None:
    """NetworkX scales to unit length, igraph to a maximum of 1: compare after rescaling.

    NetworkX refuses disconnected graphs; there we compare on the largest component, which holds
    the leading eigenvector, and check that everybody else gets zero."""
    graph, reference = pair
    components = (
        nx.strongly_connected_components(reference)
        if reference.is_directed()
        else nx.connected_components(reference)
    )
    giant = max(components, key=len)
    values = nx.eigenvector_centrality_numpy(reference.subgraph(giant), weight=_weight(reference))
    inside = np.array([name in giant for name in graph.vs["name"]])
    expected = np.array([abs(values[n]) for n in graph.vs["name"] if n in giant])
    ours = centrality.eigenvector(graph)
    np.testing.assert_allclose(ours[inside], expected / expected.max(), atol=1e-9)
    np.testing.assert_allclose(ours[~inside], 0.0, atol=1e-9)


def test_coreness(pair: tuple[Any, Any]) -> None:
    graph, reference = pair
    np.testing.assert_array_equal(
        centrality.coreness(graph), _aligned(graph, nx.core_number(reference))
    )


def test_local_clustering_on_the_undirected_view(pair: tuple[Any, Any]) -> None:
    graph, reference = pair
    expected = nx.clustering(reference.to_undirected())
    np.testing.assert_allclose(
        centrality.local_clustering(graph), _aligned(graph, expected), atol=1e-12
    )


def test_constraint(pair: tuple[Any, Any]) -> None:
    graph, reference = pair
    expected = _aligned(graph, nx.constraint(reference, weight=_weight(reference)))
    np.testing.assert_allclose(centrality.constraint(graph), expected, atol=1e-9, equal_nan=True)


def test_effective_size(pair: tuple[Any, Any]) -> None:
    """Against NetworkX's per-node formula (``nodes=`` given). NetworkX 3.6's whole-graph sparse
    shortcut divides by the wrong actor's strongest tie on weighted graphs, so it is not used."""
    graph, reference = pair
    nodes = list(reference)[:60]  # NetworkX's per-node formula is slow; 60 actors suffice
    expected = nx.effective_size(reference, nodes=nodes, weight=_weight(reference))
    position = {name: i for i, name in enumerate(graph.vs["name"])}
    ours = centrality.effective_size(graph)
    for name in nodes:
        if reference.is_directed() and reference.out_degree(name) == 0:
            continue  # NetworkX marks actors without outgoing ties as isolated
        assert ours[position[name]] == pytest.approx(expected[name], abs=1e-9, nan_ok=True)


def test_effective_size_is_borgattis_formula_without_weights() -> None:
    import igraph as ig

    graph = ig.Graph([(0, 1), (0, 2), (0, 3), (1, 2), (2, 3)])
    degree = np.array(graph.degree(), dtype=float)
    triangles = np.array([2, 1, 2, 1], dtype=float)
    np.testing.assert_allclose(centrality.effective_size(graph), degree - 2 * triangles / degree)


def test_isolates_have_no_constraint_or_effective_size() -> None:
    import igraph as ig

    graph = ig.Graph(n=3, edges=[(0, 1)])
    assert np.isnan(centrality.constraint(graph)[2])
    assert np.isnan(centrality.effective_size(graph)[2])
    assert centrality.eigenvector(ig.Graph(n=2)).tolist() == [0.0, 0.0]


def test_knoke_reference_values() -> None:
    """A few values read off the Knoke information network by hand."""
    reference = knoke_nx()
    assert reference.out_degree("MAYR") == 8 and reference.in_degree("MAYR") == 8
    assert dict(reference.in_degree())["WRO"] == 1


@pytest.mark.parametrize("mode", ["all", "in", "out"])
def test_degree_modes_sum(mode: str) -> None:
    import igraph as ig

    graph = ig.Graph([(0, 1), (1, 2), (2, 0), (0, 2)], directed=True)
    expected = {"all": [3, 2, 3], "in": [1, 1, 2], "out": [2, 1, 1]}[mode]
    assert centrality.degree(graph, mode).tolist() == expected  # type: ignore[arg-type]
