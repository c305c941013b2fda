"""Backup and restore: identical round trips, also across back ends; refusals change nothing."""

from __future__ import annotations

import gzip
import json
from collections import Counter
from pathlib import Path
from typing import Any

import igraph as ig
import pytest
from sqlalchemy import Engine, select, text

from quadhelix.demo.city import build_demo_city
from quadhelix.io.backup import (
    FORMAT_VERSION,
    BackupError,
    backup_document,
    backup_text,
    restore_document,
    restore_file,
    write_backup,
)
from quadhelix.io.export_filters import export_filter
from quadhelix.io.export_records import View, read_network
from quadhelix.io.graphml import write_graphml
from quadhelix.registry.actors import create_actor, get_actor
from quadhelix.registry.bootstrap import initialise
from quadhelix.registry.database import make_engine, transaction
from quadhelix.registry.model import Actor, ActorAlias, Setting
from quadhelix.registry.schemas import ActorCreate
from tests.conftest import Backend
from tests.io.test_gexf import build_small_network


def fill(engine: Engine) -> None:
    with transaction(engine) as session:
        small = build_small_network(session)
        # A merged actor's identifiers and a provenance: a backup keeps them too.
        buurtwerk = session.get(Actor, small.actors["buurtwerk"])
        assert buurtwerk is not None
        buurtwerk.provenance = "KBO/BCE open data: juridical form 017 (vzw)"
        buurtwerk.aliases.append(ActorAlias(external_id="bw-oud", kbo="0202239951"))
        # Text keys whose order depends on collation: the backup must not.
        for key, value in (("city", "Gent"), ("Zone", "Oost"), ("_x", "é"), ("alpha", "")):
            session.add(Setting(key=key, value=value))


@pytest.fixture
def filled(engine: Engine) -> Engine:
    fill(engine)
    return engine


def fresh_engine(backend: Backend) -> Engine:
    """A second, empty registry beside the ``engine`` fixture's (which PostgreSQL shares)."""
    if backend.name == "sqlite":
        return make_engine(backend.registry_url())
    engine = make_engine(backend.empty_url())
    initialise(engine)
    return engine


@pytest.fixture
def target(backend: Backend) -> Any:
    engine = fresh_engine(backend)
    yield engine
    engine.dispose()


def snapshot(engine: Engine) -> str:
    return backup_text(backup_document(engine))


def test_round_trip_is_identical(filled: Engine, target: Engine, tmp_path: Path) -> None:
    path = tmp_path / "registry.json.gz"
    counts = write_backup(filled, path)
    assert counts["actor"] == 8 and counts["membership"] == 9 and counts["setting"] == 4
    assert counts["actor_alias"] == 1
    assert gzip.decompress(path.read_bytes()).decode() == snapshot(filled)
    report = restore_file(target, path)
    assert report.rows == counts
    assert snapshot(target) == snapshot(filled)
    with transaction(target) as session:
        restored = get_actor(session, "bw-oud")
        assert restored.name == "Buurtwerk Rabot" and restored.provenance is not None


def test_sqlite_to_postgresql(backend: Backend, tmp_path: Path, target: Engine) -> None:
    if backend.name != "postgresql":
        pytest.skip("crosses from SQLite to PostgreSQL")
    source = make_engine(f"sqlite:///{tmp_path / 'source.db'}")
    initialise(source)
    fill(source)
    original = snapshot(source)
    source.dispose()
    restore_document(target, json.loads(original))
    assert snapshot(target) == original


def test_ids_are_kept_and_new_ids_follow(filled: Engine, target: Engine) -> None:
    restore_document(target, backup_document(filled))
    with transaction(filled) as session:
        before = {a.id: a.name for a in session.scalars(select(Actor))}
    with transaction(target) as session:
        assert {a.id: a.name for a in session.scalars(select(Actor))} == before
        new = create_actor(session, ActorCreate(name="Nieuw", helix="business")).actor
        assert new.id == max(before) + 1


def test_a_registry_with_data_is_refused(filled: Engine) -> None:
    document = backup_document(filled)
    with pytest.raises(
        BackupError, match=r"not empty \(area: 3, coalition: 3, setting: 4, actor: 8, .*--replace"
    ):
        restore_document(filled, document)


def test_replace_wipes_and_restores(filled: Engine, target: Engine) -> None:
    with transaction(target) as session:
        create_actor(session, ActorCreate(name="Weg ermee", helix="business", external_id="X1"))
    restore_document(target, backup_document(filled), replace=True)
    assert snapshot(target) == snapshot(filled)


def test_a_database_refusal_rolls_everything_back(filled: Engine) -> None:
    """The file passes every check but breaks a CHECK constraint: nothing may be wiped."""
    document = backup_document(filled)
    before = backup_text(document)
    tie = document["tables"]["tie"]
    tie["rows"][0][tie["columns"].index("weight")] = -1.0
    with pytest.raises(BackupError, match="restore: the database refused the backup"):
        restore_document(filled, document, replace=True)
    assert snapshot(filled) == before


def broken(document: dict[str, Any], table: str, column: str, value: Any) -> dict[str, Any]:
    block = document["tables"][table]
    block["rows"][0][block["columns"].index(column)] = value
    return document


SPOILED: list[tuple[Any, str]] = [
    (lambda d: d.update(format="other"), "not a quadhelix backup"),
    (lambda d: d.update(format_version=FORMAT_VERSION + 1), "format version 2"),
    (lambda d: d.update(schema_revision="0000"), "schema revision '0000'"),
    (lambda d: d["tables"].pop("tie"), r"missing \['tie'\]"),
    (lambda d: d["tables"]["tie"]["columns"].pop(), "table tie has columns"),
    (lambda d: d["tables"]["tie"]["rows"][0].pop(), "tie row 1 should be a list of 12"),
    (
        lambda d: broken(d, "tie", "source_actor_id", 999),
        "source_actor_id 999 refers to no actor",
    ),
    (lambda d: broken(d, "actor", "helix", "aliens"), "actor row 1: helix is 'aliens'"),
    (lambda d: broken(d, "actor", "name", None), "actor row 1: name is empty"),
    (lambda d: broken(d, "tie", "directed", "yes"), "directed should be true or false"),
    (lambda d: broken(d, "tie", "weight", "2"), "weight should be a number"),
    (lambda d: broken(d, "membership", "start_date", "31/12/2020"), "not an ISO date"),
    (lambda d: broken(d, "actor", "created_at", "2024-01-01T10:00:00"), "no time zone"),
    (lambda d: broken(d, "actor", "kbo", "0" * 11), "kbo is 11 characters long"),
    (lambda d: broken(d, "actor", "id", 2), "actor row 2: id=2 occurs twice"),
    (lambda d: broken(d, "area", "parent_id", 3), r"area: rows \[1, 2, 3\] are their own"),
]


def test_bad_documents_are_refused_precisely(filled: Engine) -> None:
    """One registry for all cases (each restore is refused before it writes anything)."""
    before = snapshot(filled)
    for spoil, message in SPOILED:
        document = json.loads(before)
        spoil(document)
        with pytest.raises(BackupError, match=message):
            restore_document(filled, document, replace=True)
    assert snapshot(filled) == before


def test_broken_files(filled: Engine, tmp_path: Path) -> None:
    path = tmp_path / "backup.json"
    write_backup(filled, path)
    data = path.read_bytes()
    cases = {
        "cut.json": (data[: len(data) // 2], "cut short"),
        "cut.json.gz": (gzip.compress(data)[:200], "broken or cut-short gzip"),
        "binary.json": (b"\xff\xfe\x00garbage", "not UTF-8"),
        "list.json": (b"[1, 2]", "not a quadhelix backup"),
    }
    for name, (content, message) in cases.items():
        (tmp_path / name).write_bytes(content)
        with pytest.raises(BackupError, match=message):
            restore_file(filled, tmp_path / name, replace=True)
    with pytest.raises(BackupError, match="cannot read"):
        restore_file(filled, tmp_path / "missing.json", replace=True)
    assert path.read_text(encoding="utf-8") == snapshot(filled)


@pytest.mark.slow
def test_demo_city_round_trip_and_graph(engine: Engine, target: Engine, tmp_path: Path) -> None:
    """Realistic volume: the demo city survives a round trip, and its GraphML holds all of it."""
    with transaction(engine) as session:
        build_demo_city(session, seed=7)
    document = backup_document(engine)
    restore_document(target, json.loads(backup_text(document)))
    assert snapshot(target) == backup_text(document)
    with transaction(target) as session:
        network = read_network(session, export_filter(), View.BOTH)
    path = tmp_path / "demo.graphml"
    with path.open("wb") as stream:
        write_graphml(network, stream)
    graph = ig.Graph.Read_GraphML(str(path))
    tables = document["tables"]
    assert graph.vcount() == len(tables["actor"]["rows"])
    kinds = Counter(graph.es["tie_type"])
    assert sum(kinds.values()) - kinds["co_membership"] == len(tables["tie"]["rows"])
    assert kinds["co_membership"] > 0


def test_every_table_is_backed_up(filled: Engine) -> None:
    assert {"account", "api_token", "actor", "setting"} <= set(backup_document(filled)["tables"])


def test_an_unknown_table_stops_the_backup(target: Engine) -> None:
    with target.begin() as connection:
        connection.execute(text("CREATE TABLE city_extra (id INTEGER PRIMARY KEY)"))
    with pytest.raises(BackupError, match=r"tables quadhelix does not know: \['city_extra'\]"):
        backup_document(target)
