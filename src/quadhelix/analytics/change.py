"""Change over time: the network on two dates side by side."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Any

import numpy as np

from quadhelix.analytics.graphs import CoalitionRecord
from quadhelix.analytics.network import NetworkSummary
from quadhelix.analytics.paths import PathMetrics

BROKER_SHARE = 0.05


@dataclass(frozen=True)
class Snapshot:
    """Everything known about the network on one date."""

    day: date
    graph: Any
    summary: NetworkSummary
    paths: PathMetrics
    coalitions: tuple[CoalitionRecord, ...]


@dataclass(frozen=True)
class ActorRef:
    actor_id: int
    name: str


@dataclass(frozen=True)
class TieChange:
    source_actor_id: int
    target_actor_id: int
    source_name: str
    target_name: str


@dataclass(frozen=True)
class CoalitionRef:
    coalition_id: int
    name: str


@dataclass(frozen=True)
class MetricDelta:
    metric: str
    before: float | None
    after: float | None
    change: float | None


@dataclass(frozen=True)
class Comparison:
    """What changed between ``before`` and ``after`` (field meanings in docs/analytics.md)."""

    before: date
    after: date
    metrics: tuple[MetricDelta, ...]
    actors_joined: tuple[ActorRef, ...]
    actors_left: tuple[ActorRef, ...]
    ties_gained: tuple[TieChange, ...]
    ties_lost: tuple[TieChange, ...]
    coalitions_started: tuple[CoalitionRef, ...]
    coalitions_ended: tuple[CoalitionRef, ...]
    became_isolated: tuple[ActorRef, ...]
    became_brokers: tuple[ActorRef, ...]
    stopped_brokering: tuple[ActorRef, ...]
    broker_share: float


def _pairs(graph: Any) -> dict[tuple[int, int], tuple[str, str]]:
    ids, names = graph.vs["actor_id"], graph.vs["name"]
    pairs = {}
    for a, b in graph.get_edgelist():
        if not graph.is_directed() and ids[a] > ids[b]:
            a, b = b, a
        pairs[ids[a], ids[b]] = (names[a], names[b])
    return pairs


def brokers(graph: Any, paths: PathMetrics, share: float = BROKER_SHARE) -> set[int]:
    """Actor ids in the top ``share`` of betweenness (at least one actor), betweenness > 0."""
    n = graph.vcount()
    if n == 0:
        return set()
    count = max(1, int(np.ceil(share * n)))
    order = np.argsort(-paths.betweenness, kind="stable")[:count]
    ids = graph.vs["actor_id"]
    return {ids[i] for i in order if paths.betweenness[i] > 0}


def compare(before: Snapshot, after: Snapshot, broker_share: float = BROKER_SHARE) -> Comparison:
    """Ties and coalitions gained and lost, metric deltas, actors that joined or left, became
    isolated (tied before, untied after) or became brokers (entered the top ``broker_share`` of
    betweenness) between two snapshots built with the same filters.
    """
    names = dict(zip(before.graph.vs["actor_id"], before.graph.vs["name"], strict=True))
    names.update(zip(after.graph.vs["actor_id"], after.graph.vs["name"], strict=True))
    ids_before, ids_after = set(before.graph.vs["actor_id"]), set(after.graph.vs["actor_id"])
    ties_before, ties_after = _pairs(before.graph), _pairs(after.graph)
    coalitions_before = {c.id: c.name for c in before.coalitions}
    coalitions_after = {c.id: c.name for c in after.coalitions}
    degree_before = dict(zip(before.graph.vs["actor_id"], before.graph.degree(), strict=True))
    degree_after = dict(zip(after.graph.vs["actor_id"], after.graph.degree(), strict=True))
    brokers_before = brokers(before.graph, before.paths, broker_share)
    brokers_after = brokers(after.graph, after.paths, broker_share)

    def refs(ids: set[int]) -> tuple[ActorRef, ...]:
        return tuple(ActorRef(i, names[i]) for i in sorted(ids))

    def tie_changes(keys: set[tuple[int, int]], source: dict[Any, tuple[str, str]]) -> Any:
        return tuple(TieChange(a, b, *source[a, b]) for a, b in sorted(keys))

    metrics = []
    for field in fields(NetworkSummary):
        old, new = getattr(before.summary, field.name), getattr(after.summary, field.name)
        if isinstance(old, bool) or not isinstance(old, int | float | None):
            continue
        if not isinstance(new, int | float | None) or isinstance(new, bool):
            continue
        change = None if old is None or new is None else float(new - old)
        metrics.append(MetricDelta(field.name, old, new, change))
    return Comparison(
        before=before.day,
        after=after.day,
        metrics=tuple(metrics),
        actors_joined=refs(ids_after - ids_before),
        actors_left=refs(ids_before - ids_after),
        ties_gained=tie_changes(set(ties_after) - set(ties_before), ties_after),
        ties_lost=tie_changes(set(ties_before) - set(ties_after), ties_before),
        coalitions_started=tuple(
            CoalitionRef(i, coalitions_after[i])
            for i in sorted(set(coalitions_after) - set(coalitions_before))
        ),
        coalitions_ended=tuple(
            CoalitionRef(i, coalitions_before[i])
            for i in sorted(set(coalitions_before) - set(coalitions_after))
        ),
        became_isolated=refs(
            {i for i in ids_before & ids_after if degree_before[i] > 0 and degree_after[i] == 0}
        ),
        became_brokers=refs(brokers_after - brokers_before),
        stopped_brokering=refs(brokers_before - brokers_after),
        broker_share=broker_share,
    )
