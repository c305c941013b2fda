"""``/api/v1/users`` (admins only) and ``/api/v1/me`` (anyone signed in)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status

from quadhelix.accounts.model import User
from quadhelix.accounts.schemas import UserCreate, UserPublic, UserUpdate
from quadhelix.accounts.service import create_user, list_users, remove_user, update_user
from quadhelix.accounts.tokens import end_all_web_sessions
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
    slice_page,
    with_etag,
)
from quadhelix.web.deps import AdminUser, CurrentUser, SessionDep
from quadhelix.web.problems import error_responses
from quadhelix.web.versioning import check_version

router = APIRouter()
ADMIN_READ = {**READ, **error_responses(403)}
ADMIN_READ_ONE = {**READ_ONE, **error_responses(403)}


class UsersPublic(PageOf[UserPublic]):
    pass


@router.get("/me", response_model=UserPublic, responses=READ, tags=["users"], summary="Who am I")
def me(user: CurrentUser) -> UserPublic:
    return UserPublic.model_validate(user)


@router.get(
    "/users", response_model=UsersPublic, responses=ADMIN_READ, tags=["users"], summary="List users"
)
def list_users_(
    request: Request, session: SessionDep, _admin: AdminUser, query: Annotated[PageQuery, Query()]
) -> UsersPublic:
    page = slice_page(list_users(session), query)
    return envelope(UsersPublic, request, page, [UserPublic.model_validate(u) for u in page.items])


@router.get(
    "/users/{user_id}",
    response_model=UserPublic,
    responses=ADMIN_READ_ONE,
    tags=["users"],
    summary="Read a user",
)
def read_user(
    user_id: Id, response: Response, session: SessionDep, _admin: AdminUser
) -> UserPublic:
    user = record(session, User, user_id, "user")
    with_etag(response, user)
    return UserPublic.model_validate(user)


@router.post(
    "/users",
    response_model=UserPublic,
    status_code=status.HTTP_201_CREATED,
    responses=CREATE,
    tags=["users"],
    summary="Add a user",
)
def add_user(
    data: UserCreate, request: Request, response: Response, session: SessionDep, _admin: AdminUser
) -> UserPublic:
    user = create_user(session, data)
    with_etag(response, user)
    response.headers["Location"] = str(request.url_for("read_user", user_id=user.id))
    return UserPublic.model_validate(user)


@router.patch(
    "/users/{user_id}",
    response_model=UserPublic,
    responses=CHANGE,
    tags=["users"],
    summary="Change a user's role, status or password",
)
def change_user(
    user_id: Id,
    data: UserUpdate,
    response: Response,
    session: SessionDep,
    _admin: AdminUser,
    if_match: IfMatch = None,
) -> UserPublic:
    """A changed password or role, or deactivation, signs the user out of every browser."""
    user = record(session, User, user_id, "user")
    check_version(session, user, if_match)
    update_user(session, user, data)
    end_all_web_sessions(session, user)
    with_etag(response, user)
    return UserPublic.model_validate(user)


@router.delete(
    "/users/{user_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=CHANGE,
    tags=["users"],
    summary="Remove a user",
)
def delete_user(
    user_id: Id, session: SessionDep, _admin: AdminUser, if_match: IfMatch = None
) -> None:
    user = record(session, User, user_id, "user")
    check_version(session, user, if_match)
    remove_user(session, user)
