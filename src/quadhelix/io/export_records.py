"""The network as the graph files show it: actors as nodes, ties and shared coalitions as edges.

GEXF and GraphML write the same nodes, edges and attributes; this module reads them once, so the
two formats cannot drift apart. Which actors are kept, and which pairs share coalitions, is asked
of ``analytics/graphs.py`` (one network for metrics and exports); the records themselves are read
through the registry's query layer.

Co-membership (two actors linked by the coalitions they both belong to; weight = number of shared
coalitions) is the one-mode projection of the actor–coalition affiliation network
(Breiger 1974, "The duality of persons and groups"; Borgatti & Halgin 2011).
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO, Literal
from xml.etree import ElementTree as ET

from sqlalchemy import select
from sqlalchemy.orm import Session

from quadhelix.analytics.filters import GraphView
from quadhelix.analytics.graphs import build_graph, org_places
from quadhelix.io.export_filters import ExportFilter
from quadhelix.registry.errors import InvalidValue
from quadhelix.registry.identifiers import format_kbo
from quadhelix.registry.model import Actor, Tie
from quadhelix.registry.queries import ActorFilter, list_actors, list_ties
from quadhelix.registry.vocab import TieSource

CO_MEMBERSHIP = "co_membership"


class View(StrEnum):
    """Which edges a graph export holds."""

    TIES = "ties"
    COMEMBERSHIP = "comembership"
    BOTH = "both"


AttributeType = Literal["string", "boolean", "double"]
Value = str | bool | float


@dataclass(frozen=True)
class Attribute:
    name: str
    type: AttributeType
    about: str


NODE_ATTRIBUTES: tuple[Attribute, ...] = (
    Attribute("external_id", "string", "identifier in the source system, if any"),
    Attribute("helix", "string", "government, civil_society, business, knowledge or citizens"),
    Attribute("kind", "string", "organisation, department, team, person, ..."),
    Attribute("department", "string", "top-level unit of the city's org tree (government)"),
    Attribute("area", "string", "code of the actor's area"),
    Attribute("themes", "string", "theme codes joined with |"),
    Attribute("kbo", "string", "enterprise number, 0417.497.106"),
    Attribute("provenance", "string", "source of the record and the rule that set its helix"),
    Attribute("aliases", "string", "ids of actors merged into this one, joined with |"),
)

EDGE_ATTRIBUTES: tuple[Attribute, ...] = (
    Attribute("tie_type", "string", "collaboration, funding, ... or co_membership"),
    Attribute("directed", "boolean", "the tie goes from source to target"),
    Attribute("tie_source", "string", "manual, import, survey or derived"),
    Attribute("provenance", "string", "file, survey or person the tie came from"),
)


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    values: dict[str, Value]
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class Edge:
    id: str
    source: str
    target: str
    weight: float
    directed: bool
    values: dict[str, Value]
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class Network:
    nodes: list[Node]
    edges: list[Edge]
    description: str = ""
    view: View = View.TIES

    @property
    def directed(self) -> bool:
        """A graph with one directed tie is written as a directed graph."""
        return any(edge.directed for edge in self.edges)


def departments(session: Session) -> dict[int, str]:
    """For each actor in the city's org tree: the top-level unit it belongs to.

    The same grouping analytics uses (``analytics.graphs.org_places``): in ``Stad > Departement
    Omgeving > Dienst Klimaat > Team Energie`` it is ``Departement Omgeving``, for the team, the
    dienst and the department themselves; only government departments and teams are in the tree.
    """
    rows = session.execute(select(Actor.id, Actor.parent_id, Actor.kind, Actor.helix, Actor.name))
    return {
        actor_id: place.department
        for actor_id, place in org_places(rows).items()
        if place.department is not None
    }


def _node(actor: Actor, department: str | None) -> Node:
    values: dict[str, Value] = {
        "helix": actor.helix.value,
        "kind": actor.kind.value,
        "themes": "|".join(theme.code for theme in actor.themes),
    }
    optional = {
        "external_id": actor.external_id,
        "department": department,
        "area": actor.area.code if actor.area is not None else None,
        "kbo": format_kbo(actor.kbo) if actor.kbo else None,
        "provenance": actor.provenance,
        "aliases": "|".join(a.external_id for a in actor.aliases if a.external_id),
    }
    values.update({key: value for key, value in optional.items() if value})
    return Node(str(actor.id), actor.name, values, actor.start_date, actor.end_date)


def _tie_edge(tie: Tie) -> Edge:
    values: dict[str, Value] = {
        "tie_type": tie.type.value,
        "directed": tie.directed,
        "tie_source": tie.source.value,
    }
    if tie.provenance:
        values["provenance"] = tie.provenance
    return Edge(
        f"t{tie.id}",
        str(tie.source_actor_id),
        str(tie.target_actor_id),
        tie.weight,
        tie.directed,
        values,
        tie.start_date,
        tie.end_date,
    )


@dataclass(frozen=True)
class Selection:
    """The actors analytics keeps for a filter, and the pairs of them that share coalitions."""

    actor_ids: list[int]
    shared: list[tuple[int, int, int]]  # (actor, other actor, shared coalitions), lower id first


def select_actors(session: Session, filters: ExportFilter) -> Selection:
    """Ask analytics which actors the filter keeps, so exports and metrics see one network.

    The co-membership graph of ``analytics/graphs.py`` holds every kept actor (isolates too) and
    the projection of their memberships; its edges' ``shared`` is the number of coalitions.
    """
    graph = build_graph(session, GraphView.COMEMBERSHIP, filters.graph)
    ids = [int(actor_id) for actor_id in graph.vs["actor_id"]] if graph.vcount() else []
    shared = []
    for edge in graph.es:
        a, b = ids[edge.source], ids[edge.target]
        shared.append((min(a, b), max(a, b), int(edge["shared"])))
    return Selection(sorted(ids), sorted(shared))


def _comembership_edges(selection: Selection) -> list[Edge]:
    values: dict[str, Value] = {
        "tie_type": CO_MEMBERSHIP,
        "directed": False,
        "tie_source": TieSource.DERIVED.value,
    }
    return [
        Edge(f"c{a}-{b}", str(a), str(b), float(n), False, dict(values))
        for a, b, n in selection.shared
    ]


def kept_actors(session: Session, ids: list[int]) -> list[Actor]:
    """The full records of the kept actors (an empty id list keeps none, not all)."""
    if not ids:
        return []
    return list_actors(session, ActorFilter(ids=ids), limit=None).items


def read_network(session: Session, filters: ExportFilter, view: View = View.TIES) -> Network:
    """The filtered actors with their ties, shared coalitions, or both, ready to write."""
    selection = select_actors(session, filters)
    units = departments(session)
    nodes = [
        _node(actor, units.get(actor.id)) for actor in kept_actors(session, selection.actor_ids)
    ]
    edges: list[Edge] = []
    if view in (View.TIES, View.BOTH):
        kept = set(selection.actor_ids)
        ties = list_ties(session, filters.ties(), limit=None).items
        edges.extend(
            _tie_edge(tie)
            for tie in ties
            if tie.source_actor_id in kept and tie.target_actor_id in kept
        )
    if view in (View.COMEMBERSHIP, View.BOTH):
        edges.extend(_comembership_edges(selection))
    return Network(nodes, edges, filters.describe(), view)


_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value: Value) -> str:
    """A value as XML 1.0 text: booleans as true/false, characters XML forbids dropped.

    ElementTree escapes ``<``, ``&`` and quotes but writes control characters as they are, which
    makes the file unreadable; text pasted from spreadsheets can hold them.
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return _NOT_XML.sub("", value)


def write_xml(root: ET.Element, stream: BinaryIO) -> None:
    """UTF-8 XML with its declaration.

    Serialising to text first and encoding once is several times faster than letting ElementTree
    encode each of its many small writes.
    """
    stream.write(b'<?xml version="1.0" encoding="utf-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode").encode("utf-8"))
    stream.write(b"\n")


def ordered(values: dict[str, Value], attributes: Sequence[Attribute]) -> list[tuple[str, Value]]:
    """The values that are present, in the declared attribute order."""
    return [(a.name, values[a.name]) for a in attributes if a.name in values]


@contextmanager
def atomic_output(path: Path) -> Iterator[BinaryIO]:
    """Write beside ``path`` and move into place at the end: a failed export leaves no half file."""
    if path.is_dir():
        raise InvalidValue("out", str(path), "is a folder; give a file name")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as error:
        raise InvalidValue("out", str(path), f"cannot write there ({error.strerror})") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
