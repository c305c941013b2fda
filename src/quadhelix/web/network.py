"""The network map's data: actors with a position, size metrics and community, and their ties.

Metrics and communities come from ``quadhelix.analytics``; only the drawing position is made
here. The layout is Fruchterman–Reingold (1991, "Graph drawing by force-directed placement",
Software: Practice and Experience 21(11)) from igraph, started from seeded random positions so
that the same network is always drawn the same way.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import numpy as np
from sqlalchemy.orm import Session

from quadhelix.analytics.centrality import degree, pagerank
from quadhelix.analytics.graphs import build_graph
from quadhelix.analytics.groups import leiden
from quadhelix.analytics.paths import path_metrics
from quadhelix.analytics.reports import AnalysisSpec
from quadhelix.analytics.results import to_jsonable
from quadhelix.web.analysis import NetworkQuery
from quadhelix.web.state import AppState

SIZE_METRICS = ("degree", "betweenness", "pagerank")
LAYOUT_ITERATIONS = 300


@dataclass(frozen=True)
class MapNode:
    id: int
    label: str
    helix: str
    kind: str
    department: str | None
    x: float
    y: float
    degree: int
    betweenness: float
    pagerank: float
    community: int


@dataclass(frozen=True)
class MapEdge:
    source: int
    target: int
    weight: float


@dataclass(frozen=True)
class NetworkMap:
    view: str
    layout: str
    betweenness_method: str
    communities: int
    nodes: tuple[MapNode, ...]
    edges: tuple[MapEdge, ...]


def iterations(n: int) -> int:
    """Fewer steps for large networks, so the first drawing of 1e4 actors takes seconds."""
    return LAYOUT_ITERATIONS if n <= 2_000 else max(60, LAYOUT_ITERATIONS * 2_000 // n)


def layout(graph: Any, seed: int = 0) -> np.ndarray[Any, np.dtype[np.float64]]:
    """Positions in [-1, 1]², the same for the same graph and seed."""
    n = graph.vcount()
    if n == 0:
        return np.zeros((0, 2))
    start = np.random.default_rng(seed).uniform(-1.0, 1.0, size=(n, 2)) * np.sqrt(n)
    if graph.ecount() == 0:
        positions = start
    else:
        positions = np.asarray(
            graph.layout_fruchterman_reingold(
                seed=start.tolist(), niter=iterations(n), grid="auto"
            ).coords,
            dtype=float,
        )
    positions = positions - positions.mean(axis=0)
    extent = float(np.abs(positions).max()) or 1.0
    scaled: np.ndarray[Any, np.dtype[np.float64]] = positions / extent
    return scaled


def network_map(session: Session, spec: AnalysisSpec) -> NetworkMap:
    graph = build_graph(
        session, spec.view, spec.filters, directed=spec.directed, weighting=spec.weighting
    )
    paths = path_metrics(graph, seed=spec.seed, exact_limit=spec.exact_limit, pivots=spec.pivots)
    degrees = degree(graph)
    ranks = pagerank(graph) if graph.vcount() else np.zeros(0)
    communities = leiden(graph, seed=spec.seed).membership if graph.ecount() else []
    positions = layout(graph, spec.seed)
    ids = graph.vs["actor_id"] if graph.vcount() else []
    nodes = tuple(
        MapNode(
            id=ids[i],
            label=vertex["name"],
            helix=vertex["helix"],
            kind=vertex["kind"],
            department=vertex["department"],
            x=round(float(positions[i, 0]), 4),
            y=round(float(positions[i, 1]), 4),
            degree=int(degrees[i]),
            betweenness=round(float(paths.betweenness[i]), 3),
            pagerank=round(float(ranks[i]), 6),
            community=int(communities[i]) if communities else i,
        )
        for i, vertex in enumerate(graph.vs)
    )
    edges = tuple(
        MapEdge(ids[edge.source], ids[edge.target], round(float(edge["weight"]), 3))
        for edge in graph.es
    )
    return NetworkMap(
        view=spec.view.value,
        layout="fruchterman_reingold",
        betweenness_method=paths.method,
        communities=len(set(communities)) if communities else len(nodes),
        nodes=nodes,
        edges=edges,
    )


def network_json(state: AppState, session: Session, query: NetworkQuery) -> bytes:
    """The map for this query as JSON, computed once per registry state (edits invalidate it)."""

    def make() -> bytes:
        found = to_jsonable(network_map(session, query.spec()))
        return json.dumps(found, ensure_ascii=False, separators=(",", ":")).encode()

    return state.results.current(session, ("network", query.key()), make)
