"""GraphML export, read back with NetworkX and igraph: the same nodes, edges and attributes."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import igraph as ig
import networkx as nx
import pytest
from sqlalchemy import Engine

from quadhelix.io.export_filters import export_filter
from quadhelix.io.export_records import View, read_network
from quadhelix.io.graphml import write_graphml
from quadhelix.registry.database import transaction
from tests.io.test_gexf import Small, build_small_network


@pytest.fixture
def small(engine: Engine) -> Small:
    with transaction(engine) as session:
        return build_small_network(session)


def graphml_of(engine: Engine, view: View = View.TIES, **options: Any) -> bytes:
    with transaction(engine) as session:
        network = read_network(session, export_filter(**options), view)
    stream = io.BytesIO()
    write_graphml(network, stream)
    return stream.getvalue()


def test_networkx_reads_nodes_and_edges(engine: Engine, small: Small) -> None:
    graph = nx.read_graphml(io.BytesIO(graphml_of(engine)))
    ids = small.actors
    assert graph.is_directed()  # one tie is directed
    assert graph.number_of_nodes() == 8
    assert graph.number_of_edges() == 3
    buurtwerk = graph.nodes[str(ids["buurtwerk"])]
    assert buurtwerk["name"] == "Buurtwerk Rabot"
    assert (buurtwerk["helix"], buurtwerk["kbo"], buurtwerk["area"]) == (
        "civil_society",
        "0417.497.106",
        "rabot",
    )
    assert graph.nodes[str(ids["energie"])]["department"] == "Departement Omgeving"
    assert graph.nodes[str(ids["universiteit"])]["start"] == "2000-01-01"
    collaboration = graph.edges[str(ids["buurtwerk"]), str(ids["universiteit"])]
    assert collaboration["weight"] == 2.0
    assert collaboration["directed"] is False
    assert (collaboration["start"], collaboration["end"]) == ("2019-01-01", "2021-12-31")
    funding = graph.edges[str(ids["klimaat"]), str(ids["buurtwerk"])]
    assert (funding["tie_type"], funding["directed"], funding["weight"]) == ("funding", True, 1.5)


def test_igraph_reads_the_same_graph(engine: Engine, small: Small, tmp_path: Path) -> None:
    path = tmp_path / "network.graphml"
    path.write_bytes(graphml_of(engine, View.BOTH))
    graph = ig.Graph.Read_GraphML(str(path))
    assert graph.vcount() == 8
    assert graph.ecount() == 3 + 6
    by_id = {vertex["id"]: vertex for vertex in graph.vs}
    klimaat = by_id[str(small.actors["klimaat"])]
    assert klimaat["name"] == "Dienst Klimaat"
    assert klimaat["themes"] == "climate|energy"
    assert klimaat["department"] == "Departement Omgeving"
    assert sorted(set(graph.es["tie_type"])) == [
        "co_membership",
        "collaboration",
        "funding",
        "information",
    ]
    shared = [e["weight"] for e in graph.es if e["tie_type"] == "co_membership"]
    assert sorted(shared) == [1.0, 1.0, 1.0, 2.0, 2.0, 2.0]


def test_undirected_selection_gives_an_undirected_graph(engine: Engine, small: Small) -> None:
    graph = nx.read_graphml(io.BytesIO(graphml_of(engine, View.COMEMBERSHIP)))
    assert not graph.is_directed()
    assert graph.number_of_edges() == 6


def test_text_is_escaped_and_cleaned(engine: Engine, small: Small) -> None:
    data = graphml_of(engine)
    assert b"\x01" not in data
    graph = nx.read_graphml(io.BytesIO(data))
    bakkerij = graph.nodes[str(small.actors["bakkerij"])]
    assert bakkerij["name"] == 'Bakkerij <De & "Zon"> '
    assert bakkerij["external_id"] == "=cmd|' /C calc'!A0"
