"""The network pages: the map (sigma.js over ``/api/v1/network``) and the silo view.

Their filter forms are read by ``pages.filters``: empty fields mean "not given", and a wrong value
shows the page again with a message next to the field instead of an error page.
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from quadhelix.analytics.reports import SILO_GROUPINGS, silos_report
from quadhelix.registry.errors import QuadhelixError
from quadhelix.registry.model import Area
from quadhelix.registry.vocab import HelixSector
from quadhelix.registry.vocabulary import list_areas, list_themes
from quadhelix.web.charts import diverging_bars, heat_level
from quadhelix.web.deps import SessionDep
from quadhelix.web.network import SIZE_METRICS
from quadhelix.web.pages.filters import network_form, read_choice, typed
from quadhelix.web.pages.rendering import ReaderView, View

router = APIRouter(include_in_schema=False)


@router.get("/map")
def network_map_page(view: ReaderView, session: SessionDep) -> HTMLResponse:
    """The page only; its script fetches the data for the same query from the API."""
    form = network_form(view.request.query_params, session)
    given = form.query.query_string()
    return view.render(
        "analysis/map.html",
        values=form.values,
        errors=form.errors,
        api_url="/api/v1/network" + (f"?{given}" if given else ""),
        view_filtered=bool(given) or bool(form.errors),
        size_metrics=SIZE_METRICS,
        areas=list_areas(session),
        themes=list_themes(session),
    )


@router.get("/silos")
def silos_page(view: ReaderView, session: SessionDep) -> HTMLResponse:
    form = network_form(view.request.query_params, session)
    form.values |= typed(view.request.query_params, ("by",))
    by = read_choice(form.values["by"], "by", SILO_GROUPINGS, form.errors) or "department"
    report = None
    if not form.errors:
        query = form.query
        try:
            report = view.state.results.current(
                session,
                ("silos", query.key(), by),
                lambda: silos_report(session, query.spec(), by),
            )
        except QuadhelixError as problem:
            form.errors.add(problem)
    matrix = report.by_sector if report else None
    top = max((max(row, default=0) for row in matrix.counts), default=0) if matrix else 0
    areas = list_areas(session)
    names = _group_names(view, by, areas)
    return view.render(
        "analysis/silos.html",
        values=form.values,
        by=by,
        errors=form.errors,
        report=report,
        group_names=names,
        levels=[[heat_level(c, top) for c in row] for row in matrix.counts] if matrix else [],
        ei_bars=diverging_bars(
            [(names.get(g.group, g.group), g.ei, g.expected_ei) for g in report.ei.groups]
        )
        if report
        else [],
        areas=areas,
        themes=list_themes(session),
    )


def _group_names(view: View, by: str, areas: list[Area]) -> dict[str, str]:
    """What a group is called on the page: a sector by its label, an area by its name (the
    report keys them by code); departments and units already are names."""
    if by == "helix":
        return {sector.value: view.label("helix", sector.value) for sector in HelixSector}
    if by == "area":
        return {area.code: area.name for area in areas}
    return {}
