"""From arrays of ids to an igraph graph: merging parallel ties and projecting memberships.

Pure array functions (no database), shared by ``graphs`` (the registry) and the benchmarks (the
CORDIS data), so both build their graphs the same way; ``dated_links`` keeps the same links as
dated events for the coalition builder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from itertools import chain
from typing import Any, TypeVar

import igraph as ig  # type: ignore[import-untyped]
import numpy as np
from numpy.typing import NDArray
from scipy import sparse  # type: ignore[import-untyped]

IntArray = NDArray[np.int64]
FloatArray = NDArray[np.float64]
T = TypeVar("T")

_SHARED: ContextVar[tuple[Any, dict[str, Any]] | None] = ContextVar(
    "quadhelix_shared_arrays", default=None
)


@dataclass(frozen=True)
class EdgeList:
    """Simple edges (no loops, no parallels) with their summed weight and how many were merged."""

    source: IntArray
    target: IntArray
    weight: FloatArray
    count: IntArray


def merge_edges(
    source: Sequence[int] | IntArray,
    target: Sequence[int] | IntArray,
    weight: Sequence[float] | FloatArray | None,
    n: int,
    directed: bool,
) -> EdgeList:
    """Collapse parallel edges into one, summing weights; drop loops.

    Undirected edges are stored with the smaller index first.

    >>> e = merge_edges([0, 1, 1], [1, 0, 2], [1.0, 2.0, 5.0], n=3, directed=False)
    >>> e.source.tolist(), e.target.tolist(), e.weight.tolist(), e.count.tolist()
    ([0, 1], [1, 2], [3.0, 5.0], [2, 1])
    """
    src = np.asarray(source, dtype=np.int64)
    dst = np.asarray(target, dtype=np.int64)
    w = np.ones(src.size) if weight is None else np.asarray(weight, dtype=np.float64)
    keep = src != dst
    src, dst, w = src[keep], dst[keep], w[keep]
    if not directed:
        src, dst = np.minimum(src, dst), np.maximum(src, dst)
    keys, inverse = np.unique(src * n + dst, return_inverse=True)
    return EdgeList(
        source=keys // n,
        target=keys % n,
        weight=np.bincount(inverse, weights=w, minlength=keys.size).astype(np.float64),
        count=np.bincount(inverse, minlength=keys.size).astype(np.int64),
    )


@dataclass(frozen=True)
class Projection:
    """Actor pairs that share coalitions: how many, and Newman's collaboration weight."""

    source: IntArray
    target: IntArray
    shared: IntArray
    newman: FloatArray


def project_memberships(
    actor_index: Sequence[int] | IntArray,
    coalition_index: Sequence[int] | IntArray,
    n_actors: int,
) -> Projection:
    """The one-mode projection of an actor-coalition membership list.

    Two actors are linked when they share a coalition. ``shared`` counts the coalitions;
    ``newman`` sums 1/(n_c - 1) over them, n_c being the coalition's number of members, so that
    a tie in a large consortium weighs less than one in a pair (Newman 2001, "Scientific
    collaboration networks. II", Phys. Rev. E 64, 016132). Repeated memberships count once.

    >>> p = project_memberships([0, 1, 2, 0, 1], [0, 0, 0, 1, 1], n_actors=3)
    >>> p.source.tolist(), p.target.tolist(), p.shared.tolist(), p.newman.tolist()
    ([0, 0, 1], [1, 2, 2], [2, 1, 1], [1.5, 0.5, 0.5])
    """
    actors = np.asarray(actor_index, dtype=np.int64)
    coalitions = np.asarray(coalition_index, dtype=np.int64)
    empty = Projection(
        np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
    )
    if actors.size == 0:
        return empty
    n_coalitions = int(coalitions.max()) + 1
    incidence = sparse.csr_matrix(
        (np.ones(actors.size), (actors, coalitions)), shape=(n_actors, n_coalitions)
    )
    incidence.sum_duplicates()
    incidence.data[:] = 1.0
    size = np.asarray(incidence.sum(axis=0)).ravel()
    per_pair = np.zeros(n_coalitions)
    np.divide(1.0, size - 1.0, out=per_pair, where=size > 1)
    counts = _sorted_upper(incidence @ incidence.T)
    newman = _sorted_upper(incidence @ sparse.diags(per_pair) @ incidence.T)
    if counts.nnz == 0:
        return empty
    # Every shared coalition has at least two members, so both matrices share one pattern.
    return Projection(
        source=counts.row.astype(np.int64),
        target=counts.col.astype(np.int64),
        shared=np.rint(counts.data).astype(np.int64),
        newman=newman.data.astype(np.float64),
    )


def _sorted_upper(matrix: Any) -> Any:
    upper = sparse.triu(matrix, k=1).tocoo()
    order = np.lexsort((upper.col, upper.row))
    return sparse.coo_matrix(
        (upper.data[order], (upper.row[order], upper.col[order])), shape=upper.shape
    )


def make_graph(
    n: int,
    source: IntArray,
    target: IntArray,
    directed: bool,
    vertex_attrs: Mapping[str, Sequence[Any]] | None = None,
    edge_attrs: Mapping[str, Sequence[Any]] | None = None,
) -> Any:
    """An igraph graph from edge arrays, with attributes attached."""
    edges = np.column_stack([source, target]).astype(np.int64)
    graph = ig.Graph(n=n, edges=edges.tolist(), directed=directed)
    for name, values in (vertex_attrs or {}).items():
        graph.vs[name] = list(values)
    for name, values in (edge_attrs or {}).items():
        graph.es[name] = list(values)
    return graph


@contextmanager
def shared_arrays(graph: Any) -> Iterator[None]:
    """Within the block, arrays derived from ``graph`` (its edge list, weights, merged views)
    are computed once and shared by every metric, instead of once per metric: reading 5e5
    edges out of igraph takes a few tenths of a second each time. The graph must not change
    inside the block. Per thread (a context variable), so concurrent requests do not mix.
    """
    current = _SHARED.get()
    if current is not None and current[0] is graph:
        yield
        return
    token = _SHARED.set((graph, {}))
    try:
        yield
    finally:
        _SHARED.reset(token)


def cached(graph: Any, key: str, make: Callable[[], T]) -> T:
    """``make()``, computed once per ``shared_arrays`` block (arrays come back read-only)."""
    current = _SHARED.get()
    if current is None or current[0] is not graph:
        return make()
    store = current[1]
    if key not in store:
        value = make()
        for item in value if isinstance(value, tuple) else (value,):
            if isinstance(item, np.ndarray):
                item.flags.writeable = False
        store[key] = value
    found: T = store[key]
    return found


def edge_array(graph: Any) -> IntArray:
    """The graph's edges as an (m, 2) int64 array (about twice as fast as ``np.asarray``)."""

    def read() -> IntArray:
        m = graph.ecount()
        flat = np.fromiter(chain.from_iterable(graph.get_edgelist()), dtype=np.int64, count=2 * m)
        return flat.reshape(m, 2)

    return cached(graph, "edges", read)


def edge_weights(graph: Any) -> FloatArray | None:
    """The ``weight`` edge attribute as an array, or ``None`` when the graph has none."""

    def read() -> FloatArray | None:
        if "weight" not in graph.es.attributes():
            return None
        return np.asarray(graph.es["weight"], dtype=np.float64)

    return cached(graph, "weights", read)


@dataclass(frozen=True)
class DatedLinks:
    """The combined view kept as dated events instead of merged edges, both directions stored.

    One event per pair of members of a coalition (``coalition`` its row, ``start`` the day the
    later of the two joined, ``weight`` ``min(1, small / (n - 1))`` with ``n`` the members who had
    joined by then, after Newman 2001) and one per tie (``coalition`` -1, its own weight and
    start). The coalition builder needs the network on any day with recent links counting more,
    which merged edges cannot give.
    """

    source: IntArray
    target: IntArray
    start: IntArray
    weight: FloatArray
    coalition: IntArray


def dated_links(
    member_actor: IntArray,
    member_coalition: IntArray,
    member_start: IntArray,
    tie_source: IntArray,
    tie_target: IntArray,
    tie_weight: FloatArray,
    tie_start: IntArray,
    *,
    small: int = 10,
) -> DatedLinks:
    """Dated co-membership and tie links from membership and tie arrays (rows, day ordinals).

    Repeated memberships of an actor in a coalition count once, from the earliest start.

    >>> links = dated_links(np.array([0, 1, 2]), np.array([0, 0, 0]), np.array([5, 7, 9]),
    ...                     np.array([0]), np.array([3]), np.array([2.0]), np.array([4]))
    >>> list(zip(links.source.tolist(), links.target.tolist(), links.start.tolist()))[:3]
    [(0, 1, 7), (0, 2, 9), (1, 0, 7)]
    >>> links.weight[:3].tolist(), links.coalition[-2:].tolist()
    ([1.0, 1.0, 1.0], [-1, -1])
    """
    order = np.lexsort((member_start, member_actor, member_coalition))
    actor, coalition = member_actor[order], member_coalition[order]
    start = member_start[order]
    first = np.ones(actor.size, dtype=bool)
    first[1:] = (actor[1:] != actor[:-1]) | (coalition[1:] != coalition[:-1])
    actor, coalition, start = actor[first], coalition[first], start[first]
    n_coalitions = int(coalition.max()) + 1 if coalition.size else 0
    size = np.bincount(coalition, minlength=n_coalitions)
    group_start = np.cumsum(size) - size
    k = size[coalition]
    row = np.repeat(np.arange(actor.size, dtype=np.int64), k)
    other = group_start[coalition[row]] + (np.arange(row.size) - np.repeat(np.cumsum(k) - k, k))
    keep = row != other
    row, other = row[keep], other[keep]
    met = np.maximum(start[row], start[other])
    # The coalition's size when the two met: its members who had joined by then.
    lowest = int(start.min()) if start.size else 0
    span = (int(start.max()) - lowest + 1) if start.size else 1
    joined = np.sort(coalition * span + (start - lowest))
    size_then = (
        np.searchsorted(joined, coalition[row] * span + (met - lowest), side="right")
        - group_start[coalition[row]]
    )
    pair_weight = np.minimum(1.0, small / np.maximum(size_then - 1, 1))
    no_coalition = np.full(2 * tie_source.size, -1, dtype=np.int64)
    return DatedLinks(
        source=np.concatenate([actor[row], tie_source, tie_target]).astype(np.int64),
        target=np.concatenate([actor[other], tie_target, tie_source]).astype(np.int64),
        start=np.concatenate([met, tie_start, tie_start]).astype(np.int64),
        weight=np.concatenate([pair_weight, tie_weight, tie_weight]).astype(np.float64),
        coalition=np.concatenate([coalition[row], no_coalition]).astype(np.int64),
    )
