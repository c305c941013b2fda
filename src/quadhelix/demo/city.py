"""The demo city Leiemonde: one call builds a realistic, fictional registry to explore.

``build_demo_city`` writes areas, ~660 actors, ~150 coalitions with their members and ~2,700 ties
through the ORM into an initialised, empty registry, inside the caller's transaction. The same
seed always gives the same database (ids, names, dates, timestamps). The assumptions behind the
city are written down in ``docs/demo-city.md``.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quadhelix.demo.actors import build_actors
from quadhelix.demo.coalitions import build_coalitions
from quadhelix.demo.org import SILOS
from quadhelix.demo.places import CITY_NAME, build_areas
from quadhelix.demo.ties import BROKERS, build_ties
from quadhelix.demo.timeline import WINDOW_END, WINDOW_START
from quadhelix.registry.errors import Conflict
from quadhelix.registry.model import Actor, Area, Coalition, Theme
from quadhelix.registry.vocab import CoalitionKind

DEFAULT_SEED = 20181207  # the day of the second seminar in the brief: 7 December 2018


@dataclass(frozen=True)
class Ref:
    """A record the demo points at, by id and name."""

    id: int
    name: str


@dataclass(frozen=True)
class DemoCity:
    """What was built: the numbers, and the actors and events the demo's story is about."""

    name: str
    seed: int
    period: tuple[date, date]
    areas: int
    actors: int
    actors_by_helix: dict[str, int]
    actors_by_kind: dict[str, int]
    coalitions: int
    coalitions_by_kind: dict[str, int]
    memberships: int
    ties: int
    ties_by_type: dict[str, int]
    siloed: tuple[Ref, ...]
    brokers: tuple[Ref, ...]
    seminars: tuple[Ref, ...]


def build_demo_city(session: Session, seed: int = DEFAULT_SEED) -> DemoCity:
    """Fill an empty, initialised registry with the demo city; flushes, never commits.

    Raises ``Conflict`` when the registry already holds actors, coalitions or areas.
    """
    for model in (Actor, Coalition, Area):
        if session.scalar(select(func.count()).select_from(model)):
            raise Conflict("database: the demo city needs an empty registry")
    rng = random.Random(seed)
    areas = build_areas(session)
    themes = {theme.code: theme for theme in session.scalars(select(Theme))}
    cast = build_actors(session, rng, areas, themes)
    built = build_coalitions(session, rng, cast, areas, themes)
    ties = build_ties(session, rng, cast, built)

    def ref(key: str) -> Ref:
        actor = cast[key].actor
        return Ref(actor.id, actor.name)

    return DemoCity(
        name=CITY_NAME,
        seed=seed,
        period=(WINDOW_START, WINDOW_END),
        areas=len(areas),
        actors=len(cast.players),
        actors_by_helix=dict(Counter(p.helix.value for p in cast.players)),
        actors_by_kind=dict(Counter(p.actor.kind.value for p in cast.players)),
        coalitions=len(built),
        coalitions_by_kind=dict(Counter(b.coalition.kind.value for b in built)),
        memberships=sum(len(b.members) for b in built),
        ties=len(ties),
        ties_by_type=dict(Counter(tie["type"].value for tie in ties)),
        siloed=tuple(ref(key) for key in SILOS),
        brokers=tuple(ref(key) for key in BROKERS),
        seminars=tuple(
            Ref(b.coalition.id, b.coalition.name)
            for b in built
            if b.coalition.kind is CoalitionKind.EVENT
        ),
    )
