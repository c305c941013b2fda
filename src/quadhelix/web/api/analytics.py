"""``/api/v1/analytics/...``: the reports of ``quadhelix analyze``, as JSON.

Thin wrappers: each parses the CLI's filters, calls one function of
``quadhelix.analytics.reports`` and returns ``to_jsonable`` of its result. Field names and
definitions are documented in docs/analytics.md.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from pydantic import Field
from sqlalchemy.orm import Session

from quadhelix.analytics.actors import METRICS
from quadhelix.analytics.reports import (
    AnalysisSpec,
    actors_report,
    coalition_report,
    compare_report,
    silos_report,
    summary_report,
    synergy_report,
)
from quadhelix.analytics.results import JsonValue, to_jsonable
from quadhelix.registry.errors import InvalidValue
from quadhelix.registry.model import Coalition
from quadhelix.web.analysis import StrictNetworkQuery
from quadhelix.web.api.common import READ, READ_ONE, Id, filter_values, record
from quadhelix.web.deps import Reader, SessionDep, StateDep
from quadhelix.web.state import AppState

router = APIRouter(prefix="/analytics", tags=["analytics"])
Result = dict[str, Any]
Grouping = Literal["department", "unit", "helix", "area"]


def _cached(
    state: AppState,
    session: Session,
    name: str,
    key: object,
    make: Callable[[], object],
) -> Result:
    """The report's JSON, computed once per registry state; a filter naming nothing is a 422."""
    with filter_values():
        return _remembered(state, session, (name, key), make)


def _remembered(
    state: AppState, session: Session, key: tuple[str, object], make: Callable[[], object]
) -> Result:
    found: JsonValue = state.results.current(session, key, lambda: to_jsonable(make()))
    if not isinstance(found, dict):
        raise TypeError("an analytics report should be a JSON object")
    return found


class ActorsQuery(StrictNetworkQuery):
    metric: str = Field(
        default="betweenness", description=f"Sort by this metric: {', '.join(METRICS)}."
    )
    top: int = Field(default=0, ge=0, le=100_000, description="Keep this many rows (0 = all).")
    by: Grouping = Field(default="helix", description="Groups for the brokerage roles.")


class SilosQuery(StrictNetworkQuery):
    by: Grouping = Field(default="department", description="The formal grouping.")


class SynergyQuery(StrictNetworkQuery):
    by: Literal["area", "theme"] | None = Field(default=None, description="Decompose by this.")


class CompareQuery(StrictNetworkQuery):
    before: date = Field(description="The first date.")
    after: date = Field(description="The second date (not before the first).")


@router.get("/summary", responses=READ, summary="Network summary")
def summary(
    session: SessionDep,
    state: StateDep,
    _reader: Reader,
    query: Annotated[StrictNetworkQuery, Query()],
) -> Result:
    """Size, density, components, distances, transitivity, centralisation, assortativity,
    overall E-I, articulation points and bridges (`quadhelix analyze`)."""
    return _cached(
        state, session, "summary", query.key(), lambda: summary_report(session, query.spec())
    )


@router.get("/actors", responses=READ, summary="Actor metrics")
def actors(
    session: SessionDep,
    state: StateDep,
    _reader: Reader,
    query: Annotated[ActorsQuery, Query()],
) -> Result:
    """Every actor-level metric, sorted by `metric` (`quadhelix analyze actors`)."""

    def make() -> object:
        if query.metric not in METRICS:
            raise InvalidValue(
                "metric", query.metric, "must be one of %(allowed)s", allowed=", ".join(METRICS)
            )
        result = actors_report(session, query.spec(), brokerage_by=query.by)
        return replace(result, rows=tuple(result.top(query.metric, query.top or None)))

    key = (query.key(), query.metric, query.top, query.by)
    return _cached(state, session, "actors", key, make)


@router.get("/silos", responses=READ, summary="Silos")
def silos(
    session: SessionDep,
    state: StateDep,
    _reader: Reader,
    query: Annotated[SilosQuery, Query()],
) -> Result:
    """E-I index per group with its permutation baseline, group × sector tie matrix, Leiden
    communities against the org chart (`quadhelix analyze silos`)."""
    return _cached(
        state,
        session,
        "silos",
        (query.key(), query.by),
        lambda: silos_report(session, query.spec(), query.by),
    )


@router.get("/synergy", responses=READ, summary="Helix synergy")
def synergy(
    session: SessionDep,
    state: StateDep,
    _reader: Reader,
    query: Annotated[SynergyQuery, Query()],
) -> Result:
    """Leydesdorff's mutual information between the helices over the coalitions
    (`quadhelix analyze synergy`)."""
    return _cached(
        state,
        session,
        "synergy",
        (query.key(), query.by),
        lambda: synergy_report(session, query.spec(), query.by),
    )


@router.get("/coalitions/{coalition_id}", responses=READ_ONE, summary="One coalition's analysis")
def coalition(
    coalition_id: Id,
    session: SessionDep,
    state: StateDep,
    _reader: Reader,
) -> Result:
    """Helix composition and governance fit (`quadhelix analyze coalition`)."""
    record(session, Coalition, coalition_id, "coalition")
    return _remembered(
        state,
        session,
        ("coalition", coalition_id),
        lambda: coalition_report(session, str(coalition_id), AnalysisSpec()),
    )


@router.get("/compare", responses=READ, summary="Change between two dates")
def compare(
    session: SessionDep,
    state: StateDep,
    _reader: Reader,
    query: Annotated[CompareQuery, Query()],
) -> Result:
    """The network on two dates: metric changes, actors and ties gained and lost, brokers
    (`quadhelix analyze compare`)."""
    return _cached(
        state,
        session,
        "compare",
        (query.key(), query.before, query.after),
        lambda: compare_report(session, query.spec(), query.before, query.after),
    )
