"""Turn what a person typed (sector words, theme and area names, dates) into query filters.

CLI options, API query parameters and page forms all pass through here, so that ``--theme klimaat``
and ``?theme=climate`` select the same records.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy.orm import Session

from quadhelix.registry.actors import get_actor
from quadhelix.registry.errors import InvalidValue
from quadhelix.registry.identifiers import parse_date
from quadhelix.registry.queries import (
    ActorFilter,
    CoalitionFilter,
    TieFilter,
    area_ids_with_descendants,
    theme_ids_with_descendants,
)
from quadhelix.registry.vocab import (
    ActorKind,
    CoalitionKind,
    CoalitionStatus,
    HelixSector,
    TieSource,
    TieType,
    parse_choice,
)
from quadhelix.registry.vocabulary import find_area, resolve_themes


def _day(value: str | None, field: str) -> date | None:
    return None if value is None else parse_date(value, field)


def _theme_ids(session: Session, refs: Sequence[str]) -> list[int]:
    if not refs:
        return []
    found = resolve_themes(session, list(refs), "theme")  # the filter's name, not the field's
    return theme_ids_with_descendants(session, [t.id for t in found])


def _area_ids(session: Session, refs: Sequence[str]) -> list[int]:
    ids = []
    for ref in refs:
        area = find_area(session, ref)
        if area is None:
            raise InvalidValue("area", ref, "unknown area; see `quadhelix areas list`")
        ids.append(area.id)
    return area_ids_with_descendants(session, ids) if ids else []


def actor_filter(
    session: Session,
    *,
    search: str | None = None,
    helix: Sequence[str] = (),
    kind: Sequence[str] = (),
    area: Sequence[str] = (),
    theme: Sequence[str] = (),
    parent: str | None = None,
    active_on: str | None = None,
) -> ActorFilter:
    return ActorFilter(
        search=search,
        helix=[parse_choice(HelixSector, h, "helix") for h in helix],
        kind=[parse_choice(ActorKind, k, "kind") for k in kind],
        area_ids=_area_ids(session, area),
        theme_ids=_theme_ids(session, theme),
        parent_id=None if parent is None else get_actor(session, parent, "parent").id,
        active_on=_day(active_on, "active_on"),
    )


def coalition_filter(
    session: Session,
    *,
    search: str | None = None,
    kind: Sequence[str] = (),
    status: Sequence[str] = (),
    area: Sequence[str] = (),
    theme: Sequence[str] = (),
    member: str | None = None,
    active_on: str | None = None,
) -> CoalitionFilter:
    return CoalitionFilter(
        search=search,
        kind=[parse_choice(CoalitionKind, k, "kind") for k in kind],
        status=[parse_choice(CoalitionStatus, s, "status") for s in status],
        area_ids=_area_ids(session, area),
        theme_ids=_theme_ids(session, theme),
        member_id=None if member is None else get_actor(session, member, "member").id,
        active_on=_day(active_on, "active_on"),
    )


def tie_filter(
    session: Session,
    *,
    actor: str | None = None,
    type: Sequence[str] = (),
    source: Sequence[str] = (),
    active_on: str | None = None,
) -> TieFilter:
    return TieFilter(
        actor_id=None if actor is None else get_actor(session, actor, "actor").id,
        type=[parse_choice(TieType, t, "type") for t in type],
        source=[parse_choice(TieSource, s, "source") for s in source],
        active_on=_day(active_on, "active_on"),
    )
