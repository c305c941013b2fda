"""Network-level figures: size, density, fragmentation, distance, centralisation, clustering,
mixing between sectors, and single points of failure.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from quadhelix.analytics.centrality import mutual_edges
from quadhelix.analytics.groups import ei_index, simple_ties
from quadhelix.analytics.paths import DEFAULT_PIVOTS, EXACT_LIMIT, PathMetrics, path_metrics
from quadhelix.analytics.projection import edge_array, shared_arrays


def density(graph: Any) -> float:
    """Share of possible ties present: m / (n(n-1)/2), or m / (n(n-1)) when directed
    (Wasserman & Faust 1994, "Social Network Analysis", §4.2). Parallel ties count once.

    >>> import igraph as ig
    >>> density(ig.Graph.Ring(4))
    0.6666666666666666
    """
    n = graph.vcount()
    if n < 2:
        return 0.0
    ties = simple_ties(graph)[0].size
    possible = n * (n - 1) if graph.is_directed() else n * (n - 1) / 2
    return float(ties / possible)


def degree_centralisation(graph: Any) -> float:
    """Freeman's degree centralisation (Freeman 1979, "Centrality in social networks: conceptual
    clarification", Social Networks 1(3)): sum of (max degree - degree) over the largest possible
    sum, (n-1)(n-2), reached by a star. 1 for a star, 0 when all actors have equal degree.
    Computed on the undirected simple view.

    >>> import igraph as ig
    >>> degree_centralisation(ig.Graph.Star(5)), degree_centralisation(ig.Graph.Ring(5))
    (1.0, 0.0)
    """
    n = graph.vcount()
    if n < 3:
        return 0.0
    source, target, _ = mutual_edges(graph, weighted=False)
    degrees = np.bincount(source, minlength=n) + np.bincount(target, minlength=n)
    return float((degrees.max() - degrees).sum() / ((n - 1) * (n - 2)))


@dataclass(frozen=True)
class CutPoint:
    """An actor whose removal splits the network."""

    actor_id: int | None
    name: str | None


@dataclass(frozen=True)
class Bridge:
    """A tie whose removal splits the network."""

    source_actor_id: int | None
    target_actor_id: int | None


@dataclass(frozen=True)
class NetworkSummary:
    """The network at a glance (field meanings in ``docs/analytics.md``)."""

    actors: int
    ties: int
    directed: bool
    density: float
    components: int
    largest_component: int
    isolates: int
    average_distance: float | None
    distance_method: str
    transitivity: float | None
    degree_centralisation: float
    assortativity_helix: float | None
    ei_helix: float | None
    ei_department: float | None
    articulation_points: tuple[CutPoint, ...]
    bridges: tuple[Bridge, ...]


def _attribute(graph: Any, name: str, index: int) -> Any:
    return graph.vs[index][name] if name in graph.vs.attributes() else None


def cut_points(graph: Any) -> tuple[tuple[int, ...], tuple[tuple[int, int], ...]]:
    """Articulation points and bridges (Hopcroft & Tarjan 1973, "Efficient algorithms for graph
    manipulation", CACM 16(6)), on the undirected view: single points of failure.

    >>> import igraph as ig
    >>> cut_points(ig.Graph([(0, 1), (1, 2), (2, 0), (2, 3)]))
    ((2,), ((2, 3),))
    """
    view = graph
    if graph.is_directed() or not graph.is_simple():
        view = graph.as_undirected(mode="collapse") if graph.is_directed() else graph.copy()
        view.simplify(multiple=True, loops=True)
    points = tuple(sorted(int(v) for v in view.articulation_points()))
    bridges = tuple(sorted(tuple(sorted(view.es[e].tuple)) for e in view.bridges()))
    return points, bridges


def assortativity(graph: Any, attribute: str) -> float | None:
    """Newman's assortativity coefficient for a categorical attribute (Newman 2003, "Mixing
    patterns in networks", Phys. Rev. E 67, 026126): 1 when ties stay within categories, 0 for
    random mixing, negative when ties prefer other categories. Actors without a value are left
    out. Same definition as NetworkX ``attribute_assortativity_coefficient``.

    >>> import igraph as ig
    >>> g = ig.Graph([(0, 1), (2, 3)]); g.vs["helix"] = ["a", "a", "b", "b"]
    >>> assortativity(g, "helix")
    1.0
    """
    if attribute not in graph.vs.attributes() or graph.ecount() == 0:
        return None
    values = graph.vs[attribute]
    names = {name: i for i, name in enumerate(sorted({v for v in values if v is not None}))}
    codes = np.array([names.get(v, -1) for v in values], dtype=np.int64)
    edges = edge_array(graph)
    source, target = codes[edges[:, 0]], codes[edges[:, 1]]
    keep = (source >= 0) & (target >= 0)
    source, target = source[keep], target[keep]
    if not graph.is_directed():
        source, target = np.concatenate([source, target]), np.concatenate([target, source])
    k = len(names)
    if source.size == 0:
        return None
    mixing = np.bincount(source * k + target, minlength=k * k).reshape(k, k) / source.size
    expected = float(mixing.sum(axis=1) @ mixing.sum(axis=0))
    if expected >= 1.0:
        return None
    return float((np.trace(mixing) - expected) / (1.0 - expected))


def network_summary(
    graph: Any,
    paths: PathMetrics | None = None,
    *,
    seed: int | None = 0,
    exact_limit: int = EXACT_LIMIT,
    pivots: int = DEFAULT_PIVOTS,
) -> NetworkSummary:
    """Size, density, components, average distance, transitivity, centralisation, sector mixing
    and single points of failure of one network. Pass ``paths`` to reuse a path computation.
    """
    with shared_arrays(graph):
        return _summary(graph, paths, seed, exact_limit, pivots)


def _summary(
    graph: Any, paths: PathMetrics | None, seed: int | None, exact_limit: int, pivots: int
) -> NetworkSummary:
    n = graph.vcount()
    if paths is None:
        paths = path_metrics(graph, seed=seed, exact_limit=exact_limit, pivots=pivots)
    sizes = list(graph.connected_components(mode="weak").sizes()) if n else []
    points, bridges = cut_points(graph)
    transitivity = float(graph.transitivity_undirected()) if n else float("nan")
    attributes = graph.vs.attributes()
    return NetworkSummary(
        actors=n,
        ties=graph.ecount(),
        directed=bool(graph.is_directed()),
        density=density(graph),
        components=len(sizes),
        largest_component=max(sizes, default=0),
        isolates=int((np.asarray(graph.degree()) == 0).sum()),
        average_distance=paths.average_distance,
        distance_method=paths.method,
        transitivity=None if np.isnan(transitivity) else transitivity,
        degree_centralisation=degree_centralisation(graph),
        assortativity_helix=assortativity(graph, "helix"),
        ei_helix=ei_index(graph, "helix", permutations=0).ei if "helix" in attributes else None,
        ei_department=(
            ei_index(graph, "department", permutations=0).ei if "department" in attributes else None
        ),
        articulation_points=tuple(
            CutPoint(_attribute(graph, "actor_id", v), _attribute(graph, "name", v)) for v in points
        ),
        bridges=tuple(
            Bridge(_attribute(graph, "actor_id", a), _attribute(graph, "actor_id", b))
            for a, b in bridges
        ),
    )
