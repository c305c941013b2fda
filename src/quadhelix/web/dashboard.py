"""What the start page shows, gathered from the registry's counts and the analytics reports.

Every number comes from ``registry.stats`` or ``analytics.reports``; this module only picks and
arranges them, and keeps the result until the registry changes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from quadhelix.analytics.actors import ActorRow
from quadhelix.analytics.change import Comparison
from quadhelix.analytics.filters import GraphFilters
from quadhelix.analytics.graphs import load_coalitions
from quadhelix.analytics.reports import (
    AnalysisSpec,
    SilosReport,
    actors_report,
    compare_report,
    silos_report,
    synergy_report,
)
from quadhelix.registry.stats import registry_stats
from quadhelix.web.analysis import ResultCache

TOP_BROKERS = 10


@dataclass(frozen=True)
class Dashboard:
    stats: dict[str, Any]
    coalitions_by_kind_status: dict[str, Counter[str]]
    silos: SilosReport
    brokers: list[ActorRow]
    active_on: date
    helix_mix: dict[str, float]
    active_coalitions: int
    change: Comparison | None


def _overview(session: Session, today: date) -> Dashboard:
    spec = AnalysisSpec()
    by_kind_status: dict[str, Counter[str]] = {}
    for coalition in load_coalitions(session):
        by_kind_status.setdefault(coalition.kind, Counter())[coalition.status] += 1
    mix = synergy_report(session, AnalysisSpec(filters=GraphFilters(as_of=today)))
    return Dashboard(
        stats=registry_stats(session),
        coalitions_by_kind_status=by_kind_status,
        silos=silos_report(session, spec, "department"),
        brokers=actors_report(session, spec).top("betweenness", TOP_BROKERS),
        active_on=today,
        helix_mix=mix.sector_shares,
        active_coalitions=mix.coalitions,
        change=None,
    )


def dashboard(cache: ResultCache, session: Session, today: date, since: date | None) -> Dashboard:
    """The start page's figures; ``since`` adds the change from that day to today."""
    overview = cache.current(session, ("dashboard", today), lambda: _overview(session, today))
    if since is None or since > today:
        return overview
    change = cache.current(
        session,
        ("compare", since, today),
        lambda: compare_report(session, AnalysisSpec(), since, today),
    )
    return Dashboard(**{**overview.__dict__, "change": change})
