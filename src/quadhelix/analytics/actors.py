"""The actor table: every actor-level metric in one serialisable result.

``actor_metrics`` runs the whole actor suite on a graph built by ``graphs.build_graph`` (or any
igraph graph with the same vertex attributes) and returns one row per actor.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

import numpy as np

from quadhelix.analytics.brokerage import gould_fernandez, groups_reached
from quadhelix.analytics.centrality import (
    constraint,
    coreness,
    degree,
    effective_size,
    eigenvector,
    local_clustering,
    pagerank,
    strength,
)
from quadhelix.analytics.groups import actor_ei
from quadhelix.analytics.paths import DEFAULT_PIVOTS, EXACT_LIMIT, Mode, PathMetrics, path_metrics
from quadhelix.analytics.projection import shared_arrays

METRICS = (
    "degree",
    "in_degree",
    "out_degree",
    "strength",
    "betweenness",
    "harmonic",
    "pagerank",
    "eigenvector",
    "coreness",
    "clustering",
    "constraint",
    "effective_size",
    "brokerage",
    "sectors_reached",
    "departments_reached",
    "ei_helix",
    "ei_department",
)


@dataclass(frozen=True)
class ActorRow:
    """One actor's metrics (field meanings and references in ``docs/analytics.md``)."""

    actor_id: int | None
    name: str | None
    helix: str | None
    department: str | None
    degree: int
    in_degree: int
    out_degree: int
    strength: float
    betweenness: float
    betweenness_normalised: float
    betweenness_se: float | None
    harmonic: float
    pagerank: float
    eigenvector: float
    coreness: int
    clustering: float
    constraint: float | None
    effective_size: float | None
    coordinator: int
    itinerant: int
    representative: int
    gatekeeper: int
    liaison: int
    brokerage: int
    sectors_reached: int
    departments_reached: int
    ei_helix: float | None
    ei_department: float | None


@dataclass(frozen=True)
class ActorMetrics:
    """The actor table plus how the path metrics were obtained."""

    betweenness_method: str
    pivots: int
    seed: int | None
    brokerage_groups: str
    rows: tuple[ActorRow, ...]

    def top(self, metric: str, n: int | None = None) -> list[ActorRow]:
        """Rows sorted by a metric, highest first (missing values last)."""
        if metric not in METRICS:
            raise ValueError(f"unknown metric {metric!r}")

        def key(row: ActorRow) -> tuple[bool, float]:
            value = getattr(row, metric)
            return (value is None, -(value or 0.0))

        ranked = sorted(self.rows, key=key)
        return ranked if n is None else ranked[:n]


OPTIONAL = frozenset(
    {"betweenness_se", "constraint", "effective_size", "ei_helix", "ei_department"}
)


def _plain(name: str, values: Any) -> list[Any]:
    """A column as Python numbers (one ``tolist`` instead of a conversion per actor); NaN
    becomes ``None`` where the field is optional."""
    plain: list[Any] = np.asarray(values).tolist()
    if name in OPTIONAL:
        return [None if x != x else x for x in plain]  # x != x only for NaN
    return plain


def _columns(graph: Any, brokerage_by: str) -> dict[str, Any]:
    """Every actor metric except the path metrics, as arrays in vertex order."""
    n = graph.vcount()
    attributes = graph.vs.attributes()
    has_department = "department" in attributes
    has_helix = "helix" in attributes
    roles = gould_fernandez(graph, brokerage_by) if brokerage_by in attributes else None
    zeros = np.zeros(n, dtype=np.int64)
    return {
        "degree": degree(graph),
        "in_degree": degree(graph, "in"),
        "out_degree": degree(graph, "out"),
        "strength": strength(graph),
        "pagerank": pagerank(graph),
        "eigenvector": eigenvector(graph),
        "coreness": coreness(graph),
        "clustering": local_clustering(graph),
        "constraint": constraint(graph),
        "effective_size": effective_size(graph),
        "coordinator": roles.coordinator if roles else zeros,
        "itinerant": roles.itinerant if roles else zeros,
        "representative": roles.representative if roles else zeros,
        "gatekeeper": roles.gatekeeper if roles else zeros,
        "liaison": roles.liaison if roles else zeros,
        "brokerage": roles.total if roles else zeros,
        "sectors_reached": groups_reached(graph, "helix") if has_helix else zeros,
        "departments_reached": (groups_reached(graph, "department") if has_department else zeros),
        "ei_helix": actor_ei(graph, "helix") if has_helix else np.full(n, np.nan),
        "ei_department": actor_ei(graph, "department") if has_department else np.full(n, np.nan),
    }


def _values(graph: Any, name: str) -> list[Any]:
    if name in graph.vs.attributes():
        return list(graph.vs[name])
    return [None] * graph.vcount()


def actor_metrics(
    graph: Any,
    *,
    seed: int | None = 0,
    exact_limit: int = EXACT_LIMIT,
    pivots: int = DEFAULT_PIVOTS,
    harmonic_mode: Mode = "out",
    brokerage_by: str = "helix",
    paths: PathMetrics | None = None,
    workers: int | None = None,
) -> ActorMetrics:
    """Every actor-level metric of ``graph``; brokerage roles use ``brokerage_by`` as groups.

    Pass ``paths`` to reuse a path computation (e.g. the one behind a network summary).
    """
    n = graph.vcount()
    with shared_arrays(graph):
        if paths is None:
            paths = path_metrics(
                graph,
                mode=harmonic_mode,
                exact_limit=exact_limit,
                pivots=pivots,
                seed=seed,
                workers=workers,
            )
        columns = _columns(graph, brokerage_by)
    columns["betweenness"] = paths.betweenness
    columns["betweenness_normalised"] = paths.betweenness_normalised
    columns["betweenness_se"] = paths.betweenness_se
    columns["harmonic"] = paths.harmonic
    lists = {name: _plain(name, values) for name, values in columns.items()}
    ids, names = _values(graph, "actor_id"), _values(graph, "name")
    helix, department = _values(graph, "helix"), _values(graph, "department")
    order = [field.name for field in fields(ActorRow)][4:]
    rows = tuple(
        ActorRow(ids[i], names[i], helix[i], department[i], *(lists[name][i] for name in order))
        for i in range(n)
    )
    return ActorMetrics(
        betweenness_method=paths.method,
        pivots=paths.pivots,
        seed=paths.seed,
        brokerage_groups=brokerage_by,
        rows=rows,
    )
