"""Registries holding the classic reference networks (each test gets its own, on both back ends)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Engine

from quadhelix.analytics.filters import GraphFilters, GraphView
from quadhelix.analytics.graphs import build_graph
from quadhelix.registry.database import transaction
from tests.analytics.datasets import load_davis, load_knoke, load_padgett


def graph_from(engine: Engine, view: GraphView = GraphView.TIES, **options: Any) -> Any:
    with transaction(engine) as session:
        return build_graph(session, view, GraphFilters(), **options)


@pytest.fixture
def knoke(engine: Engine) -> Any:
    """Knoke's information network, read back from the registry as a directed graph."""
    with transaction(engine) as session:
        load_knoke(session)
    return graph_from(engine, directed=True)


@pytest.fixture
def padgett(engine: Engine) -> Any:
    """Padgett's marriage network, read back from the registry."""
    with transaction(engine) as session:
        load_padgett(session)
    return graph_from(engine)


@pytest.fixture
def davis(engine: Engine) -> Any:
    """The women of Davis's southern women data linked by shared events, from the registry."""
    with transaction(engine) as session:
        load_davis(session)
    return graph_from(engine, GraphView.COMEMBERSHIP)


def generated_graph(n: int = 300, m: int = 1200, seed: int = 7) -> Any:
    """A random graph with a few hubs and two sectors, for comparisons beyond the classics."""
    import igraph as ig
    import numpy as np

    rng = np.random.default_rng(seed)
    fitness = rng.pareto(2.5, n) + 1.0
    p = fitness / fitness.sum()
    a, b = rng.choice(n, m, p=p), rng.choice(n, m, p=p)
    keep = a != b
    pairs = {tuple(sorted(e)) for e in zip(a[keep].tolist(), b[keep].tolist(), strict=True)}
    graph = ig.Graph(n=n, edges=sorted(pairs))
    graph.vs["name"] = [f"a{i}" for i in range(n)]
    graph.vs["actor_id"] = list(range(1, n + 1))
    graph.vs["helix"] = ["government" if i % 3 == 0 else "business" for i in range(n)]
    graph.vs["department"] = [f"d{i % 5}" if i % 3 == 0 else None for i in range(n)]
    graph.es["weight"] = rng.integers(1, 4, graph.ecount()).astype(float).tolist()
    return graph


@pytest.fixture(params=["knoke", "padgett", "davis", "generated"])
def pair(request: pytest.FixtureRequest, engine: Engine) -> tuple[Any, Any]:
    """(our graph read back from the registry, the NetworkX reference built from the files)."""
    import networkx as nx

    from tests.analytics.datasets import davis_nx, davis_women, knoke_nx, padgett_nx

    if request.param == "knoke":
        return request.getfixturevalue("knoke"), knoke_nx()
    if request.param == "padgett":
        return request.getfixturevalue("padgett"), padgett_nx()
    if request.param == "davis":
        reference = nx.bipartite.weighted_projected_graph(davis_nx(), davis_women())
        return request.getfixturevalue("davis"), reference
    graph = generated_graph()
    reference = nx.Graph()
    reference.add_nodes_from(graph.vs["name"])
    names = graph.vs["name"]
    reference.add_edges_from(
        (names[e.source], names[e.target], {"weight": e["weight"]}) for e in graph.es
    )
    return graph, reference
