"""JSON-LD for linked-data portals: actors as organisations, coalitions as collaborations.

Terms come from the W3C Organization Ontology (https://www.w3.org/TR/vocab-org/), the Registered
Organization Vocabulary (KBO numbers as ``regorg:registration``), ADMS identifiers, SKOS and
OWL-Time: the vocabularies the Flemish OSLO Organisatie application profile builds on
(https://data.vlaanderen.be/doc/applicatieprofiel/organisatie-basis/). From OSLO itself: every
identifier carries an OSLO ``generiek:GestructureerdeIdentificator`` with its
``generiek:lokaleIdentificator``, and government organisations are typed as OSLO's
``PubliekeOrganisatie`` (``m8g:PublicOrganisation``). OSLO has no term of its own for a
collaboration (its "Samenwerkingsverband" is W3C ``org:OrganizationalCollaboration``) nor one that
fits a helix sector; docs/exports.md lists which OSLO terms are used and why.

Every record gets an IRI under a base chosen by the city (``{base}actor/12``); ids survive a
backup and restore, so the IRIs stay put. Ties are not part of this export (ORG has no typed,
weighted relation between organisations); use GEXF or GraphML for them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from enum import StrEnum
from typing import Any, BinaryIO
from urllib.parse import quote

from sqlalchemy.orm import Session

from quadhelix.analytics.graphs import load_coalitions
from quadhelix.io.export_filters import CoalitionIds, ExportFilter
from quadhelix.io.export_records import kept_actors, select_actors
from quadhelix.registry.errors import InvalidValue
from quadhelix.registry.model import Actor, Coalition, Membership
from quadhelix.registry.queries import list_coalitions
from quadhelix.registry.vocab import (
    ActorKind,
    CoalitionKind,
    CoalitionStatus,
    HelixSector,
    MemberRole,
    helix_label_nl,
)
from quadhelix.registry.vocabulary import list_areas, list_themes

DEFAULT_BASE_IRI = "https://quadhelix.example/id/"

CONTEXT: dict[str, str] = {
    "org": "http://www.w3.org/ns/org#",
    "regorg": "http://www.w3.org/ns/regorg#",
    "adms": "http://www.w3.org/ns/adms#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "time": "http://www.w3.org/2006/time#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "m8g": "http://data.europa.eu/m8g/",
    "organisatie": "https://data.vlaanderen.be/ns/organisatie#",
    "generiek": "https://data.vlaanderen.be/ns/generiek#",
}

KBO_AGENCY = "Kruispuntbank van Ondernemingen (KBO)"
ASSOCIATION_AGENCY = "Verenigingsregister"
MERGED_AGENCY = "identifier of a record merged into this one"
UNIT_KINDS = (ActorKind.DEPARTMENT, ActorKind.TEAM)
Node = dict[str, Any]

# Each controlled vocabulary becomes a SKOS concept scheme: (path under the base, enum, types).
SCHEMES: tuple[tuple[str, type[StrEnum], tuple[str, ...]], ...] = (
    ("helix", HelixSector, ("skos:Concept",)),
    ("actor-kind", ActorKind, ("skos:Concept",)),
    ("coalition-kind", CoalitionKind, ("skos:Concept",)),
    ("coalition-status", CoalitionStatus, ("skos:Concept",)),
    ("role", MemberRole, ("org:Role", "skos:Concept")),
)


def check_base_iri(value: str) -> str:
    """An absolute http(s) IRI that ends in ``/`` or ``#`` (a ``/`` is added when missing)."""
    text = value.strip()
    if not text.startswith(("http://", "https://")) or any(c.isspace() for c in text):
        raise InvalidValue(
            "base_iri", value, "give an absolute http(s) IRI, e.g. " + DEFAULT_BASE_IRI
        )
    return text if text.endswith(("/", "#")) else text + "/"


class Iris:
    """The IRIs of one export, all under one base."""

    def __init__(self, base: str) -> None:
        self.base = check_base_iri(base)

    def actor(self, actor_id: int) -> str:
        return f"{self.base}actor/{actor_id}"

    def coalition(self, coalition_id: int) -> str:
        return f"{self.base}coalition/{coalition_id}"

    def membership(self, membership_id: int) -> str:
        return f"{self.base}membership/{membership_id}"

    def theme(self, code: str) -> str:
        return f"{self.base}theme/{quote(code, safe='')}"

    def area(self, code: str) -> str:
        return f"{self.base}area/{quote(code, safe='')}"

    def concept(self, scheme: str, value: str | None = None) -> str:
        return f"{self.base}concept/{scheme}" + ("" if value is None else f"/{value}")


def _ref(iri: str) -> dict[str, str]:
    return {"@id": iri}


def _day(value: date) -> dict[str, str]:
    return {"@value": value.isoformat(), "@type": "xsd:date"}


def _interval(start: date | None, end: date | None) -> Node | None:
    """An OWL-Time interval, the range of ``org:memberDuring``; ``None`` when nothing is known."""
    if start is None and end is None:
        return None
    interval: Node = {"@type": "time:Interval"}
    if start is not None:
        interval["time:hasBeginning"] = {"@type": "time:Instant", "time:inXSDDate": _day(start)}
    if end is not None:
        interval["time:hasEnd"] = {"@type": "time:Instant", "time:inXSDDate": _day(end)}
    return interval


def _identifier(notation: str, agency: str) -> Node:
    """An ADMS identifier with OSLO's structured identifier inside (OSLO Generiek)."""
    return {
        "@type": "adms:Identifier",
        "skos:notation": notation,
        "adms:schemaAgency": agency,
        "generiek:gestructureerdeIdentificator": {
            "@type": "generiek:GestructureerdeIdentificator",
            "generiek:lokaleIdentificator": notation,
        },
    }


def _put(node: Node, key: str, value: Any) -> None:
    """Set a property only when there is something to say: no empty lists, no nulls."""
    if value is not None and value != [] and value != "":
        node[key] = value


def _actor_types(actor: Actor) -> list[str]:
    if actor.kind == ActorKind.PERSON:
        return ["foaf:Person"]
    types = ["org:Organization"]
    if actor.kind in UNIT_KINDS:
        types.append("org:OrganizationalUnit")
    if actor.kbo:
        types.append("regorg:RegisteredOrganization")
    if actor.helix == HelixSector.GOVERNMENT and actor.kind == ActorKind.ORGANISATION:
        types.append("m8g:PublicOrganisation")  # OSLO PubliekeOrganisatie
    return types


def actor_node(actor: Actor, iris: Iris) -> Node:
    node: Node = {
        "@id": iris.actor(actor.id),
        "@type": _actor_types(actor),
        "dcterms:identifier": str(actor.id),
        "skos:prefLabel": actor.name,
        "org:classification": [
            _ref(iris.concept("helix", actor.helix.value)),
            _ref(iris.concept("actor-kind", actor.kind.value)),
        ],
    }
    _put(node, "org:identifier", actor.external_id)
    if actor.kbo:
        node["regorg:registration"] = _identifier(actor.kbo, KBO_AGENCY)
    identifiers = []
    if actor.association_code:
        identifiers.append(_identifier(actor.association_code, ASSOCIATION_AGENCY))
    for alias in actor.aliases:
        identifiers.extend(
            _identifier(value, agency)
            for value, agency in ((alias.external_id, MERGED_AGENCY), (alias.kbo, KBO_AGENCY))
            if value
        )
    _put(node, "adms:identifier", identifiers[0] if len(identifiers) == 1 else identifiers)
    if actor.parent_id is not None:
        parent = _ref(iris.actor(actor.parent_id))
        if actor.kind == ActorKind.PERSON:
            node["org:memberOf"] = parent
        else:
            node["org:subOrganizationOf"] = parent
            if actor.kind in UNIT_KINDS:
                node["org:unitOf"] = parent
    _put(node, "dcterms:description", actor.description)
    _put(node, "foaf:homepage", _ref(actor.website) if actor.website else None)
    _put(node, "dcterms:subject", [_ref(iris.theme(t.code)) for t in actor.themes])
    _put(node, "dcterms:spatial", _ref(iris.area(actor.area.code)) if actor.area else None)
    _put(node, "dcterms:temporal", _interval(actor.start_date, actor.end_date))
    if actor.provenance:
        node["dcterms:provenance"] = {
            "@type": "dcterms:ProvenanceStatement",
            "rdfs:label": actor.provenance,
        }
    return node


def coalition_node(coalition: Coalition, iris: Iris) -> Node:
    node: Node = {
        "@id": iris.coalition(coalition.id),
        "@type": ["org:Organization", "org:OrganizationalCollaboration"],
        "dcterms:identifier": str(coalition.id),
        "skos:prefLabel": coalition.name,
        "org:classification": _ref(iris.concept("coalition-kind", coalition.kind.value)),
        "adms:status": _ref(iris.concept("coalition-status", coalition.status.value)),
    }
    _put(node, "org:identifier", coalition.external_id)
    _put(node, "dcterms:description", coalition.description)
    if coalition.parent_id is not None:
        node["org:subOrganizationOf"] = _ref(iris.coalition(coalition.parent_id))
    _put(node, "dcterms:subject", [_ref(iris.theme(t.code)) for t in coalition.themes])
    _put(node, "dcterms:spatial", [_ref(iris.area(a.code)) for a in coalition.areas])
    _put(node, "foaf:page", [_ref(link.url) for link in coalition.links])
    _put(node, "dcterms:temporal", _interval(coalition.start_date, coalition.end_date))
    return node


def membership_node(membership: Membership, iris: Iris) -> Node:
    node: Node = {
        "@id": iris.membership(membership.id),
        "@type": "org:Membership",
        "org:member": _ref(iris.actor(membership.actor_id)),
        "org:organization": _ref(iris.coalition(membership.coalition_id)),
        "org:role": _ref(iris.concept("role", membership.role.value)),
    }
    _put(node, "org:memberDuring", _interval(membership.start_date, membership.end_date))
    _put(node, "dcterms:description", membership.contribution)
    return node


def _label(scheme: type[StrEnum], value: StrEnum) -> list[dict[str, str]]:
    labels = [{"@value": value.value.replace("_", " "), "@language": "en"}]
    if scheme is HelixSector:
        labels.append({"@value": helix_label_nl(HelixSector(value)), "@language": "nl"})
    return labels


def vocabulary_nodes(session: Session, iris: Iris) -> Iterable[Node]:
    """The concept schemes: controlled values, then the registry's themes and areas."""
    for path, enum, types in SCHEMES:
        yield {"@id": iris.concept(path), "@type": "skos:ConceptScheme", "skos:prefLabel": path}
        for value in enum:
            yield {
                "@id": iris.concept(path, value.value),
                "@type": list(types),
                "skos:notation": value.value,
                "skos:prefLabel": _label(enum, value),
                "skos:inScheme": _ref(iris.concept(path)),
            }
    yield {"@id": iris.concept("theme"), "@type": "skos:ConceptScheme", "skos:prefLabel": "theme"}
    for theme in list_themes(session):
        node: Node = {
            "@id": iris.theme(theme.code),
            "@type": "skos:Concept",
            "skos:notation": theme.code,
            "skos:prefLabel": [
                {"@value": theme.name_nl, "@language": "nl"},
                {"@value": theme.name_en, "@language": "en"},
            ],
            "skos:inScheme": _ref(iris.concept("theme")),
        }
        if theme.parent is not None:
            node["skos:broader"] = _ref(iris.theme(theme.parent.code))
        yield node
    yield {"@id": iris.concept("area"), "@type": "skos:ConceptScheme", "skos:prefLabel": "area"}
    for area in list_areas(session):
        node = {
            "@id": iris.area(area.code),
            "@type": ["dcterms:Location", "skos:Concept"],
            "skos:notation": area.code,
            "skos:prefLabel": area.name,
            "skos:inScheme": _ref(iris.concept("area")),
        }
        if area.parent is not None:
            node["skos:broader"] = _ref(iris.area(area.parent.code))
        yield node


def jsonld_document(
    session: Session, filters: ExportFilter, base_iri: str = DEFAULT_BASE_IRI
) -> dict[str, Any]:
    """The selected actors, coalitions and memberships, with the vocabularies they use.

    Actors and coalitions are those network analytics keeps for the same filter.
    """
    iris = Iris(base_iri)
    graph: list[Node] = list(vocabulary_nodes(session, iris))
    selection = select_actors(session, filters)
    actors = kept_actors(session, selection.actor_ids)
    graph.extend(actor_node(actor, iris) for actor in sorted(actors, key=lambda a: a.id))
    coalition_ids = [record.id for record in load_coalitions(session, filters.graph)]
    coalitions = list_coalitions(session, CoalitionIds(ids=coalition_ids), limit=None).items
    graph.extend(coalition_node(c, iris) for c in sorted(coalitions, key=lambda c: c.id))
    memberships = filters.memberships(session, selection.actor_ids, coalition_ids)
    graph.extend(membership_node(m, iris) for m in memberships)
    return {"@context": CONTEXT, "@graph": graph}


def write_jsonld(document: dict[str, Any], stream: BinaryIO) -> None:
    stream.write(json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8"))
    stream.write(b"\n")
