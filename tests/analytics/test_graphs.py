"""Building graphs from the registry: views, filters, grouping attributes (both back ends)."""

from __future__ import annotations

from datetime import date
from typing import Any

import networkx as nx
import pytest
from sqlalchemy import Engine

from quadhelix.analytics.filters import CoMembershipWeight, GraphFilters, GraphView
from quadhelix.analytics.graphs import build_graph, load_coalitions, org_places
from quadhelix.registry.database import transaction
from quadhelix.registry.errors import InvalidValue
from quadhelix.registry.vocab import (
    ActorKind,
    CoalitionKind,
    HelixSector,
    TieSource,
    TieType,
)
from tests.analytics.datasets import (
    davis_nx,
    davis_women,
    knoke_nx,
    load_small_city,
    padgett_nx,
)


def _edges(graph: Any) -> set[tuple[str, str]]:
    names = graph.vs["name"]
    if graph.is_directed():
        return {(names[a], names[b]) for a, b in graph.get_edgelist()}
    return {tuple(sorted((names[a], names[b]))) for a, b in graph.get_edgelist()}  # type: ignore[misc]


def test_knoke_tie_graph_matches_the_file(knoke: Any) -> None:
    reference = knoke_nx()
    assert knoke.is_directed()
    assert set(knoke.vs["name"]) == set(reference)
    assert _edges(knoke) == set(reference.edges())
    helix = dict(zip(knoke.vs["name"], knoke.vs["helix"], strict=True))
    assert helix["COUN"] == "government" and helix["WRO"] == "civil_society"


def test_padgett_undirected_ties_include_the_isolated_family(padgett: Any) -> None:
    reference = padgett_nx()
    assert not padgett.is_directed()
    assert padgett.vcount() == 16 and "Pucci" in padgett.vs["name"]
    assert _edges(padgett) == {tuple(sorted(e)) for e in reference.edges()}


@pytest.mark.parametrize("weighting", list(CoMembershipWeight))
def test_davis_comembership_equals_networkx_projection(engine: Engine, weighting: Any) -> None:
    from tests.analytics.datasets import load_davis

    with transaction(engine) as session:
        load_davis(session)
        graph = build_graph(session, GraphView.COMEMBERSHIP, weighting=weighting)
    reference = (
        nx.bipartite.weighted_projected_graph(davis_nx(), davis_women())
        if weighting == CoMembershipWeight.COUNT
        else nx.bipartite.collaboration_weighted_projected_graph(davis_nx(), davis_women())
    )
    names = graph.vs["name"]
    ours = {tuple(sorted((names[e.source], names[e.target]))): e["weight"] for e in graph.es}
    theirs = {tuple(sorted((a, b))): d["weight"] for a, b, d in reference.edges(data=True)}
    assert ours.keys() == theirs.keys()
    for pair, weight in theirs.items():
        assert ours[pair] == pytest.approx(weight, abs=1e-12)
    shared = {tuple(sorted((names[e.source], names[e.target]))): e["shared"] for e in graph.es}
    counts = nx.bipartite.weighted_projected_graph(davis_nx(), davis_women())
    assert all(shared[tuple(sorted((a, b)))] == d["weight"] for a, b, d in counts.edges(data=True))


def test_departments_units_and_areas_come_from_the_org_tree(engine: Engine) -> None:
    with transaction(engine) as session:
        load_small_city(session)
        graph = build_graph(session)
    by_name = {v["name"]: v.attributes() for v in graph.vs}
    assert by_name["Team Bruggen"]["department"] == "Ruimte"
    assert by_name["Team Bruggen"]["unit"] == "Dienst Wegen"
    assert by_name["Ruimte"]["unit"] == "Ruimte"
    assert by_name["Stad"]["department"] is None
    assert by_name["Buurtvzw"]["department"] is None and by_name["Buurtvzw"]["area"] == "park"


def test_org_places_survives_a_cycle() -> None:
    gov = HelixSector.GOVERNMENT
    rows = [(1, 2, ActorKind.TEAM, gov, "a"), (2, 1, ActorKind.DEPARTMENT, gov, "b")]
    places = org_places(rows)
    assert {places[1].department, places[2].department} <= {"a", "b"}


def test_departments_of_other_organisations_are_not_the_citys() -> None:
    rows = [
        (1, None, ActorKind.ORGANISATION, HelixSector.KNOWLEDGE, "Universiteit"),
        (2, 1, ActorKind.DEPARTMENT, HelixSector.KNOWLEDGE, "Onderzoeksgroep"),
        (3, None, ActorKind.ORGANISATION, HelixSector.GOVERNMENT, "Stad"),
        (4, 3, ActorKind.DEPARTMENT, HelixSector.GOVERNMENT, "Ruimte"),
    ]
    places = org_places(rows)
    assert places[2].department is None and not places[1].in_city
    assert places[4].department == "Ruimte" and places[3].in_city


def test_dates_types_sources_and_direction(engine: Engine) -> None:
    with transaction(engine) as session:
        ids = load_small_city(session)
        in_2021 = build_graph(session, filters=GraphFilters(as_of=date(2021, 6, 1)))
        in_2023 = build_graph(session, filters=GraphFilters(as_of=date(2023, 6, 1)))
        surveyed = build_graph(session, filters=GraphFilters(tie_sources=(TieSource.SURVEY,)))
        contracts = build_graph(session, filters=GraphFilters(tie_types=(TieType.CONTRACT,)))
        directed = build_graph(session, directed=True)
    team_ngo = {"Team Bruggen", "Buurtvzw"}

    def pairs(graph: Any) -> list[set[str]]:
        return [{graph.vs[a]["name"], graph.vs[b]["name"]} for a, b in graph.get_edgelist()]

    weight = {frozenset(p): w for p, w in zip(pairs(in_2021), in_2021.es["weight"], strict=True)}
    assert weight[frozenset(team_ngo)] == 3.0  # two ties merged
    assert in_2021.es["ties"] == [2]
    assert ids["firm"] not in in_2021.vs["actor_id"]  # not yet active
    assert pairs(in_2023).count(team_ngo) == 1 and len(pairs(in_2023)) == 2
    assert pairs(surveyed) == [team_ngo]
    assert pairs(contracts) == [{"Bouwbedrijf", "Dienst Wegen"}]
    # the undirected collaboration becomes two arcs, the directed ones one each
    assert directed.is_directed() and directed.ecount() == 3


def test_themes_areas_kinds_and_periods(engine: Engine) -> None:
    with transaction(engine) as session:
        load_small_city(session)
        heat = build_graph(session, GraphView.COMEMBERSHIP, GraphFilters(themes=("climate",)))
        north = build_graph(session, GraphView.COMEMBERSHIP, GraphFilters(areas=("north",)))
        events = build_graph(
            session,
            GraphView.COMEMBERSHIP,
            GraphFilters(coalition_kinds=(CoalitionKind.EVENT,)),
        )
        period = build_graph(
            session,
            GraphView.COMEMBERSHIP,
            GraphFilters(date_from=date(2019, 1, 1), date_to=date(2019, 12, 31)),
        )
        combined = build_graph(session, GraphView.COMBINED)
        with pytest.raises(InvalidValue):
            build_graph(session, filters=GraphFilters(themes=("no-such-theme",)))
    assert set(heat.vs["name"]) == {"Team Bruggen", "Buurtvzw", "Bouwbedrijf"}
    assert heat.ecount() == 3
    assert "Ruimte" in north.vs["name"] and north.ecount() == 3 + 1
    assert events.ecount() == 1 and period.ecount() == 1
    team_ngo = [
        e
        for e in combined.es
        if {combined.vs[e.source]["name"], combined.vs[e.target]["name"]}
        == {"Team Bruggen", "Buurtvzw"}
    ]
    assert team_ngo[0]["ties"] == 2 and team_ngo[0]["shared"] == 1
    assert team_ngo[0]["weight"] == 3.0 + 1.0


def test_filters_reject_a_date_and_a_period_together() -> None:
    with pytest.raises(InvalidValue):
        GraphFilters(as_of=date(2024, 1, 1), date_from=date(2023, 1, 1))
    with pytest.raises(InvalidValue):
        GraphFilters(date_from=date(2024, 1, 1), date_to=date(2023, 1, 1))


def test_load_coalitions_groups_by_district_and_top_theme(engine: Engine) -> None:
    with transaction(engine) as session:
        ids = load_small_city(session)
        records = {c.id: c for c in load_coalitions(session)}
    plan, fair = records[ids["plan"]], records[ids["fair"]]
    assert plan.district == "north" and plan.theme == "climate"
    assert fair.district == "north" and fair.theme is None
    lead = next(m for m in plan.members if m.role == "lead")
    assert lead.department == "Ruimte" and lead.in_city
    assert {m.helix for m in plan.members} == {"government", "civil_society", "business"}
