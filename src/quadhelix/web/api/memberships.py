"""``/api/v1/memberships``: who takes part in which coalition, in which role and when."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status
from pydantic import Field

from quadhelix.registry.actors import get_actor
from quadhelix.registry.coalitions import add_member, get_coalition, membership_public
from quadhelix.registry.model import Membership
from quadhelix.registry.schemas import MembershipCreate, MembershipPublic
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
    record,
    references,
    with_etag,
)
from quadhelix.web.deps import MAX_ID, EditorUser, Reader, SessionDep
from quadhelix.web.listing import memberships_page
from quadhelix.web.versioning import check_version

router = APIRouter(prefix="/memberships", tags=["memberships"])


class MembershipsPublic(PageOf[MembershipPublic]):
    pass


class MembershipQuery(PageQuery):
    coalition: int | None = Field(default=None, ge=1, le=MAX_ID, description="Coalition id.")
    actor: int | None = Field(default=None, ge=1, le=MAX_ID, description="Actor id.")


class MembershipNew(MembershipCreate):
    """A membership to record: the coalition and the actor by id, external id or name."""

    coalition: Annotated[str, Field(min_length=1, max_length=300)]
    actor: Annotated[str, Field(min_length=1, max_length=300)]


@router.get("", response_model=MembershipsPublic, responses=READ, summary="List memberships")
def list_memberships(
    request: Request,
    session: SessionDep,
    _reader: Reader,
    query: Annotated[MembershipQuery, Query()],
) -> MembershipsPublic:
    page = memberships_page(
        session,
        coalition_id=query.coalition,
        actor_id=query.actor,
        limit=query.limit,
        offset=query.offset,
    )
    return envelope(MembershipsPublic, request, page, [membership_public(m) for m in page.items])


@router.get(
    "/{membership_id}",
    response_model=MembershipPublic,
    responses=READ_ONE,
    summary="Read a membership",
)
def read_membership(
    membership_id: Id, response: Response, session: SessionDep, _reader: Reader
) -> MembershipPublic:
    membership = record(session, Membership, membership_id, "membership")
    with_etag(response, membership)
    return membership_public(membership)


@router.post(
    "",
    response_model=MembershipPublic,
    status_code=status.HTTP_201_CREATED,
    responses=CREATE,
    summary="Add a member to a coalition",
)
def add_membership(
    data: MembershipNew,
    request: Request,
    response: Response,
    session: SessionDep,
    _user: EditorUser,
) -> MembershipPublic:
    with references():
        coalition = get_coalition(session, data.coalition)
        actor = get_actor(session, data.actor)
    fields = MembershipCreate.model_validate(data.model_dump(exclude={"coalition", "actor"}))
    membership = add_member(session, coalition, actor, fields)
    with_etag(response, membership)
    response.headers["Location"] = str(
        request.url_for("read_membership", membership_id=membership.id)
    )
    return membership_public(membership)


@router.delete(
    "/{membership_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=CHANGE,
    summary="Remove a membership",
)
def remove_membership(
    membership_id: Id, session: SessionDep, _user: EditorUser, if_match: IfMatch = None
) -> None:
    membership = record(session, Membership, membership_id, "membership")
    check_version(session, membership, if_match)
    session.delete(membership)
