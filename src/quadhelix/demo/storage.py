"""Writing the demo through the ORM so that ids follow build order (parents before children).

With a self-referential ``parent`` relationship SQLAlchemy inserts all roots first and children
later, so a team would get an id far from its department. Setting ``parent_id`` ourselves, and
flushing only when a child needs its parent's id, keeps ids in the order the city was built.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from quadhelix.registry.model import Actor, Coalition

Record = Actor | Coalition


def add_in_order(session: Session, rows: Sequence[tuple[Record, Record | None]]) -> None:
    """Add (record, parent) pairs in order; a parent must come before its children."""
    for record, parent in rows:
        if parent is not None:
            if parent.id is None:
                session.flush()
            record.parent_id = parent.id
        session.add(record)
    session.flush()
