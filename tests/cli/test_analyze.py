"""``quadhelix analyze``: every command in table, JSON and CSV form, on both back ends."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
import typer
from sqlalchemy import Engine
from typer.testing import CliRunner

from quadhelix.cli import analyze
from quadhelix.cli import app as main_app
from quadhelix.registry.database import transaction
from tests.analytics.datasets import knoke_nx, load_knoke, load_small_city

runner = CliRunner()


def _cli() -> typer.Typer:
    """The analyze commands under a root group with the real error handling."""
    root = typer.Typer(cls=main_app.info.cls)
    root.add_typer(analyze.app, name="analyze")
    return root


@pytest.fixture
def city(engine: Engine, db_url: str) -> tuple[str, dict[str, int]]:
    with transaction(engine) as session:
        ids = load_small_city(session)
        load_knoke(session)
    return db_url, ids


def _run(db: str, *args: str) -> Any:
    result = runner.invoke(_cli(), ["analyze", *args, "--db", db])
    assert result.exit_code == 0, result.output
    return result


def _json(db: str, *args: str) -> Any:
    return json.loads(_run(db, *args, "--json").stdout)


def test_summary(city: tuple[str, dict[str, int]]) -> None:
    db, _ = city
    data = _json(db)
    knoke_pairs = knoke_nx().to_undirected().number_of_edges()
    assert data["actors"] == 16 and data["ties"] == knoke_pairs + 2  # team-ngo merged
    assert data["distance_method"] == "exact"
    for key in ("density", "components", "transitivity", "articulation_points", "ei_helix"):
        assert key in data
    assert "density" in _run(db).stdout
    rows = list(csv.reader(io.StringIO(_run(db, "--csv").stdout)))
    assert rows[0] == ["metric", "value"]


def test_actors_top_by_metric(city: tuple[str, dict[str, int]]) -> None:
    db, _ = city
    data = _json(db, "actors", "--metric", "degree", "--top", "3", "--directed")
    degrees = [row["degree"] for row in data["rows"]]
    assert len(degrees) == 3 and degrees == sorted(degrees, reverse=True)
    assert data["betweenness_method"] == "exact" and data["rows"][0]["name"] == "MAYR"
    table = list(csv.reader(io.StringIO(_run(db, "actors", "--csv", "--top", "0").stdout)))
    assert table[0][:3] == ["actor_id", "name", "helix"] and len(table) == 17
    assert "MAYR" in _run(db, "actors").stdout


def test_actors_rejects_an_unknown_metric(city: tuple[str, dict[str, int]]) -> None:
    db, _ = city
    result = runner.invoke(_cli(), ["analyze", "actors", "--metric", "fame", "--db", db])
    assert result.exit_code == 1 and "metric" in result.output


def test_silos(city: tuple[str, dict[str, int]]) -> None:
    db, _ = city
    data = _json(db, "silos", "--by", "helix", "--permutations", "99")
    assert data["ei"]["permutations"] == 99
    assert {g["group"] for g in data["ei"]["groups"]} >= {"government", "business"}
    assert data["by_sector"]["columns"] == data["by_sector"]["rows"]
    departments = _json(db, "silos")
    assert departments["by"] == "department"
    assert "Ruimte" in {g["group"] for g in departments["ei"]["groups"]}
    assert "E-I index" in _run(db, "silos", "--by", "department").stdout


def test_synergy(city: tuple[str, dict[str, int]]) -> None:
    db, _ = city
    data = _json(db, "synergy", "--by", "area")
    assert data["coalitions"] == 2 and data["by"] == "district"
    assert data["triple"]["dimensions"] == ["knowledge", "business", "government"]
    assert {"t_bits", "t_mbits", "r_bits", "r_mbits"} <= set(data["quadruple"])
    assert "r_mbits" in _run(db, "synergy", "--csv").stdout


def test_coalition(city: tuple[str, dict[str, int]]) -> None:
    db, ids = city
    data = _json(db, "coalition", str(ids["plan"]))
    assert data["composition"]["sectors_present"] == 3
    assert data["governance"]["suggestion"] in {
        "shared",
        "lead_organisation",
        "network_administrative_organisation",
    }
    assert "suggestion" in _run(db, "coalition", "Hitteplan").stdout
    missing = runner.invoke(_cli(), ["analyze", "coalition", "nope", "--db", db])
    assert missing.exit_code == 1 and "not found" in missing.output


def test_compare(city: tuple[str, dict[str, int]]) -> None:
    db, _ = city
    data = _json(db, "compare", "2020-06-01", "2023-06-01")
    assert data["before"] == "2020-06-01" and data["after"] == "2023-06-01"
    assert [c["name"] for c in data["coalitions_started"]] == ["Hitteplan"]
    assert any(a["name"] == "Bouwbedrijf" for a in data["actors_joined"])
    assert "tie_gained" in _run(db, "compare", "2020-06-01", "2023-06-01", "--csv").stdout


def test_filters_and_bad_dates(city: tuple[str, dict[str, int]]) -> None:
    db, _ = city
    assert _json(db, "--tie-type", "contract")["ties"] == 1
    assert _json(db, "--view", "comembership", "--theme", "climate")["actors"] == 3
    assert _json(db, "--as-of", "2019-01-01", "--tie-source", "import", "--directed")["ties"] == 49
    bad = runner.invoke(_cli(), ["analyze", "--as-of", "yesterday", "--db", db])
    assert bad.exit_code == 1 and "as_of" in bad.output
    both = runner.invoke(_cli(), ["analyze", "--json", "--csv", "--db", db])
    assert both.exit_code == 1
