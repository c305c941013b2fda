"""The exports page: the network or the registry as a file for Gephi, R, linked data or Excel.

The same selection as the command line's ``quadhelix export`` (period, themes, areas, tie types,
coalition kinds); a wrong value shows the form again with a message next to the field.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from quadhelix.io.downloads import ExportRequest, Format
from quadhelix.io.export_records import View as Edges
from quadhelix.registry.errors import QuadhelixError
from quadhelix.registry.vocab import parse_choice
from quadhelix.registry.vocabulary import list_areas, list_themes
from quadhelix.web.deps import SessionDep
from quadhelix.web.downloads import download
from quadhelix.web.pages.filters import typed
from quadhelix.web.pages.forms import FormErrors, form_errors
from quadhelix.web.pages.rendering import ReaderView, View

router = APIRouter()
_SINGLE = ("format", "view", "as_of", "from", "to", "excel")
_MULTI = ("themes", "areas", "tie_types", "coalition_kinds")


def _values(view: View) -> dict[str, Any]:
    return typed(view.request.query_params, (*_SINGLE, *_MULTI), _MULTI)


def _request(values: dict[str, Any]) -> ExportRequest:
    return ExportRequest(
        format=parse_choice(Format, values["format"] or "gexf", "format"),
        view=parse_choice(Edges, values["view"] or "ties", "view"),
        as_of=values["as_of"] or None,
        start=values["from"] or None,
        end=values["to"] or None,
        themes=values["themes"],
        areas=values["areas"],
        tie_types=values["tie_types"],
        coalition_kinds=values["coalition_kinds"],
        excel=values["excel"] == "yes",
    )


def _page(view: View, session: Session, values: dict[str, Any], errors: FormErrors) -> HTMLResponse:
    return view.render(
        "exports/page.html",
        status_code=errors.status if errors else 200,
        values=values,
        errors=errors,
        formats=list(Format),
        themes=list_themes(session),
        areas=list_areas(session),
    )


@router.get("/exports")
def exports_page(view: ReaderView, session: SessionDep) -> HTMLResponse:
    return _page(view, session, _values(view) | {"format": "gexf", "view": "ties"}, FormErrors())


@router.get("/exports/download")
def export_download(view: ReaderView, session: SessionDep) -> Response:
    values = _values(view)
    try:
        return download(view.state.engine, _request(values), date.today())
    except QuadhelixError as error:
        return _page(view, session, values, form_errors(error))
