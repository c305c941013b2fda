"""Secrets that stand for a signed-in user: API tokens for scripts, sessions for browsers.

Each is a long random string handed out once; the database keeps only its SHA-256 digest, so a
copy of the database does not let anyone in, and deleting the row revokes it at once.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, joinedload

from quadhelix.accounts.model import ApiToken, User, WebSession
from quadhelix.registry.errors import InvalidValue, NotFound
from quadhelix.registry.model import utcnow

TOKEN_PREFIX = "qh_"  # noqa: S105  (a visible marker, not a secret)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _new_secret(prefix: str = "") -> str:
    return prefix + secrets.token_urlsafe(32)


# --- API tokens ------------------------------------------------------------------------------


@dataclass(frozen=True)
class IssuedToken:
    record: ApiToken
    token: str


def create_api_token(
    session: Session, user: User, name: str, expires_at: datetime | None = None
) -> IssuedToken:
    """A new bearer token for ``user``; the plain token is in the result and nowhere else."""
    name = name.strip()
    if not name:
        raise InvalidValue("name", name, "a token needs a name saying what it is for")
    if expires_at is not None and expires_at <= utcnow():
        raise InvalidValue("expires_at", expires_at.isoformat(), "must lie in the future")
    token = _new_secret(TOKEN_PREFIX)
    record = ApiToken(
        user=user,
        name=name[:100],
        token_hash=digest(token),
        prefix=token[:10],
        expires_at=expires_at,
    )
    session.add(record)
    session.flush()
    return IssuedToken(record, token)


def user_for_api_token(session: Session, token: str) -> User | None:
    """The active user a bearer token belongs to, or None if unknown, expired or inactive."""
    record = session.scalar(
        select(ApiToken)
        .where(ApiToken.token_hash == digest(token))
        .options(joinedload(ApiToken.user))  # one query per request, not two
    )
    now = utcnow()
    if record is None or (record.expires_at is not None and record.expires_at <= now):
        return None
    if not record.user.is_active:
        return None
    if record.last_used_at is None or now - record.last_used_at > timedelta(minutes=5):
        record.last_used_at = now  # coarse, so that reads do not write on every request
    return record.user


def list_api_tokens(session: Session, user: User) -> list[ApiToken]:
    return list(
        session.scalars(select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.id))
    )


def get_api_token(session: Session, user: User, token_id: int) -> ApiToken:
    record = session.get(ApiToken, token_id)
    if record is None or record.user_id != user.id:
        raise NotFound("token", token_id)
    return record


def revoke_api_token(session: Session, user: User, token_id: int) -> None:
    session.delete(get_api_token(session, user, token_id))
    session.flush()


# --- Browser sessions -----------------------------------------------------------------------


@dataclass(frozen=True)
class StartedSession:
    record: WebSession
    cookie: str


def start_web_session(session: Session, user: User, lifetime: timedelta) -> StartedSession:
    """A new browser session with its own CSRF token; expired sessions are swept on the way."""
    now = utcnow()
    session.execute(delete(WebSession).where(WebSession.expires_at <= now))
    cookie = _new_secret()
    record = WebSession(
        user=user,
        token_hash=digest(cookie),
        csrf_token=secrets.token_urlsafe(32),
        created_at=now,
        expires_at=now + lifetime,
    )
    session.add(record)
    session.flush()
    return StartedSession(record, cookie)


def web_session_for_cookie(session: Session, cookie: str) -> WebSession | None:
    record = session.scalar(
        select(WebSession)
        .where(WebSession.token_hash == digest(cookie))
        .options(joinedload(WebSession.user))
    )
    if record is None or record.expires_at <= utcnow() or not record.user.is_active:
        return None
    return record


def end_web_session(session: Session, cookie: str) -> None:
    session.execute(delete(WebSession).where(WebSession.token_hash == digest(cookie)))


def end_all_web_sessions(session: Session, user: User) -> None:
    """Sign a user out everywhere (after a password change or a role change)."""
    session.execute(delete(WebSession).where(WebSession.user_id == user.id))
