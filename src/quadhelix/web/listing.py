"""Sort orders and listings that pages and API need beyond ``registry.queries``.

Filtering is never repeated here: the registry's filter objects build the WHERE clause, this
module only adds the chosen ORDER BY and pages the result. (A candidate to move into
``registry/queries.py`` once the CLI wants sorting too.)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from math import ceil
from typing import Any, Literal, TypeVar, cast

from sqlalchemy import Row, Select, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session, joinedload, lazyload, selectinload

from quadhelix.registry.model import Actor, Coalition, Membership, Tie
from quadhelix.registry.queries import ActorFilter, CoalitionFilter, Page, TieFilter
from quadhelix.registry.vocab import ActorKind

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
    """One page and the total; the total is only counted when the page does not tell it."""
    paged = query.offset(offset)
    if limit is not None:
        paged = paged.limit(limit)
    items: list[R] = list(session.scalars(paged))
    if (limit is None or len(items) < limit) and (items or offset == 0):
        return Page(items, offset + len(items), limit, offset)
    total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    return Page(items, total or 0, limit, offset)


def numbered_page(fetch: Callable[[int], Page[R]], page: int, size: int) -> tuple[Page[R], int]:
    """Page number ``page`` of a listing (``fetch`` takes an offset), and its number.

    A page past the end (an old link, a list that shrank) is the last page, so that a list never
    says "no results" while there are some.
    """
    found = fetch((page - 1) * size)
    if page > 1 and not found.items and found.total:
        page = ceil(found.total / size)
        found = fetch((page - 1) * size)
    return found, page


def page_count(total: int, size: int) -> int:
    return ceil(total / size)


def actors_page(
    session: Session,
    filters: ActorFilter,
    sort: str,
    limit: int | None,
    offset: int,
    *,
    table_only: bool = False,
) -> Page[Actor]:
    """Actors with their themes and aliases; ``table_only``: just what the list page shows
    (name, sector, kind, area), which saves two queries per page."""
    query = _ordered(filters.apply(select(Actor)), sort, ACTOR_ORDER, Actor.id)
    if table_only:
        query = query.options(joinedload(Actor.area), lazyload(Actor.aliases))
    else:
        query = query.options(selectinload(Actor.themes), selectinload(Actor.area))
    return page_of(session, query, limit, offset)


def actor_names(session: Session, filters: ActorFilter) -> list[Row[tuple[int, str]]]:
    """Id and name of the matching actors by name, for choices and links (no ORM objects)."""
    query = (
        filters.apply(select(Actor))
        .with_only_columns(Actor.id, Actor.name, maintain_column_froms=True)
        .order_by(Actor.name_key, Actor.id)
    )
    return list(session.execute(query))


def department_choices(session: Session) -> list[Row[tuple[int, str]]]:
    return actor_names(session, ActorFilter(kind=[ActorKind.DEPARTMENT]))


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
    query = query.options(
        selectinload(Membership.actor).lazyload(Actor.aliases),
        selectinload(Membership.coalition),
    )
    return page_of(session, query, limit, offset)


def actor_ties(session: Session, actor_id: int) -> list[Tie]:
    """All ties of one actor with both ends' names, in one query (for the profile page)."""
    query = (
        TieFilter(actor_id=actor_id)
        .apply(select(Tie))
        .order_by(Tie.id)
        .options(
            joinedload(Tie.source_actor).lazyload(Actor.aliases),
            joinedload(Tie.target_actor).lazyload(Actor.aliases),
        )
    )
    return list(session.scalars(query))
