"""``/api/v1/coalitions``: list with the CLI's filters, read, create, change, delete."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status
from pydantic import Field

from quadhelix.registry.coalitions import (
    coalition_public,
    create_coalition,
    delete_coalition,
    update_coalition,
)
from quadhelix.registry.filters import coalition_filter
from quadhelix.registry.model import Coalition
from quadhelix.registry.schemas import CoalitionCreate, CoalitionPublic, CoalitionUpdate
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
from quadhelix.web.listing import CoalitionSort, coalitions_page
from quadhelix.web.versioning import check_version

router = APIRouter(prefix="/coalitions", tags=["coalitions"])


class CoalitionsPublic(PageOf[CoalitionPublic]):
    pass


class CoalitionQuery(PageQuery):
    search: str | None = Field(default=None, description="Part of the name.")
    kind: list[str] = Field(default_factory=list, description="Coalition kind; repeatable.")
    status: list[str] = Field(default_factory=list, description="idea, active or closed.")
    area: list[str] = Field(default_factory=list, description="Area, with what lies in it.")
    theme: list[str] = Field(default_factory=list, description="Theme, with its sub-themes.")
    member: str | None = Field(default=None, description="Only coalitions this actor is in.")
    active_on: date | None = Field(default=None, description="Only those active on this day.")
    sort: CoalitionSort = Field(default="name", description="Sort key; '-' sorts descending.")


@router.get("", response_model=CoalitionsPublic, responses=READ, summary="List coalitions")
def list_coalitions(
    request: Request,
    session: SessionDep,
    _reader: Reader,
    query: Annotated[CoalitionQuery, Query()],
) -> CoalitionsPublic:
    with filter_values():
        filters = coalition_filter(
            session,
            search=query.search,
            kind=query.kind,
            status=query.status,
            area=query.area,
            theme=query.theme,
            member=query.member,
            active_on=query.active_on.isoformat() if query.active_on else None,
        )
    page = coalitions_page(session, filters, query.sort, query.limit, query.offset)
    return envelope(CoalitionsPublic, request, page, [coalition_public(c) for c in page.items])


@router.get(
    "/{coalition_id}",
    response_model=CoalitionPublic,
    responses=READ_ONE,
    summary="Read a coalition",
)
def read_coalition(
    coalition_id: Id, response: Response, session: SessionDep, _reader: Reader
) -> CoalitionPublic:
    coalition = record(session, Coalition, coalition_id, "coalition")
    with_etag(response, coalition)
    return coalition_public(coalition)


@router.post(
    "",
    response_model=CoalitionPublic,
    status_code=status.HTTP_201_CREATED,
    responses=CREATE,
    summary="Add a coalition",
)
def add_coalition(
    data: CoalitionCreate,
    request: Request,
    response: Response,
    session: SessionDep,
    _user: EditorUser,
) -> CoalitionPublic:
    with references():
        coalition = create_coalition(session, data).coalition
    with_etag(response, coalition)
    response.headers["Location"] = str(request.url_for("read_coalition", coalition_id=coalition.id))
    return coalition_public(coalition)


@router.patch(
    "/{coalition_id}",
    response_model=CoalitionPublic,
    responses=CHANGE,
    summary="Change a coalition",
)
def change_coalition(
    coalition_id: Id,
    data: CoalitionUpdate,
    response: Response,
    session: SessionDep,
    _user: EditorUser,
    if_match: IfMatch = None,
) -> CoalitionPublic:
    """Only the fields sent change; send ``null`` to clear one."""
    coalition = record(session, Coalition, coalition_id, "coalition")
    check_version(session, coalition, if_match)
    with references():
        update_coalition(session, coalition, data)
    session.flush()
    with_etag(response, coalition)
    return coalition_public(coalition)


@router.delete(
    "/{coalition_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=CHANGE,
    summary="Delete a coalition",
)
def remove_coalition(
    coalition_id: Id,
    session: SessionDep,
    _user: EditorUser,
    if_match: IfMatch = None,
    cascade: Annotated[bool, Query(description="Also delete its memberships.")] = False,
) -> None:
    coalition = record(session, Coalition, coalition_id, "coalition")
    check_version(session, coalition, if_match)
    delete_coalition(session, coalition, cascade=cascade)
