"""The questions a network coordinator asks, each answered by one function over the registry.

These are what the CLI (``quadhelix analyze ...``), and later the web pages and reports, call:
a session and an ``AnalysisSpec`` in, a serialisable result out.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy.orm import Session

from quadhelix.analytics.actors import ActorMetrics, actor_metrics
from quadhelix.analytics.change import Comparison, Snapshot, compare
from quadhelix.analytics.coalitions import Composition, GovernanceFit, composition, governance_fit
from quadhelix.analytics.filters import CoMembershipWeight, GraphFilters, GraphView
from quadhelix.analytics.graphs import build_graph, find_coalition, load_coalitions
from quadhelix.analytics.groups import (
    CommunityComparison,
    EIResult,
    TieMatrix,
    compare_with_communities,
    ei_index,
    tie_matrix,
)
from quadhelix.analytics.network import NetworkSummary, network_summary
from quadhelix.analytics.paths import (
    DEFAULT_PIVOTS,
    EXACT_LIMIT,
    REQUEST_EXACT_LIMIT,
    path_metrics,
)
from quadhelix.analytics.synergy import SynergyResult, helix_synergy
from quadhelix.registry.errors import InvalidValue
from quadhelix.registry.vocab import TieSource
from quadhelix.survey.service import latest_trust_density

SILO_GROUPINGS = ("department", "unit", "helix", "area")
SYNERGY_GROUPINGS = {"area": "district", "district": "district", "theme": "theme"}


@dataclass(frozen=True)
class AnalysisSpec:
    """Which network to analyse and how."""

    view: GraphView = GraphView.TIES
    filters: GraphFilters = field(default_factory=GraphFilters)
    directed: bool = False
    weighting: CoMembershipWeight = CoMembershipWeight.COUNT
    seed: int = 0
    pivots: int = DEFAULT_PIVOTS
    exact_limit: int = EXACT_LIMIT
    permutations: int | None = None

    def __post_init__(self) -> None:
        # Reports answer requests; exact path metrics of a larger network take tens of minutes
        # and belong in a background job (paths.exact_path_metrics, with progress).
        if self.exact_limit > REQUEST_EXACT_LIMIT:
            raise InvalidValue(
                "exact_limit",
                self.exact_limit,
                f"at most {REQUEST_EXACT_LIMIT:,} actors in a report; run "
                "exact_path_metrics as a background job for larger networks",
            )


def summary_report(session: Session, spec: AnalysisSpec) -> NetworkSummary:
    """``quadhelix analyze``: the network at a glance."""
    graph = build_graph(
        session, spec.view, spec.filters, directed=spec.directed, weighting=spec.weighting
    )
    return network_summary(graph, seed=spec.seed, exact_limit=spec.exact_limit, pivots=spec.pivots)


def actors_report(
    session: Session, spec: AnalysisSpec, brokerage_by: str = "helix"
) -> ActorMetrics:
    """``quadhelix analyze actors``: every actor-level metric."""
    if brokerage_by not in SILO_GROUPINGS:
        raise InvalidValue("by", brokerage_by, f"must be one of {', '.join(SILO_GROUPINGS)}")
    graph = build_graph(
        session, spec.view, spec.filters, directed=spec.directed, weighting=spec.weighting
    )
    return actor_metrics(
        graph,
        seed=spec.seed,
        exact_limit=spec.exact_limit,
        pivots=spec.pivots,
        brokerage_by=brokerage_by,
    )


@dataclass(frozen=True)
class SilosReport:
    """Silo analysis for one grouping: E-I with permutation test, tie matrices, communities."""

    by: str
    ei: EIResult
    by_sector: TieMatrix
    communities: CommunityComparison | None
    never_meet_civil_society: tuple[str, ...]


def silos_report(session: Session, spec: AnalysisSpec, by: str = "department") -> SilosReport:
    """``quadhelix analyze silos``: where the silos are and who never meets civil society."""
    if by not in SILO_GROUPINGS:
        raise InvalidValue("by", by, f"must be one of {', '.join(SILO_GROUPINGS)}")
    graph = build_graph(
        session, spec.view, spec.filters, directed=spec.directed, weighting=spec.weighting
    )
    matrix = tie_matrix(graph, by, "helix")
    civil = [i for i, c in enumerate(matrix.columns) if c in ("civil_society", "citizens")]
    lonely = tuple(
        row
        for row, counts in zip(matrix.rows, matrix.counts, strict=True)
        if all(counts[i] == 0 for i in civil)
    )
    present = set(graph.vs[by]) if graph.vcount() else set()
    missing = tuple(sorted(v for v in present - set(matrix.rows) if v is not None))
    return SilosReport(
        by=by,
        ei=ei_index(graph, by, permutations=spec.permutations, seed=spec.seed),
        by_sector=matrix,
        communities=(
            compare_with_communities(graph, by, seed=spec.seed) if graph.ecount() else None
        ),
        never_meet_civil_society=tuple(sorted(lonely + missing))
        if by in ("department", "unit")
        else (),
    )


def synergy_report(session: Session, spec: AnalysisSpec, by: str | None = None) -> SynergyResult:
    """``quadhelix analyze synergy``: Leydesdorff's helix synergy over the coalitions."""
    if by is not None and by not in SYNERGY_GROUPINGS:
        raise InvalidValue("by", by, "must be area or theme")
    coalitions = load_coalitions(session, spec.filters)
    return helix_synergy(coalitions, SYNERGY_GROUPINGS[by] if by else None)


@dataclass(frozen=True)
class CoalitionReport:
    """One coalition: its helix composition and the governance form that fits it."""

    composition: Composition
    governance: GovernanceFit


def coalition_report(session: Session, ref: str, spec: AnalysisSpec) -> CoalitionReport:
    """``quadhelix analyze coalition ID``."""
    coalition_id = find_coalition(session, ref)
    (coalition,) = load_coalitions(session, spec.filters, ids=[coalition_id])
    ties = build_graph(session, GraphView.TIES, spec.filters)
    survey = build_graph(
        session, GraphView.TIES, replace(spec.filters, tie_sources=(TieSource.SURVEY,))
    )
    trust = latest_trust_density(session, coalition_id)
    return CoalitionReport(
        composition(coalition), governance_fit(coalition, ties, survey, trust_density=trust)
    )


def snapshot(session: Session, spec: AnalysisSpec, day: date) -> Snapshot:
    """The network and its coalitions on one day."""
    filters = spec.filters.at(day)
    graph = build_graph(
        session, spec.view, filters, directed=spec.directed, weighting=spec.weighting
    )
    paths = path_metrics(graph, seed=spec.seed, exact_limit=spec.exact_limit, pivots=spec.pivots)
    return Snapshot(
        day=day,
        graph=graph,
        summary=network_summary(graph, paths),
        paths=paths,
        coalitions=tuple(load_coalitions(session, filters)),
    )


def compare_report(session: Session, spec: AnalysisSpec, before: date, after: date) -> Comparison:
    """``quadhelix analyze compare DATE1 DATE2``."""
    if after < before:
        raise InvalidValue("date2", after, "must not be before the first date")
    return compare(snapshot(session, spec, before), snapshot(session, spec, after))
