"""The actor table: every actor-level metric in one serialisable result.

``actor_metrics`` runs the whole actor suite on a graph built by ``graphs.build_graph`` (or any
igraph graph with the same vertex attributes) and returns one row per actor.
"""

from __future__ import annotations

from dataclasses import dataclass
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


def _optional(value: float) -> float | None:
    return None if np.isnan(value) else float(value)


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
    if paths is None:
        paths = path_metrics(
            graph,
            mode=harmonic_mode,
            exact_limit=exact_limit,
            pivots=pivots,
            seed=seed,
            workers=workers,
        )
    attributes = graph.vs.attributes()
    has_department = "department" in attributes
    has_helix = "helix" in attributes
    roles = gould_fernandez(graph, brokerage_by) if brokerage_by in attributes else None
    columns: dict[str, Any] = {
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
        "sectors_reached": groups_reached(graph, "helix") if has_helix else np.zeros(n, int),
        "departments_reached": (
            groups_reached(graph, "department") if has_department else np.zeros(n, int)
        ),
        "ei_helix": actor_ei(graph, "helix") if has_helix else np.full(n, np.nan),
        "ei_department": actor_ei(graph, "department") if has_department else np.full(n, np.nan),
    }
    zeros = np.zeros(n, dtype=np.int64)
    ids, names = _values(graph, "actor_id"), _values(graph, "name")
    helix, department = _values(graph, "helix"), _values(graph, "department")
    rows = tuple(
        ActorRow(
            actor_id=ids[i],
            name=names[i],
            helix=helix[i],
            department=department[i],
            degree=int(columns["degree"][i]),
            in_degree=int(columns["in_degree"][i]),
            out_degree=int(columns["out_degree"][i]),
            strength=float(columns["strength"][i]),
            betweenness=float(paths.betweenness[i]),
            betweenness_normalised=float(paths.betweenness_normalised[i]),
            betweenness_se=_optional(paths.betweenness_se[i]),
            harmonic=float(paths.harmonic[i]),
            pagerank=float(columns["pagerank"][i]),
            eigenvector=float(columns["eigenvector"][i]),
            coreness=int(columns["coreness"][i]),
            clustering=float(columns["clustering"][i]),
            constraint=_optional(columns["constraint"][i]),
            effective_size=_optional(columns["effective_size"][i]),
            coordinator=int((roles.coordinator if roles else zeros)[i]),
            itinerant=int((roles.itinerant if roles else zeros)[i]),
            representative=int((roles.representative if roles else zeros)[i]),
            gatekeeper=int((roles.gatekeeper if roles else zeros)[i]),
            liaison=int((roles.liaison if roles else zeros)[i]),
            brokerage=int((roles.total if roles else zeros)[i]),
            sectors_reached=int(columns["sectors_reached"][i]),
            departments_reached=int(columns["departments_reached"][i]),
            ei_helix=_optional(columns["ei_helix"][i]),
            ei_department=_optional(columns["ei_department"][i]),
        )
        for i in range(n)
    )
    return ActorMetrics(
        betweenness_method=paths.method,
        pivots=paths.pivots,
        seed=paths.seed,
        brokerage_groups=brokerage_by,
        rows=rows,
    )
