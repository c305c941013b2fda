"""The network pages: the map (sigma.js over ``/api/v1/network``) and the silo view."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse

from quadhelix.analytics.reports import silos_report
from quadhelix.registry.errors import QuadhelixError
from quadhelix.registry.vocabulary import list_areas, list_themes
from quadhelix.web.analysis import NetworkQuery
from quadhelix.web.charts import diverging_bars, heat_level
from quadhelix.web.deps import SessionDep
from quadhelix.web.messages import message_of
from quadhelix.web.network import SIZE_METRICS
from quadhelix.web.pages.rendering import ReaderView

router = APIRouter(include_in_schema=False)
Grouping = Literal["department", "unit", "helix", "area"]


@router.get("/map")
def network_map_page(
    view: ReaderView,
    session: SessionDep,
    query: Annotated[NetworkQuery, Query()],
) -> HTMLResponse:
    """The page only; its script fetches the data for the same query from the API."""
    api = "/api/v1/network" + (f"?{view.request.url.query}" if view.request.url.query else "")
    return view.render(
        "analysis/map.html",
        query=query,
        api_url=api,
        view_filtered=bool(view.request.url.query),
        size_metrics=SIZE_METRICS,
        areas=list_areas(session),
        themes=list_themes(session),
    )


@router.get("/silos")
def silos_page(
    view: ReaderView,
    session: SessionDep,
    query: Annotated[NetworkQuery, Query()],
    by: Annotated[Grouping, Query()] = "department",
) -> HTMLResponse:
    error = None
    try:
        report = view.state.results.current(
            session,
            ("silos", query.key(), by),
            lambda: silos_report(session, query.spec(), by),
        )
    except QuadhelixError as problem:
        error, report = message_of(problem), None
    matrix = report.by_sector if report else None
    top = max((max(row, default=0) for row in matrix.counts), default=0) if matrix else 0
    return view.render(
        "analysis/silos.html",
        query=query,
        by=by,
        error=error,
        report=report,
        levels=[[heat_level(c, top) for c in row] for row in matrix.counts] if matrix else [],
        ei_bars=diverging_bars([(g.group, g.ei, g.expected_ei) for g in report.ei.groups])
        if report
        else [],
        areas=list_areas(session),
        themes=list_themes(session),
    )
