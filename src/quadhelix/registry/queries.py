"""Query composition for the registry: one place that turns filters into SELECT statements.

Pages, API, CLI and exports all list records through these functions, so a filter means the same
thing everywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Generic, TypeVar

from sqlalchemy import ColumnElement, Select, and_, func, or_, select, true
from sqlalchemy.orm import Session, selectinload

from quadhelix.registry.model import (
    Actor,
    Area,
    Coalition,
    Membership,
    Theme,
    Tie,
    actor_theme,
    coalition_area,
    coalition_theme,
)
from quadhelix.registry.names import fold
from quadhelix.registry.vocab import (
    ActorKind,
    CoalitionKind,
    CoalitionStatus,
    HelixSector,
    TieSource,
    TieType,
)

R = TypeVar("R")


@dataclass(frozen=True)
class Page(Generic[R]):
    """One page of a listing and the number of records that match in all."""

    items: list[R]
    total: int
    limit: int | None
    offset: int


Dated = type[Actor] | type[Coalition] | type[Membership] | type[Tie]


def overlaps(model: Dated, first: date | None, last: date | None) -> ColumnElement[bool]:
    """Records that run at some time between ``first`` and ``last`` (inclusive, both optional).

    A record without a start date began before any period; one without an end date still runs.
    The one definition of "active in a period" that the CLI, exports and analytics share.
    """
    conditions: list[ColumnElement[bool]] = []
    if last is not None:
        conditions.append(or_(model.start_date.is_(None), model.start_date <= last))
    if first is not None:
        conditions.append(or_(model.end_date.is_(None), model.end_date >= first))
    return and_(true(), *conditions)


def _active_on(model: Dated, day: date) -> ColumnElement[bool]:
    return overlaps(model, day, day)


@dataclass(frozen=True)
class ActorFilter:
    search: str | None = None
    helix: Sequence[HelixSector] = ()
    kind: Sequence[ActorKind] = ()
    area_ids: Sequence[int] = ()
    theme_ids: Sequence[int] = ()
    parent_id: int | None = None
    active_on: date | None = None
    ids: Sequence[int] = field(default_factory=tuple)

    def apply(self, query: Select[tuple[Actor]]) -> Select[tuple[Actor]]:
        if self.search:
            query = query.where(Actor.name_key.contains(fold(self.search), autoescape=True))
        if self.helix:
            query = query.where(Actor.helix.in_(self.helix))
        if self.kind:
            query = query.where(Actor.kind.in_(self.kind))
        if self.area_ids:
            query = query.where(Actor.area_id.in_(self.area_ids))
        if self.theme_ids:
            tagged = select(actor_theme.c.actor_id).where(
                actor_theme.c.theme_id.in_(self.theme_ids)
            )
            query = query.where(Actor.id.in_(tagged))
        if self.parent_id is not None:
            query = query.where(Actor.parent_id == self.parent_id)
        if self.active_on is not None:
            query = query.where(_active_on(Actor, self.active_on))
        if self.ids:
            query = query.where(Actor.id.in_(self.ids))
        return query


@dataclass(frozen=True)
class CoalitionFilter:
    search: str | None = None
    kind: Sequence[CoalitionKind] = ()
    status: Sequence[CoalitionStatus] = ()
    area_ids: Sequence[int] = ()
    theme_ids: Sequence[int] = ()
    member_id: int | None = None
    active_on: date | None = None

    def apply(self, query: Select[tuple[Coalition]]) -> Select[tuple[Coalition]]:
        if self.search:
            query = query.where(Coalition.name_key.contains(fold(self.search), autoescape=True))
        if self.kind:
            query = query.where(Coalition.kind.in_(self.kind))
        if self.status:
            query = query.where(Coalition.status.in_(self.status))
        if self.area_ids:
            placed = select(coalition_area.c.coalition_id).where(
                coalition_area.c.area_id.in_(self.area_ids)
            )
            query = query.where(Coalition.id.in_(placed))
        if self.theme_ids:
            tagged = select(coalition_theme.c.coalition_id).where(
                coalition_theme.c.theme_id.in_(self.theme_ids)
            )
            query = query.where(Coalition.id.in_(tagged))
        if self.member_id is not None:
            members = select(Membership.coalition_id).where(Membership.actor_id == self.member_id)
            query = query.where(Coalition.id.in_(members))
        if self.active_on is not None:
            query = query.where(_active_on(Coalition, self.active_on))
        return query


@dataclass(frozen=True)
class TieFilter:
    actor_id: int | None = None
    type: Sequence[TieType] = ()
    source: Sequence[TieSource] = ()
    active_on: date | None = None

    def apply(self, query: Select[tuple[Tie]]) -> Select[tuple[Tie]]:
        if self.actor_id is not None:
            query = query.where(
                or_(Tie.source_actor_id == self.actor_id, Tie.target_actor_id == self.actor_id)
            )
        if self.type:
            query = query.where(Tie.type.in_(self.type))
        if self.source:
            query = query.where(Tie.source.in_(self.source))
        if self.active_on is not None:
            query = query.where(_active_on(Tie, self.active_on))
        return query


def _page(session: Session, query: Select[tuple[R]], limit: int | None, offset: int) -> Page[R]:
    total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    paged = query.offset(offset)
    if limit is not None:
        paged = paged.limit(limit)
    return Page(list(session.scalars(paged)), total or 0, limit, offset)


def list_actors(
    session: Session,
    filters: ActorFilter = ActorFilter(),
    limit: int | None = 100,
    offset: int = 0,
) -> Page[Actor]:
    query = (
        filters.apply(select(Actor))
        .order_by(Actor.name_key, Actor.id)
        .options(selectinload(Actor.themes), selectinload(Actor.area))
    )
    return _page(session, query, limit, offset)


def list_coalitions(
    session: Session,
    filters: CoalitionFilter = CoalitionFilter(),
    limit: int | None = 100,
    offset: int = 0,
) -> Page[Coalition]:
    query = (
        filters.apply(select(Coalition))
        .order_by(Coalition.name_key, Coalition.id)
        .options(
            selectinload(Coalition.themes),
            selectinload(Coalition.areas),
            selectinload(Coalition.links),
        )
    )
    return _page(session, query, limit, offset)


def list_ties(
    session: Session, filters: TieFilter = TieFilter(), limit: int | None = 100, offset: int = 0
) -> Page[Tie]:
    query = (
        filters.apply(select(Tie))
        .order_by(Tie.id)
        .options(selectinload(Tie.source_actor), selectinload(Tie.target_actor))
    )
    return _page(session, query, limit, offset)


def _with_descendants(
    session: Session, model: type[Theme] | type[Area], ids: Sequence[int]
) -> list[int]:
    children: dict[int | None, list[int]] = {}
    for node_id, parent_id in session.execute(select(model.id, model.parent_id)):
        children.setdefault(parent_id, []).append(node_id)
    found: list[int] = []
    stack = list(ids)
    while stack:
        current = stack.pop()
        if current not in found:
            found.append(current)
            stack.extend(children.get(current, []))
    return found


def theme_ids_with_descendants(session: Session, ids: Sequence[int]) -> list[int]:
    """A theme filter includes its sub-themes: 'climate' also finds 'heat'."""
    return _with_descendants(session, Theme, ids)


def area_ids_with_descendants(session: Session, ids: Sequence[int]) -> list[int]:
    """An area filter includes what lies inside it: a district also finds its neighbourhoods."""
    return _with_descendants(session, Area, ids)
