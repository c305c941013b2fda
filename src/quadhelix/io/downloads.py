"""One export as one file: what the web pages and the API hand out for download.

The command line writes each format to a path (``quadhelix export ...``); a browser needs one
file, so the four canonical CSV files travel as a ZIP archive. The selection is the same as for
``analyze`` and the command line: the typed options are read by ``export_filter``.
"""

from __future__ import annotations

import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import Engine

from quadhelix.io.csv_export import export_csv
from quadhelix.io.export_filters import export_filter
from quadhelix.io.export_records import View, read_network
from quadhelix.io.gexf import write_gexf
from quadhelix.io.graphml import write_graphml
from quadhelix.io.jsonld import DEFAULT_BASE_IRI, check_base_iri, jsonld_document, write_jsonld
from quadhelix.registry.database import transaction
from quadhelix.registry.errors import InvalidValue


class Format(StrEnum):
    """The file formats analysts open: Gephi, NetworkX/igraph/R, linked data, spreadsheets."""

    GEXF = "gexf"
    GRAPHML = "graphml"
    JSONLD = "jsonld"
    CSV = "csv"

    @property
    def media_type(self) -> str:
        return _MEDIA[self]

    @property
    def suffix(self) -> str:
        return ".zip" if self is Format.CSV else f".{self.value}"


_MEDIA = {
    Format.GEXF: "application/gexf+xml",
    Format.GRAPHML: "application/graphml+xml",
    Format.JSONLD: "application/ld+json",
    Format.CSV: "application/zip",
}


@dataclass(frozen=True)
class ExportRequest:
    """What to export, as typed: dates as text, themes and areas by code or name."""

    format: Format
    view: View = View.TIES
    as_of: str | None = None
    start: str | None = None
    end: str | None = None
    themes: Sequence[str] = ()
    areas: Sequence[str] = ()
    tie_types: Sequence[str] = ()
    coalition_kinds: Sequence[str] = ()
    excel: bool = False
    base_iri: str = DEFAULT_BASE_IRI


def write_download(engine: Engine, request: ExportRequest, stream: BinaryIO) -> None:
    """Write the export to ``stream``; bad options raise ``InvalidValue`` before anything is read.

    Graph formats are read in one transaction, so the file is one consistent state of the
    registry; the CSV export opens its own.
    """
    _check_applies(request)
    filters = export_filter(
        as_of=request.as_of,
        start=request.start,
        end=request.end,
        themes=request.themes,
        areas=request.areas,
        tie_types=request.tie_types,
        coalition_kinds=request.coalition_kinds,
    )
    base_iri = check_base_iri(request.base_iri)
    if request.format is Format.CSV:
        _write_csv_zip(engine, request, stream)
        return
    with transaction(engine) as session:
        if request.format is Format.JSONLD:
            write_jsonld(jsonld_document(session, filters, base_iri), stream)
            return
        network = read_network(session, filters, request.view)
    (write_gexf if request.format is Format.GEXF else write_graphml)(network, stream)


def _check_applies(request: ExportRequest) -> None:
    """A filter the chosen format cannot apply is refused, not silently dropped."""
    graphs = (Format.GEXF, Format.GRAPHML)
    if request.tie_types and request.format not in graphs:
        raise InvalidValue("tie_types", list(request.tie_types), "applies to GEXF and GraphML only")
    if request.coalition_kinds and request.format not in (*graphs, Format.JSONLD):
        raise InvalidValue(
            "coalition_kinds",
            list(request.coalition_kinds),
            "applies to GEXF, GraphML and JSON-LD only",
        )


def _write_csv_zip(engine: Engine, request: ExportRequest, stream: BinaryIO) -> None:
    with tempfile.TemporaryDirectory(prefix="quadhelix-csv-") as folder:
        written = export_csv(
            engine,
            Path(folder),
            theme=request.themes,
            area=request.areas,
            as_of=request.as_of,
            start=request.start,
            end=request.end,
            excel=request.excel,
        )
        with zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for path in written.files:
                archive.write(path, arcname=path.name)
