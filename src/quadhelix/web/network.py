"""The network map's data: actors with a position, size metrics and community, and their ties.

Metrics and communities come from ``quadhelix.analytics``; only the drawing position is made
here. The layout is Fruchterman–Reingold (1991, "Graph drawing by force-directed placement",
Software: Practice and Experience 21(11)) from igraph, started from seeded random positions so
that the same network is always drawn the same way.

A map is computed once per registry state and filter set and cached as JSON. With the app's
background worker running (``web.warmup``), the default map is computed ahead of time and a
request that prefers not to wait (``Prefer: respond-async``) gets the worker's progress instead of
blocking for the seconds a layout of 10,000 actors takes.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from sqlalchemy.orm import Session

from quadhelix.analytics.centrality import degree, pagerank
from quadhelix.analytics.graphs import build_graph
from quadhelix.analytics.groups import leiden
from quadhelix.analytics.paths import path_metrics
from quadhelix.analytics.reports import AnalysisSpec
from quadhelix.analytics.results import to_jsonable
from quadhelix.web.analysis import NetworkQuery, registry_marker

if TYPE_CHECKING:
    from quadhelix.web.state import AppState
    from quadhelix.web.warmup import Progress

SIZE_METRICS = ("degree", "betweenness", "pagerank")
LAYOUT_ITERATIONS = 300
# The steps of computing a map, in order; progress is reported as the step being worked on.
STAGES = ("graph", "paths", "communities", "layout", "encoding")


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


def _ignore(stage: str) -> None:
    pass


def network_map(
    session: Session, spec: AnalysisSpec, progress: Callable[[str], None] = _ignore
) -> NetworkMap:
    """The map; ``progress`` is called with each of ``STAGES`` as it starts (and may raise)."""
    progress("graph")
    graph = build_graph(
        session, spec.view, spec.filters, directed=spec.directed, weighting=spec.weighting
    )
    progress("paths")
    paths = path_metrics(graph, seed=spec.seed, exact_limit=spec.exact_limit, pivots=spec.pivots)
    degrees = degree(graph)
    ranks = pagerank(graph) if graph.vcount() else np.zeros(0)
    progress("communities")
    communities = leiden(graph, seed=spec.seed).membership if graph.ecount() else []
    progress("layout")
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


def encode(found: NetworkMap) -> bytes:
    return json.dumps(to_jsonable(found), ensure_ascii=False, separators=(",", ":")).encode()


def cache_key(query: NetworkQuery) -> Hashable:
    return ("network", query.key())


def compute_json(
    session: Session, query: NetworkQuery, progress: Callable[[str], None] = _ignore
) -> bytes:
    found = network_map(session, query.spec(), progress)
    progress("encoding")
    return encode(found)


def network_json(state: AppState, session: Session, query: NetworkQuery) -> bytes:
    """The map for this query as JSON, computed once per registry state (edits invalidate it).

    When the background worker is already computing this map, wait for it instead of computing
    it a second time.
    """
    state.maps.wait_for(query)
    return state.results.current(session, cache_key(query), lambda: compute_json(session, query))


def network_json_or_progress(
    state: AppState, session: Session, query: NetworkQuery
) -> bytes | Progress:
    """The map if it is ready; otherwise ask the background worker for it and say how far it is.

    Without a running worker (e.g. an app used without its lifespan) the map is computed here.
    """
    marker = registry_marker(session)
    found = state.results.peek((cache_key(query), marker))
    if isinstance(found, bytes):
        return found
    if not state.maps.running:
        return network_json(state, session, query)
    return state.maps.request(query, marker)
