"""A small registry for the coalition builder: a lead, its partners, and one actor the lead
can only reach through a partner (so that there is an introduction path)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from quadhelix.registry.actors import create_actor
from quadhelix.registry.coalitions import add_member, create_coalition
from quadhelix.registry.database import transaction
from quadhelix.registry.model import Actor
from quadhelix.registry.schemas import ActorCreate, CoalitionCreate, MembershipCreate, TieCreate
from quadhelix.registry.ties import add_tie

ACTORS = [
    ("lead", "Dienst Groen", "government", "Groenbeheer, parken en bomen in de stad."),
    ("broker", "Buurtwerk Rabot", "civil_society", "Buurtwerk rond hittestress en speelpleinen."),
    ("scholar", "Klimaatlab Universiteit", "knowledge", "Onderzoek naar hittestress en koeling."),
    ("firm", "Groendak BV", "business", "Groendaken en ontharding tegen hittestress."),
    ("residents", "Bewoners Schoolstraat", "citizens", "Speelplaatsen vergroenen tegen hitte."),
    ("team", "Team Klimaatadaptatie", "government", "Klimaatadaptatie en hittestress in wijken."),
    ("other", "Fanfare De Eendracht", "civil_society", "Muziek en optredens op feesten."),
]


@dataclass(frozen=True)
class BuilderSeed:
    ids: dict[str, int]
    names: dict[str, str]


def builder_seed(engine: Engine) -> BuilderSeed:
    with transaction(engine) as session:
        ids = {}
        for key, name, helix, description in ACTORS:
            actor = create_actor(
                session, ActorCreate(name=name, helix=helix, description=description)
            ).actor
            ids[key] = actor.id
        coalition = create_coalition(
            session,
            CoalitionCreate(
                name="Ontharding Schoolpleinen",
                kind="project",
                description="Hittestress op speelplaatsen: ontharden en vergroenen.",
                start_date="2023-01-01",
            ),
        ).coalition
        for key, role in (("lead", "lead"), ("broker", "partner"), ("firm", "partner")):
            add_member(
                session,
                coalition,
                session.get_one(Actor, ids[key]),
                MembershipCreate(role=role, start_date="2023-01-01"),
            )
        for source, target in (("lead", "broker"), ("broker", "scholar")):
            add_tie(
                session,
                TieCreate(
                    source_actor=f"#{ids[source]}",
                    target_actor=f"#{ids[target]}",
                    start_date="2022-06-01",
                ),
            )
    return BuilderSeed(ids, {key: name for key, name, _, _ in ACTORS})
