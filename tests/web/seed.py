"""Small registries for web tests, built through the registry's own services."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from quadhelix.accounts.model import Role, User
from quadhelix.accounts.tokens import create_api_token
from quadhelix.registry.actors import create_actor
from quadhelix.registry.coalitions import add_member, create_coalition
from quadhelix.registry.database import transaction
from quadhelix.registry.schemas import ActorCreate, CoalitionCreate, MembershipCreate, TieCreate
from quadhelix.registry.ties import add_tie


@dataclass(frozen=True)
class Seed:
    actor: int
    partner: int
    coalition: int
    membership: int
    tie: int


def seed(engine: Engine, suffix: str = "") -> Seed:
    """Two actors in one coalition with a tie between them."""
    with transaction(engine) as session:
        actor = create_actor(
            session, ActorCreate(name=f"Buurtwerk Rabot {suffix}", helix="civil_society")
        ).actor
        partner = create_actor(
            session,
            ActorCreate(name=f"Universiteit Gent {suffix}", helix="knowledge", themes=["climate"]),
        ).actor
        coalition = create_coalition(
            session, CoalitionCreate(name=f"Klimaatwijk {suffix}", kind="project")
        ).coalition
        membership = add_member(session, coalition, actor, MembershipCreate(role="lead"))
        tie = add_tie(
            session, TieCreate(source_actor=f"#{actor.id}", target_actor=f"#{partner.id}")
        )
        return Seed(actor.id, partner.id, coalition.id, membership.id, tie.id)


def spare_user(engine: Engine, username: str, password_hash: str) -> int:
    with transaction(engine) as session:
        user = User(username=username, password_hash=password_hash, role=Role.VIEWER)
        session.add(user)
        session.flush()
        return user.id


def spare_token(engine: Engine, username: str) -> int:
    from quadhelix.accounts.service import get_user

    with transaction(engine) as session:
        return create_api_token(session, get_user(session, username), "spare").record.id
