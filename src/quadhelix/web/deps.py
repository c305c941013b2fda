"""Dependencies shared by API and pages, as ``Annotated`` aliases.

``SessionDep`` is one transaction per request, committed when the handler returns (before the
response is sent) and rolled back when it raises. ``Reader`` lets anonymous visitors through only
when public read-only mode is on; ``CurrentUser``, ``EditorUser`` and ``AdminUser`` need a
signed-in user of at least that role.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from quadhelix.accounts.model import Role, User, WebSession
from quadhelix.accounts.tokens import user_for_api_token, web_session_for_cookie
from quadhelix.web.messages import FORM_EXPIRED, ROLE_NEEDED, Text
from quadhelix.web.security import (
    CSRF_FIELD,
    CSRF_HEADER,
    SAFE_METHODS,
    session_cookie_name,
    tokens_match,
)
from quadhelix.web.site_settings import stored_public_read_only
from quadhelix.web.state import AppState

# The largest id a record can have (a 32-bit INTEGER column); larger numbers in a path or query
# are refused as invalid input before they reach the database.
MAX_ID = 2**31 - 1


class NotSignedIn(Exception):
    """No valid credentials: 401 in the API, a redirect to the sign-in page for pages."""

    def __init__(self, detail: str = "sign in, or send an API token as 'Authorization: Bearer'"):
        self.detail = detail
        super().__init__(detail)


class NotAllowed(Exception):
    """Signed in, but the role (or a missing CSRF token) does not allow this: 403."""

    def __init__(self, detail: str) -> None:
        self.detail = detail
        super().__init__(detail)


def get_state(request: Request) -> AppState:
    state: AppState = request.app.state.quadhelix
    return state


StateDep = Annotated[AppState, Depends(get_state)]


def public_base_url(request: Request) -> str:
    """Where links in mails and CSVs point: ``QUADHELIX_BASE_URL`` when set (behind a proxy the
    address a request came in on can be an internal one), else that address."""
    configured: str | None = get_state(request).settings.base_url
    return configured or str(request.base_url)


def get_session(state: StateDep) -> Iterator[Session]:
    with state.sessions() as session, session.begin():
        yield session


SessionDep = Annotated[Session, Depends(get_session, scope="function")]


@dataclass(frozen=True)
class Principal:
    """Who is asking: a user (by session cookie or API token) or an anonymous visitor.

    Name, role and CSRF token are copied out of the database rows, so that an error page can
    still show them after the request's transaction was rolled back.
    """

    user: User | None
    csrf_token: str | None = None
    username: str | None = None
    role: Role | None = None

    @classmethod
    def of(cls, user: User, web_session: WebSession | None = None) -> Principal:
        csrf = web_session.csrf_token if web_session else None
        return cls(user, csrf, user.username, user.role)


def get_principal(request: Request, session: SessionDep, state: StateDep) -> Principal:
    principal = identify(request, session, state)
    request.state.principal = principal  # for error pages rendered outside the handler
    return principal


def identify(request: Request, session: Session, state: AppState) -> Principal:
    """The principal of a request: its API token, its session cookie, or nobody."""
    authorization = request.headers.get("Authorization")
    if authorization is not None:
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise NotSignedIn("use 'Authorization: Bearer <token>'")
        user = user_for_api_token(session, token.strip())
        if user is None:
            raise NotSignedIn("the API token is unknown, expired or revoked")
        return Principal.of(user)
    cookie = request.cookies.get(session_cookie_name(state.settings.secure_cookies))
    web_session = web_session_for_cookie(session, cookie) if cookie else None
    if web_session is None:
        return Principal(None)
    unsafe_api_call = request.method not in SAFE_METHODS and request.url.path.startswith("/api/")
    if unsafe_api_call and not tokens_match(
        web_session.csrf_token, request.headers.get(CSRF_HEADER)
    ):
        raise NotAllowed(f"a change made with the session cookie needs the {CSRF_HEADER} header")
    return Principal.of(web_session.user, web_session)


PrincipalDep = Annotated[Principal, Depends(get_principal)]


def reader(principal: PrincipalDep, state: StateDep, session: SessionDep) -> Principal:
    """Anyone signed in; anonymous visitors only in public read-only mode (server or admin)."""
    if principal.user is None and not (
        state.settings.public_read_only or stored_public_read_only(session)
    ):
        raise NotSignedIn
    return principal


Reader = Annotated[Principal, Depends(reader)]


def current_user(principal: PrincipalDep) -> User:
    if principal.user is None:
        raise NotSignedIn
    return principal.user


CurrentUser = Annotated[User, Depends(current_user)]


def _needs(role: Role, user: User) -> User:
    if not user.role.allows(role):
        raise NotAllowed(Text(ROLE_NEEDED, {"needed": role, "role": user.role}))
    return user


def editor_user(user: CurrentUser) -> User:
    return _needs(Role.EDITOR, user)


def admin_user(user: CurrentUser) -> User:
    return _needs(Role.ADMIN, user)


EditorUser = Annotated[User, Depends(editor_user)]
AdminUser = Annotated[User, Depends(admin_user)]


async def checked_form(request: Request, principal: PrincipalDep) -> FormData:
    """The submitted form, after checking its CSRF token against the session's.

    Used as a router dependency for pages, so no unsafe form request skips the check.
    """
    form = await request.form()
    if request.method in SAFE_METHODS:
        return form
    if principal.user is None:
        raise NotSignedIn
    given = form.get(CSRF_FIELD)
    if not isinstance(given, str) or not tokens_match(principal.csrf_token, given):
        raise NotAllowed(Text(FORM_EXPIRED))
    return form


CheckedForm = Annotated[FormData, Depends(checked_form)]
