"""Optimistic locking: a record's version is its ``updated_at``, sent as an ETag.

Changing or deleting a record requires the version the editor saw (``If-Match`` in the API, a
hidden ``version`` field in forms). A stale version is an edit conflict (409), a missing one a
``428 Precondition Required``: two editors can never silently overwrite each other.

The check is a compare-and-set in the database (``UPDATE … WHERE updated_at = <seen>``), so two
requests that read the same version at the same moment cannot both pass it: the second one waits
for the first one's row lock and then finds the version changed.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol

from sqlalchemy import CursorResult, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from quadhelix.registry.errors import Conflict
from quadhelix.registry.model import Base, utcnow

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class Versioned(Protocol):
    id: int
    updated_at: datetime


class EditConflict(Conflict):
    """The record changed since the editor loaded it."""

    def __init__(self, current: str) -> None:
        self.current = current
        super().__init__(
            "the record was changed by someone else since you loaded it; "
            "reload it and make your change again"
        )


class PreconditionRequired(Exception):
    """A change to an existing record came without the version it was based on."""


def etag(record: Versioned) -> str:
    """A strong ETag from the id and the exact microsecond of the last change."""
    micros = (record.updated_at - _EPOCH) // timedelta(microseconds=1)
    return f'"{record.id}-{micros:x}"'


def check_version(session: Session, record: Versioned, given: str | None) -> None:
    """Accept ``given`` if it names the current version (``*``: any), and claim the record.

    Claiming moves ``updated_at`` on at once, in this transaction; every change of the record,
    also one of its themes or areas only, thereby gets a new ETag.
    """
    if given is None or not given.strip():
        raise PreconditionRequired
    tags = [tag.strip() for tag in given.split(",")]
    if "*" not in tags and etag(record) not in tags:
        raise EditConflict(etag(record))
    _claim(session, record)


def _claim(session: Session, record: Versioned) -> None:
    model = type(record)
    assert isinstance(record, Base)
    seen = record.updated_at
    new = max(utcnow(), seen + timedelta(microseconds=1))
    statement = (
        update(model)
        .where(model.id == record.id, model.updated_at == seen)  # type: ignore[arg-type]
        .values(updated_at=new)
        .execution_options(synchronize_session=False)
    )
    result = session.execute(statement)
    if not isinstance(result, CursorResult) or result.rowcount != 1:
        session.refresh(record)
        raise EditConflict(etag(record))
    set_committed_value(record, "updated_at", new)
