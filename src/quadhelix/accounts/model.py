"""Tables for accounts: users, their API tokens, their browser sessions and login attempts.

Secrets are never stored: passwords as argon2 hashes, tokens and session ids as SHA-256 digests
(they are long random strings, so a fast hash is enough and lookups stay indexable).
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Boolean, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quadhelix.registry.model import Base, Timestamped, UTCDateTime, choice, utcnow


class Role(StrEnum):
    """What a user may do; each role includes the ones below it."""

    VIEWER = "viewer"
    EDITOR = "editor"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        return _RANKS[self]

    def allows(self, needed: Role) -> bool:
        return self.rank >= needed.rank


_RANKS = {Role.VIEWER: 1, Role.EDITOR: 2, Role.ADMIN: 3}


class User(Timestamped, Base):
    """A person (or a script's owner) who signs in. Stored as ``account``: ``user`` is reserved
    in PostgreSQL."""

    __tablename__ = "account"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(choice(Role, "account_role"))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    # May see who rated whom in partner surveys; granted on its own, never implied by a role.
    survey_analyst: Mapped[bool] = mapped_column(Boolean, default=False)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    tokens: Mapped[list[ApiToken]] = relationship(
        back_populates="user", passive_deletes=True, order_by="ApiToken.id"
    )


class ApiToken(Base):
    """A bearer token for scripts; shown once when made, kept only as a digest."""

    __tablename__ = "api_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship(back_populates="tokens")


class WebSession(Base):
    """A signed-in browser. Server-side, so that logging out or removing a user ends it at once."""

    __tablename__ = "web_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)

    user: Mapped[User] = relationship()


class LoginAttempt(Base):
    """A failed sign-in, counted per client address and user name to slow down guessing."""

    __tablename__ = "login_attempt"
    __table_args__ = (Index("ix_login_attempt_client_at", "client", "attempted_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client: Mapped[str] = mapped_column(String(64))
    username: Mapped[str] = mapped_column(String(100))
    attempted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


__all__ = ["ApiToken", "LoginAttempt", "Role", "User", "WebSession"]
