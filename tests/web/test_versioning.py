"""Optimistic locking holds even when two requests read the same version at the same moment."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from quadhelix.registry.actors import create_actor
from quadhelix.registry.database import session_factory, transaction
from quadhelix.registry.model import Actor
from quadhelix.registry.schemas import ActorCreate
from quadhelix.web.versioning import EditConflict, PreconditionRequired, check_version, etag


def _actor(engine: Engine) -> int:
    with transaction(engine) as session:
        return create_actor(session, ActorCreate(name="Buurtwerk", helix="middenveld")).actor.id


def test_the_version_check_is_a_compare_and_set_in_the_database(engine: Engine) -> None:
    actor_id = _actor(engine)
    first = session_factory(engine)()
    try:
        seen = first.get(Actor, actor_id)
        assert seen is not None
        version = etag(seen)
        first.commit()  # the first request has read the record and holds no lock
        with transaction(engine) as second:
            other = second.get(Actor, actor_id)
            assert other is not None
            check_version(second, other, version)
            other.description = "the second request was quicker"
        with pytest.raises(EditConflict) as raised:
            check_version(first, seen, version)  # its copy still looks current
        assert raised.value.current != version
        assert seen.description == "the second request was quicker"
    finally:
        first.close()


def test_each_claim_makes_a_new_version(engine: Engine) -> None:
    actor_id = _actor(engine)
    with transaction(engine) as session:
        actor = session.get(Actor, actor_id)
        assert actor is not None
        before = etag(actor)
        with pytest.raises(PreconditionRequired):
            check_version(session, actor, None)
        with pytest.raises(EditConflict):
            check_version(session, actor, '"1-0"')
        check_version(session, actor, f'"nope", {before}')
        assert etag(actor) != before
        check_version(session, actor, "*")
