"""A fresh demo database: wipes an earlier demo, refuses to touch a registry with real data."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, MetaData, func, select

from quadhelix.demo.city import DemoCity, build_demo_city
from quadhelix.demo.surveys import DemoSurvey, build_demo_surveys
from quadhelix.registry.bootstrap import initialise
from quadhelix.registry.database import (
    describe_url,
    is_initialised,
    make_engine,
    transaction,
)
from quadhelix.registry.errors import Conflict
from quadhelix.registry.model import Actor, Coalition, Setting
from quadhelix.registry.stats import registry_stats

DEMO_MARKER = "demo_seed"


@dataclass(frozen=True)
class BuiltDemo:
    city: DemoCity
    stats: dict[str, Any]
    survey: DemoSurvey | None = None

    def tour(self, url: str) -> str:
        """The demo's story and what to try next, with commands that work on this database."""
        db = f" --db {url.removeprefix('sqlite:///')}" if url.startswith("sqlite:///") else ""
        city = self.city
        lines = [
            "",
            f"{city.name} is fictional: {city.actors} actors and {city.coalitions} coalitions "
            f"from {city.period[0]} to {city.period[1]}.",
            "Departments that work in a silo: " + ", ".join(r.name for r in city.siloed),
            "Actors that broker between sectors: " + ", ".join(r.name for r in city.brokers),
            "Seminars: " + "; ".join(r.name for r in city.seminars),
            "",
            "Try:",
            f"  quadhelix actors list --helix middenveld --area Rabot{db}",
            f"  quadhelix coalitions list --kind event{db}",
            f"  quadhelix ties list --type funding{db}",
            f"  quadhelix stats --json{db}",
        ]
        if city.brokers:
            lines.append(f"  quadhelix actors show {city.brokers[0].id}{db}")
        if city.seminars:
            lines.append(f"  quadhelix coalitions show {city.seminars[0].id}{db}")
        if self.survey is not None:
            first, last = self.survey.wave_ids[0], self.survey.wave_ids[-1]
            lines.append(
                f"  quadhelix survey list{db}   (partner survey of {self.survey.coalition})"
            )
            lines.append(f"  quadhelix survey compare {first} {last}{db}")
        return "\n".join(lines)


def _holds_other_data(engine: Engine) -> bool:
    with transaction(engine) as session:
        if session.get(Setting, DEMO_MARKER) is not None:
            return False
        actors = session.scalar(select(func.count()).select_from(Actor)) or 0
        coalitions = session.scalar(select(func.count()).select_from(Coalition)) or 0
        return bool(actors or coalitions)


def _wipe(engine: Engine) -> None:
    """Drop every table of the earlier demo, whichever version of the schema made it."""
    existing = MetaData()
    existing.reflect(engine)
    existing.drop_all(engine)


def create_demo_database(url: str, seed: int) -> BuiltDemo:
    """Build the demo city at ``url``; an earlier demo there is replaced, real data never."""
    engine = make_engine(url)
    try:
        if is_initialised(engine):
            if _holds_other_data(engine):
                raise Conflict(
                    f"database: {describe_url(url)} holds a registry that is not the demo; "
                    "choose another --db"
                )
            _wipe(engine)
        initialise(engine)
        with transaction(engine) as session:
            city = build_demo_city(session, seed=seed)
            survey = build_demo_surveys(session, seed)
            session.add(Setting(key=DEMO_MARKER, value=str(seed)))
            session.flush()
            stats = registry_stats(session)
        return BuiltDemo(city, stats, survey)
    finally:
        engine.dispose()
