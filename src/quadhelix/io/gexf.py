"""GEXF 1.3 for Gephi: actors as nodes, ties and shared coalitions as edges, with their dates.

The graph is dynamic (``timeformat="date"``): nodes and edges carry the ``start``/``end`` of the
actor or tie, so Gephi's timeline can replay the network. Specification: https://gexf.net/ (GEXF
1.3 schema, ``gexf.rnc`` and ``dynamics.rnc``).

Directed and undirected ties cannot share a graph in most readers (NetworkX refuses it), so a
network with one directed tie becomes a directed graph whose undirected ties are ``mutual``
edges: Gephi draws them both ways and NetworkX reads each as two arcs.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import BinaryIO
from xml.etree import ElementTree as ET

from quadhelix.io.export_records import (
    EDGE_ATTRIBUTES,
    NODE_ATTRIBUTES,
    Attribute,
    Edge,
    Network,
    Node,
    Value,
    ordered,
    write_xml,
    xml_text,
)

NAMESPACE = "http://gexf.net/1.3"
SCHEMA = "http://gexf.net/1.3/gexf.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
_TYPES = {"string": "string", "boolean": "boolean", "double": "double"}


def _dated(element: ET.Element, start: date | None, end: date | None) -> None:
    for name, day in (("start", start), ("end", end)):
        if day is not None:
            element.set(name, day.isoformat())


def _attributes(parent: ET.Element, kind: str, attributes: tuple[Attribute, ...]) -> None:
    declared = ET.SubElement(parent, "attributes", {"class": kind})
    for attribute in attributes:
        ET.SubElement(
            declared,
            "attribute",
            {"id": attribute.name, "title": attribute.name, "type": _TYPES[attribute.type]},
        )


def _attvalues(element: ET.Element, pairs: list[tuple[str, Value]]) -> None:
    if not pairs:
        return
    values = ET.SubElement(element, "attvalues")
    for name, value in pairs:
        ET.SubElement(values, "attvalue", {"for": name, "value": xml_text(value)})


def _node(nodes: ET.Element, node: Node) -> None:
    element = ET.SubElement(nodes, "node", {"id": node.id, "label": xml_text(node.label)})
    _dated(element, node.start, node.end)
    _attvalues(element, ordered(node.values, NODE_ATTRIBUTES))


def _edge(edges: ET.Element, edge: Edge, directed_graph: bool) -> None:
    element = ET.SubElement(
        edges,
        "edge",
        {
            "id": edge.id,
            "source": edge.source,
            "target": edge.target,
            "weight": xml_text(float(edge.weight)),
            "kind": str(edge.values["tie_type"]),
        },
    )
    if directed_graph and not edge.directed:
        element.set("type", "mutual")
    _dated(element, edge.start, edge.end)
    _attvalues(element, ordered(edge.values, EDGE_ATTRIBUTES))


def gexf_tree(network: Network, today: datetime | None = None) -> ET.Element:
    directed = network.directed
    root = ET.Element(
        "gexf",
        {
            "xmlns": NAMESPACE,
            "xmlns:xsi": XSI,
            "xsi:schemaLocation": f"{NAMESPACE} {SCHEMA}",
            "version": "1.3",
        },
    )
    day = (today or datetime.now(UTC)).date().isoformat()
    meta = ET.SubElement(root, "meta", {"lastmodifieddate": day})
    ET.SubElement(meta, "creator").text = "quadhelix"
    ET.SubElement(meta, "description").text = xml_text(
        f"quadhelix network, {network.view.value} view; selection: {network.description}"
    )
    graph = ET.SubElement(
        root,
        "graph",
        {
            "mode": "dynamic",
            "defaultedgetype": "directed" if directed else "undirected",
            "timeformat": "date",
        },
    )
    _attributes(graph, "node", NODE_ATTRIBUTES)
    _attributes(graph, "edge", EDGE_ATTRIBUTES)
    nodes = ET.SubElement(graph, "nodes", {"count": str(len(network.nodes))})
    for node in network.nodes:
        _node(nodes, node)
    edges = ET.SubElement(graph, "edges", {"count": str(len(network.edges))})
    for edge in network.edges:
        _edge(edges, edge, directed)
    ET.indent(root, space=" ")
    return root


def write_gexf(network: Network, stream: BinaryIO) -> None:
    """Write ``network`` as GEXF 1.3 (UTF-8) to a binary stream."""
    write_xml(gexf_tree(network), stream)
