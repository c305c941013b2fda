"""A small coalition to survey, made straight in the registry."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from quadhelix.registry.database import transaction
from quadhelix.registry.model import Actor, Coalition, Membership
from quadhelix.registry.vocab import (
    ActorKind,
    CoalitionKind,
    CoalitionStatus,
    HelixSector,
    MemberRole,
)

OPENS = date(2026, 1, 1)
CLOSES = date(2026, 12, 31)
TODAY = date(2026, 6, 1)


def make_coalition(engine: Engine, members: int = 4, name: str = "Warme Buurt") -> int:
    """A coalition with ``members`` organisations called Partner 1, Partner 2, ..."""
    sectors = list(HelixSector)
    with transaction(engine) as session:
        coalition = Coalition(name=name, kind=CoalitionKind.PROJECT, status=CoalitionStatus.ACTIVE)
        session.add(coalition)
        for i in range(1, members + 1):
            actor = Actor(
                name=f"Partner {i}",
                helix=sectors[i % len(sectors)],
                kind=ActorKind.ORGANISATION,
            )
            session.add(
                Membership(
                    coalition=coalition,
                    actor=actor,
                    role=MemberRole.LEAD if i == 1 else MemberRole.PARTNER,
                )
            )
        session.flush()
        return coalition.id
