"""Burt's constraint (igraph's, on the mutual view) and effective size (summed over triangles)
against straightforward dense formulas and igraph's own constraint, on random
weighted graphs with hubs, reciprocated and parallel ties and loops."""

from __future__ import annotations

from typing import Any

import igraph as ig
import numpy as np
import pytest

from quadhelix.analytics import centrality


def _random_graph(seed: int, directed: bool, n: int = 70) -> Any:
    """Random ties plus a hub tied to half the actors (so the degree order matters)."""
    rng = np.random.default_rng(seed)
    edges = rng.integers(0, n, (5 * n, 2)).tolist()
    edges += [[0, int(v)] for v in rng.choice(np.arange(1, n), n // 2, replace=False)]
    edges += [[3, 3], [5, 6], [6, 5], [5, 6]]  # a loop, a reciprocated and a parallel tie
    graph = ig.Graph(n=n + 2, edges=edges, directed=directed)  # two isolates
    graph.es["weight"] = rng.uniform(0.5, 4.0, graph.ecount()).round(2).tolist()
    return graph


def _mutual(graph: Any, weighted: bool) -> Any:
    """Dense a_ij + a_ji without loops: Burt's mutual tie weight."""
    n = graph.vcount()
    a = np.zeros((n, n))
    weights = graph.es["weight"] if weighted else [1.0] * graph.ecount()
    for (u, v), w in zip(graph.get_edgelist(), weights, strict=True):
        if u != v:
            a[u, v] += w
            a[v, u] += w
    return a


def _reference_constraint(a: Any) -> Any:
    total = a.sum(axis=1)
    result = np.full(a.shape[0], np.nan)
    for i in np.flatnonzero(total):
        p_i = a[i] / total[i]
        value = 0.0
        for j in np.flatnonzero(a[i]):
            indirect = sum(p_i[q] * a[q, j] / a[q].sum() for q in np.flatnonzero(a[i]) if q != j)
            value += (p_i[j] + indirect) ** 2
        result[i] = value
    return result


def _reference_effective_size(a: Any) -> Any:
    total = a.sum(axis=1)
    strongest = a.max(axis=1)
    result = np.full(a.shape[0], np.nan)
    for i in np.flatnonzero(total):
        contacts = np.flatnonzero(a[i])
        redundancy = sum(
            a[i, q] / total[i] * a[j, q] / strongest[j]
            for j in contacts
            for q in contacts
            if q != j
        )
        result[i] = contacts.size - redundancy
    return result


@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("weighted", [True, False])
@pytest.mark.parametrize("seed", [0, 1])
def test_against_dense_formulas_and_igraph(seed: int, weighted: bool, directed: bool) -> None:
    graph = _random_graph(seed, directed)
    a = _mutual(graph, weighted)
    ours = centrality.constraint(graph, weighted=weighted)
    np.testing.assert_allclose(ours, _reference_constraint(a), atol=1e-12, equal_nan=True)
    igraphs = np.asarray(graph.constraint(weights="weight" if weighted else None))
    connected = np.asarray(graph.degree()) > 0
    np.testing.assert_allclose(ours[connected], igraphs[connected], atol=1e-12)
    np.testing.assert_allclose(
        centrality.effective_size(graph, weighted=weighted),
        _reference_effective_size(a),
        atol=1e-12,
        equal_nan=True,
    )


@pytest.mark.parametrize("directed", [False, True])
def test_actors_without_any_tie_get_nan_not_an_error(directed: bool) -> None:
    graph = ig.Graph(n=3, directed=directed)
    graph.es["weight"] = []
    assert np.isnan(centrality.constraint(graph)).all()
    assert np.isnan(centrality.effective_size(graph)).all()
