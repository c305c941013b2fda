"""Counts that describe a registry at a glance; the shape is a documented contract."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from quadhelix.registry.model import Actor, Coalition, Membership, Tie
from quadhelix.registry.vocab import ActorKind, CoalitionKind, HelixSector, TieType


def _count_by(
    session: Session, column: InstrumentedAttribute[Any], values: type[StrEnum]
) -> dict[str, int]:
    """Counts per value, listing every value of the vocabulary (zero where absent)."""
    rows = session.execute(select(column, func.count()).group_by(column))
    found: dict[Any, int] = dict(rows.all())
    return {member.value: int(found.get(member, 0)) for member in values}


def registry_stats(session: Session) -> dict[str, Any]:
    """``{"actors": {"total", "by_helix", "by_kind"}, "coalitions": {"total", "by_kind"},
    "memberships": N, "ties": {"total", "by_type"}}`` — keys may be added, never renamed."""
    by_helix = _count_by(session, Actor.helix, HelixSector)
    coalitions_by_kind = _count_by(session, Coalition.kind, CoalitionKind)
    ties_by_type = _count_by(session, Tie.type, TieType)
    return {
        "actors": {
            "total": sum(by_helix.values()),
            "by_helix": by_helix,
            "by_kind": _count_by(session, Actor.kind, ActorKind),
        },
        "coalitions": {"total": sum(coalitions_by_kind.values()), "by_kind": coalitions_by_kind},
        "memberships": session.scalar(select(func.count()).select_from(Membership)) or 0,
        "ties": {"total": sum(ties_by_type.values()), "by_type": ties_by_type},
    }
