"""Brokerage between groups: Gould–Fernandez roles and how many groups an actor connects.

Groups are a vertex attribute such as ``helix`` or ``department``. An actor whose value is
``None`` (e.g. an organisation outside the city's org tree when grouping by department) is a
group of its own: it shares a group with nobody.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy import sparse  # type: ignore[import-untyped]

from quadhelix.analytics.projection import cached, edge_array, merge_edges
from quadhelix.analytics.triangles import iter_triangles

IntArray = NDArray[np.int64]

ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")


def group_codes(values: Sequence[Any]) -> IntArray:
    """Integer group codes; every ``None`` gets a code of its own.

    >>> group_codes(["a", None, "b", "a", None]).tolist()
    [0, 2, 1, 0, 3]
    """
    labels = {value: i for i, value in enumerate(sorted({v for v in values if v is not None}))}
    codes = np.empty(len(values), dtype=np.int64)
    fresh = len(labels)
    for i, value in enumerate(values):
        if value is None:
            codes[i] = fresh
            fresh += 1
        else:
            codes[i] = labels[value]
    return codes


@dataclass(frozen=True)
class BrokerageRoles:
    """Per actor, the number of open two-paths a -> ego -> b in each Gould–Fernandez role."""

    coordinator: IntArray
    itinerant: IntArray
    representative: IntArray
    gatekeeper: IntArray
    liaison: IntArray

    @property
    def total(self) -> IntArray:
        return np.asarray(
            self.coordinator
            + self.itinerant
            + self.representative
            + self.gatekeeper
            + self.liaison,
            dtype=np.int64,
        )


def _arcs(graph: Any) -> tuple[IntArray, IntArray]:
    """Each tie as arcs (two for an undirected tie), parallels merged, in key order."""

    def make() -> tuple[IntArray, IntArray]:
        edges = edge_array(graph)
        source, target = edges[:, 0], edges[:, 1]
        if not graph.is_directed():
            source, target = np.concatenate([source, target]), np.concatenate([target, source])
        merged = merge_edges(source, target, None, graph.vcount(), directed=True)
        return merged.source, merged.target

    return cached(graph, "arcs", make)


def _has(keys: IntArray, query: IntArray) -> NDArray[np.bool_]:
    """Membership of ``query`` in the sorted array ``keys``."""
    if keys.size == 0:
        return np.zeros(query.size, dtype=bool)
    position = np.minimum(np.searchsorted(keys, query), keys.size - 1)
    return np.asarray(keys[position] == query)


def _role(g_a: IntArray, g_v: IntArray, g_b: IntArray) -> IntArray:
    """Role index in ``ROLES`` of the two-path a -> v -> b from the groups of its actors."""
    same_av = g_a == g_v
    same_vb = g_v == g_b
    same_ab = g_a == g_b
    return np.select(
        [same_av & same_vb, same_ab & ~same_av, same_av & ~same_vb, same_vb & ~same_av],
        [0, 1, 2, 3],
        default=4,
    ).astype(np.int64)


def _closed_undirected(tri: IntArray, groups: IntArray, n: int) -> IntArray:
    """Closed two-paths per role and ego (flattened 5 x n) of undirected triangles.

    Each corner is the ego of two ordered paths, a -> ego -> b and b -> ego -> a; both share a
    role except when exactly one of a, b is in the ego's group: then one path is representative
    and the other gatekeeper. Three corners instead of six orderings halve the work.
    """
    closed = np.zeros(5 * n, dtype=np.int64)
    g = groups[tri]
    for ego, a, b in ((0, 1, 2), (1, 0, 2), (2, 0, 1)):
        same_a, same_b = g[:, a] == g[:, ego], g[:, b] == g[:, ego]
        same_ab = g[:, a] == g[:, b]
        one = same_a != same_b
        both_ways = np.select(
            [same_a & same_b, same_ab & ~same_a, ~one], [0, 1, 4], default=-1
        )  # -1: one representative and one gatekeeper path
        v = tri[:, ego]
        paired = both_ways >= 0
        closed += 2 * np.bincount(both_ways[paired] * n + v[paired], minlength=5 * n)
        closed += np.bincount(2 * n + v[one], minlength=5 * n)
        closed += np.bincount(3 * n + v[one], minlength=5 * n)
    return closed


def gould_fernandez(graph: Any, attribute: str) -> BrokerageRoles:
    """Gould & Fernandez (1989, "Structures of mediation: a formal approach to brokerage in
    transaction networks", Sociological Methodology 19) brokerage roles.

    An ego brokers the two-path a -> ego -> b when a has no tie to b. With g() the group:

    ============== ============================ =============================================
    role           pattern                      reading
    ============== ============================ =============================================
    coordinator    g(a) = g(ego) = g(b)         mediates inside its own group
    itinerant      g(a) = g(b) != g(ego)        outsider linking two members of one group
                                                 (also called consultant)
    representative g(a) = g(ego) != g(b)        carries its group's message out
    gatekeeper     g(a) != g(ego) = g(b)        lets outside information into its group
    liaison        all three groups differ      links two groups it belongs to neither of
    ============== ============================ =============================================

    On an undirected graph every tie is read as two arcs (as in Gould & Fernandez's treatment of
    symmetric relations and statnet's ``brokerage``): each open pair counts once per direction,
    and representative equals gatekeeper.

    >>> import igraph as ig
    >>> g = ig.Graph([(0, 1), (1, 2)], directed=True); g.vs["team"] = ["x", "y", "z"]
    >>> gould_fernandez(g, "team").liaison.tolist()
    [0, 1, 0]
    """
    n = graph.vcount()
    groups = group_codes(graph.vs[attribute] if n else [])
    source, target = _arcs(graph)
    n_groups = int(groups.max()) + 1 if n else 1
    same = groups[source] == groups[target]
    in_same = np.bincount(target[same], minlength=n)
    in_all = np.bincount(target, minlength=n)
    out_same = np.bincount(source[same], minlength=n)
    out_all = np.bincount(source, minlength=n)
    in_diff, out_diff = in_all - in_same, out_all - out_same
    keys = source * n + target  # sorted: merge_edges returns edges in key order
    reciprocal = _has(keys, target * n + source)
    recip_same = np.bincount(source[reciprocal & same], minlength=n)
    recip_diff = np.bincount(source[reciprocal & ~same], minlength=n)
    incoming = sparse.csr_matrix(
        (np.ones(source.size), (target, groups[source])), shape=(n, n_groups)
    )
    outgoing = sparse.csr_matrix(
        (np.ones(source.size), (source, groups[target])), shape=(n, n_groups)
    )
    pairs_by_group = np.asarray(incoming.multiply(outgoing).sum(axis=1)).ravel()
    pairs_other_group = np.rint(pairs_by_group).astype(np.int64) - in_same * out_same
    totals = np.vstack(
        [
            in_same * out_same - recip_same,
            pairs_other_group - recip_diff,
            in_same * out_diff,
            in_diff * out_same,
            in_diff * out_diff - pairs_other_group,
        ]
    )
    closed = np.zeros(5 * n, dtype=np.int64)
    undirected = merge_edges(source, target, None, n, directed=False)
    for tri in iter_triangles(undirected.source, undirected.target, n):
        if not graph.is_directed():
            closed += _closed_undirected(tri, groups, n)
            continue
        for a, v, b in ((0, 1, 2), (0, 2, 1), (1, 0, 2), (1, 2, 0), (2, 0, 1), (2, 1, 0)):
            ca, cv, cb = tri[:, a], tri[:, v], tri[:, b]
            present = _has(keys, ca * n + cv) & _has(keys, cv * n + cb) & _has(keys, ca * n + cb)
            role = _role(groups[ca[present]], groups[cv[present]], groups[cb[present]])
            closed += np.bincount(role * n + cv[present], minlength=5 * n)
    open_paths = totals - closed.reshape(5, n)
    return BrokerageRoles(*(np.asarray(row, dtype=np.int64) for row in open_paths))


def groups_reached(graph: Any, attribute: str) -> IntArray:
    """How many different groups an actor's contacts (in either direction) belong to.

    Contacts without a group value are not counted.

    >>> import igraph as ig
    >>> g = ig.Graph.Star(4); g.vs["helix"] = ["government", "business", "business", None]
    >>> groups_reached(g, "helix").tolist()
    [1, 1, 1, 1]
    """
    n = graph.vcount()
    values = graph.vs[attribute] if n else []
    labels = {v: i for i, v in enumerate(sorted({v for v in values if v is not None}))}
    code = np.array([labels.get(v, -1) for v in values], dtype=np.int64)
    edges = edge_array(graph)
    ego = np.concatenate([edges[:, 0], edges[:, 1]])
    alter = np.concatenate([edges[:, 1], edges[:, 0]])
    keep = code[alter] >= 0
    pairs = np.unique(ego[keep] * (len(labels) + 1) + code[alter[keep]])
    return np.bincount(pairs // (len(labels) + 1), minlength=n).astype(np.int64)
