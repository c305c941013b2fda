"""``quadhelix export ...``, ``backup`` and ``restore`` as a person or a script runs them."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
import typer
from sqlalchemy import Engine
from typer.testing import CliRunner

from quadhelix.cli import app as root
from quadhelix.cli import exports
from quadhelix.io.backup import backup_document, backup_text
from quadhelix.registry.database import transaction
from tests.cli.helpers import Run
from tests.conftest import Backend
from tests.io.test_backup import fresh_engine
from tests.io.test_gexf import Small, build_small_network

# The registration the root command gets (see the report to the lead); built here as well so that
# these tests run before and after it is added to quadhelix.cli.
cli = typer.Typer(cls=root.info.cls)
cli.add_typer(exports.app, name="export")
cli.command("backup")(exports.backup)
cli.command("restore")(exports.restore)


class Cli:
    def __init__(self, db_url: str) -> None:
        self.db_url = db_url

    def __call__(self, *args: str, ok: bool = True) -> Run:
        result = CliRunner().invoke(cli, [*args, "--db", self.db_url])
        run = Run(result.exit_code, result.stdout, result.stderr)
        assert (result.exit_code == 0) == ok, (args, result.stdout, result.stderr)
        assert "Traceback" not in result.output
        return run

    def error(self, *args: str) -> str:
        lines = [line for line in self(*args, ok=False).stderr.splitlines() if line.strip()]
        assert len(lines) == 1, lines
        return lines[0]


@pytest.fixture
def small(engine: Engine) -> Small:
    with transaction(engine) as session:
        return build_small_network(session)


@pytest.fixture
def qh(db_url: str) -> Cli:
    return Cli(db_url)


def test_graph_exports_with_filters(qh: Cli, small: Small, tmp_path: Path) -> None:
    gexf = tmp_path / "net.gexf"
    run = qh("export", "gexf", str(gexf), "--as-of", "2021-06-01", "--view", "both")
    # 1 tie + 3 pairs of shared coalitions, none directed on that day
    assert "Wrote 7 actors and 4 edges (0 directed, 4 undirected; both)" in run.stdout
    assert nx.read_gexf(gexf).number_of_nodes() == 7
    graphml = tmp_path / "net.graphml"
    run = qh("export", "graphml", str(graphml), "--theme", "klimaat", "--tie-type", "funding")
    assert "Wrote 3 actors and 1 edges (1 directed, 0 undirected; ties)" in run.stdout
    graph = nx.read_graphml(graphml)
    assert [d["tie_type"] for *_, d in graph.edges(data=True)] == ["funding"]


def test_jsonld_export(qh: Cli, small: Small, tmp_path: Path) -> None:
    out = tmp_path / "registry.jsonld"
    run = qh("export", "jsonld", str(out), "--base-iri", "https://data.stad.be/id")
    assert run.stdout.startswith("Wrote ")
    document = json.loads(out.read_text(encoding="utf-8"))
    ids = {node["@id"] for node in document["@graph"]}
    assert f"https://data.stad.be/id/actor/{small.actors['jan']}" in ids


def test_csv_export_is_registered(qh: Cli, small: Small, tmp_path: Path) -> None:
    qh("export", "csv", str(tmp_path))
    assert (tmp_path / "actors.csv").exists()


def test_bad_options_write_nothing(qh: Cli, small: Small, tmp_path: Path) -> None:
    out = tmp_path / "net.gexf"
    assert "either a date or a period" in qh.error(
        "export", "gexf", str(out), "--as-of", "2020-01-01", "--from", "2019-01-01"
    )
    assert "unknown theme" in qh.error("export", "graphml", str(out), "--theme", "ruimtevaart")
    assert "tie_type" in qh.error("export", "gexf", str(out), "--tie-type", "vriendschap")
    assert "base_iri" in qh.error("export", "jsonld", str(out), "--base-iri", "stad.be")
    assert "cannot write there" in qh.error("export", "gexf", str(tmp_path / "no" / "net.gexf"))
    assert list(tmp_path.iterdir()) == []


def test_backup_and_restore(
    qh: Cli, small: Small, engine: Engine, backend: Backend, tmp_path: Path
) -> None:
    path = tmp_path / "registry.json.gz"
    assert "to " + str(path) in qh("backup", str(path)).stdout
    original = backup_text(backup_document(engine))
    target = fresh_engine(backend)
    try:
        fresh = Cli(target.url.render_as_string(hide_password=False))
        run = fresh("restore", str(path))
        assert "Restored 8 actors, 3 coalitions, 9 memberships and 3 ties" in run.stdout
        assert backup_text(backup_document(target)) == original
        assert "not empty" in fresh.error("restore", str(path))
        assert "replaced" in fresh("restore", str(path), "--replace").stdout
    finally:
        target.dispose()


def test_restore_of_a_cut_file_changes_nothing(
    qh: Cli, small: Small, engine: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "registry.json"
    qh("backup", str(path))
    before = backup_text(backup_document(engine))
    cut = tmp_path / "cut.json"
    cut.write_bytes(path.read_bytes()[:-300])
    assert "cut short" in qh.error("restore", str(cut), "--replace")
    assert backup_text(backup_document(engine)) == before


def test_restore_needs_a_registry(tmp_path: Path) -> None:
    message = Cli(f"sqlite:///{tmp_path / 'none.db'}").error("restore", str(tmp_path / "x.json"))
    assert "quadhelix init" in message
