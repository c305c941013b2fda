"""Ties: typed, weighted, dated relations between two actors, with where each one came from."""

from __future__ import annotations

from sqlalchemy.orm import Session

from quadhelix.registry.actors import get_actor
from quadhelix.registry.errors import InvalidValue, NotFound
from quadhelix.registry.model import Tie
from quadhelix.registry.schemas import TieCreate, TiePublic


def add_tie(session: Session, data: TieCreate) -> Tie:
    source = get_actor(session, data.source_actor, "source_actor")
    target = get_actor(session, data.target_actor, "target_actor")
    if source.id == target.id:
        raise InvalidValue("target_actor", data.target_actor, "a tie needs two different actors")
    tie = Tie(
        source_actor=source,
        target_actor=target,
        **data.model_dump(exclude={"source_actor", "target_actor"}),
    )
    session.add(tie)
    session.flush()
    return tie


def get_tie(session: Session, tie_id: int) -> Tie:
    tie = session.get(Tie, tie_id)
    if tie is None:
        raise NotFound("tie", tie_id)
    return tie


def remove_tie(session: Session, tie_id: int) -> Tie:
    tie = get_tie(session, tie_id)
    session.delete(tie)
    session.flush()
    return tie


def tie_public(tie: Tie) -> TiePublic:
    return TiePublic.model_validate(tie)
