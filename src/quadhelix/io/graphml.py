"""GraphML for NetworkX, igraph, R and yEd: the same nodes, edges and attributes as the GEXF.

Specification: http://graphml.graphdrawing.org/ (GraphML 1.0 primer and schema). GraphML has no
date type, so ``start`` and ``end`` are ISO dates (``YYYY-MM-DD``) in string attributes.

GraphML allows mixed graphs, but NetworkX and igraph read one direction for the whole graph, so
a network with one directed tie is written with ``edgedefault="directed"``; undirected ties keep
``directed = false`` in their data and should be read as going both ways.
"""

from __future__ import annotations

from datetime import date
from typing import BinaryIO
from xml.etree import ElementTree as ET

from quadhelix.io.export_records import (
    EDGE_ATTRIBUTES,
    NODE_ATTRIBUTES,
    Attribute,
    Network,
    Value,
    ordered,
    write_xml,
    xml_text,
)

NAMESPACE = "http://graphml.graphdrawing.org/xmlns"
SCHEMA = "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"

NAME = Attribute("name", "string", "the actor's name")
WEIGHT = Attribute("weight", "double", "strength of the tie, or number of shared coalitions")
START = Attribute("start", "string", "first day (YYYY-MM-DD)")
END = Attribute("end", "string", "last day (YYYY-MM-DD)")
NODE_KEYS = (NAME, *NODE_ATTRIBUTES, START, END)
EDGE_KEYS = (WEIGHT, *EDGE_ATTRIBUTES, START, END)


def _key_id(kind: str, name: str) -> str:
    return f"{kind[0]}_{name}"


def _keys(root: ET.Element, kind: str, attributes: tuple[Attribute, ...]) -> None:
    for attribute in attributes:
        key = ET.SubElement(
            root,
            "key",
            {
                "id": _key_id(kind, attribute.name),
                "for": kind,
                "attr.name": attribute.name,
                "attr.type": attribute.type,
            },
        )
        ET.SubElement(key, "desc").text = attribute.about


def _data(
    element: ET.Element, kind: str, values: dict[str, Value], keys: tuple[Attribute, ...]
) -> None:
    for name, value in ordered(values, keys):
        data = ET.SubElement(element, "data", {"key": _key_id(kind, name)})
        data.text = xml_text(value)


def _with_dates(values: dict[str, Value], start: date | None, end: date | None) -> dict[str, Value]:
    dated = dict(values)
    if start is not None:
        dated["start"] = start.isoformat()
    if end is not None:
        dated["end"] = end.isoformat()
    return dated


def graphml_tree(network: Network) -> ET.Element:
    root = ET.Element(
        "graphml",
        {"xmlns": NAMESPACE, "xmlns:xsi": XSI, "xsi:schemaLocation": f"{NAMESPACE} {SCHEMA}"},
    )
    _keys(root, "node", NODE_KEYS)
    _keys(root, "edge", EDGE_KEYS)
    graph = ET.SubElement(
        root,
        "graph",
        {"id": "quadhelix", "edgedefault": "directed" if network.directed else "undirected"},
    )
    ET.SubElement(graph, "desc").text = xml_text(
        f"quadhelix network, {network.view.value} view; selection: {network.description}"
    )
    for node in network.nodes:
        element = ET.SubElement(graph, "node", {"id": node.id})
        values = _with_dates({"name": node.label, **node.values}, node.start, node.end)
        _data(element, "node", values, NODE_KEYS)
    for edge in network.edges:
        element = ET.SubElement(
            graph, "edge", {"id": edge.id, "source": edge.source, "target": edge.target}
        )
        values = _with_dates({"weight": float(edge.weight), **edge.values}, edge.start, edge.end)
        _data(element, "edge", values, EDGE_KEYS)
    ET.indent(root, space=" ")
    return root


def write_graphml(network: Network, stream: BinaryIO) -> None:
    """Write ``network`` as GraphML (UTF-8) to a binary stream."""
    write_xml(graphml_tree(network), stream)
