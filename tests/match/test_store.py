"""The snapshot from the registry (SQLite and PostgreSQL) and from the CORDIS files agree."""

from __future__ import annotations

import gzip
from collections import Counter
from datetime import date
from pathlib import Path

from sqlalchemy import Engine, select

from quadhelix.io.cordis import import_cordis, read_participations, read_programme_parts
from quadhelix.match.builder import CoalitionBuilder
from quadhelix.match.challenge import Challenge
from quadhelix.match.cordis import cordis_match_data, match_data_from_rows
from quadhelix.match.data import NO_END, NO_START, MatchData
from quadhelix.match.store import load_match_data
from quadhelix.registry.database import transaction
from quadhelix.registry.model import Actor, Area, Coalition, Membership, Theme, Tie
from quadhelix.registry.vocab import (
    ActorKind,
    AreaKind,
    CoalitionKind,
    CoalitionStatus,
    HelixSector,
    MemberRole,
    TieSource,
    TieType,
)
from tests.shared_data import DATA

CORDIS = DATA / "cordis"
PARTS = CORDIS / "eunets_h2020_programme_parts.csv.gz"


def test_the_registry_becomes_a_snapshot(engine: Engine) -> None:
    with transaction(engine) as session:
        heat = session.scalars(select(Theme).where(Theme.code == "heat")).one()
        rabot = Area(code="rabot", name="Rabot", kind=AreaKind.NEIGHBOURHOOD)
        city = Actor(name="Dienst Klimaat", helix=HelixSector.GOVERNMENT, kind=ActorKind.DEPARTMENT)
        team = Actor(
            name="Team Hitte",
            helix=HelixSector.GOVERNMENT,
            kind=ActorKind.TEAM,
            parent=city,
            themes=[heat],
            area=rabot,
            description="Hittestress",
            external_id="T-1",
        )
        lab = Actor(name="KlimaatLab", helix=HelixSector.KNOWLEDGE, kind=ActorKind.ORGANISATION)
        project = Coalition(
            name="Koele Speelplaatsen",
            kind=CoalitionKind.PROJECT,
            status=CoalitionStatus.ACTIVE,
            description="Ontharden",
            goals="Tien speelplaatsen",
            start_date=date(2022, 1, 1),
            themes=[heat],
            areas=[rabot],
        )
        session.add_all([city, team, lab, project])
        session.flush()
        session.add_all(
            [
                Membership(coalition=project, actor=city, role=MemberRole.LEAD),
                Membership(
                    coalition=project, actor=lab, role=MemberRole.PARTNER, end_date=date(2023, 1, 1)
                ),
                Tie(
                    source_actor=team,
                    target_actor=lab,
                    type=TieType.COLLABORATION,
                    weight=3.0,
                    start_date=date(2021, 5, 1),
                    source=TieSource.MANUAL,
                ),
            ]
        )
    with transaction(engine) as session:
        data = load_match_data(session)
    a = data.actors
    row = {name: i for i, name in enumerate(a.name)}
    city, team, lab = row["Dienst Klimaat"], row["Team Hitte"], row["KlimaatLab"]
    assert a.key[team] == "T-1" and a.key[city] == f"#{a.id[city]}"
    assert a.parent[team] == city and a.parent[city] == -1
    assert a.themes[team] == ("heat",) and a.area[team] == "rabot"
    assert a.start.tolist() == [NO_START] * 3
    c = data.coalitions
    assert c.text == ["Ontharden Tien speelplaatsen"]
    assert c.themes == [("heat",)] and c.areas == [("rabot",)]
    assert c.start.tolist() == [date(2022, 1, 1).toordinal()] and c.end.tolist() == [NO_END]
    m = data.memberships
    members = dict(zip(m.actor.tolist(), zip(m.role, m.end.tolist(), strict=True), strict=True))
    assert members == {city: ("lead", NO_END), lab: ("partner", date(2023, 1, 1).toordinal())}
    assert data.ties.source.tolist() == [team] and data.ties.weight.tolist() == [3.0]
    assert data.themes["heat"].parent == "climate" and data.themes["heat"].name_en == "Heat stress"
    ranking = CoalitionBuilder(data).rank(Challenge("hittestress", lead="Dienst Klimaat"))
    found = {c.actor.key: c for c in ranking.candidates}
    assert found["T-1"].components["text"] == 1.0


def _shape(data: MatchData, areas: bool = True) -> dict[str, object]:
    """What must agree, by key rather than row."""
    a, c, m = data.actors, data.coalitions, data.memberships
    return {
        "actors": {k: (h.value, area) for k, h, area in zip(a.key, a.helix, a.area, strict=True)},
        "coalitions": {
            k: (themes, where if areas else (), int(s), int(e))
            for k, themes, where, s, e in zip(c.key, c.themes, c.areas, c.start, c.end, strict=True)
        },
        "members": Counter(
            (a.key[i], c.key[j], role)
            for i, j, role in zip(m.actor.tolist(), m.coalition.tolist(), m.role, strict=True)
        ),
        "themes": {k: (t.name_nl, t.name_en, t.parent) for k, t in data.themes.items() if k in
                   {x for ts in c.themes for x in ts}},
    }  # fmt: skip


def _both(engine: Engine, tmp_path: Path) -> tuple[MatchData, MatchData]:
    with gzip.open(CORDIS / "eunets_h2020_participations_BE_projects.csv.gz", "rt") as handle:
        lines = handle.read().splitlines()[:301]
    path = tmp_path / "part.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    import_cordis(engine, path, programme_parts=PARTS)
    with transaction(engine) as session:
        stored = load_match_data(session)
    return stored, cordis_match_data(path, PARTS)


def test_cordis_files_give_the_shape_the_registry_gives(engine: Engine, tmp_path: Path) -> None:
    stored, direct = _both(engine, tmp_path)
    assert _shape(stored, areas=False) == _shape(direct, areas=False)
    assert len(direct.memberships) == 300


def test_cordis_projects_have_the_partners_countries_as_areas(
    engine: Engine, tmp_path: Path
) -> None:
    stored, direct = _both(engine, tmp_path)
    assert _shape(stored) == _shape(direct)


def test_training_data_stops_before_the_cutoff(tmp_path: Path) -> None:
    path = CORDIS / "eunets_h2020_participations_BE_projects.csv.gz"
    batch = read_participations(path)
    cutoff = date(2016, 1, 1)
    data = match_data_from_rows(batch.values, read_programme_parts(PARTS), before=cutoff)
    assert int(data.coalitions.start.max()) < cutoff.toordinal()
    assert set(data.memberships.actor.tolist()) == set(range(len(data.actors)))
