"""GEXF export, read back with NetworkX: nodes, edges, attributes and dates match the registry."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

import networkx as nx
import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from quadhelix.io.export_filters import export_filter
from quadhelix.io.export_records import View, departments, read_network, select_actors
from quadhelix.io.gexf import write_gexf
from quadhelix.io.graphml import write_graphml
from quadhelix.registry.actors import create_actor
from quadhelix.registry.coalitions import add_member, create_coalition
from quadhelix.registry.database import transaction
from quadhelix.registry.merge import merge_actors
from quadhelix.registry.model import Actor
from quadhelix.registry.schemas import ActorCreate, CoalitionCreate, MembershipCreate, TieCreate
from quadhelix.registry.ties import add_tie
from quadhelix.registry.vocab import AreaKind
from quadhelix.registry.vocabulary import add_area

TRICKY_NAME = 'Bakkerij <De & "Zon"> \x01'


@dataclass
class Small:
    """Ids of the hand-made network, by a short name."""

    actors: dict[str, int]
    coalitions: dict[str, int]


def build_small_network(session: Session) -> Small:
    """Eight actors, three ties, three coalitions: small enough to check every value by hand.

    Shared coalitions: klimaat, buurtwerk and universiteit share 2 each (klimaatplan and
    energie); buurtwerk, bakkerij and jan share 1 each (buurtfeest).
    """
    add_area(session, "Stad", AreaKind.CITY)
    add_area(session, "Centrum", AreaKind.DISTRICT, parent="Stad")
    add_area(session, "Rabot", AreaKind.NEIGHBOURHOOD, parent="Centrum")
    rows: dict[str, dict[str, Any]] = {
        "stad": {"name": "Stad Gent", "helix": "overheid", "external_id": "GENT"},
        "omgeving": {"name": "Departement Omgeving", "helix": "government", "kind": "department",
                     "parent": "GENT"},
        "klimaat": {"name": "Dienst Klimaat", "helix": "government", "kind": "department",
                    "parent": "Departement Omgeving", "themes": ["climate", "energy"]},
        "energie": {"name": "Team Energie", "helix": "government", "kind": "team",
                    "parent": "Dienst Klimaat"},
        "buurtwerk": {"name": "Buurtwerk Rabot", "helix": "middenveld", "kbo": "0417.497.106",
                      "area": "Rabot", "themes": ["poverty"], "association_code": "V0001234"},
        "universiteit": {"name": "Universiteit", "helix": "knowledge", "start_date": "2000-01-01",
                         "website": "https://univ.example"},
        "bakkerij": {"name": TRICKY_NAME, "helix": "business", "area": "Centrum",
                     "external_id": "=cmd|' /C calc'!A0"},
        "jan": {"name": "Jan Peeters", "helix": "citizens", "kind": "person",
                "end_date": "2020-12-31"},
    }  # fmt: skip
    actors = {
        key: create_actor(session, ActorCreate.model_validate(row)).actor.id
        for key, row in rows.items()
    }
    ties = [
        ("buurtwerk", "universiteit", {"type": "samenwerking", "weight": 2,
                                        "start_date": "2019-01-01", "end_date": "2021-12-31"}),
        ("klimaat", "buurtwerk", {"type": "funding", "directed": True, "weight": 1.5,
                                  "start_date": "2022-01-01", "provenance": "subsidies.xlsx"}),
        ("bakkerij", "jan", {"type": "information", "end_date": "2020-06-30"}),
    ]  # fmt: skip
    for source, target, extra in ties:
        data = {"source_actor": str(actors[source]), "target_actor": str(actors[target]), **extra}
        add_tie(session, TieCreate.model_validate(data))
    plans: dict[str, tuple[dict[str, Any], list[tuple[str, dict[str, Any]]]]] = {
        "klimaatplan": (
            {"name": "Klimaatplan", "themes": ["climate"], "areas": ["Rabot"],
             "start_date": "2019-01-01", "links": [{"title": "Plan", "url": "https://plan.example"}]},
            [("klimaat", {"role": "lead"}), ("buurtwerk", {}),
             ("universiteit", {"start_date": "2019-01-01", "end_date": "2020-12-31"})],
        ),
        "buurtfeest": (
            {"name": "Buurtfeest", "kind": "event", "status": "closed",
             "start_date": "2018-06-01", "end_date": "2018-06-02"},
            [("buurtwerk", {"role": "lead"}), ("bakkerij", {"role": "funder"}), ("jan", {})],
        ),
        "energie": (
            {"name": "Energiegemeenschap", "kind": "partnership", "themes": ["energy"],
             "parent": "Klimaatplan"},
            [("klimaat", {}), ("buurtwerk", {}), ("universiteit", {"contribution": "metingen"})],
        ),
    }  # fmt: skip
    coalitions: dict[str, int] = {}
    for key, (data, members) in plans.items():
        coalition = create_coalition(session, CoalitionCreate.model_validate(data)).coalition
        coalitions[key] = coalition.id
        for member, extra in members:
            actor = session.get(Actor, actors[member])
            assert actor is not None
            add_member(session, coalition, actor, MembershipCreate.model_validate(extra))
    session.flush()
    return Small(actors, coalitions)


@pytest.fixture
def small(engine: Engine) -> Small:
    with transaction(engine) as session:
        return build_small_network(session)


def gexf_of(engine: Engine, view: View = View.TIES, **options: Any) -> bytes:
    with transaction(engine) as session:
        network = read_network(session, export_filter(**options), view)
    stream = io.BytesIO()
    write_gexf(network, stream)
    return stream.getvalue()


def read_back(data: bytes) -> Any:
    return nx.read_gexf(io.BytesIO(data))


def test_nodes_carry_the_actors_attributes(engine: Engine, small: Small) -> None:
    graph = read_back(gexf_of(engine))
    assert graph.number_of_nodes() == 8
    ids = small.actors
    buurtwerk = graph.nodes[str(ids["buurtwerk"])]
    assert buurtwerk["label"] == "Buurtwerk Rabot"
    assert buurtwerk["helix"] == "civil_society"
    assert buurtwerk["kind"] == "organisation"
    assert buurtwerk["area"] == "rabot"
    assert buurtwerk["themes"] == "poverty"
    assert buurtwerk["kbo"] == "0417.497.106"
    klimaat = graph.nodes[str(ids["klimaat"])]
    assert klimaat["themes"] == "climate|energy"
    assert klimaat["department"] == "Departement Omgeving"
    assert graph.nodes[str(ids["energie"])]["department"] == "Departement Omgeving"
    assert "department" not in graph.nodes[str(ids["stad"])]
    assert graph.nodes[str(ids["stad"])]["external_id"] == "GENT"
    assert graph.nodes[str(ids["universiteit"])]["start"] == "2000-01-01"
    assert graph.nodes[str(ids["jan"])]["end"] == "2020-12-31"
    assert graph.nodes[str(ids["bakkerij"])]["label"] == 'Bakkerij <De & "Zon"> '


def test_a_directed_tie_makes_undirected_ties_mutual(engine: Engine, small: Small) -> None:
    data = gexf_of(engine)
    root = ET.fromstring(data)
    ns = {"g": "http://gexf.net/1.3"}
    graph = root.find("g:graph", ns)
    assert graph is not None
    assert graph.get("mode") == "dynamic"
    assert graph.get("timeformat") == "date"
    assert graph.get("defaultedgetype") == "directed"
    types = {e.get("kind"): e.get("type") for e in root.iterfind(".//g:edge", ns)}
    assert types == {"collaboration": "mutual", "funding": None, "information": "mutual"}
    read = read_back(data)
    assert read.is_directed()
    assert read.number_of_edges() == 1 + 2 * 2  # mutual edges read as two arcs
    funding = read.edges[str(small.actors["klimaat"]), str(small.actors["buurtwerk"])]
    assert funding["weight"] == 1.5
    assert funding["tie_type"] == "funding"
    assert funding["directed"] is True
    assert funding["tie_source"] == "manual"
    assert funding["provenance"] == "subsidies.xlsx"
    assert funding["start"] == "2022-01-01"
    assert "end" not in funding


def test_undirected_ties_make_an_undirected_graph(engine: Engine, small: Small) -> None:
    graph = read_back(gexf_of(engine, tie_types=["samenwerking", "information"]))
    assert not graph.is_directed()
    assert graph.number_of_edges() == 2
    ids = small.actors
    tie = graph.edges[str(ids["buurtwerk"]), str(ids["universiteit"])]
    assert (tie["tie_type"], tie["weight"], tie["directed"]) == ("collaboration", 2.0, False)
    assert (tie["start"], tie["end"]) == ("2019-01-01", "2021-12-31")


def test_as_of_keeps_what_runs_that_day(engine: Engine, small: Small) -> None:
    graph = read_back(gexf_of(engine, as_of="2021-06-01"))
    assert str(small.actors["jan"]) not in graph  # ended 2020
    assert graph.number_of_nodes() == 7
    kinds = sorted(d["tie_type"] for *_, d in graph.edges(data=True))
    assert kinds == ["collaboration"]  # funding starts 2022, information ended 2020


def test_period_overlap_and_themes(engine: Engine, small: Small) -> None:
    graph = read_back(gexf_of(engine, start="2020-01-01", end="2020-12-31"))
    assert graph.number_of_nodes() == 8
    assert sorted({d["tie_type"] for *_, d in graph.edges(data=True)}) == [
        "collaboration",
        "information",
    ]
    ids = small.actors
    # As in analytics: actors tagged with the theme (or a sub-theme), and members of coalitions
    # tagged with it. Klimaatplan (climate) and Energiegemeenschap (energy) have three members.
    climate = read_back(gexf_of(engine, themes=["klimaat"]))
    assert sorted(climate.nodes) == sorted(
        str(ids[key]) for key in ("klimaat", "buurtwerk", "universiteit")
    )
    # Rabot lies in Centrum: buurtwerk and bakkerij are there, Klimaatplan works there.
    centrum = read_back(gexf_of(engine, areas=["Centrum"]))
    assert sorted(centrum.nodes) == sorted(
        str(ids[key]) for key in ("klimaat", "buurtwerk", "universiteit", "bakkerij")
    )


def test_comembership_view(engine: Engine, small: Small) -> None:
    graph = read_back(gexf_of(engine, View.COMEMBERSHIP))
    ids = small.actors
    assert not graph.is_directed()
    weights = {tuple(sorted((int(a), int(b)))): d["weight"] for a, b, d in graph.edges(data=True)}
    pair = lambda a, b: tuple(sorted((ids[a], ids[b])))  # noqa: E731
    assert weights == {
        pair("klimaat", "buurtwerk"): 2.0,
        pair("klimaat", "universiteit"): 2.0,
        pair("buurtwerk", "universiteit"): 2.0,
        pair("buurtwerk", "bakkerij"): 1.0,
        pair("buurtwerk", "jan"): 1.0,
        pair("bakkerij", "jan"): 1.0,
    }
    assert {d["tie_type"] for *_, d in graph.edges(data=True)} == {"co_membership"}


def test_comembership_respects_period(engine: Engine, small: Small) -> None:
    with transaction(engine) as session:
        later = select_actors(session, export_filter(start="2022-01-01")).shared
    ids = small.actors
    # The 2018 party is over and the university's klimaatplan membership ended in 2020.
    assert sorted(later) == sorted(
        [
            (*sorted((ids["klimaat"], ids["buurtwerk"])), 2),
            (*sorted((ids["klimaat"], ids["universiteit"])), 1),
            (*sorted((ids["buurtwerk"], ids["universiteit"])), 1),
        ]
    )


def test_both_views_together(engine: Engine, small: Small) -> None:
    root = ET.fromstring(gexf_of(engine, View.BOTH))
    edges = root.findall(".//{http://gexf.net/1.3}edge")
    assert len(edges) == 3 + 6
    assert len({e.get("id") for e in edges}) == 9


def test_departments_are_top_level_units(engine: Engine, small: Small) -> None:
    with transaction(engine) as session:
        units = departments(session)
    ids = small.actors
    assert units == {
        ids["omgeving"]: "Departement Omgeving",
        ids["klimaat"]: "Departement Omgeving",
        ids["energie"]: "Departement Omgeving",
    }


def test_an_empty_registry_gives_a_valid_file(engine: Engine) -> None:
    graph = read_back(gexf_of(engine))
    assert graph.number_of_nodes() == 0


def test_provenance_and_merged_ids_are_node_attributes(engine: Engine, small: Small) -> None:
    with transaction(engine) as session:
        keep = session.get(Actor, small.actors["stad"])
        drop = session.get(Actor, small.actors["bakkerij"])
        assert keep is not None and drop is not None
        drop.external_id = "BAK-1"
        merge_actors(session, keep, drop)
        keep.provenance = "spreadsheet stad.csv"
    graph = read_back(gexf_of(engine))
    stad = graph.nodes[str(small.actors["stad"])]
    assert (stad["provenance"], stad["aliases"]) == ("spreadsheet stad.csv", "BAK-1")
    assert "provenance" not in graph.nodes[str(small.actors["klimaat"])]
    with transaction(engine) as session:
        network = read_network(session, export_filter(), View.TIES)
    stream = io.BytesIO()
    write_graphml(network, stream)
    graphml = nx.read_graphml(io.BytesIO(stream.getvalue()))
    assert graphml.nodes[str(small.actors["stad"])]["aliases"] == "BAK-1"
