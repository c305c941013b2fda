"""The one place that reads the registry for analytics and builds igraph graphs from it.

Views: the **tie graph** (registered ties, typed, weighted, directed or not), the **co-membership
graph** (actors linked by shared coalitions) and their **combination**, each restricted by a
``GraphFilters`` value. Every vertex carries the grouping attributes the metrics use:

========== ==========================================================================
actor_id   the registry id
name       the actor's name
helix      helix sector (government, civil_society, business, knowledge, citizens)
kind       actor kind
department the top-level unit of the city's org tree the actor belongs to (None outside it)
unit       the nearest unit of kind department (a dienst) at or above the actor (None outside)
area       area code of the actor's location (None when unknown)
========== ==========================================================================

Edges carry ``weight`` (summed tie weight, or the co-membership weight), ``ties`` (number of
registered ties merged into the edge) and ``shared`` (number of shared coalitions).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
from sqlalchemy import ColumnElement, Select, or_, select
from sqlalchemy.orm import Session, selectinload

from quadhelix.analytics.filters import CoMembershipWeight, GraphFilters, GraphView
from quadhelix.analytics.projection import (
    make_graph,
    merge_edges,
    project_memberships,
)
from quadhelix.registry.errors import NotFound
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
from quadhelix.registry.queries import Dated, overlaps
from quadhelix.registry.vocab import ActorKind, AreaKind, HelixSector, MemberRole
from quadhelix.registry.vocabulary import resolve_areas, resolve_themes

CITY_UNIT_KINDS = frozenset({ActorKind.DEPARTMENT, ActorKind.TEAM})
SEVERAL = "(several)"


def _overlaps(model: Dated, filters: GraphFilters) -> ColumnElement[bool]:
    first, last = filters.window
    return overlaps(model, first, last)


def _descendants(pairs: Iterable[tuple[int, int | None]], roots: Iterable[int]) -> set[int]:
    children: dict[int, list[int]] = defaultdict(list)
    for node, parent in pairs:
        if parent is not None:
            children[parent].append(node)
    found = set(roots)
    stack = list(found)
    while stack:
        for child in children[stack.pop()]:
            if child not in found:
                found.add(child)
                stack.append(child)
    return found


@dataclass(frozen=True)
class _Scope:
    """The filters resolved to ids and SQL conditions."""

    filters: GraphFilters
    theme_ids: set[int] | None
    area_ids: set[int] | None

    def coalitions(self) -> Select[int]:
        query = select(Coalition.id).where(_overlaps(Coalition, self.filters))
        if self.filters.coalition_kinds:
            query = query.where(Coalition.kind.in_(self.filters.coalition_kinds))
        if self.theme_ids is not None:
            query = query.where(
                Coalition.id.in_(
                    select(coalition_theme.c.coalition_id).where(
                        coalition_theme.c.theme_id.in_(self.theme_ids)
                    )
                )
            )
        if self.area_ids is not None:
            query = query.where(
                Coalition.id.in_(
                    select(coalition_area.c.coalition_id).where(
                        coalition_area.c.area_id.in_(self.area_ids)
                    )
                )
            )
        return query

    def memberships(self) -> Select[int, int]:
        return select(Membership.actor_id, Membership.coalition_id).where(
            Membership.coalition_id.in_(self.coalitions()),
            _overlaps(Membership, self.filters),
        )

    def actors(self) -> Select[int, str, HelixSector, ActorKind, int | None, str | None]:
        query = select(
            Actor.id, Actor.name, Actor.helix, Actor.kind, Actor.area_id, Actor.external_id
        ).where(_overlaps(Actor, self.filters))
        members = select(self.memberships().subquery().c.actor_id)
        if self.theme_ids is not None:
            tagged = select(actor_theme.c.actor_id).where(
                actor_theme.c.theme_id.in_(self.theme_ids)
            )
            query = query.where(or_(Actor.id.in_(tagged), Actor.id.in_(members)))
        if self.area_ids is not None:
            query = query.where(or_(Actor.area_id.in_(self.area_ids), Actor.id.in_(members)))
        return query.order_by(Actor.id)

    def ties(self) -> Select[int, int, bool, float]:
        query = select(Tie.source_actor_id, Tie.target_actor_id, Tie.directed, Tie.weight).where(
            _overlaps(Tie, self.filters)
        )
        if self.filters.tie_types:
            query = query.where(Tie.type.in_(self.filters.tie_types))
        if self.filters.tie_sources:
            query = query.where(Tie.source.in_(self.filters.tie_sources))
        return query


def _scope(session: Session, filters: GraphFilters) -> _Scope:
    theme_ids = area_ids = None
    if filters.themes:
        roots = [t.id for t in resolve_themes(session, list(filters.themes), "theme")]
        theme_ids = _descendants(session.execute(select(Theme.id, Theme.parent_id)), roots)
    if filters.areas:
        found, _ = resolve_areas(session, list(filters.areas), "area", create=False)
        area_ids = _descendants(
            session.execute(select(Area.id, Area.parent_id)), [a.id for a in found]
        )
    return _Scope(filters, theme_ids, area_ids)


@dataclass(frozen=True)
class OrgPlace:
    """Where an actor sits in the city's org tree; ``in_city`` also holds for the tree's root."""

    department: str | None
    unit: str | None
    in_city: bool = False


def _is_city_unit(kind: ActorKind, helix: HelixSector) -> bool:
    return kind in CITY_UNIT_KINDS and helix == HelixSector.GOVERNMENT


def org_places(
    rows: Iterable[tuple[int, int | None, ActorKind, HelixSector, str]],
) -> dict[int, OrgPlace]:
    """Department and unit of every actor, from (id, parent_id, kind, helix, name) rows.

    The city's org tree is made of government actors of kind department or team (a university's
    research groups are departments too, but not the city's). An actor's department is its
    highest ancestor-or-self in that tree, its unit the nearest one of kind department. Actors
    outside the tree get ``None`` for both; the organisation above the tree's top units (the city
    itself) gets ``in_city`` without a department.
    """
    table = {row[0]: row for row in rows}
    places: dict[int, OrgPlace] = {}
    above_units: set[int] = set()
    for actor_id, _parent, kind, helix, _name in table.values():
        if not _is_city_unit(kind, helix):
            places[actor_id] = OrgPlace(None, None)
            continue
        department = unit = None
        seen: set[int] = set()
        current: int | None = actor_id
        while current is not None and current in table and current not in seen:
            seen.add(current)
            _id, parent, current_kind, current_helix, name = table[current]
            if not _is_city_unit(current_kind, current_helix):
                above_units.add(current)
                break
            department = name
            if unit is None and current_kind == ActorKind.DEPARTMENT:
                unit = name
            current = parent
        places[actor_id] = OrgPlace(department, unit or department, True)
    for actor_id in above_units:
        places[actor_id] = OrgPlace(None, None, True)
    return places


@dataclass(frozen=True)
class _Actors:
    ids: list[int]
    index: dict[int, int]
    attrs: dict[str, list[Any]]


def _load_actors(session: Session, scope: _Scope) -> _Actors:
    rows = session.execute(scope.actors()).all()
    places = org_places(
        session.execute(select(Actor.id, Actor.parent_id, Actor.kind, Actor.helix, Actor.name))
    )
    area_codes = dict(session.execute(select(Area.id, Area.code)).all())
    ids = [row.id for row in rows]
    attrs: dict[str, list[Any]] = {
        "actor_id": ids,
        "name": [row.name for row in rows],
        "external_id": [row.external_id for row in rows],
        "helix": [row.helix.value for row in rows],
        "kind": [row.kind.value for row in rows],
        "department": [places[row.id].department for row in rows],
        "unit": [places[row.id].unit for row in rows],
        "area": [area_codes.get(row.area_id) if row.area_id else None for row in rows],
    }
    return _Actors(ids, {actor_id: i for i, actor_id in enumerate(ids)}, attrs)


def _tie_arrays(
    session: Session, scope: _Scope, actors: _Actors, directed: bool
) -> tuple[list[int], list[int], list[float]]:
    source: list[int] = []
    target: list[int] = []
    weight: list[float] = []
    for a, b, is_directed, w in session.execute(scope.ties()):
        i, j = actors.index.get(a), actors.index.get(b)
        if i is None or j is None:
            continue
        source.append(i)
        target.append(j)
        weight.append(w)
        if directed and not is_directed:
            source.append(j)
            target.append(i)
            weight.append(w)
    return source, target, weight


def _comembership_arrays(
    session: Session, scope: _Scope, actors: _Actors
) -> tuple[list[int], list[int]]:
    coalition_index: dict[int, int] = {}
    actor_rows: list[int] = []
    coalition_rows: list[int] = []
    for actor_id, coalition_id in session.execute(scope.memberships()):
        i = actors.index.get(actor_id)
        if i is None:
            continue
        actor_rows.append(i)
        coalition_rows.append(coalition_index.setdefault(coalition_id, len(coalition_index)))
    return actor_rows, coalition_rows


def build_graph(
    session: Session,
    view: GraphView = GraphView.TIES,
    filters: GraphFilters | None = None,
    *,
    directed: bool = False,
    weighting: CoMembershipWeight = CoMembershipWeight.COUNT,
) -> Any:
    """The network of the registry as an igraph ``Graph``.

    ``directed`` applies to the tie view only: directed ties become one arc, undirected ties two.
    The co-membership and combined views are undirected. In the combined view an edge's weight is
    its tie weight plus its co-membership weight.
    """
    filters = filters or GraphFilters()
    scope = _scope(session, filters)
    actors = _load_actors(session, scope)
    n = len(actors.ids)
    is_directed = directed and view == GraphView.TIES
    source: list[int] = []
    target: list[int] = []
    weight: list[float] = []
    ties: list[int] = []
    shared: list[int] = []
    if view in (GraphView.TIES, GraphView.COMBINED):
        s, t, w = _tie_arrays(session, scope, actors, is_directed)
        merged = merge_edges(s, t, w, n, is_directed)
        source += merged.source.tolist()
        target += merged.target.tolist()
        weight += merged.weight.tolist()
        ties += merged.count.tolist()
        shared += [0] * merged.source.size
    if view in (GraphView.COMEMBERSHIP, GraphView.COMBINED):
        rows, cols = _comembership_arrays(session, scope, actors)
        projection = project_memberships(rows, cols, n)
        chosen = projection.newman if weighting == CoMembershipWeight.NEWMAN else projection.shared
        source += projection.source.tolist()
        target += projection.target.tolist()
        weight += chosen.astype(float).tolist()
        ties += [0] * projection.source.size
        shared += projection.shared.tolist()
    if view == GraphView.COMBINED and source:
        merged = merge_edges(source, target, weight, n, directed=False)
        ties = _sum_by_edge(source, target, ties, n, merged)
        shared = _sum_by_edge(source, target, shared, n, merged)
        source, target, weight = (
            merged.source.tolist(),
            merged.target.tolist(),
            merged.weight.tolist(),
        )
    graph = make_graph(
        n,
        np.asarray(source, dtype=np.int64),
        np.asarray(target, dtype=np.int64),
        is_directed,
        vertex_attrs=actors.attrs,
        edge_attrs={"weight": weight, "ties": ties, "shared": shared},
    )
    graph["view"] = view.value
    if not filters.include_isolates:
        graph.delete_vertices([v.index for v in graph.vs if graph.degree(v.index) == 0])
    return graph


def _sum_by_edge(
    source: list[int], target: list[int], values: list[int], n: int, merged: Any
) -> list[int]:
    src = np.minimum(source, target).astype(np.int64)
    dst = np.maximum(source, target).astype(np.int64)
    keys = merged.source * n + merged.target
    position = np.searchsorted(keys, src * n + dst)
    counts = np.bincount(position, weights=values, minlength=keys.size).astype(np.int64)
    return [int(x) for x in counts]


@dataclass(frozen=True)
class MemberRecord:
    """One member of a coalition, as the coalition metrics need it."""

    actor_id: int
    name: str
    helix: str
    role: str
    department: str | None
    in_city: bool


@dataclass(frozen=True)
class CoalitionRecord:
    """A coalition with its members and the district and theme it is grouped under.

    ``district`` is the district of its areas (neighbourhoods count for their district), ``theme``
    the top-level theme of its themes; both are ``"(several)"`` when the coalition spans more than
    one, and ``None`` when it has none.
    """

    id: int
    name: str
    kind: str
    status: str
    start_date: date | None
    end_date: date | None
    district: str | None
    theme: str | None
    members: tuple[MemberRecord, ...]


def _roots(
    ids: Iterable[int],
    parents: dict[int, int | None],
    stop: Callable[[int], bool] | None = None,
) -> set[int]:
    """The top of each id's chain of parents, or the first ancestor where ``stop`` holds."""
    found: set[int] = set()
    for start in ids:
        current = start
        seen = {current}
        while True:
            if stop is not None and stop(current):
                break
            parent = parents.get(current)
            if parent is None or parent in seen:
                break
            seen.add(parent)
            current = parent
        found.add(current)
    return found


def _single(codes: set[str]) -> str | None:
    if not codes:
        return None
    return next(iter(codes)) if len(codes) == 1 else SEVERAL


def load_coalitions(
    session: Session, filters: GraphFilters | None = None, ids: Iterable[int] | None = None
) -> list[CoalitionRecord]:
    """The coalitions in scope (or the given ones), with their active members."""
    filters = filters or GraphFilters()
    scope = _scope(session, filters)
    query = (
        select(Coalition)
        .options(selectinload(Coalition.areas), selectinload(Coalition.themes))
        .order_by(Coalition.id)
    )
    query = (
        query.where(Coalition.id.in_(list(ids)))
        if ids is not None
        else query.where(Coalition.id.in_(scope.coalitions()))
    )
    coalitions = list(session.scalars(query))
    places = org_places(
        session.execute(select(Actor.id, Actor.parent_id, Actor.kind, Actor.helix, Actor.name))
    )
    area_rows = session.execute(select(Area.id, Area.parent_id, Area.kind, Area.code)).all()
    area_parent = {row.id: row.parent_id for row in area_rows}
    area_kind = {row.id: row.kind for row in area_rows}
    area_code = {row.id: row.code for row in area_rows}
    theme_rows = session.execute(select(Theme.id, Theme.parent_id, Theme.code)).all()
    theme_parent = {row.id: row.parent_id for row in theme_rows}
    theme_code = {row.id: row.code for row in theme_rows}
    wanted = [c.id for c in coalitions]
    member_rows = session.execute(
        select(
            Membership.coalition_id,
            Membership.actor_id,
            Membership.role,
            Actor.name,
            Actor.helix,
        )
        .join(Actor, Actor.id == Membership.actor_id)
        .where(
            Membership.coalition_id.in_(wanted),
            _overlaps(Membership, filters),
            _overlaps(Actor, filters),
        )
        .order_by(Membership.coalition_id, Membership.actor_id, Membership.id)
    ).all()
    members: dict[int, dict[int, MemberRecord]] = defaultdict(dict)
    for row in member_rows:
        existing = members[row.coalition_id].get(row.actor_id)
        if existing is not None and existing.role == MemberRole.LEAD.value:
            continue
        place = places[row.actor_id]
        members[row.coalition_id][row.actor_id] = MemberRecord(
            row.actor_id, row.name, row.helix.value, row.role.value, place.department, place.in_city
        )
    records = []
    for coalition in coalitions:
        districts = {
            area_code[i]
            for i in _roots(
                (a.id for a in coalition.areas),
                area_parent,
                stop=lambda i: area_kind[i] == AreaKind.DISTRICT,
            )
            if area_kind[i] != AreaKind.CITY
        }
        themes = {theme_code[i] for i in _roots((t.id for t in coalition.themes), theme_parent)}
        records.append(
            CoalitionRecord(
                id=coalition.id,
                name=coalition.name,
                kind=coalition.kind.value,
                status=coalition.status.value,
                start_date=coalition.start_date,
                end_date=coalition.end_date,
                district=_single(districts),
                theme=_single(themes),
                members=tuple(members[coalition.id].values()),
            )
        )
    return records


def find_coalition(session: Session, ref: str) -> int:
    """A coalition's id from its id, external id or exact name."""
    conditions = [Coalition.external_id == ref, Coalition.name == ref]
    if ref.isdigit():
        conditions.append(Coalition.id == int(ref))
    found = session.scalars(select(Coalition.id).where(or_(*conditions))).first()
    if found is None:
        raise NotFound("coalition", ref)
    return found
