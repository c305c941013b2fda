"""Merging two records of the same actor into one, keeping every membership and tie."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from quadhelix.registry.errors import InvalidValue
from quadhelix.registry.identifiers import format_kbo
from quadhelix.registry.model import Actor, ActorAlias, Membership, Tie

# Fields the kept actor takes from the other one when it has none of its own.
FILLABLE = (
    "external_id",
    "kbo",
    "association_code",
    "website",
    "street",
    "postal_code",
    "municipality",
    "area_id",
    "description",
    "start_date",
    "end_date",
)
UNIQUE = ("external_id", "kbo", "association_code")


@dataclass
class MergeResult:
    kept: int
    removed: int
    removed_name: str
    memberships_moved: int = 0
    memberships_dropped: int = 0
    ties_moved: int = 0
    ties_dropped: int = 0
    children_moved: int = 0
    filled: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)


def merge_actors(session: Session, keep: Actor, drop: Actor) -> MergeResult:
    """Move everything of ``drop`` onto ``keep`` and delete ``drop``.

    A membership or tie that ``keep`` already has (same coalition, role and start; same other
    actor, type and start) is dropped rather than doubled; a tie between the two becomes a loop
    and is dropped. Empty fields of ``keep`` are filled from ``drop``. ``drop``'s external id
    and KBO number, when ``keep`` has others, become aliases of ``keep`` (as do ``drop``'s own
    aliases), so imports that still use them update ``keep``; its name and other values are gone.
    """
    if keep.id == drop.id:
        raise InvalidValue("actor", drop.id, "cannot merge an actor into itself")
    result = MergeResult(keep.id, drop.id, drop.name)
    held = {
        (m.coalition_id, m.role, m.start_date)
        for m in session.scalars(select(Membership).where(Membership.actor_id == keep.id))
    }
    for membership in session.scalars(select(Membership).where(Membership.actor_id == drop.id)):
        key = (membership.coalition_id, membership.role, membership.start_date)
        if key in held:
            session.delete(membership)
            result.memberships_dropped += 1
        else:
            membership.actor_id = keep.id
            held.add(key)
            result.memberships_moved += 1
    ties = list(
        session.scalars(
            select(Tie).where(or_(Tie.source_actor_id == drop.id, Tie.target_actor_id == drop.id))
        )
    )
    known = {
        (t.source_actor_id, t.target_actor_id, t.type, t.start_date)
        for t in session.scalars(
            select(Tie).where(or_(Tie.source_actor_id == keep.id, Tie.target_actor_id == keep.id))
        )
    }
    for tie in ties:
        source = keep.id if tie.source_actor_id == drop.id else tie.source_actor_id
        target = keep.id if tie.target_actor_id == drop.id else tie.target_actor_id
        tie_key = (source, target, tie.type, tie.start_date)
        if source == target or tie_key in known:
            session.delete(tie)
            result.ties_dropped += 1
        else:
            tie.source_actor_id, tie.target_actor_id = source, target
            known.add(tie_key)
            result.ties_moved += 1
    if keep.parent_id == drop.id:
        keep.parent_id = drop.parent_id
    session.flush()
    children = list(session.scalars(select(Actor).where(Actor.parent_id == drop.id)))
    for child in children:
        child.parent_id = keep.id
    result.children_moved = len(children)
    keep.themes = sorted({*keep.themes, *drop.themes}, key=lambda t: t.code)
    taken = {c: getattr(drop, c) for c in FILLABLE if getattr(keep, c) is None}
    alias = ActorAlias(
        external_id=None if "external_id" in taken else drop.external_id,
        kbo=None if "kbo" in taken or drop.kbo == keep.kbo else drop.kbo,
    )
    for old in list(drop.aliases):
        old.actor = keep
    for column in UNIQUE:
        setattr(drop, column, None)
    session.flush()
    for column, value in taken.items():
        if value is not None:
            setattr(keep, column, value)
            result.filled.append(column)
    if alias.external_id is not None or alias.kbo is not None:
        keep.aliases.append(alias)
    result.aliases = [
        text
        for a in keep.aliases
        for text in (a.external_id, a.kbo and f"KBO {format_kbo(a.kbo)}")
        if text
    ]
    session.delete(drop)
    session.flush()
    return result
