"""``/api/v1/actors``: list with the CLI's filters, read, create, change, delete."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status
from pydantic import Field

from quadhelix.registry.actors import actor_public, create_actor, delete_actor, update_actor
from quadhelix.registry.filters import actor_filter
from quadhelix.registry.model import Actor
from quadhelix.registry.schemas import ActorCreate, ActorPublic, ActorUpdate
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
from quadhelix.web.listing import ActorSort, actors_page
from quadhelix.web.versioning import check_version

router = APIRouter(prefix="/actors", tags=["actors"])


class ActorsPublic(PageOf[ActorPublic]):
    pass


class ActorQuery(PageQuery):
    search: str | None = Field(
        default=None, description="Part of the name; case and accents are ignored."
    )
    helix: list[str] = Field(
        default_factory=list,
        description="Helix sector (English id or Dutch word); repeat for more.",
    )
    kind: list[str] = Field(default_factory=list, description="Actor kind; repeat for more.")
    area: list[str] = Field(
        default_factory=list, description="Area code or name, with what lies in it."
    )
    theme: list[str] = Field(
        default_factory=list, description="Theme code or name, with its sub-themes."
    )
    parent: str | None = Field(default=None, description="Only the sub-units of this actor.")
    active_on: date | None = Field(default=None, description="Only actors active on this day.")
    sort: ActorSort = Field(default="name", description="Sort key; '-' sorts descending.")


@router.get("", response_model=ActorsPublic, responses=READ, summary="List actors")
def list_actors(
    request: Request,
    session: SessionDep,
    _reader: Reader,
    query: Annotated[ActorQuery, Query()],
) -> ActorsPublic:
    with filter_values():
        filters = actor_filter(
            session,
            search=query.search,
            helix=query.helix,
            kind=query.kind,
            area=query.area,
            theme=query.theme,
            parent=query.parent,
            active_on=query.active_on.isoformat() if query.active_on else None,
        )
    page = actors_page(session, filters, query.sort, query.limit, query.offset)
    return envelope(ActorsPublic, request, page, [actor_public(a) for a in page.items])


@router.get("/{actor_id}", response_model=ActorPublic, responses=READ_ONE, summary="Read an actor")
def read_actor(
    actor_id: Id, response: Response, session: SessionDep, _reader: Reader
) -> ActorPublic:
    actor = record(session, Actor, actor_id, "actor")
    with_etag(response, actor)
    return actor_public(actor)


@router.post(
    "",
    response_model=ActorPublic,
    status_code=status.HTTP_201_CREATED,
    responses=CREATE,
    summary="Add an actor",
)
def add_actor(
    data: ActorCreate, request: Request, response: Response, session: SessionDep, _user: EditorUser
) -> ActorPublic:
    with references():
        actor = create_actor(session, data).actor
    with_etag(response, actor)
    response.headers["Location"] = str(request.url_for("read_actor", actor_id=actor.id))
    return actor_public(actor)


@router.patch(
    "/{actor_id}", response_model=ActorPublic, responses=CHANGE, summary="Change an actor"
)
def change_actor(
    actor_id: Id,
    data: ActorUpdate,
    response: Response,
    session: SessionDep,
    _user: EditorUser,
    if_match: IfMatch = None,
) -> ActorPublic:
    """Only the fields sent change; send ``null`` to clear one."""
    actor = record(session, Actor, actor_id, "actor")
    check_version(session, actor, if_match)
    with references():
        update_actor(session, actor, data)
    session.flush()
    with_etag(response, actor)
    return actor_public(actor)


@router.delete(
    "/{actor_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=CHANGE,
    summary="Delete an actor",
)
def remove_actor(
    actor_id: Id,
    session: SessionDep,
    _user: EditorUser,
    if_match: IfMatch = None,
    cascade: Annotated[bool, Query(description="Also delete its memberships and ties.")] = False,
) -> None:
    actor = record(session, Actor, actor_id, "actor")
    check_version(session, actor, if_match)
    delete_actor(session, actor, cascade=cascade)
