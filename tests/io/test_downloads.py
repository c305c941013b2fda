"""One export as one file, in every format the web pages and the API hand out."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import networkx as nx
import pytest
from sqlalchemy import Engine

from quadhelix.io.csv_export import export_csv
from quadhelix.io.downloads import ExportRequest, Format, write_download
from quadhelix.io.export_records import View
from quadhelix.registry.database import transaction
from quadhelix.registry.errors import InvalidValue
from tests.io.test_gexf import Small, build_small_network


@pytest.fixture
def small(engine: Engine) -> Small:
    with transaction(engine) as session:
        return build_small_network(session)


def _file(engine: Engine, **options: object) -> bytes:
    stream = io.BytesIO()
    write_download(engine, ExportRequest(**options), stream)  # type: ignore[arg-type]
    return stream.getvalue()


def test_graph_formats_hold_the_selected_network(engine: Engine, small: Small) -> None:
    everyone = nx.read_graphml(io.BytesIO(_file(engine, format=Format.GRAPHML)))
    assert everyone.number_of_nodes() == len(small.actors) and everyone.number_of_edges() == 3
    later = nx.read_graphml(io.BytesIO(_file(engine, format=Format.GRAPHML, as_of="2021-06-01")))
    names = {data["name"] for _, data in later.nodes(data=True)}
    assert "Jan Peeters" not in names and "Buurtwerk Rabot" in names  # Jan ended in 2020
    shared = nx.read_gexf(io.BytesIO(_file(engine, format=Format.GEXF, view=View.COMEMBERSHIP)))
    assert shared.number_of_edges() == 6  # three pairs share two coalitions, three pairs one
    document = json.loads(_file(engine, format=Format.JSONLD, base_iri="https://stad.example"))
    iris = {node["@id"] for node in document["@graph"]}
    assert any(iri.startswith("https://stad.example/") for iri in iris)


def test_csv_is_the_four_canonical_files_in_one_archive(
    engine: Engine, small: Small, tmp_path: Path
) -> None:
    archive = zipfile.ZipFile(io.BytesIO(_file(engine, format=Format.CSV, excel=True)))
    assert sorted(archive.namelist()) == ["actors.csv", "coalitions.csv", "members.csv", "ties.csv"]
    expected = export_csv(engine, tmp_path, excel=True)
    for path in expected.files:
        assert archive.read(path.name) == path.read_bytes()


@pytest.mark.parametrize(
    ("options", "field"),
    [
        ({"format": Format.GEXF, "as_of": "31/31/2020"}, "as_of"),
        ({"format": Format.CSV, "start": "gisteren"}, "from"),
        ({"format": Format.JSONLD, "base_iri": "stad.example"}, "base_iri"),
        ({"format": Format.CSV, "tie_types": ["funding"]}, "tie_types"),  # CSV keeps them all
        ({"format": Format.JSONLD, "tie_types": ["funding"]}, "tie_types"),
        ({"format": Format.CSV, "coalition_kinds": ["project"]}, "coalition_kinds"),
    ],
)
def test_a_wrong_option_is_named_and_nothing_is_written(
    engine: Engine, small: Small, options: dict[str, object], field: str
) -> None:
    stream = io.BytesIO()
    with pytest.raises(InvalidValue) as refused:
        write_download(engine, ExportRequest(**options), stream)  # type: ignore[arg-type]
    assert refused.value.field == field
    assert stream.getvalue() == b""


def test_formats_name_their_media_type_and_suffix() -> None:
    assert (Format.GEXF.media_type, Format.GEXF.suffix) == ("application/gexf+xml", ".gexf")
    assert (Format.CSV.media_type, Format.CSV.suffix) == ("application/zip", ".zip")
    assert Format.JSONLD.media_type == "application/ld+json"


def test_a_filtered_csv_holds_the_same_actors_as_the_graph_formats(
    engine: Engine, small: Small
) -> None:
    """Theme "climate": its coalition's members too, with their memberships (as analytics)."""
    graph = nx.read_graphml(io.BytesIO(_file(engine, format=Format.GRAPHML, themes=["climate"])))
    in_graph = {data["name"] for _, data in graph.nodes(data=True)}
    archive = zipfile.ZipFile(io.BytesIO(_file(engine, format=Format.CSV, themes=["climate"])))
    actors = list(csv.reader(archive.read("actors.csv").decode("utf-8").splitlines()))[1:]
    in_csv = {row[1] for row in actors}
    assert in_csv == in_graph and "Buurtwerk Rabot" in in_csv  # a member, not tagged itself
    members = archive.read("members.csv").decode("utf-8").splitlines()[1:]
    assert len(members) >= 3  # the climate plan's three members
