"""Merged actors live on as aliases: every import that still names them updates the survivor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from quadhelix.io.cordis import import_cordis
from quadhelix.io.kbo import import_kbo
from quadhelix.io.load import import_spreadsheet
from quadhelix.io.report import ImportRejected
from quadhelix.io.verenigingsregister import import_verenigingsregister
from quadhelix.registry.actors import actor_public, create_actor, get_actor
from quadhelix.registry.database import transaction
from quadhelix.registry.errors import Conflict
from quadhelix.registry.merge import merge_actors
from quadhelix.registry.model import Actor, ActorAlias, Membership
from quadhelix.registry.schemas import ActorCreate
from tests.io.helpers import dump, write
from tests.io.test_kbo import BV, VZW, kbo_files
from tests.io.test_verenigingsregister import record

ACTORS = """id,name,helix,kbo
keep,Buurtwerk Rabot vzw,middenveld,0417.497.106
dup,Buurtwerk Rabot,middenveld,0202.239.951
"""


def _merge(engine: Engine, keep: str, drop: str) -> list[str]:
    with transaction(engine) as session:
        return merge_actors(session, get_actor(session, keep), get_actor(session, drop)).aliases


def _actors(engine: Engine) -> int:
    with engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(Actor)) or 0


def test_merge_keeps_the_external_id_and_kbo_as_aliases(engine: Engine, tmp_path: Path) -> None:
    import_spreadsheet(engine, "actors", write(tmp_path / "a.csv", ACTORS))
    assert _merge(engine, "keep", "dup") == ["dup", "KBO 0202.239.951"]
    with transaction(engine) as session:
        assert get_actor(session, "dup").external_id == "keep"
        assert get_actor(session, "0202.239.951").external_id == "keep"
        public = actor_public(get_actor(session, "keep"))
        assert [(a.external_id, a.kbo) for a in public.aliases] == [("dup", "0202239951")]
        with pytest.raises(Conflict, match="merged into"):
            create_actor(session, ActorCreate(name="Nieuw", helix="business", external_id="dup"))
    # A chain of merges: the aliases of the merged actor move along.
    write(tmp_path / "b.csv", "id,name,helix\nthird,Rabot Buurtwerk,middenveld\n")
    import_spreadsheet(engine, "actors", tmp_path / "b.csv")
    assert _merge(engine, "third", "keep") == ["dup", "KBO 0202.239.951", "keep"]
    with transaction(engine) as session:
        third = get_actor(session, "dup")
        assert third.external_id == "third" and third.kbo == "0417497106"  # filled from keep


def test_a_survivor_without_an_id_takes_the_id_instead_of_an_alias(engine: Engine) -> None:
    with transaction(engine) as session:
        hand = create_actor(session, ActorCreate(name="Rabot", helix="middenveld")).actor
        imported = create_actor(
            session, ActorCreate(name="Rabot vzw", helix="middenveld", external_id="R1")
        ).actor
        assert merge_actors(session, hand, imported).aliases == []
        assert hand.external_id == "R1"
    with engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(ActorAlias)) == 0


def test_reimporting_a_merged_id_updates_the_survivor(engine: Engine, tmp_path: Path) -> None:
    path = write(tmp_path / "a.csv", ACTORS)
    import_spreadsheet(engine, "actors", path)
    _merge(engine, "keep", "dup")
    again = import_spreadsheet(engine, "actors", path)
    assert again.tables["actor"].created == 0
    assert _actors(engine) == 1
    with transaction(engine) as session:
        keep = get_actor(session, "keep")
        assert keep.kbo == "0417497106"  # the merged row does not take the survivor's number
        assert keep.name == "Buurtwerk Rabot vzw"  # the survivor's own row wins
    changed = write(
        tmp_path / "c.csv", "id,name,helix,website\ndup,Buurtwerk Rabot,middenveld,r.be\n"
    )
    report = import_spreadsheet(engine, "actors", changed)
    assert (report.tables["actor"].created, report.tables["actor"].updated) == (0, 1)
    with transaction(engine) as session:
        keep = get_actor(session, "keep")
        assert (keep.name, keep.website) == ("Buurtwerk Rabot", "https://r.be")
    assert import_spreadsheet(engine, "actors", changed).tables["actor"].unchanged == 1
    write(tmp_path / "p.csv", "id,name,kind\nproj,Project,project\n")
    import_spreadsheet(engine, "coalitions", tmp_path / "p.csv")
    write(tmp_path / "m.csv", "coalition_id,actor_id,role\nproj,dup,partner\n")
    import_spreadsheet(engine, "members", tmp_path / "m.csv")
    with transaction(engine) as session:
        assert [m.actor.external_id for m in session.scalars(select(Membership))] == ["keep"]


def test_a_merged_kbo_number_cannot_start_a_new_actor(engine: Engine, tmp_path: Path) -> None:
    import_spreadsheet(engine, "actors", write(tmp_path / "a.csv", ACTORS))
    _merge(engine, "keep", "dup")
    before = dump(engine)
    other = write(tmp_path / "o.csv", "id,name,helix,kbo\nnew,Bakkerij,bedrijf,0202.239.951\n")
    with pytest.raises(ImportRejected, match="belonged to a actor merged into"):
        import_spreadsheet(engine, "actors", other)
    assert dump(engine) == before


def test_cordis_reimport_after_merging_two_pics(engine: Engine, tmp_path: Path) -> None:
    path = write(
        tmp_path / "p.csv",
        "rcn,role,pic,type,contribution,country,start_date,end_date\n"
        "1,coordinator,999,HES,10,BE,2020-01-01,2021-01-01\n"
        "1,participant,998,HES,10,BE,2020-01-01,2021-01-01\n"
        "2,coordinator,998,HES,10,BE,2020-01-01,2021-01-01\n"
        "3,participant,999,HES,10,BE,2020-01-01,2021-01-01\n"
        "3,participant,998,HES,10,BE,2020-01-01,2021-01-01\n",
    )
    import_cordis(engine, path)
    _merge(engine, "999", "998")
    members_before = dump(engine)["membership"]
    again = import_cordis(engine, path)
    assert again.tables["actor"].created == 0
    assert _actors(engine) == 1
    assert again.tables["membership"].created == 0
    assert dump(engine)["membership"] == members_before
    assert all(c.created == c.updated == 0 for c in import_cordis(engine, path).tables.values())


def test_kbo_leaves_a_merged_number_to_the_survivor(engine: Engine, tmp_path: Path) -> None:
    source = kbo_files(tmp_path / "kbo")
    import_kbo(engine, source, ["9000", "9030"])
    _merge(engine, f"kbo:{VZW.replace('.', '')}", f"kbo:{BV.replace('.', '')}")
    count = _actors(engine)
    report = import_kbo(engine, source, ["9000", "9030"])
    assert report.tables["actor"].created == 0
    assert _actors(engine) == count
    assert any("already in the registry" in note for note in report.notes)


def test_verenigingsregister_reimport_updates_the_survivor(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    path.write_text(
        json.dumps([record("V0001001", "Rabot Sport", ["SPRT"]), record("V0001002", "Rabot", [])])
    )
    import_verenigingsregister(engine, path)
    _merge(engine, "V0001001", "V0001002")
    report = import_verenigingsregister(engine, path)
    assert report.tables["actor"].created == 0
    assert _actors(engine) == 1
    with transaction(engine) as session:
        assert get_actor(session, "V0001002").association_code == "V0001001"


def test_a_parent_may_be_named_by_a_merged_id(engine: Engine, tmp_path: Path) -> None:
    import_spreadsheet(engine, "actors", write(tmp_path / "a.csv", ACTORS))
    _merge(engine, "keep", "dup")
    child = write(
        tmp_path / "c.csv", "id,name,helix,kind,parent_id\nteam,Team,middenveld,team,dup\n"
    )
    import_spreadsheet(engine, "actors", child)
    with transaction(engine) as session:
        team = get_actor(session, "team")
        assert team.parent is not None and team.parent.external_id == "keep"
