"""Slowing down password guessing: failed sign-ins are counted per client and user name.

Two limits apply within a sliding window: one for a client trying one user name, and a looser one
for a client trying many names. The counts live in the database, so they hold across workers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from quadhelix.accounts.model import LoginAttempt
from quadhelix.registry.model import utcnow


@dataclass(frozen=True)
class LoginLimits:
    per_user: int = 5
    per_client: int = 50
    window: timedelta = timedelta(minutes=15)


def is_throttled(session: Session, client: str, username: str, limits: LoginLimits) -> bool:
    since = utcnow() - limits.window
    recent = select(func.count()).where(
        LoginAttempt.client == client[:64], LoginAttempt.attempted_at > since
    )
    if (session.scalar(recent) or 0) >= limits.per_client:
        return True
    for_user = recent.where(LoginAttempt.username == username.strip().lower()[:100])
    return (session.scalar(for_user) or 0) >= limits.per_user


def record_failure(session: Session, client: str, username: str, limits: LoginLimits) -> None:
    now = utcnow()
    session.execute(delete(LoginAttempt).where(LoginAttempt.attempted_at <= now - limits.window))
    session.add(
        LoginAttempt(client=client[:64], username=username.strip().lower()[:100], attempted_at=now)
    )
    session.flush()


def forget_failures(session: Session, client: str, username: str) -> None:
    """A successful sign-in clears that client's count for that name."""
    session.execute(
        delete(LoginAttempt).where(
            LoginAttempt.client == client[:64],
            LoginAttempt.username == username.strip().lower()[:100],
        )
    )
