"""The classic networks of ../shared/data/networks, as NetworkX references and as registry data.

The NetworkX graphs are read straight from the CSV files, independently of quadhelix, so that the
comparison tests check our store-to-graph path as well as our metrics.
"""

from __future__ import annotations

import csv
from datetime import date

import networkx as nx
from sqlalchemy.orm import Session

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

NETWORKS = DATA / "networks"
KNOKE_SECTORS = {
    "GOV": HelixSector.GOVERNMENT,
    "VOL": HelixSector.CIVIL_SOCIETY,
    "PVT": HelixSector.BUSINESS,
}


def rows(name: str) -> list[dict[str, str]]:
    with (NETWORKS / name).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def knoke_nx(relation: str = "information") -> nx.DiGraph:
    graph = nx.DiGraph()
    for row in rows("knoke_nodes.csv"):
        graph.add_node(row["code"], sector=row["sector"])
    graph.add_edges_from((r["source"], r["target"]) for r in rows(f"knoke_{relation}_edges.csv"))
    return graph


def padgett_nx() -> nx.Graph:
    graph = nx.Graph()
    graph.add_nodes_from(r["name"] for r in rows("padgett_florentine_marriage_nodes.csv"))
    graph.add_edges_from(
        (r["source"], r["target"]) for r in rows("padgett_florentine_marriage_edges.csv")
    )
    return graph


def davis_nx() -> nx.Graph:
    graph = nx.Graph()
    for row in rows("davis_southern_women_nodes.csv"):
        graph.add_node(row["name"], bipartite=0 if row["mode"] == "actor" else 1)
    graph.add_edges_from((r["source"], r["target"]) for r in rows("davis_southern_women_edges.csv"))
    return graph


def davis_women() -> list[str]:
    return [r["name"] for r in rows("davis_southern_women_nodes.csv") if r["mode"] == "actor"]


def _actor(name: str, helix: HelixSector) -> Actor:
    return Actor(name=name, helix=helix, kind=ActorKind.ORGANISATION)


def load_knoke(session: Session, relation: str = "information") -> None:
    """Knoke's ten Minneapolis organisations with their directed ties (GOV/VOL/PVT sectors)."""
    actors = {
        r["code"]: _actor(r["code"], KNOKE_SECTORS[r["sector"]]) for r in rows("knoke_nodes.csv")
    }
    session.add_all(actors.values())
    session.flush()
    kind = TieType.INFORMATION if relation == "information" else TieType.FUNDING
    for r in rows(f"knoke_{relation}_edges.csv"):
        session.add(
            Tie(
                source_actor=actors[r["source"]],
                target_actor=actors[r["target"]],
                type=kind,
                directed=True,
                source=TieSource.IMPORT,
            )
        )
    session.flush()


def load_padgett(session: Session) -> None:
    """Padgett's Florentine families and their (undirected) marriage ties."""
    actors = {
        r["name"]: _actor(r["name"], HelixSector.BUSINESS)
        for r in rows("padgett_florentine_marriage_nodes.csv")
    }
    session.add_all(actors.values())
    session.flush()
    for r in rows("padgett_florentine_marriage_edges.csv"):
        session.add(
            Tie(
                source_actor=actors[r["source"]],
                target_actor=actors[r["target"]],
                type=TieType.OTHER,
                directed=False,
                source=TieSource.IMPORT,
            )
        )
    session.flush()


def load_davis(session: Session) -> None:
    """Davis's southern women as citizens and the 14 events as coalitions they took part in."""
    women = {name: _actor(name, HelixSector.CITIZENS) for name in davis_women()}
    session.add_all(women.values())
    events: dict[str, Coalition] = {}
    for r in rows("davis_southern_women_nodes.csv"):
        if r["mode"] != "actor":
            month, day = (int(x) for x in r["name"].split("/"))
            events[r["name"]] = Coalition(
                name=f"event {r['name']}",
                kind=CoalitionKind.EVENT,
                status=CoalitionStatus.CLOSED,
                start_date=date(1935, month, day),
                end_date=date(1935, month, day),
            )
    session.add_all(events.values())
    session.flush()
    for r in rows("davis_southern_women_edges.csv"):
        session.add(
            Membership(
                actor=women[r["source"]],
                coalition=events[r["target"]],
                role=MemberRole.PARTICIPANT,
            )
        )
    session.flush()


def load_small_city(session: Session) -> dict[str, int]:
    """A small city: root > department > dienst > team, two partners, a district and themes."""
    climate = session.query(Theme).filter_by(code="climate").one_or_none()
    if climate is None:
        climate = Theme(code="climate", name_nl="Klimaat", name_en="Climate")
        session.add(climate)
    heat = Theme(code="heat-test", name_nl="Hitte", name_en="Heat", parent=climate)
    city_area = Area(code="city", name="Stad", kind=AreaKind.CITY)
    north = Area(code="north", name="Noord", kind=AreaKind.DISTRICT, parent=city_area)
    park = Area(code="park", name="Park", kind=AreaKind.NEIGHBOURHOOD, parent=north)
    gov = HelixSector.GOVERNMENT
    root = Actor(name="Stad", helix=gov, kind=ActorKind.ORGANISATION)
    space = Actor(name="Ruimte", helix=gov, kind=ActorKind.DEPARTMENT, parent=root)
    roads = Actor(name="Dienst Wegen", helix=gov, kind=ActorKind.DEPARTMENT, parent=space)
    team = Actor(name="Team Bruggen", helix=gov, kind=ActorKind.TEAM, parent=roads)
    ngo = Actor(
        name="Buurtvzw",
        helix=HelixSector.CIVIL_SOCIETY,
        kind=ActorKind.ORGANISATION,
        area=park,
        themes=[heat],
    )
    firm = Actor(
        name="Bouwbedrijf",
        helix=HelixSector.BUSINESS,
        kind=ActorKind.ORGANISATION,
        start_date=date(2022, 1, 1),
    )
    session.add_all([heat, city_area, north, park, root, space, roads, team, ngo, firm])
    session.flush()
    session.add_all(
        [
            Tie(
                source_actor=team,
                target_actor=ngo,
                type=TieType.COLLABORATION,
                directed=False,
                source=TieSource.MANUAL,
                weight=2.0,
                start_date=date(2020, 1, 1),
                end_date=date(2021, 12, 31),
            ),
            Tie(
                source_actor=team,
                target_actor=ngo,
                type=TieType.INFORMATION,
                directed=True,
                source=TieSource.SURVEY,
                weight=1.0,
            ),
            Tie(
                source_actor=firm,
                target_actor=roads,
                type=TieType.CONTRACT,
                directed=True,
                source=TieSource.IMPORT,
                weight=1.0,
            ),
        ]
    )
    plan = Coalition(
        name="Hitteplan",
        kind=CoalitionKind.PROJECT,
        status=CoalitionStatus.ACTIVE,
        themes=[heat],
        areas=[park],
        start_date=date(2021, 1, 1),
    )
    fair = Coalition(
        name="Wijkfeest",
        kind=CoalitionKind.EVENT,
        status=CoalitionStatus.CLOSED,
        areas=[north, city_area],
        start_date=date(2019, 5, 1),
        end_date=date(2019, 5, 1),
    )
    session.add_all([plan, fair])
    session.flush()
    session.add_all(
        [
            Membership(coalition=plan, actor=team, role=MemberRole.LEAD),
            Membership(coalition=plan, actor=ngo, role=MemberRole.PARTNER),
            Membership(coalition=plan, actor=firm, role=MemberRole.PARTNER),
            Membership(coalition=fair, actor=ngo, role=MemberRole.LEAD),
            Membership(coalition=fair, actor=space, role=MemberRole.PARTICIPANT),
        ]
    )
    session.flush()
    return {"team": team.id, "ngo": ngo.id, "firm": firm.id, "plan": plan.id, "fair": fair.id}
