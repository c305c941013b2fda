"""From arrays of ids to an igraph graph: merging parallel ties and projecting memberships.

Pure array functions (no database), shared by ``graphs`` (the registry) and the benchmarks (the
CORDIS data), so both build their graphs the same way.
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
