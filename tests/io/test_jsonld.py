"""JSON-LD export, parsed with rdflib: the types, identifiers and triple counts of the registry."""

from __future__ import annotations

import io
import json
from datetime import date
from typing import Any

import pytest
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from sqlalchemy import Engine, select

from quadhelix.io.export_filters import export_filter
from quadhelix.io.jsonld import DEFAULT_BASE_IRI, check_base_iri, jsonld_document, write_jsonld
from quadhelix.registry.database import transaction
from quadhelix.registry.default_themes import DEFAULT_THEMES
from quadhelix.registry.errors import InvalidValue
from quadhelix.registry.merge import merge_actors
from quadhelix.registry.model import Actor, ActorAlias
from tests.io.test_gexf import Small, build_small_network

ORG = Namespace("http://www.w3.org/ns/org#")
REGORG = Namespace("http://www.w3.org/ns/regorg#")
ADMS = Namespace("http://www.w3.org/ns/adms#")
TIME = Namespace("http://www.w3.org/2006/time#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
DCTERMS = Namespace("http://purl.org/dc/terms/")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
GENERIEK = Namespace("https://data.vlaanderen.be/ns/generiek#")
M8G = Namespace("http://data.europa.eu/m8g/")
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")
BASE = "https://stad.example/id/"


@pytest.fixture
def small(engine: Engine) -> Small:
    with transaction(engine) as session:
        return build_small_network(session)


def parsed(engine: Engine, base: str = BASE, **options: Any) -> Graph:
    with transaction(engine) as session:
        document = jsonld_document(session, export_filter(**options), base)
    stream = io.BytesIO()
    write_jsonld(document, stream)
    json.loads(stream.getvalue())  # plain JSON too
    return Graph().parse(data=stream.getvalue(), format="json-ld")


def of_type(graph: Graph, rdf_type: URIRef) -> set[Any]:
    return set(graph.subjects(RDF.type, rdf_type))


def actor(small: Small, key: str) -> URIRef:
    return URIRef(f"{BASE}actor/{small.actors[key]}")


def test_types_match_the_registry(engine: Engine, small: Small) -> None:
    graph = parsed(engine)
    coalitions = {URIRef(f"{BASE}coalition/{i}") for i in small.coalitions.values()}
    people = {actor(small, "jan")}
    organisations = {actor(small, key) for key in small.actors} - people
    assert of_type(graph, ORG.Organization) == organisations | coalitions
    assert of_type(graph, ORG.OrganizationalCollaboration) == coalitions
    assert of_type(graph, FOAF.Person) == people
    assert of_type(graph, ORG.OrganizationalUnit) == {
        actor(small, "omgeving"),
        actor(small, "klimaat"),
        actor(small, "energie"),
    }
    assert of_type(graph, REGORG.RegisteredOrganization) == {actor(small, "buurtwerk")}
    assert len(of_type(graph, ORG.Membership)) == 9
    assert len(set(graph.triples((None, ORG.member, None)))) == 9
    assert len(of_type(graph, ORG.Role)) == 5


def test_identifiers_and_structure(engine: Engine, small: Small) -> None:
    graph = parsed(engine)
    buurtwerk = actor(small, "buurtwerk")
    registration = graph.value(buurtwerk, REGORG.registration)
    assert graph.value(registration, RDF.type) == ADMS.Identifier
    assert graph.value(registration, SKOS.notation) == Literal("0417497106")
    assert "KBO" in str(graph.value(registration, ADMS.schemaAgency))
    vcode = graph.value(buurtwerk, ADMS.identifier)
    assert graph.value(vcode, SKOS.notation) == Literal("V0001234")
    assert graph.value(buurtwerk, DCTERMS.identifier) == Literal(str(small.actors["buurtwerk"]))
    assert graph.value(buurtwerk, DCTERMS.spatial) == URIRef(f"{BASE}area/rabot")
    assert graph.value(actor(small, "stad"), ORG.identifier) == Literal("GENT")
    team = actor(small, "energie")
    assert graph.value(team, ORG.unitOf) == actor(small, "klimaat")
    assert graph.value(team, ORG.subOrganizationOf) == actor(small, "klimaat")
    assert graph.value(actor(small, "klimaat"), SKOS.prefLabel) == Literal("Dienst Klimaat")
    assert set(graph.objects(actor(small, "klimaat"), DCTERMS.subject)) == {
        URIRef(f"{BASE}theme/climate"),
        URIRef(f"{BASE}theme/energy"),
    }
    assert graph.value(URIRef(f"{BASE}theme/energy"), SKOS.broader) == URIRef(
        f"{BASE}theme/climate"
    )


def test_oslo_terms_and_their_counts_match_the_registry(engine: Engine, small: Small) -> None:
    with transaction(engine) as session:
        keep = session.get(Actor, small.actors["buurtwerk"])
        drop = session.get(Actor, small.actors["bakkerij"])
        assert keep is not None and drop is not None
        keep.external_id = "BW-1"
        drop.external_id, drop.kbo = "BAK-1", "0202239951"
        merge_actors(session, keep, drop)
        keep.provenance = "KBO/BCE open data: juridical form 017 (vzw)"
    graph = parsed(engine)
    with transaction(engine) as session:
        actors = list(session.scalars(select(Actor)))
        aliases = list(session.scalars(select(ActorAlias)))
        expected_ids = sorted(
            [a.kbo for a in actors if a.kbo]
            + [a.association_code for a in actors if a.association_code]
            + [v for alias in aliases for v in (alias.external_id, alias.kbo) if v]
        )
        public = {
            URIRef(f"{BASE}actor/{a.id}")
            for a in actors
            if a.helix.value == "government" and a.kind.value == "organisation"
        }
    structured = of_type(graph, GENERIEK.GestructureerdeIdentificator)
    local = sorted(str(graph.value(s, GENERIEK.lokaleIdentificator)) for s in structured)
    assert local == expected_ids == sorted(["0417497106", "V0001234", "BAK-1", "0202239951"])
    for identifier in of_type(graph, ADMS.Identifier):
        inner = graph.value(identifier, GENERIEK.gestructureerdeIdentificator)
        notation = graph.value(identifier, SKOS.notation)
        assert graph.value(inner, GENERIEK.lokaleIdentificator) == notation
    assert of_type(graph, M8G.PublicOrganisation) == public == {actor(small, "stad")}
    buurtwerk = actor(small, "buurtwerk")
    merged = {str(graph.value(i, SKOS.notation)) for i in graph.objects(buurtwerk, ADMS.identifier)}
    assert merged == {"V0001234", "BAK-1", "0202239951"}
    statement = graph.value(buurtwerk, DCTERMS.provenance)
    assert graph.value(statement, RDF.type) == DCTERMS.ProvenanceStatement
    assert "juridical form 017" in str(graph.value(statement, RDFS.label))
    assert len(of_type(graph, DCTERMS.ProvenanceStatement)) == 1


def test_memberships_with_role_and_period(engine: Engine, small: Small) -> None:
    graph = parsed(engine)
    universiteit = actor(small, "universiteit")
    klimaatplan = URIRef(f"{BASE}coalition/{small.coalitions['klimaatplan']}")
    [membership] = [
        m
        for m in graph.subjects(ORG.member, universiteit)
        if graph.value(m, ORG.organization) == klimaatplan
    ]
    assert graph.value(membership, ORG.role) == URIRef(f"{BASE}concept/role/partner")
    period = graph.value(membership, ORG.memberDuring)
    assert graph.value(period, RDF.type) == TIME.Interval
    start = graph.value(graph.value(period, TIME.hasBeginning), TIME.inXSDDate)
    end = graph.value(graph.value(period, TIME.hasEnd), TIME.inXSDDate)
    assert start == Literal(date(2019, 1, 1), datatype=XSD_DATE)
    assert end == Literal(date(2020, 12, 31), datatype=XSD_DATE)
    energie = URIRef(f"{BASE}coalition/{small.coalitions['energie']}")
    assert graph.value(energie, ORG.subOrganizationOf) == klimaatplan


def test_triple_count_of_a_selection(engine: Engine, small: Small) -> None:
    """Counted by hand: see the comments; the vocabularies come with every export."""
    graph = parsed(engine, themes=["energy"])
    # Kept: Energiegemeenschap (tagged energy), Dienst Klimaat (tagged energy) and the
    # coalition's other members, with their three memberships.
    # Dienst Klimaat: 2 types, identifier, label, 2 classifications, subOrganizationOf, unitOf,
    # 2 subjects = 10.
    # Buurtwerk: 2 types, identifier, label, 2 classifications, registration (1 + 3 in the
    # identifier + 3 for its OSLO structured identifier), association code (1 + 3 + 3),
    # subject, spatial = 22.
    # Universiteit: type, identifier, label, 2 classifications, homepage, temporal (1 + interval
    # type + hasBeginning + instant type + date) = 11.
    # Energiegemeenschap: 2 types, identifier, label, classification, status,
    # subOrganizationOf, subject = 8.
    # Memberships: type, member, organization, role (+ the university's contribution) = 13.
    records = 10 + 22 + 11 + 8 + 13
    # Schemes: 2 triples each. Concepts: types, notation, labels, inScheme (+ broader).
    helix = 2 + 5 * 5
    actor_kinds = 2 + 6 * 4
    coalition_kinds = 2 + 7 * 4
    statuses = 2 + 3 * 4
    roles = 2 + 5 * 5
    themes = 2 + 5 * len(DEFAULT_THEMES) + sum(1 for *_, parent in DEFAULT_THEMES if parent)
    areas = 2 + 3 * 5 + 2
    vocabularies = helix + actor_kinds + coalition_kinds + statuses + roles + themes + areas
    assert len(graph) == records + vocabularies


def test_empty_selection_still_parses(engine: Engine) -> None:
    graph = parsed(engine, base=DEFAULT_BASE_IRI)
    assert of_type(graph, ORG.Organization) == set()


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("https://data.stad.be/id/", "https://data.stad.be/id/"),
        ("https://data.stad.be/id", "https://data.stad.be/id/"),
        ("http://x.example/ns#", "http://x.example/ns#"),
    ],
)
def test_base_iri(given: str, expected: str) -> None:
    assert check_base_iri(given) == expected


@pytest.mark.parametrize("given", ["data.stad.be/id/", "ftp://x/", "https://x y/"])
def test_bad_base_iri(given: str) -> None:
    with pytest.raises(InvalidValue, match="base_iri"):
        check_base_iri(given)
