"""Silos: the E-I index with a permutation test, group-by-group tie matrices, and informal
communities set against the formal departments.

Groups are a vertex attribute (``helix``, ``department``, ``unit``). ``None`` means "no group":
a tie from a group member to such an actor is external to the group; a tie between two actors
without a group says nothing about the grouping and is left out of the overall index.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import igraph as ig  # type: ignore[import-untyped]
import numpy as np
from numpy.typing import NDArray

from quadhelix.analytics.projection import cached, edge_array, merge_edges

IntArray = NDArray[np.int64]
FloatArray = NDArray[np.float64]


def _labels(graph: Any, attribute: str) -> tuple[list[str], IntArray]:
    values = graph.vs[attribute] if graph.vcount() else []
    names = sorted({v for v in values if v is not None})
    index = {name: i for i, name in enumerate(names)}
    return names, np.array([index.get(v, -1) for v in values], dtype=np.int64)


def simple_ties(graph: Any) -> tuple[IntArray, IntArray]:
    """Each tie once: arcs of a directed graph, edges of an undirected one, parallels merged."""

    def make() -> tuple[IntArray, IntArray]:
        edges = edge_array(graph)
        merged = merge_edges(edges[:, 0], edges[:, 1], None, graph.vcount(), graph.is_directed())
        return merged.source, merged.target

    return cached(graph, "ties", make)


def _ei(external: NDArray[Any] | float, internal: NDArray[Any] | float) -> Any:
    total = np.asarray(external, dtype=np.float64) + np.asarray(internal, dtype=np.float64)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, (np.asarray(external) - np.asarray(internal)) / total, np.nan)


def _counts(
    codes: IntArray, source: IntArray, target: IntArray, n_groups: int
) -> tuple[float, float, IntArray, IntArray]:
    gs, gt = codes[source], codes[target]
    internal = (gs == gt) & (gs >= 0)
    counted = (gs >= 0) | (gt >= 0)
    external = counted & ~internal
    per_internal = np.bincount(gs[internal], minlength=n_groups)
    per_external = np.bincount(gs[external & (gs >= 0)], minlength=n_groups) + np.bincount(
        gt[external & (gt >= 0)], minlength=n_groups
    )
    return float(external.sum()), float(internal.sum()), per_external, per_internal


@dataclass(frozen=True)
class GroupEI:
    """The E-I index of one group, with its value expected under random relabelling."""

    group: str
    size: int
    external: int
    internal: int
    ei: float | None
    expected_ei: float | None
    p_lower: float | None
    p_upper: float | None


@dataclass(frozen=True)
class EIResult:
    """Krackhardt–Stern E-I index overall, per group and per actor (see ``ei_index``)."""

    attribute: str
    external: int
    internal: int
    ei: float | None
    expected_ei: float | None
    p_lower: float | None
    p_upper: float | None
    permutations: int
    seed: int | None
    groups: tuple[GroupEI, ...]
    actor_ei: tuple[float | None, ...]


def _none_if_nan(value: float) -> float | None:
    return None if np.isnan(value) else float(value)


def default_permutations(n_ties: int) -> int:
    """999 relabellings for a city-sized network, fewer for large ones (at least 99): the work
    grows with ties x relabellings, and there every deviation is many standard errors anyway."""
    return int(min(999, max(99, 5_000_000 // max(1, n_ties))))


def _shuffled_counts(
    codes: IntArray,
    source: IntArray,
    target: IntArray,
    k: int,
    rounds: int,
    rng: np.random.Generator,
) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray]:
    """External and internal tie counts, overall and per group, under ``rounds`` relabellings.

    Only internal ties are counted tie by tie; a group's external ties follow from the degrees of
    its members (E_g = sum of degrees - 2 I_g), and actors without a group act as group ``k``.
    """
    n = codes.size
    labels_base = np.where(codes >= 0, codes, k).astype(np.int32)
    degree = np.bincount(source, minlength=n) + np.bincount(target, minlength=n)
    m = source.size
    external = np.zeros(rounds)
    internal = np.zeros(rounds)
    group_external = np.zeros((rounds, k))
    group_internal = np.zeros((rounds, k))
    width = k + 1
    block = max(1, 2_000_000 // max(1, m + n))
    for start in range(0, rounds, block):
        size = min(block, rounds - start)
        labels = rng.permuted(np.tile(labels_base, (size, 1)), axis=1)
        offset = (np.arange(size, dtype=np.int32) * width)[:, None]
        gs = labels[:, source]
        inside = gs == labels[:, target]
        per_internal = np.bincount((gs + offset)[inside], minlength=size * width)
        per_internal = per_internal.reshape(size, width)
        ends = np.bincount(
            (labels + offset).ravel(), weights=np.tile(degree, size), minlength=size * width
        ).reshape(size, width)
        span = slice(start, start + size)
        group_internal[span] = per_internal[:, :k]
        group_external[span] = ends[:, :k] - 2 * per_internal[:, :k]
        internal[span] = per_internal[:, :k].sum(axis=1)
        external[span] = m - per_internal[:, k] - internal[span]
    return external, internal, group_external, group_internal


def ei_index(
    graph: Any, attribute: str, permutations: int | None = None, seed: int | None = 0
) -> EIResult:
    """Krackhardt & Stern (1988, "Informal networks and organizational crises: an experimental
    simulation", Social Psychology Quarterly 51(2)) E-I index: (E - I) / (E + I), E the ties
    that cross a group boundary and I those inside a group. -1 is a closed silo, +1 a group
    that only looks outward.

    Per group, E counts the ties of its members with outsiders and I the ties among members
    (each once); per actor, its own external and internal ties. The permutation test shuffles
    the group labels over the actors ``permutations`` times (group sizes and the network stay
    fixed): ``expected_ei`` is the mean index under shuffling, ``p_lower`` the one-sided p-value
    for "more inward than chance" (a silo), ``p_upper`` for "more outward than chance", both
    (1 + count as extreme) / (1 + permutations).

    >>> import igraph as ig
    >>> g = ig.Graph([(0, 1), (1, 2), (2, 3)]); g.vs["dept"] = ["a", "a", "b", "b"]
    >>> r = ei_index(g, "dept", permutations=0)
    >>> r.external, r.internal, round(r.ei, 3), [x.ei for x in r.groups]
    (1, 2, -0.333, [0.0, 0.0])
    """
    names, codes = _labels(graph, attribute)
    source, target = simple_ties(graph)
    k = len(names)
    external, internal, per_external, per_internal = _counts(codes, source, target, k)
    overall = float(_ei(external, internal))
    per_group = _ei(per_external, per_internal)
    rounds = default_permutations(source.size) if permutations is None else permutations
    rng = np.random.default_rng(seed)
    e, i, pe, pi = _shuffled_counts(codes, source, target, k, rounds, rng)
    shuffled_overall = np.asarray(_ei(e, i), dtype=np.float64)
    shuffled_groups = np.asarray(_ei(pe, pi), dtype=np.float64).reshape(rounds, k)
    total_overall = float(np.nansum(shuffled_overall))
    low_overall = int((shuffled_overall <= overall + 1e-12).sum())
    high_overall = int((shuffled_overall >= overall - 1e-12).sum())
    defined = ~np.isnan(shuffled_groups)
    total_group = np.where(defined, shuffled_groups, 0.0).sum(axis=0)
    counted_group = defined.sum(axis=0)
    low = (defined & (shuffled_groups <= per_group + 1e-12)).sum(axis=0)
    high = (defined & (shuffled_groups >= per_group - 1e-12)).sum(axis=0)
    sizes = np.bincount(codes[codes >= 0], minlength=k)
    groups = tuple(
        GroupEI(
            group=names[g],
            size=int(sizes[g]),
            external=int(per_external[g]),
            internal=int(per_internal[g]),
            ei=_none_if_nan(per_group[g]),
            expected_ei=float(total_group[g] / counted_group[g]) if counted_group[g] else None,
            p_lower=float((1 + low[g]) / (1 + rounds)) if rounds else None,
            p_upper=float((1 + high[g]) / (1 + rounds)) if rounds else None,
        )
        for g in range(k)
    )
    return EIResult(
        attribute=attribute,
        external=int(external),
        internal=int(internal),
        ei=_none_if_nan(overall),
        expected_ei=total_overall / rounds if rounds else None,
        p_lower=(1 + low_overall) / (1 + rounds) if rounds else None,
        p_upper=(1 + high_overall) / (1 + rounds) if rounds else None,
        permutations=rounds,
        seed=seed,
        groups=groups,
        actor_ei=tuple(None if x != x else x for x in actor_ei(graph, attribute).tolist()),
    )


def actor_ei(graph: Any, attribute: str) -> FloatArray:
    """Each actor's own E-I index over its ties; NaN without ties or without a group.

    >>> import igraph as ig
    >>> g = ig.Graph([(0, 1), (0, 2)]); g.vs["dept"] = ["a", "a", "b"]
    >>> actor_ei(g, "dept").tolist()
    [0.0, -1.0, 1.0]
    """
    n = graph.vcount()
    _names, codes = _labels(graph, attribute)
    source, target = simple_ties(graph)
    internal = (codes[source] == codes[target]) & (codes[source] >= 0)
    ends = np.concatenate([source, target])
    inside = np.concatenate([internal, internal])
    i = np.bincount(ends[inside], minlength=n)
    e = np.bincount(ends[~inside], minlength=n)
    values = np.asarray(_ei(e, i), dtype=np.float64)
    values[codes < 0] = np.nan
    return values


@dataclass(frozen=True)
class TieMatrix:
    """Ties between row groups and column groups, counted from each end (see ``tie_matrix``)."""

    rows: tuple[str, ...]
    columns: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]


def tie_matrix(graph: Any, row_attribute: str, column_attribute: str) -> TieMatrix:
    """How often actors of each row group are tied to actors of each column group.

    Every tie is read from both ends: the tie u-v adds one to (row(u), column(v)) and one to
    (row(v), column(u)), so a row shows all ties of that group's members by the other end's group.
    A tie inside one group adds two to its diagonal cell when rows and columns are the same
    grouping. Actors without a value are left out of that side. (Department by sector is the
    question "which departments never meet civil society?"; a zero cell answers it.)

    >>> import igraph as ig
    >>> g = ig.Graph([(0, 1), (1, 2)]); g.vs["helix"] = ["government", "business", "business"]
    >>> tie_matrix(g, "helix", "helix").counts
    ((2, 1), (1, 0))
    """
    row_names, row_codes = _labels(graph, row_attribute)
    col_names, col_codes = _labels(graph, column_attribute)
    source, target = simple_ties(graph)
    a = np.concatenate([source, target])
    b = np.concatenate([target, source])
    keep = (row_codes[a] >= 0) & (col_codes[b] >= 0)
    cells = row_codes[a[keep]] * max(1, len(col_names)) + col_codes[b[keep]]
    table = np.bincount(cells, minlength=len(row_names) * len(col_names)).reshape(
        len(row_names), len(col_names)
    )
    return TieMatrix(
        rows=tuple(row_names),
        columns=tuple(col_names),
        counts=tuple(tuple(int(x) for x in row) for row in table),
    )


@dataclass(frozen=True)
class CommunityOverlap:
    """One informal community and the formal groups its members come from."""

    community: int
    size: int
    groups: dict[str, int]


@dataclass(frozen=True)
class CommunityComparison:
    """Leiden communities set against a formal grouping (see ``compare_with_communities``)."""

    attribute: str
    communities: int
    modularity_communities: float
    modularity_formal: float
    nmi: float | None
    membership: tuple[int, ...]
    overlaps: tuple[CommunityOverlap, ...]


def leiden(graph: Any, seed: int | None = 0, iterations: int = 2, weighted: bool = True) -> Any:
    """Leiden communities maximising modularity (Traag, Waltman & van Eck 2019, "From Louvain
    to Leiden: guaranteeing well-connected communities", Sci. Rep. 9, 5233), igraph's C code, on
    the undirected view. Leiden rather than Louvain: Louvain can leave badly connected or
    stalled communities on weakly clustered graphs.

    >>> import igraph as ig
    >>> g = ig.Graph.Full(4) + ig.Graph.Full(4); _ = g.add_edge(0, 4)
    >>> sorted(leiden(g).sizes())
    [4, 4]
    """
    view = (
        graph.as_undirected(mode="collapse", combine_edges="sum") if graph.is_directed() else graph
    )
    weights = "weight" if weighted and "weight" in view.es.attributes() else None
    with seeded_igraph_random(seed):
        return view.community_leiden(
            objective_function="modularity", weights=weights, n_iterations=iterations
        )


_IGRAPH_RANDOM = threading.Lock()


@contextmanager
def seeded_igraph_random(seed: int | None) -> Iterator[None]:
    """igraph draws random numbers from one process-wide generator, and calls back into Python
    for each draw, so another thread can run in between. Seeding it is only reproducible when
    no other thread swaps or draws from it meanwhile: this lock serialises every seeded igraph
    call (the web application runs analyses in worker threads)."""
    with _IGRAPH_RANDOM:
        ig.set_random_number_generator(random.Random(seed))
        try:
            yield
        finally:
            ig.set_random_number_generator(random)


def _overlaps(
    membership: IntArray, codes: IntArray, names: list[str], communities: int
) -> tuple[CommunityOverlap, ...]:
    """Per community its size and how many members each formal group has in it (largest
    first), counted in one pass rather than one pass over the actors per community."""
    sizes = np.bincount(membership, minlength=communities)
    grouped = codes >= 0
    k = max(1, len(names))
    pairs, counts = np.unique(membership[grouped] * k + codes[grouped], return_counts=True)
    found: dict[int, dict[str, int]] = {c: {} for c in range(communities)}
    for pair, count in zip(pairs.tolist(), counts.tolist(), strict=True):
        found[pair // k][names[pair % k]] = count
    return tuple(
        CommunityOverlap(
            community=c,
            size=int(sizes[c]),
            groups=dict(sorted(found[c].items(), key=lambda item: (-item[1], item[0]))),
        )
        for c in range(communities)
    )


def compare_with_communities(
    graph: Any, attribute: str = "department", seed: int | None = 0, weighted: bool = True
) -> CommunityComparison:
    """Where the informal network cuts across the org chart.

    Reports the modularity (Newman & Girvan 2004, Phys. Rev. E 69, 026113) of the Leiden
    communities and of the formal grouping (actors without a group count as groups of one), and
    the normalised mutual information 2 I(X;Y) / (H(X) + H(Y)) between them over the actors
    that have a group (Danon et al. 2005, "Comparing community structure identification",
    J. Stat. Mech. P09008): 1 when communities are exactly the departments, near 0 when they are
    unrelated.
    """
    clusters = leiden(graph, seed=seed, weighted=weighted)
    view = clusters.graph
    weights = "weight" if weighted and "weight" in view.es.attributes() else None
    membership = list(clusters.membership)
    names, codes = _labels(graph, attribute)
    formal = codes.copy()
    lone = formal < 0
    formal[lone] = len(names) + np.arange(int(lone.sum()))
    modularity_formal = (
        float(view.modularity(formal.tolist(), weights=weights)) if view.vcount() else 0.0
    )
    grouped = np.flatnonzero(~lone)
    nmi = None
    if grouped.size:
        nmi = float(
            ig.compare_communities(
                [membership[i] for i in grouped], codes[grouped].tolist(), method="nmi"
            )
        )
    overlaps = _overlaps(np.asarray(membership, dtype=np.int64), codes, names, len(clusters))
    return CommunityComparison(
        attribute=attribute,
        communities=len(clusters),
        modularity_communities=float(view.modularity(membership, weights=weights))
        if view.vcount()
        else 0.0,
        modularity_formal=modularity_formal,
        nmi=nmi,
        membership=tuple(membership),
        overlaps=tuple(overlaps),
    )
