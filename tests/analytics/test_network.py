"""Network-level figures against NetworkX and hand-checked values."""

from __future__ import annotations

from typing import Any

import igraph as ig
import networkx as nx
import pytest

from quadhelix.analytics.network import (
    assortativity,
    cut_points,
    degree_centralisation,
    density,
    network_summary,
)


def test_density_components_and_transitivity(pair: tuple[Any, Any]) -> None:
    graph, reference = pair
    summary = network_summary(graph)
    assert summary.density == pytest.approx(nx.density(reference), abs=1e-12)
    components = (
        nx.number_weakly_connected_components(reference)
        if reference.is_directed()
        else nx.number_connected_components(reference)
    )
    assert summary.components == components
    assert summary.isolates == sum(1 for _, d in reference.degree() if d == 0)
    assert summary.transitivity == pytest.approx(
        nx.transitivity(reference.to_undirected()), abs=1e-12
    )


def test_articulation_points_and_bridges(pair: tuple[Any, Any]) -> None:
    graph, reference = pair
    undirected = reference.to_undirected()
    points, bridges = cut_points(graph)
    names = graph.vs["name"]
    assert {names[p] for p in points} == set(nx.articulation_points(undirected))
    assert {frozenset((names[a], names[b])) for a, b in bridges} == {
        frozenset(b) for b in nx.bridges(undirected)
    }


def test_assortativity_by_sector_on_knoke(knoke: Any) -> None:
    from tests.analytics.datasets import knoke_nx

    expected = nx.attribute_assortativity_coefficient(knoke_nx(), "sector")
    assert assortativity(knoke, "helix") == pytest.approx(expected, abs=1e-12)


def test_assortativity_on_the_generated_graph() -> None:
    from tests.analytics.conftest import generated_graph

    graph = generated_graph()
    reference = graph.to_networkx()
    expected = nx.attribute_assortativity_coefficient(reference, "helix")
    assert assortativity(graph, "helix") == pytest.approx(expected, abs=1e-12)


def test_degree_centralisation_by_hand() -> None:
    assert degree_centralisation(ig.Graph.Star(6)) == 1.0
    assert degree_centralisation(ig.Graph.Ring(6)) == 0.0
    # path of four: degrees 1,2,2,1 -> (1 + 0 + 0 + 1) / (3 * 2)
    assert degree_centralisation(ig.Graph([(0, 1), (1, 2), (2, 3)])) == pytest.approx(2 / 6)
    assert degree_centralisation(ig.Graph([(0, 1), (1, 0)], directed=True)) == 0.0


def test_density_ignores_parallel_ties() -> None:
    graph = ig.Graph([(0, 1), (0, 1), (1, 2)])
    assert density(graph) == pytest.approx(2 / 3)
    assert density(ig.Graph([(0, 1)], directed=True)) == 0.5


def test_summary_names_cut_points(padgett: Any) -> None:
    summary = network_summary(padgett)
    assert "Medici" in {p.name for p in summary.articulation_points}
    assert summary.largest_component == 15 and summary.isolates == 1
    assert summary.distance_method == "exact"
