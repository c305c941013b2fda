"""The registry's Python API: the same rules the CLI shows, without the CLI."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError
from sqlalchemy import Engine, func, select

from quadhelix.registry.actors import create_actor, delete_actor, find_actor, update_actor
from quadhelix.registry.coalitions import add_member, create_coalition, delete_coalition
from quadhelix.registry.database import transaction
from quadhelix.registry.errors import Conflict, InvalidValue, NotFound, validation_messages
from quadhelix.registry.filters import actor_filter, coalition_filter
from quadhelix.registry.model import Actor, Area, Membership, Tie
from quadhelix.registry.queries import list_actors, list_coalitions
from quadhelix.registry.schemas import (
    ActorCreate,
    ActorUpdate,
    CoalitionCreate,
    MembershipCreate,
    TieCreate,
)
from quadhelix.registry.ties import add_tie
from quadhelix.registry.vocab import HelixSector


def actor(name: str, helix: str = "middenveld", **fields: object) -> ActorCreate:
    return ActorCreate.model_validate({"name": name, "helix": helix, **fields})


def test_validation_collects_every_problem_with_field_and_value() -> None:
    with pytest.raises(ValidationError) as raised:
        ActorCreate.model_validate(
            {
                "name": "  ",
                "helix": "media",
                "kbo": "0417.497.107",
                "start_date": "2022-13-01",
                "website": "ftp://files",
                "colour": "red",
            }
        )
    messages = validation_messages(raised.value)
    assert any(m.startswith("name: a name cannot be empty") for m in messages)
    assert any(m.startswith("helix: must be one of") and "'media'" in m for m in messages)
    assert any(m.startswith("kbo: check digits should be 06") for m in messages)
    assert any(m.startswith("start_date:") and "2022-13-01" in m for m in messages)
    assert any(m.startswith("website:") for m in messages)
    assert any(m.startswith("colour:") for m in messages)


def test_names_are_tidied_and_blank_options_are_none() -> None:
    data = actor("  Buurtwerk   Rabot ", kbo="", website=" ", postal_code="9000")
    assert data.name == "Buurtwerk Rabot"
    assert data.kbo is None and data.website is None
    assert data.postal_code == "9000"


def test_create_and_find_by_every_reference(engine: Engine) -> None:
    with transaction(engine) as session:
        saved = create_actor(session, actor("Vzw Één", external_id="x-1", kbo="0417497106"))
        assert saved.actor.name_key == "vzw een"
        assert [a.code for a in saved.new_areas] == []
        for ref in ("x-1", saved.actor.id, f"#{saved.actor.id}", "BE0417.497.106", "VZW EEN"):
            assert find_actor(session, ref) is saved.actor
        assert find_actor(session, "nobody") is None


def test_ambiguous_names_are_an_error(engine: Engine) -> None:
    with transaction(engine) as session:
        create_actor(session, actor("Chiro"))
        create_actor(session, actor("chiro"))
        with pytest.raises(Conflict, match="names several actors"):
            find_actor(session, "Chiro")


def test_update_keeps_what_is_not_given(engine: Engine) -> None:
    with transaction(engine) as session:
        saved = create_actor(session, actor("Buurtwerk", website="example.org", area="Rabot"))
        before = saved.actor.updated_at
        update_actor(session, saved.actor, ActorUpdate.model_validate({"helix": "burgers"}))
        assert saved.actor.helix is HelixSector.CITIZENS
        assert saved.actor.website == "https://example.org"
        assert saved.actor.area is not None and saved.actor.area.code == "rabot"
        assert saved.actor.updated_at >= before
        with pytest.raises(InvalidValue, match="cannot be cleared"):
            update_actor(session, saved.actor, ActorUpdate.model_validate({"name": None}))


def test_delete_cascade_moves_sub_units_up(engine: Engine) -> None:
    with transaction(engine) as session:
        top = create_actor(session, actor("Stad", "overheid")).actor
        department = create_actor(session, actor("Welzijn", "overheid", parent="Stad")).actor
        team = create_actor(session, actor("Buurtwerk", "overheid", parent="Welzijn")).actor
        other = create_actor(session, actor("Vzw")).actor
        add_tie(session, TieCreate(source_actor="Welzijn", target_actor="Vzw"))
        with pytest.raises(Conflict, match="1 ties and 1 sub-units"):
            delete_actor(session, department)
        usage = delete_actor(session, department, cascade=True)
        assert (usage.ties, usage.children) == (1, 1)
        session.expire_all()
        assert session.get(Actor, team.id).parent_id == top.id  # type: ignore[union-attr]
        assert session.scalar(select(func.count()).select_from(Tie)) == 0
        assert session.get(Actor, other.id) is not None


def test_memberships_and_coalition_delete(engine: Engine) -> None:
    with transaction(engine) as session:
        vzw = create_actor(session, actor("Vzw")).actor
        programme = create_coalition(
            session, CoalitionCreate.model_validate({"name": "Programma", "kind": "programme"})
        ).coalition
        project = create_coalition(
            session, CoalitionCreate.model_validate({"name": "Project", "parent": "Programma"})
        ).coalition
        add_member(session, programme, vzw, MembershipCreate(role="lead"))  # type: ignore[arg-type]
        with pytest.raises(Conflict, match="already lead"):
            add_member(session, programme, vzw, MembershipCreate(role="lead"))  # type: ignore[arg-type]
        assert delete_coalition(session, programme, cascade=True) == 1
        session.expire_all()
        assert project.parent_id is None
        assert session.scalar(select(func.count()).select_from(Membership)) == 0


def test_a_failed_transaction_writes_nothing(engine: Engine) -> None:
    with pytest.raises(NotFound), transaction(engine) as session:
        create_actor(session, actor("Vzw", area="Muide"))
        create_actor(session, actor("Team", "overheid", parent="Unknown department"))
    with transaction(engine) as session:
        assert session.scalar(select(func.count()).select_from(Actor)) == 0
        assert session.scalar(select(func.count()).select_from(Area)) == 0


def test_database_constraints_back_up_the_services(engine: Engine) -> None:
    """Even code that bypasses the services cannot store a tie to itself or a bad period."""
    from sqlalchemy.exc import IntegrityError

    with transaction(engine) as session:
        vzw = create_actor(session, actor("Vzw")).actor
        vzw_id = vzw.id
    for bad in (
        Tie(source_actor_id=vzw_id, target_actor_id=vzw_id, type="collaboration", source="manual"),
        Actor(
            name="X",
            helix="business",
            kind="organisation",
            start_date=date(2022, 1, 2),
            end_date=date(2022, 1, 1),
        ),
    ):
        with pytest.raises(IntegrityError), transaction(engine) as session:
            session.add(bad)


def test_filters_and_pages(engine: Engine) -> None:
    with transaction(engine) as session:
        for n in range(7):
            create_actor(
                session,
                actor(f"Vzw {n}", area="Rabot" if n % 2 else "Muide", start_date=f"202{n}-01-01"),
            )
        create_coalition(
            session,
            CoalitionCreate.model_validate(
                {"name": "Klimaatwijk", "themes": ["heat"], "areas": ["Muide"]}
            ),
        )
    with transaction(engine) as session:
        page = list_actors(session, actor_filter(session, area=["rabot"]), limit=2, offset=1)
        assert page.total == 3
        assert [a.name for a in page.items] == ["Vzw 3", "Vzw 5"]
        active = list_actors(session, actor_filter(session, active_on="2022-06-01"), limit=None)
        assert [a.name for a in active.items] == ["Vzw 0", "Vzw 1", "Vzw 2"]
        climate = list_coalitions(session, coalition_filter(session, theme=["klimaat"]))
        assert [c.name for c in climate.items] == ["Klimaatwijk"]
        with pytest.raises(InvalidValue, match="unknown theme"):
            coalition_filter(session, theme=["astrology"])
