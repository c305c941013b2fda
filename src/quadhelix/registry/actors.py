"""Actors: finding, adding, changing and removing the organisations, departments and people."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from quadhelix.registry.errors import Conflict, InvalidValue, NotFound
from quadhelix.registry.identifiers import normalise_kbo
from quadhelix.registry.model import Actor, ActorAlias, Area, Membership, Tie
from quadhelix.registry.names import fold
from quadhelix.registry.schemas import ActorAliasPublic, ActorCreate, ActorPublic, ActorUpdate
from quadhelix.registry.vocabulary import resolve_areas, resolve_themes


def find_actor(session: Session, ref: str | int) -> Actor | None:
    """Look an actor up the way people refer to it.

    In order: external id, database id (``12`` or ``#12``), KBO number, then exact name (case and
    accents ignored). External ids and KBO numbers of actors merged into another one find the
    actor they were merged into. A name shared by several actors is an error that lists them.
    """
    text = str(ref).strip()
    actor = session.scalar(select(Actor).where(Actor.external_id == text))
    if actor is None:
        actor = session.scalar(
            select(Actor)
            .join(ActorAlias, ActorAlias.actor_id == Actor.id)
            .where(ActorAlias.external_id == text)
        )
    if actor is not None:
        return actor
    digits = text.removeprefix("#")
    if digits.isdigit() and len(digits) < 10:
        actor = session.get(Actor, int(digits))
        if actor is not None:
            return actor
    try:
        number = normalise_kbo(text)
    except InvalidValue:
        number = None
    if number is not None:
        actor = session.scalar(select(Actor).where(Actor.kbo == number)) or session.scalar(
            select(Actor)
            .join(ActorAlias, ActorAlias.actor_id == Actor.id)
            .where(ActorAlias.kbo == number)
        )
    if actor is not None:
        return actor
    named = list(session.scalars(select(Actor).where(Actor.name_key == fold(text)).limit(6)))
    if len(named) > 1:
        listed = ", ".join(f"#{a.id}" for a in named[:5])
        raise Conflict(
            template="actor: %(text)r names several actors (%(listed)s); use an id",
            text=text,
            listed=listed,
        )
    return named[0] if named else None


def get_actor(session: Session, ref: str | int, field: str = "actor") -> Actor:
    """The actor a field names; a name several actors share is a wrong value of that field."""
    try:
        actor = find_actor(session, ref)
    except Conflict as clash:
        raise InvalidValue(
            field,
            str(ref),
            "names several actors (%(listed)s); use an id",
            listed=clash.params["listed"],
        ) from None
    if actor is None:
        raise NotFound(field, ref)
    return actor


def namesakes(session: Session, name: str, other_than: int | None = None) -> list[Actor]:
    """Actors already called ``name`` (case and accents ignored): a second one makes every
    reference by name ambiguous, so forms ask before they add it."""
    query = select(Actor).where(Actor.name_key == fold(name)).order_by(Actor.id).limit(5)
    if other_than is not None:
        query = query.where(Actor.id != other_than)
    return list(session.scalars(query))


def _check_unique(session: Session, actor: Actor | None, column: str, value: str | None) -> None:
    if value is None:
        return
    other = session.scalar(select(Actor).where(getattr(Actor, column) == value))
    if other is not None and other is not actor:
        raise Conflict(
            template="%(column)s: %(value)r is already used by actor #%(id)s %(name)r",
            column=column,
            value=value,
            id=other.id,
            name=other.name,
        )
    if column in ("external_id", "kbo"):
        alias = session.scalar(select(ActorAlias).where(getattr(ActorAlias, column) == value))
        if alias is not None and alias.actor is not actor:
            raise Conflict(
                template="%(column)s: %(value)r belonged to an actor merged into #%(id)s %(name)r",
                column=column,
                value=value,
                id=alias.actor.id,
                name=alias.actor.name,
            )


def _check_parent(actor: Actor | None, parent: Actor) -> None:
    """A parent must not be the actor itself or one of its own descendants."""
    current: Actor | None = parent
    seen: set[int] = set()
    while current is not None:
        if (actor is not None and current.id == actor.id) or current.id in seen:
            # the second: a loop already stored (by an older version), which must not hang us
            raise InvalidValue("parent", parent.name, "would make the org tree a loop")
        seen.add(current.id)
        current = current.parent


@dataclass
class Saved:
    """A saved record plus anything the save created on the way (new areas), to tell the user."""

    actor: Actor
    new_areas: list[Area]


def create_actor(session: Session, data: ActorCreate) -> Saved:
    for column in ("external_id", "kbo", "association_code"):
        _check_unique(session, None, column, getattr(data, column))
    actor = Actor(
        **data.model_dump(
            include={
                "name",
                "helix",
                "kind",
                "external_id",
                "kbo",
                "association_code",
                "website",
                "street",
                "postal_code",
                "municipality",
                "description",
                "start_date",
                "end_date",
            }
        )
    )
    if data.parent is not None:
        actor.parent = get_actor(session, data.parent, "parent")
    new_areas: list[Area] = []
    if data.area is not None:
        areas, new_areas = resolve_areas(session, [data.area], "area")
        actor.area = areas[0]
    actor.themes = resolve_themes(session, data.themes)
    session.add(actor)
    session.flush()
    return Saved(actor, new_areas)


def update_actor(session: Session, actor: Actor, data: ActorUpdate) -> Saved:
    """Change the fields that were given; others stay as they are."""
    changes = data.model_dump(exclude_unset=True)
    for column in ("external_id", "kbo", "association_code"):
        if column in changes:
            _check_unique(session, actor, column, changes[column])
    new_areas: list[Area] = []
    for key, value in changes.items():
        if key == "parent":
            parent = None if value is None else get_actor(session, value, "parent")
            if parent is not None:
                _check_parent(actor, parent)
            actor.parent = parent
        elif key == "area":
            if value is None:
                actor.area = None
            else:
                areas, new_areas = resolve_areas(session, [value], "area")
                actor.area = areas[0]
        elif key == "themes":
            actor.themes = resolve_themes(session, value or [])
        elif key in ("name", "helix", "kind") and value is None:
            raise InvalidValue(key, value, "cannot be cleared")
        else:
            setattr(actor, key, value)
    if actor.start_date and actor.end_date and actor.end_date < actor.start_date:
        raise InvalidValue("end_date", actor.end_date.isoformat(), "ends before the actor starts")
    session.flush()
    return Saved(actor, new_areas)


@dataclass(frozen=True)
class Usage:
    memberships: int
    ties: int
    children: int

    @property
    def in_use(self) -> bool:
        return bool(self.memberships or self.ties or self.children)


def actor_usage(session: Session, actor: Actor) -> Usage:
    return Usage(
        memberships=session.scalar(select(func.count()).where(Membership.actor_id == actor.id))
        or 0,
        ties=session.scalar(
            select(func.count()).where(
                or_(Tie.source_actor_id == actor.id, Tie.target_actor_id == actor.id)
            )
        )
        or 0,
        children=session.scalar(select(func.count()).where(Actor.parent_id == actor.id)) or 0,
    )


def delete_actor(session: Session, actor: Actor, cascade: bool = False) -> Usage:
    """Remove an actor. Without ``cascade`` an actor still in use is kept and the use is named.

    With ``cascade`` its memberships and ties go too and its sub-units move up to its parent.
    """
    usage = actor_usage(session, actor)
    if usage.in_use and not cascade:
        raise Conflict(
            template="actor #%(id)s %(name)r has %(memberships)s memberships, %(ties)s ties and "
            "%(children)s sub-units; use --cascade to delete them too",
            id=actor.id,
            name=actor.name,
            memberships=usage.memberships,
            ties=usage.ties,
            children=usage.children,
        )
    session.execute(
        update(Actor).where(Actor.parent_id == actor.id).values(parent_id=actor.parent_id)
    )
    session.delete(actor)
    session.flush()
    return usage


def actor_public(actor: Actor) -> ActorPublic:
    return ActorPublic(
        id=actor.id,
        external_id=actor.external_id,
        name=actor.name,
        helix=actor.helix,
        kind=actor.kind,
        parent_id=actor.parent_id,
        kbo=actor.kbo,
        association_code=actor.association_code,
        website=actor.website,
        street=actor.street,
        postal_code=actor.postal_code,
        municipality=actor.municipality,
        area=actor.area.code if actor.area else None,
        themes=sorted(theme.code for theme in actor.themes),
        description=actor.description,
        start_date=actor.start_date,
        end_date=actor.end_date,
        provenance=actor.provenance,
        aliases=[ActorAliasPublic(external_id=a.external_id, kbo=a.kbo) for a in actor.aliases],
        created_at=actor.created_at,
        updated_at=actor.updated_at,
    )
