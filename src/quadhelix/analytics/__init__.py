"""Network analytics for quadruple-helix coalitions: silos, brokers, helix balance and synergy.

Graphs come from ``graphs.build_graph`` (the only module that reads the registry); every metric
is a pure function of an igraph graph with an explicit ``seed`` where chance plays a part;
``reports`` answers the coordinator's questions for the CLI and the web application; results
are frozen dataclasses that ``results.to_jsonable`` turns into JSON.
"""

from quadhelix.analytics.actors import ActorMetrics, ActorRow, actor_metrics
from quadhelix.analytics.brokerage import BrokerageRoles, gould_fernandez, groups_reached
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
from quadhelix.analytics.change import Comparison, Snapshot, compare
from quadhelix.analytics.coalitions import Composition, GovernanceFit, composition, governance_fit
from quadhelix.analytics.filters import CoMembershipWeight, GraphFilters, GraphView
from quadhelix.analytics.graphs import build_graph, load_coalitions
from quadhelix.analytics.groups import (
    CommunityComparison,
    EIResult,
    TieMatrix,
    actor_ei,
    compare_with_communities,
    ei_index,
    leiden,
    tie_matrix,
)
from quadhelix.analytics.network import (
    NetworkSummary,
    assortativity,
    cut_points,
    degree_centralisation,
    density,
    network_summary,
)
from quadhelix.analytics.paths import (
    PathMetrics,
    exact_betweenness,
    exact_path_metrics,
    path_metrics,
)
from quadhelix.analytics.results import to_jsonable
from quadhelix.analytics.synergy import SynergyResult, helix_synergy, mutual_information

__all__ = [
    "ActorMetrics",
    "ActorRow",
    "BrokerageRoles",
    "CoMembershipWeight",
    "CommunityComparison",
    "Comparison",
    "Composition",
    "EIResult",
    "GovernanceFit",
    "GraphFilters",
    "GraphView",
    "NetworkSummary",
    "PathMetrics",
    "Snapshot",
    "SynergyResult",
    "TieMatrix",
    "actor_ei",
    "actor_metrics",
    "assortativity",
    "build_graph",
    "compare",
    "compare_with_communities",
    "composition",
    "constraint",
    "coreness",
    "cut_points",
    "degree",
    "degree_centralisation",
    "density",
    "effective_size",
    "ei_index",
    "eigenvector",
    "exact_betweenness",
    "exact_path_metrics",
    "gould_fernandez",
    "governance_fit",
    "groups_reached",
    "helix_synergy",
    "leiden",
    "load_coalitions",
    "local_clustering",
    "mutual_information",
    "network_summary",
    "pagerank",
    "path_metrics",
    "strength",
    "tie_matrix",
    "to_jsonable",
]
