"""``/api/v1/exports/{format}``: the network or the registry as a file, as ``quadhelix export``."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from quadhelix.io.downloads import ExportRequest, Format
from quadhelix.io.export_records import View
from quadhelix.io.jsonld import DEFAULT_BASE_IRI
from quadhelix.web.api.common import READ, filter_values
from quadhelix.web.deps import Reader, StateDep
from quadhelix.web.downloads import download

router = APIRouter(tags=["analytics"])
Texts = Annotated[list[str] | None, Query()]


@router.get(
    "/exports/{format}",
    responses=READ | {200: {"description": "The file, as an attachment."}},
    summary="The network or the registry as a file",
    description="`gexf` (Gephi), `graphml` (NetworkX, igraph, R), `jsonld` (W3C ORG and OSLO "
    "terms) or `csv` (the four canonical CSV files in a ZIP archive, ready to import again), "
    "with the selection options of `quadhelix export` (fields in docs/exports.md). `view` "
    "chooses the edges of GEXF and GraphML; `excel` writes CSV for Belgian Excel.",
    response_class=StreamingResponse,
)
def export_file(
    format: Format,
    state: StateDep,
    _reader: Reader,
    view: View = View.TIES,
    as_of: Annotated[str | None, Query(max_length=20)] = None,
    date_from: Annotated[str | None, Query(alias="from", max_length=20)] = None,
    date_to: Annotated[str | None, Query(alias="to", max_length=20)] = None,
    theme: Texts = None,
    area: Texts = None,
    tie_type: Texts = None,
    coalition_kind: Texts = None,
    excel: bool = False,
    base_iri: Annotated[str, Query(max_length=500)] = DEFAULT_BASE_IRI,
) -> StreamingResponse:
    request = ExportRequest(
        format=format,
        view=view,
        as_of=as_of,
        start=date_from,
        end=date_to,
        themes=theme or [],
        areas=area or [],
        tie_types=tie_type or [],
        coalition_kinds=coalition_kind or [],
        excel=excel,
        base_iri=base_iri,
    )
    with filter_values():
        return download(state.engine, request, date.today())
