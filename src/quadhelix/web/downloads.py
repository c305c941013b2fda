"""Exports as file downloads, for the exports page and the API alike."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from datetime import date
from typing import IO

from fastapi.responses import StreamingResponse
from sqlalchemy import Engine

from quadhelix.io.downloads import ExportRequest, Format, write_download
from quadhelix.registry.identifiers import parse_date

CHUNK = 64 * 1024
IN_MEMORY = 8 * 1024 * 1024  # larger exports are spooled to a temporary file


def file_name(request: ExportRequest, today: date) -> str:
    """``quadhelix-2026-11-29-ties.gexf``: the day, the edges (graph formats) and the format."""
    day = parse_date(request.as_of, "as_of") if request.as_of else today
    parts = ["quadhelix", day.isoformat()]
    if request.format in (Format.GEXF, Format.GRAPHML):
        parts.append(request.view.value)
    return "-".join(parts) + request.format.suffix


def download(engine: Engine, request: ExportRequest, today: date) -> StreamingResponse:
    """The whole export is written before the answer starts, so an error is still a clean 4xx."""
    spool = tempfile.SpooledTemporaryFile(max_size=IN_MEMORY)  # noqa: SIM115 (closed after sending)
    try:
        write_download(engine, request, spool)  # type: ignore[arg-type]
    except BaseException:
        spool.close()
        raise
    spool.seek(0)
    return StreamingResponse(
        _chunks(spool),
        media_type=request.format.media_type,
        headers={"Content-Disposition": f'attachment; filename="{file_name(request, today)}"'},
    )


def _chunks(spool: IO[bytes]) -> Iterator[bytes]:
    """The file in pieces; the spool is closed when the answer ends or is abandoned."""
    try:
        while chunk := spool.read(CHUNK):
            yield chunk
    finally:
        spool.close()
