"""Sort orders and listings that pages and API need beyond ``registry.queries``.

Filtering is never repeated here: the registry's filter objects build the WHERE clause, this
module only adds the chosen ORDER BY and pages the result. (A candidate to move into
``registry/queries.py`` once the CLI wants sorting too.)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal, TypeVar, cast

from sqlalchemy import Select, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session, selectinload

from quadhelix.registry.model import Actor, Coalition, Membership
from quadhelix.registry.queries import ActorFilter, CoalitionFilter, Page

R = TypeVar("R")

ActorSort = Literal[
    "name", "-name", "helix", "-helix", "kind", "-kind", "updated_at", "-updated_at"
]
CoalitionSort = Literal[
    "name",
    "-name",
    "kind",
    "-kind",
    "status",
    "-status",
    "start_date",
    "-start_date",
    "updated_at",
    "-updated_at",
]

Columns = Sequence[InstrumentedAttribute[Any]]

ACTOR_ORDER: Mapping[str, Columns] = {
    "name": (Actor.name_key,),
    "helix": (Actor.helix, Actor.name_key),
    "kind": (Actor.kind, Actor.name_key),
    "updated_at": (Actor.updated_at,),
}
COALITION_ORDER: Mapping[str, Columns] = {
    "name": (Coalition.name_key,),
    "kind": (Coalition.kind, Coalition.name_key),
    "status": (Coalition.status, Coalition.name_key),
    "start_date": (Coalition.start_date, Coalition.name_key),
    "updated_at": (Coalition.updated_at,),
}


def _ordered(
    query: Select[tuple[R]], sort: str, orders: Mapping[str, Columns], tiebreak: Any
) -> Select[tuple[R]]:
    descending = sort.startswith("-")
    columns = orders[sort.removeprefix("-")]
    keys = [column.desc() if descending else column.asc() for column in columns]
    return query.order_by(*keys, tiebreak.desc() if descending else tiebreak.asc())


def page_of(session: Session, query: Select[tuple[R]], limit: int | None, offset: int) -> Page[R]:
    total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    paged = query.offset(offset)
    if limit is not None:
        paged = paged.limit(limit)
    return Page(list(session.scalars(paged)), total or 0, limit, offset)


def actors_page(
    session: Session, filters: ActorFilter, sort: str, limit: int | None, offset: int
) -> Page[Actor]:
    query = _ordered(filters.apply(select(Actor)), sort, ACTOR_ORDER, Actor.id).options(
        selectinload(Actor.themes), selectinload(Actor.area)
    )
    return page_of(session, query, limit, offset)


def coalitions_page(
    session: Session, filters: CoalitionFilter, sort: str, limit: int | None, offset: int
) -> Page[Coalition]:
    query = _ordered(filters.apply(select(Coalition)), sort, COALITION_ORDER, Coalition.id).options(
        selectinload(Coalition.themes),
        selectinload(Coalition.areas),
        selectinload(Coalition.links),
    )
    return page_of(session, query, limit, offset)


def memberships_page(
    session: Session,
    *,
    coalition_id: int | None = None,
    actor_id: int | None = None,
    limit: int | None = 100,
    offset: int = 0,
) -> Page[Membership]:
    """Memberships of one coalition and/or one actor, oldest record first."""
    query = cast("Select[tuple[Membership]]", select(Membership).order_by(Membership.id))
    if coalition_id is not None:
        query = query.where(Membership.coalition_id == coalition_id)
    if actor_id is not None:
        query = query.where(Membership.actor_id == actor_id)
    query = query.options(selectinload(Membership.actor), selectinload(Membership.coalition))
    return page_of(session, query, limit, offset)
