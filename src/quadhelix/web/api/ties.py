"""``/api/v1/ties``: typed, weighted, dated relations between two actors."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status
from pydantic import Field

from quadhelix.registry.filters import tie_filter
from quadhelix.registry.model import Tie
from quadhelix.registry.queries import list_ties
from quadhelix.registry.schemas import TieCreate, TiePublic
from quadhelix.registry.ties import add_tie, remove_tie, tie_public
from quadhelix.web.api.common import (
    CHANGE,
    CREATE,
    READ,
    READ_ONE,
    Id,
    IfMatch,
    PageOf,
    PageQuery,
    envelope,
    filter_values,
    record,
    references,
    with_etag,
)
from quadhelix.web.deps import EditorUser, Reader, SessionDep
from quadhelix.web.versioning import check_version

router = APIRouter(prefix="/ties", tags=["ties"])


class TiesPublic(PageOf[TiePublic]):
    pass


class TieQuery(PageQuery):
    actor: str | None = Field(default=None, description="Only ties of this actor.")
    type: list[str] = Field(default_factory=list, description="Tie type; repeatable.")
    source: list[str] = Field(default_factory=list, description="Where ties came from.")
    active_on: date | None = Field(default=None, description="Only ties active on this day.")


@router.get("", response_model=TiesPublic, responses=READ, summary="List ties")
def list_ties_(
    request: Request,
    session: SessionDep,
    _reader: Reader,
    query: Annotated[TieQuery, Query()],
) -> TiesPublic:
    with filter_values():
        filters = tie_filter(
            session,
            actor=query.actor,
            type=query.type,
            source=query.source,
            active_on=query.active_on.isoformat() if query.active_on else None,
        )
    page = list_ties(session, filters, limit=query.limit, offset=query.offset)
    return envelope(TiesPublic, request, page, [tie_public(t) for t in page.items])


@router.get("/{tie_id}", response_model=TiePublic, responses=READ_ONE, summary="Read a tie")
def read_tie(tie_id: Id, response: Response, session: SessionDep, _reader: Reader) -> TiePublic:
    tie = record(session, Tie, tie_id, "tie")
    with_etag(response, tie)
    return tie_public(tie)


@router.post(
    "",
    response_model=TiePublic,
    status_code=status.HTTP_201_CREATED,
    responses=CREATE,
    summary="Add a tie",
)
def create_tie(
    data: TieCreate, request: Request, response: Response, session: SessionDep, _user: EditorUser
) -> TiePublic:
    with references():
        tie = add_tie(session, data)
    with_etag(response, tie)
    response.headers["Location"] = str(request.url_for("read_tie", tie_id=tie.id))
    return tie_public(tie)


@router.delete(
    "/{tie_id}", status_code=status.HTTP_204_NO_CONTENT, responses=CHANGE, summary="Remove a tie"
)
def delete_tie(
    tie_id: Id, session: SessionDep, _user: EditorUser, if_match: IfMatch = None
) -> None:
    check_version(session, record(session, Tie, tie_id, "tie"), if_match)
    remove_tie(session, tie_id)
