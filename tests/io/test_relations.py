"""Members and ties name their actors and coalitions the way the rest of quadhelix does."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text

from quadhelix.io.csv_export import export_csv
from quadhelix.io.load import import_spreadsheet
from quadhelix.io.report import ImportRejected
from quadhelix.registry.database import transaction
from quadhelix.registry.instance import registry_key
from quadhelix.registry.model import Base
from tests.io.helpers import dump, registry_files, write


def _ids(engine: Engine, table: str) -> dict[str, int]:
    column = Base.metadata.tables[table].c
    with engine.connect() as connection:
        return {ext: i for i, ext in connection.execute(select(column.id, column.external_id))}


def _registry(engine: Engine, directory: Path) -> None:
    for kind, path in registry_files(directory).items():
        import_spreadsheet(engine, kind, path)


def _key(engine: Engine) -> str:
    """This registry's key, as the first export makes it."""
    with transaction(engine) as session:
        return registry_key(session)


def test_references_by_number_export_id_kbo_and_name(engine: Engine, tmp_path: Path) -> None:
    _registry(engine, tmp_path / "in")
    actors, coalitions = _ids(engine, "actor"), _ids(engine, "coalition")
    key = _key(engine)
    members = write(
        tmp_path / "m.csv",
        "coalition_id,actor_id,role\n"
        f"#{coalitions['p1']},#{actors['ugent']},partner\n"
        f"qh-{key}-{coalitions['prog']},qh-{key}-{actors['ugent']},partner\n"
        "Buurtbudget Rabot,0417.497.106,participant\n"
        "Armoedeplan,417497106,funder\n",  # a KBO number whose zero a spreadsheet dropped
    )
    report = import_spreadsheet(engine, "members", members)
    assert report.tables["membership"].created == 4 and not report.rejected
    ties = write(
        tmp_path / "t.csv",
        f"source_id,target_id\nqh-{key}-{actors['ugent']},dienst wonen\n"
        f"#{actors['stad']},ugent\n0417497106,ugent\n",
    )
    counts = import_spreadsheet(engine, "ties", ties).tables["tie"]
    assert (counts.created, counts.unchanged) == (2, 1)  # rabot (by KBO) and ugent had one


def test_unknown_and_ambiguous_references_are_explained(engine: Engine, tmp_path: Path) -> None:
    _registry(engine, tmp_path / "in")
    with engine.begin() as connection:  # two actors of the same name
        connection.execute(
            text(
                "UPDATE actor SET name = 'Stad Gent', name_key = 'stad gent' "
                "WHERE external_id = 'wonen'"
            )
        )
    ties = write(tmp_path / "t.csv", "source_id,target_id\nqh-99999,stad gent\nrabot,Stad Gent\n")
    with pytest.raises(ImportRejected) as caught:
        import_spreadsheet(engine, "ties", ties)
    problems = [str(p) for p in caught.value.problems]
    assert problems[0] == (
        "t.csv:2:source: no actor matches 'qh-99999' (id, #number, KBO number or exact name); "
        "import the actors first"
    )
    assert problems[1].startswith("t.csv:2:target: 'stad gent' names several actors (#")
    assert problems[2].startswith("t.csv:3:target: 'Stad Gent' names several actors")
    assert problems[1].endswith("); use an id") and len(problems) == 3


def test_an_exported_file_imports_back_into_the_same_registry(
    engine: Engine, tmp_path: Path
) -> None:
    """Records without an external id are exported as qh-<registry key>-ID; the records
    themselves, their memberships and ties come back to the same records (no copies)."""
    _registry(engine, tmp_path / "in")
    with engine.begin() as connection:
        connection.execute(text("UPDATE actor SET external_id = NULL WHERE external_id <> 'stad'"))
        connection.execute(text("UPDATE coalition SET external_id = NULL"))
    out = export_csv(engine, tmp_path / "out")
    members = (tmp_path / "out" / "members.csv").read_text(encoding="utf-8")
    assert "qh-" in members
    before = dump(engine)
    tables = {"actors": "actor", "coalitions": "coalition", "members": "membership", "ties": "tie"}
    for kind, table in tables.items():
        report = import_spreadsheet(engine, kind, tmp_path / "out" / f"{kind}.csv")
        counts = report.tables[table]
        assert (counts.created, counts.updated, counts.unchanged) == (0, 0, out.counts[kind])
    assert dump(engine) == before
    # An edited export updates the record it came from.
    actors = (tmp_path / "out" / "actors.csv").read_text(encoding="utf-8")
    edited = write(
        tmp_path / "edited.csv",
        actors.replace("Universiteit Gent", "UGent").replace("0417.497.106", "0403.170.701"),
    )
    report = import_spreadsheet(engine, "actors", edited)
    assert (report.tables["actor"].created, report.tables["actor"].updated) == (0, 2)
    with engine.connect() as connection:
        names = [row[0] for row in connection.execute(text("SELECT name FROM actor"))]
    assert "UGent" in names and "Universiteit Gent" not in names
    with engine.connect() as connection:
        kbos = {row[0] for row in connection.execute(text("SELECT kbo FROM actor"))}
    assert "0403170701" in kbos and "0417497106" not in kbos  # numbers are updated too


def test_a_bare_number_is_another_systems_id_not_ours(engine: Engine, tmp_path: Path) -> None:
    """ "12" from another registry must not land on our actor #12: ours are written "#12"."""
    _registry(engine, tmp_path / "in")
    ugent = _ids(engine, "actor")["ugent"]
    ties = write(tmp_path / "t.csv", f"source_id,target_id\n{ugent},#{ugent}\n")
    with pytest.raises(ImportRejected) as caught:
        import_spreadsheet(engine, "ties", ties)
    assert [str(p) for p in caught.value.problems] == [
        f"t.csv:2:source: no actor matches '{ugent}' (id, #number, KBO number or exact name); "
        "import the actors first"
    ]


def test_a_file_from_another_registry_never_lands_on_our_records(
    engine: Engine, tmp_path: Path
) -> None:
    """Another registry's qh-<its key>-1 is an external id here, not our record #1."""
    _registry(engine, tmp_path / "in")
    ours = _key(engine)
    other = "0" * 6 if ours != "0" * 6 else "1" * 6
    stad = _ids(engine, "actor")["stad"]
    with engine.begin() as connection:
        connection.execute(text("UPDATE actor SET external_id = NULL WHERE external_id = 'stad'"))
    before = dump(engine)
    actors = write(tmp_path / "a.csv", f"id,name,helix\nqh-{other}-{stad},Stad Brugge,overheid\n")
    report = import_spreadsheet(engine, "actors", actors)
    assert (report.tables["actor"].created, report.tables["actor"].updated) == (1, 0)
    with engine.connect() as connection:
        kept = connection.execute(text(f"SELECT name FROM actor WHERE id = {stad}")).scalar_one()
    assert kept == "Stad Gent" and dump(engine) != before
    # The new actor now has that external id; a foreign name of another record matches nothing.
    ties = write(tmp_path / "t.csv", f"source_id,target_id\nqh-{other}-{stad},ugent\n")
    assert import_spreadsheet(engine, "ties", ties).tables["tie"].created == 1
    rabot = _ids(engine, "actor")["rabot"]
    foreign = write(tmp_path / "f.csv", f"source_id,target_id\nqh-{other}-{rabot},ugent\n")
    with pytest.raises(ImportRejected):
        import_spreadsheet(engine, "ties", foreign)


def test_a_parent_loop_through_records_without_an_external_id_is_refused(
    engine: Engine, tmp_path: Path
) -> None:
    _registry(engine, tmp_path / "in")
    ids = _ids(engine, "actor")
    with engine.begin() as connection:  # Stad <- Dienst Wonen, neither with an external id
        connection.execute(
            text("UPDATE actor SET external_id = NULL WHERE external_id IN ('stad', 'wonen')")
        )
    key = _key(engine)
    looped = write(
        tmp_path / "a.csv",
        "id,name,helix,parent_id\n"
        f"qh-{key}-{ids['stad']},Stad Gent,overheid,qh-{key}-{ids['wonen']}\n",
    )
    with pytest.raises(ImportRejected) as caught:
        import_spreadsheet(engine, "actors", looped)
    assert "the parents form a loop" in str(caught.value.problems[0])


def test_numbers_too_large_for_an_id_are_refused_row_by_row(engine: Engine, tmp_path: Path) -> None:
    _registry(engine, tmp_path / "in")
    key = _key(engine)
    members = write(
        tmp_path / "m.csv",
        f"coalition_id,actor_id,role\n#3000000000,ugent,partner\np1,qh-{key}-99999999999999999999,partner\n",
    )
    with pytest.raises(ImportRejected) as caught:
        import_spreadsheet(engine, "members", members)
    problems = [str(p) for p in caught.value.problems]
    assert problems[0].startswith("m.csv:2:coalition: no coalition matches '#3000000000'")
    assert problems[1].startswith(
        f"m.csv:3:actor: no actor matches 'qh-{key}-99999999999999999999'"
    )


def test_two_spellings_of_one_actor_are_not_a_tie(engine: Engine, tmp_path: Path) -> None:
    """ "#12" and its name are the same actor: refused as a row, not by the database."""
    _registry(engine, tmp_path / "in")
    ugent = _ids(engine, "actor")["ugent"]
    ties = write(tmp_path / "t.csv", f"source_id,target_id\n#{ugent},universiteit gent\n")
    with pytest.raises(ImportRejected) as caught:
        import_spreadsheet(engine, "ties", ties)
    assert [str(p) for p in caught.value.problems] == [
        "t.csv:2:target_id: a tie needs two different actors"
    ]
