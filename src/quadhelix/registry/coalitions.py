"""Coalitions and their members: who works together on what, in which role, when."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from quadhelix.registry.errors import Conflict, InvalidValue, NotFound
from quadhelix.registry.model import Actor, Area, Coalition, CoalitionLink, Membership
from quadhelix.registry.names import fold
from quadhelix.registry.schemas import (
    CoalitionCreate,
    CoalitionPublic,
    CoalitionUpdate,
    LinkIn,
    LinkPublic,
    MembershipCreate,
    MembershipPublic,
)
from quadhelix.registry.vocab import MemberRole
from quadhelix.registry.vocabulary import resolve_areas, resolve_themes


def find_coalition(session: Session, ref: str | int) -> Coalition | None:
    """By external id, database id (``12`` or ``#12``) or exact name (case and accents ignored)."""
    text = str(ref).strip()
    coalition = session.scalar(select(Coalition).where(Coalition.external_id == text))
    if coalition is not None:
        return coalition
    digits = text.removeprefix("#")
    if digits.isdigit() and len(digits) < 10:  # an id fits an INTEGER column
        coalition = session.get(Coalition, int(digits))
        if coalition is not None:
            return coalition
    named = list(
        session.scalars(select(Coalition).where(Coalition.name_key == fold(text)).limit(6))
    )
    if len(named) > 1:
        listed = ", ".join(f"#{c.id}" for c in named[:5])
        raise Conflict(
            template="coalition: %(text)r names several coalitions (%(listed)s); use an id",
            text=text,
            listed=listed,
        )
    return named[0] if named else None


def get_coalition(session: Session, ref: str | int, field: str = "coalition") -> Coalition:
    """The coalition a field names; a name several share is a wrong value of that field."""
    try:
        coalition = find_coalition(session, ref)
    except Conflict as clash:
        raise InvalidValue(
            field,
            str(ref),
            "names several coalitions (%(listed)s); use an id",
            listed=clash.params["listed"],
        ) from None
    if coalition is None:
        raise NotFound(field, ref)
    return coalition


def _check_external_id(session: Session, coalition: Coalition | None, value: str | None) -> None:
    if value is None:
        return
    other = session.scalar(select(Coalition).where(Coalition.external_id == value))
    if other is not None and other is not coalition:
        raise Conflict(
            template="external_id: %(value)r is already used by coalition #%(id)s %(name)r",
            value=value,
            id=other.id,
            name=other.name,
        )


def _links(links: list[LinkIn]) -> list[CoalitionLink]:
    return [CoalitionLink(title=link.title, url=link.url) for link in links]


def _set_parent(session: Session, coalition: Coalition, ref: str | None) -> None:
    if ref is None:
        coalition.parent = None
        return
    parent = get_coalition(session, ref, "parent")
    current: Coalition | None = parent
    seen: set[int] = set()
    while current is not None:
        if current is coalition or current.id in seen:  # the second: a loop already stored
            raise InvalidValue("parent", ref, "would make a programme contain itself")
        seen.add(current.id)
        current = current.parent
    coalition.parent = parent


@dataclass
class SavedCoalition:
    coalition: Coalition
    new_areas: list[Area]


def create_coalition(session: Session, data: CoalitionCreate) -> SavedCoalition:
    _check_external_id(session, None, data.external_id)
    coalition = Coalition(
        **data.model_dump(
            include={
                "name",
                "kind",
                "status",
                "external_id",
                "description",
                "goals",
                "start_date",
                "end_date",
            }
        )
    )
    _set_parent(session, coalition, data.parent)
    coalition.themes = resolve_themes(session, data.themes)
    coalition.areas, new_areas = resolve_areas(session, data.areas)
    coalition.links = _links(data.links)
    session.add(coalition)
    session.flush()
    return SavedCoalition(coalition, new_areas)


def update_coalition(
    session: Session, coalition: Coalition, data: CoalitionUpdate
) -> SavedCoalition:
    changes = data.model_dump(exclude_unset=True)
    if "external_id" in changes:
        _check_external_id(session, coalition, changes["external_id"])
    new_areas: list[Area] = []
    for key, value in changes.items():
        if key == "parent":
            _set_parent(session, coalition, value)
        elif key == "themes":
            coalition.themes = resolve_themes(session, value or [])
        elif key == "areas":
            coalition.areas, new_areas = resolve_areas(session, value or [])
        elif key == "links":
            coalition.links = _links(data.links or [])
        elif key in ("name", "kind", "status") and value is None:
            raise InvalidValue(key, value, "cannot be cleared")
        else:
            setattr(coalition, key, value)
    if coalition.start_date and coalition.end_date and coalition.end_date < coalition.start_date:
        raise InvalidValue(
            "end_date", coalition.end_date.isoformat(), "ends before the coalition starts"
        )
    session.flush()
    return SavedCoalition(coalition, new_areas)


def delete_coalition(session: Session, coalition: Coalition, cascade: bool = False) -> int:
    """Remove a coalition; one with members is kept unless ``cascade`` removes them too.

    Sub-projects of a programme move up to the programme's own parent. Returns members removed.
    """
    members = (
        session.scalar(select(func.count()).where(Membership.coalition_id == coalition.id)) or 0
    )
    if members and not cascade:
        raise Conflict(
            template="coalition #%(id)s %(name)r has %(members)s memberships; "
            "use --cascade to delete them too",
            id=coalition.id,
            name=coalition.name,
            members=members,
        )
    session.execute(
        update(Coalition)
        .where(Coalition.parent_id == coalition.id)
        .values(parent_id=coalition.parent_id)
    )
    session.execute(delete(Membership).where(Membership.coalition_id == coalition.id))
    session.delete(coalition)
    session.flush()
    return members


def add_member(
    session: Session, coalition: Coalition, actor: Actor, data: MembershipCreate
) -> Membership:
    """Record an actor's part in a coalition; the same role from the same date is refused twice."""
    same = session.scalar(
        select(Membership).where(
            Membership.coalition_id == coalition.id,
            Membership.actor_id == actor.id,
            Membership.role == data.role,
            Membership.start_date.is_(None)
            if data.start_date is None
            else Membership.start_date == data.start_date,
        )
    )
    if same is not None:
        raise Conflict(
            template="member: %(actor)r is already %(role)s of %(coalition)r (membership #%(id)s)",
            actor=actor.name,
            role=data.role,
            coalition=coalition.name,
            id=same.id,
        )
    membership = Membership(coalition=coalition, actor=actor, **data.model_dump())
    session.add(membership)
    session.flush()
    return membership


def remove_member(
    session: Session, coalition: Coalition, actor: Actor, role: MemberRole | None = None
) -> int:
    """Remove an actor's memberships of a coalition (of one role, or all); returns how many."""
    query = select(Membership).where(
        Membership.coalition_id == coalition.id, Membership.actor_id == actor.id
    )
    if role is not None:
        query = query.where(Membership.role == role)
    memberships = list(session.scalars(query))
    if not memberships:
        what = f"{actor.name!r} as {role.value}" if role else repr(actor.name)
        raise NotFound("member", f"{what} in {coalition.name!r}")
    for membership in memberships:
        session.delete(membership)
    session.flush()
    return len(memberships)


def members_of(session: Session, coalition: Coalition) -> list[Membership]:
    return list(
        session.scalars(
            select(Membership)
            .join(Actor)
            .where(Membership.coalition_id == coalition.id)
            .order_by(Membership.role, Actor.name_key, Membership.id)
        )
    )


def coalition_public(coalition: Coalition) -> CoalitionPublic:
    return CoalitionPublic(
        id=coalition.id,
        external_id=coalition.external_id,
        name=coalition.name,
        kind=coalition.kind,
        status=coalition.status,
        description=coalition.description,
        goals=coalition.goals,
        themes=sorted(theme.code for theme in coalition.themes),
        areas=sorted(area.code for area in coalition.areas),
        start_date=coalition.start_date,
        end_date=coalition.end_date,
        parent_id=coalition.parent_id,
        links=[LinkPublic(title=link.title, url=link.url) for link in coalition.links],
        created_at=coalition.created_at,
        updated_at=coalition.updated_at,
    )


def membership_public(membership: Membership) -> MembershipPublic:
    return MembershipPublic.model_validate(membership)
