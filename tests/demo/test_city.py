"""The demo city: documented sizes, determinism, valid identifiers, designed silos and brokers.

Most tests read one city built per back end in a database of its own; the determinism test builds
on the ``engine`` fixture and again in SQLite files, and compares everything row by row.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from quadhelix.demo import DEFAULT_SEED, DemoCity, build_demo_city
from quadhelix.registry.bootstrap import initialise
from quadhelix.registry.database import make_engine, transaction
from quadhelix.registry.errors import Conflict
from quadhelix.registry.identifiers import normalise_association_code, normalise_kbo
from quadhelix.registry.model import Actor, Area, Base, Coalition, Membership, Tie
from quadhelix.registry.vocab import (
    ActorKind,
    AreaKind,
    CoalitionKind,
    CoalitionStatus,
    HelixSector,
    MemberRole,
    TieType,
)
from tests.conftest import Backend

WINDOW = (date(2021, 1, 1), date(2025, 12, 31))


@pytest.fixture(scope="module")
def city(backend: Backend) -> Iterator[tuple[Engine, DemoCity]]:
    """One demo city per back end, in a database of its own, for the tests that only read."""
    engine = make_engine(backend.empty_url())
    initialise(engine)
    with transaction(engine) as session:
        demo = build_demo_city(session)
    yield engine, demo
    engine.dispose()


@pytest.fixture
def session(city: tuple[Engine, DemoCity]) -> Iterator[Session]:
    with transaction(city[0]) as session:
        yield session


def dump(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every registry table, in primary-key order.

    Themes come from ``initialise``, not from the demo, so their timestamps are left out.
    """
    tables: dict[str, list[tuple[Any, ...]]] = {}
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            columns = [
                c
                for c in table.columns
                if table.name != "theme" or c.name not in ("created_at", "updated_at")
            ]
            query = select(*columns).order_by(*table.primary_key.columns)
            tables[table.name] = [tuple(row) for row in connection.execute(query)]
    return tables


def actor_names(engine: Engine) -> set[str]:
    with engine.connect() as connection:
        return set(connection.scalars(select(Actor.name)))


def build_in_sqlite_file(path: Path, seed: int = DEFAULT_SEED) -> Engine:
    engine = make_engine(f"sqlite:///{path}")
    initialise(engine)
    with transaction(engine) as session:
        build_demo_city(session, seed=seed)
    return engine


def test_same_seed_gives_the_same_city(engine: Engine, tmp_path: Path) -> None:
    with transaction(engine) as session:
        build_demo_city(session)
    other = build_in_sqlite_file(tmp_path / "again.db")
    try:
        first, second = dump(engine), dump(other)
        assert len(first["actor"]) > 600
        for table in first:
            assert first[table] == second[table], f"table {table} differs between builds"
    finally:
        other.dispose()


BUILD_IN_A_FILE = """
import sys
from quadhelix.demo import build_demo_city
from quadhelix.registry.bootstrap import initialise
from quadhelix.registry.database import make_engine, transaction
engine = make_engine("sqlite:///" + sys.argv[1])
initialise(engine)
with transaction(engine) as session:
    build_demo_city(session)
"""


def test_the_city_does_not_depend_on_hash_randomisation(
    city: tuple[Engine, DemoCity], backend: Backend, tmp_path: Path
) -> None:
    """Set iteration order changes with PYTHONHASHSEED; the city must not."""
    if backend.name != "sqlite":
        pytest.skip("one comparison is enough; the PostgreSQL build is compared above")
    target = tmp_path / "other-process.db"
    env = {**os.environ, "PYTHONHASHSEED": "4242"}
    subprocess.run([sys.executable, "-c", BUILD_IN_A_FILE, str(target)], env=env, check=True)
    other = make_engine(f"sqlite:///{target}")
    try:
        assert dump(other) == dump(city[0])
    finally:
        other.dispose()


def test_another_seed_gives_another_city(
    city: tuple[Engine, DemoCity], backend: Backend, tmp_path: Path
) -> None:
    if backend.name != "sqlite":
        pytest.skip("the generator, not the back end, is under test")
    other = build_in_sqlite_file(tmp_path / "seed-1.db", seed=1)
    try:
        names, default_names = actor_names(other), actor_names(city[0])
        assert names != default_names
        assert "Dienst Participatie" in names & default_names
    finally:
        other.dispose()


def test_refuses_a_registry_that_is_not_empty(engine: Engine) -> None:
    with transaction(engine) as session:
        session.add(
            Actor(
                name="Bestaande vzw", helix=HelixSector.CIVIL_SOCIETY, kind=ActorKind.ORGANISATION
            )
        )
    with pytest.raises(Conflict), transaction(engine) as session:
        build_demo_city(session)


def test_summary_matches_the_database(session: Session, city: tuple[Engine, DemoCity]) -> None:
    demo = city[1]
    actors = list(session.scalars(select(Actor)))
    ties = list(session.scalars(select(Tie)))
    assert demo.name == "Leiemonde"
    assert demo.period == WINDOW
    assert demo.actors == len(actors)
    assert demo.actors_by_helix == dict(Counter(a.helix.value for a in actors))
    assert demo.coalitions == len(list(session.scalars(select(Coalition))))
    assert demo.memberships == len(list(session.scalars(select(Membership))))
    assert demo.ties == len(ties)
    assert demo.ties_by_type == dict(Counter(t.type.value for t in ties))


def test_sizes_stay_within_the_documented_ranges(session: Session) -> None:
    actors = list(session.scalars(select(Actor)))
    city_units = [a for a in actors if a.kind in (ActorKind.DEPARTMENT, ActorKind.TEAM)]
    org_tree = [a for a in city_units if a.helix is HelixSector.GOVERNMENT]
    coalitions = list(session.scalars(select(Coalition)))
    areas = list(session.scalars(select(Area)))
    assert 55 <= len(org_tree) + 1 <= 70  # departments and teams plus the city itself
    assert 560 <= len(actors) - len(org_tree) - 1 <= 640
    assert 140 <= len(coalitions) <= 160
    assert 900 <= len(list(session.scalars(select(Membership)))) <= 1500
    assert 2200 <= len(list(session.scalars(select(Tie)))) <= 3200
    assert Counter(a.kind for a in areas) == {
        AreaKind.CITY: 1,
        AreaKind.DISTRICT: 6,
        AreaKind.NEIGHBOURHOOD: 21,
    }
    assert "Rabot" in {a.name for a in areas}


def test_every_sector_kind_role_and_tie_type_is_present(session: Session) -> None:
    actors = list(session.scalars(select(Actor)))
    helices = Counter(a.helix for a in actors)
    assert set(helices) == set(HelixSector)
    assert min(helices.values()) >= 50
    assert {a.kind for a in actors} == set(ActorKind)
    coalitions = list(session.scalars(select(Coalition)))
    assert {c.kind for c in coalitions} == set(CoalitionKind)
    assert {c.status for c in coalitions} == set(CoalitionStatus)
    assert {m.role for m in session.scalars(select(Membership))} == set(MemberRole)
    types = {t.type for t in session.scalars(select(Tie))}
    assert types >= {
        TieType.COLLABORATION,
        TieType.FUNDING,
        TieType.INFORMATION,
        TieType.MEMBERSHIP,
        TieType.CONTRACT,
    }
    assert all(a.description for a in actors)
    assert all(c.themes and c.areas and c.description for c in coalitions)


def test_identifiers_are_valid_and_unique(session: Session) -> None:
    actors = list(session.scalars(select(Actor)))
    numbers = [a.kbo for a in actors if a.kbo is not None]
    assert len(numbers) >= 200
    assert all(normalise_kbo(number) == number for number in numbers)
    codes = [a.association_code for a in actors if a.association_code is not None]
    assert codes
    assert all(normalise_association_code(code) == code for code in codes)
    assert len({a.name_key for a in actors}) == len(actors)
    persons = [a for a in actors if a.kind is ActorKind.PERSON]
    assert all(p.street is None and p.kbo is None for p in persons)


def test_dates_stay_inside_their_periods(session: Session) -> None:
    for coalition in session.scalars(select(Coalition)):
        start, end = coalition.start_date, coalition.end_date
        if coalition.status is CoalitionStatus.IDEA:
            assert start is None
        else:
            assert start is not None and WINDOW[0] <= start <= WINDOW[1]
        if coalition.status is CoalitionStatus.CLOSED:
            assert end is not None and end <= WINDOW[1]
        parent = coalition.parent
        if parent is not None and start is not None:
            assert parent.start_date is not None and parent.start_date <= start
            assert parent.end_date is None or (end is not None and end <= parent.end_date)
        for m in coalition.memberships:
            if start is None:
                assert m.start_date is None
                continue
            assert m.start_date is not None and start <= m.start_date
            assert m.end_date is None or m.start_date <= m.end_date
            if end is not None and m.end_date is not None:
                assert m.end_date <= end
            if coalition.status is CoalitionStatus.CLOSED:
                assert m.end_date is not None
            actor = m.actor
            assert actor.start_date is None or actor.start_date <= m.start_date
            assert actor.end_date is None or (
                m.end_date is not None and m.end_date <= actor.end_date
            )
    ties = list(session.scalars(select(Tie)))
    dated = [t for t in ties if t.start_date is not None]
    assert len(dated) >= 0.85 * len(ties)
    assert all(WINDOW[0] <= t.start_date <= WINDOW[1] for t in dated if t.start_date)
    ended = [t for t in dated if t.end_date is not None]
    assert 0.1 * len(ties) <= len(ended) <= 0.5 * len(ties)
    assert all(
        t.start_date and t.end_date and t.start_date <= t.end_date <= WINDOW[1] for t in ended
    )
    assert {t.source.value for t in ties} == {"manual", "import"}
    assert all(t.directed == (t.type in (TieType.FUNDING, TieType.MEMBERSHIP)) for t in ties)


def _neighbours(ties: list[Tie]) -> dict[int, list[int]]:
    out: dict[int, list[int]] = defaultdict(list)
    for tie in ties:
        out[tie.source_actor_id].append(tie.target_actor_id)
        out[tie.target_actor_id].append(tie.source_actor_id)
    return out


def _departments(actors: dict[int, Actor]) -> dict[int, int]:
    """City unit id -> id of its departement (the unit just below the city itself)."""
    top: dict[int, int] = {}
    for actor in actors.values():
        chain = [actor]
        while chain[-1].parent_id is not None:
            chain.append(actors[chain[-1].parent_id])
        if len(chain) >= 2 and chain[-1].name == "Stad en OCMW Leiemonde":
            top[actor.id] = chain[-2].id
    return top


def test_silo_departments_keep_to_the_city(session: Session, city: tuple[Engine, DemoCity]) -> None:
    actors = {a.id: a for a in session.scalars(select(Actor))}
    ties = list(session.scalars(select(Tie)))
    neighbours = _neighbours(ties)
    departments = _departments(actors)
    assert len(city[1].siloed) in (2, 3)
    for silo in city[1].siloed:
        units = {i for i, a in actors.items() if i == silo.id or _under(actors, i, silo.id)}
        outside = [n for u in units for n in neighbours[u] if n not in units]
        internal = sum(len([n for n in neighbours[u] if n in units]) for u in units) // 2
        external = sum(1 for n in outside if actors[n].helix is not HelixSector.GOVERNMENT)
        inside_government = internal + len(outside) - external
        assert inside_government + external >= 8, silo.name
        e_i = (external - inside_government) / (external + inside_government)
        assert e_i <= -0.6, (silo.name, e_i)
        own = departments[silo.id]
        in_department = internal + sum(1 for n in outside if departments.get(n) == own)
        assert in_department >= 0.3 * (internal + len(outside)), silo.name
        for membership in session.scalars(select(Membership).where(Membership.actor_id.in_(units))):
            partners = {m.actor.helix for m in membership.coalition.memberships}
            assert partners == {HelixSector.GOVERNMENT}, membership.coalition.name


def _under(actors: dict[int, Actor], actor_id: int, ancestor: int) -> bool:
    parent = actors[actor_id].parent_id
    while parent is not None:
        if parent == ancestor:
            return True
        parent = actors[parent].parent_id
    return False


def test_brokers_connect_every_sector_and_many_departments(
    session: Session, city: tuple[Engine, DemoCity]
) -> None:
    actors = {a.id: a for a in session.scalars(select(Actor))}
    neighbours = _neighbours(list(session.scalars(select(Tie))))
    departments = _departments(actors)
    degrees = sorted((len(set(n)) for n in neighbours.values()), reverse=True)
    assert len(city[1].brokers) >= 4
    broker_ids = {b.id for b in city[1].brokers}
    for broker in city[1].brokers:
        around = set(neighbours[broker.id])
        assert {actors[n].helix for n in around} == set(HelixSector), broker.name
        assert len({departments[n] for n in around if n in departments}) >= 4, broker.name
        assert len(around) >= degrees[15], broker.name  # among the best-connected actors
        # a broker's contacts in different sectors are rarely tied to each other directly
        pairs = [(a, b) for a in around for b in around if a < b]
        cross = [(a, b) for a, b in pairs if actors[a].helix is not actors[b].helix]
        tied = sum(1 for a, b in cross if b in neighbours[a] and not {a, b} & broker_ids)
        assert tied <= 0.1 * len(cross), broker.name


def test_ties_favour_the_own_sector_and_degrees_are_heavy_tailed(session: Session) -> None:
    actors = {a.id: a for a in session.scalars(select(Actor))}
    ties = list(session.scalars(select(Tie)))
    within = sum(
        1 for t in ties if actors[t.source_actor_id].helix is actors[t.target_actor_id].helix
    )
    assert within > 0.5 * len(ties)
    degrees = sorted(len(set(n)) for n in _neighbours(ties).values())
    median = degrees[len(degrees) // 2]
    assert degrees[-1] >= 8 * median
    assert sum(degrees[-len(degrees) // 10 :]) >= 0.3 * sum(degrees)  # top tenth holds 30%+


def test_exactly_two_seminars_with_their_presentations(
    session: Session, city: tuple[Engine, DemoCity]
) -> None:
    events = list(session.scalars(select(Coalition).where(Coalition.kind == CoalitionKind.EVENT)))
    assert [e.name for e in events] == [
        "Samenwerken in netwerken: innovatie van stedelijke organisaties",
        "Innovatie van stedelijke organisaties – Stadsbesturen in transitie voor een "
        "samenleving in transitie",
    ]
    assert [(e.start_date, e.end_date) for e in events] == [
        (date(2021, 12, 8), date(2021, 12, 8)),
        (date(2022, 12, 7), date(2022, 12, 7)),
    ]
    assert [s.id for s in city[1].seminars] == [e.id for e in events]
    for event in events:
        assert event.status is CoalitionStatus.CLOSED
        assert len(event.links) == 1
        assert event.links[0].url.startswith("https://example.org/")
        assert "resentatie" in event.links[0].title
        sectors = {m.actor.helix for m in event.memberships}
        assert sectors == set(HelixSector)
        assert len(event.memberships) >= 30
