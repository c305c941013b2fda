"""Actor-level centrality: how connected, how influential, how embedded, how constrained.

Each function takes an igraph ``Graph`` and returns one number per vertex (a numpy array in vertex
order). Weights, where used, are the edge attribute ``weight`` when present. Shortest-path
metrics live in ``paths``, brokerage in ``brokerage``.
"""

from __future__ import annotations

import warnings
from typing import Any, Literal

import igraph as ig  # type: ignore[import-untyped]
import numpy as np
from numpy.typing import NDArray
from scipy import sparse  # type: ignore[import-untyped]

from quadhelix.analytics.projection import cached, edge_array, edge_weights, merge_edges
from quadhelix.analytics.triangles import iter_triangle_edges

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
DegreeMode = Literal["all", "in", "out"]


def _weights(graph: Any, weighted: bool) -> str | None:
    """The weight attribute's name for igraph (which reads it without a Python list)."""
    if weighted and "weight" in graph.es.attributes():
        return "weight"
    return None


def degree(graph: Any, mode: DegreeMode = "all") -> IntArray:
    """Number of ties (Freeman 1979, "Centrality in social networks", Social Networks 1(3)).

    ``mode`` "in"/"out" counts incoming/outgoing ties of a directed graph.

    >>> import igraph as ig
    >>> degree(ig.Graph.Star(4)).tolist()
    [3, 1, 1, 1]
    """
    return np.asarray(graph.degree(mode=mode), dtype=np.int64)


def strength(graph: Any, mode: DegreeMode = "all") -> FloatArray:
    """Summed weight of an actor's ties (Barrat et al. 2004, PNAS 101(11)).

    >>> import igraph as ig
    >>> g = ig.Graph([(0, 1), (0, 2)]); g.es["weight"] = [2.0, 0.5]
    >>> strength(g).tolist()
    [2.5, 2.0, 0.5]
    """
    return np.asarray(graph.strength(mode=mode, weights=_weights(graph, True)), dtype=np.float64)


def pagerank(
    graph: Any, damping: float = 0.85, weighted: bool = True, tolerance: float = 1e-13
) -> FloatArray:
    """PageRank (Brin & Page 1998, "The anatomy of a large-scale hypertextual web search
    engine"): the share of time a random walker following ties spends at an actor, jumping to a
    random actor with probability 1 - ``damping`` and from actors without outgoing ties. Sums to
    1; same definition as NetworkX ``pagerank``.

    Power iteration on a sparse matrix until the L1 change is below ``tolerance``. (igraph's
    PRPACK solver uses OpenMP, which slows down on busy machines and can hang in forked web or
    job workers.)

    >>> import igraph as ig
    >>> pagerank(ig.Graph.Star(3)).round(3).tolist()
    [0.486, 0.257, 0.257]
    """
    n = graph.vcount()
    if n == 0:
        return np.zeros(0)
    edges = edge_array(graph)
    weights = edge_weights(graph) if weighted else None
    w = np.ones(len(edges)) if weights is None else weights
    source, target = edges[:, 0], edges[:, 1]
    if not graph.is_directed():
        source, target = np.concatenate([source, target]), np.concatenate([target, source])
        w = np.concatenate([w, w])
    out = np.bincount(source, weights=w, minlength=n)
    dangling = out == 0
    walk = sparse.csr_matrix((w / out[source], (target, source)), shape=(n, n))
    rank = np.full(n, 1.0 / n)
    for _ in range(10_000):
        spread = damping * rank[dangling].sum() / n + (1.0 - damping) / n
        updated = damping * (walk @ rank) + spread
        change = float(np.abs(updated - rank).sum())
        rank = updated
        if change < tolerance:
            break
    return np.asarray(rank / rank.sum(), dtype=np.float64)


def eigenvector(graph: Any, weighted: bool = True) -> FloatArray:
    """Eigenvector centrality (Bonacich 1972, "Factoring and weighting approaches to status
    scores and clique identification", J. Math. Sociol. 2(1)): an actor is central when its
    neighbours are. Scaled so the most central actor has 1 (NetworkX scales to unit length
    instead; rankings are the same). Directed: ties pointing to the actor count. On a
    disconnected graph only the component with the leading eigenvalue gets non-zero values.

    >>> import igraph as ig
    >>> eigenvector(ig.Graph.Star(3)).round(3).tolist()
    [1.0, 0.707, 0.707]
    """
    if graph.ecount() == 0:
        return np.zeros(graph.vcount())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        values = graph.eigenvector_centrality(weights=_weights(graph, weighted))
    return np.asarray(values, dtype=np.float64)


def coreness(graph: Any) -> IntArray:
    """k-core number (Seidman 1983, "Network structure and minimum degree", Social Networks
    5(3)): the largest k such that the actor belongs to a group where everyone has at least k
    ties inside the group. Directed graphs use in- plus out-degree, as NetworkX does.

    >>> import igraph as ig
    >>> coreness(ig.Graph([(0, 1), (1, 2), (2, 0), (2, 3)])).tolist()
    [2, 2, 2, 1]
    """
    return np.asarray(graph.coreness(mode="all"), dtype=np.int64)


def local_clustering(graph: Any) -> FloatArray:
    """Share of an actor's pairs of contacts that are tied themselves (Watts & Strogatz 1998,
    Nature 393). Computed on the undirected, unweighted view; 0 for fewer than two contacts.
    Equals NetworkX ``clustering`` on ``G.to_undirected()``.

    >>> import igraph as ig
    >>> local_clustering(ig.Graph([(0, 1), (1, 2), (2, 0), (2, 3)])).tolist()
    [1.0, 1.0, 0.3333333333333333, 0.0]
    """
    view = graph.as_undirected(mode="collapse") if graph.is_directed() else graph
    values = view.transitivity_local_undirected(mode="zero")
    return np.asarray(values, dtype=np.float64)


def constraint(graph: Any, weighted: bool = True) -> FloatArray:
    """Burt's constraint (Burt 1992, "Structural Holes", ch. 2): how much an actor's contacts
    are tied to each other, i.e. how few structural holes it spans. C_i = sum_j (p_ij + sum_q
    p_iq p_qj)^2 with p_ij the share of i's (in+out) tie weight going to j. NaN for isolates.

    igraph's compiled ``constraint`` does the work on the undirected simple view with Burt's
    mutual weights, which for a directed or multi-edge graph is built first.

    >>> import igraph as ig
    >>> constraint(ig.Graph.Star(3)).round(3).tolist()
    [0.5, 1.0, 1.0]
    """
    if graph.is_directed() or not graph.is_simple():
        source, target, weight = mutual_edges(graph, weighted)  # parallel ties add up
        view = ig.Graph(n=graph.vcount(), edges=np.column_stack([source, target]))
        view.es["weight"] = weight
        values = view.constraint(weights="weight")
    else:
        values = graph.constraint(weights=_weights(graph, weighted))
    return np.asarray(values, dtype=np.float64)


def _both_ways(
    source: IntArray, target: IntArray, weight: FloatArray
) -> tuple[IntArray, IntArray, FloatArray]:
    """Each undirected tie as two arcs."""
    return (
        np.concatenate([source, target]),
        np.concatenate([target, source]),
        np.concatenate([weight, weight]),
    )


def _matrix(rows: IntArray, cols: IntArray, values: FloatArray, n: int) -> Any:
    return sparse.csr_matrix((values, (rows, cols)), shape=(n, n))


def _total(source: IntArray, target: IntArray, weight: FloatArray, n: int) -> FloatArray:
    """Each actor's total mutual tie weight."""
    return np.asarray(
        np.bincount(source, weights=weight, minlength=n)
        + np.bincount(target, weights=weight, minlength=n),
        dtype=np.float64,
    )


def mutual_edges(graph: Any, weighted: bool = True) -> tuple[IntArray, IntArray, FloatArray]:
    """The undirected simple view: each pair once, weight = a_ij + a_ji (Burt's mutual weight)."""

    def make() -> tuple[IntArray, IntArray, FloatArray]:
        edges = edge_array(graph)
        weights = edge_weights(graph) if weighted else None
        merged = merge_edges(edges[:, 0], edges[:, 1], weights, graph.vcount(), directed=False)
        return merged.source, merged.target, merged.weight

    return cached(graph, f"mutual_edges:{weighted}", make)


def effective_size(graph: Any, weighted: bool = True) -> FloatArray:
    """Burt's effective size: the number of contacts minus their redundancy (Burt 1992),
    ES_i = sum_j (1 - sum_q p_iq m_jq), q a contact of both, p_iq the share of i's mutual tie
    weight on q, m_jq the weight of j-q over j's strongest tie. Unweighted and undirected this is
    n - 2t/n (Borgatti 1997, "Structural holes: unpacking Burt's redundancy measures",
    Connections 20(1)). NaN for isolates, as in NetworkX. Redundancy lives in triangles, so it is
    summed over the triangles listed in arrays (``triangles.iter_triangle_edges``).

    >>> import igraph as ig
    >>> effective_size(ig.Graph([(0, 1), (0, 2), (0, 3), (1, 2)])).tolist()
    [2.3333333333333335, 1.0, 1.0, 1.0]
    """
    n = graph.vcount()
    source, target, weight = mutual_edges(graph, weighted)
    total = _total(source, target, weight, n)
    strongest = np.zeros(n)
    np.maximum.at(strongest, source, weight)
    np.maximum.at(strongest, target, weight)
    # Each triangle {i, j, q} adds a_jq (a_iq / max_j + a_ij / max_q) / total_i to i's redundancy
    # (the two orders of its other corners), and likewise for j and q.
    redundancy = np.zeros(n)
    with np.errstate(divide="ignore", invalid="ignore"):  # ties of weight 0
        for (x, y, z), (xy, xz, yz) in (
            (corners.T, edges.T) for corners, edges in iter_triangle_edges(source, target, n)
        ):
            a_xy, a_xz, a_yz = weight[xy], weight[xz], weight[yz]
            m_x, m_y, m_z = strongest[x], strongest[y], strongest[z]
            redundancy += np.bincount(x, weights=a_yz * (a_xz / m_y + a_xy / m_z), minlength=n)
            redundancy += np.bincount(y, weights=a_xz * (a_yz / m_x + a_xy / m_z), minlength=n)
            redundancy += np.bincount(z, weights=a_xy * (a_yz / m_x + a_xz / m_y), minlength=n)
    contacts = np.bincount(source, minlength=n) + np.bincount(target, minlength=n)
    with np.errstate(divide="ignore", invalid="ignore"):
        result = (contacts - redundancy / total).astype(np.float64)
    result[contacts == 0] = np.nan
    return result
