"""Members and ties name their actors and coalitions the way the rest of quadhelix does."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text

from quadhelix.io.csv_export import export_csv
from quadhelix.io.load import import_spreadsheet
from quadhelix.io.report import ImportRejected
from quadhelix.registry.model import Base
from tests.io.helpers import dump, registry_files, write


def _ids(engine: Engine, table: str) -> dict[str, int]:
    column = Base.metadata.tables[table].c
    with engine.connect() as connection:
        return {ext: i for i, ext in connection.execute(select(column.id, column.external_id))}


def _registry(engine: Engine, directory: Path) -> None:
    for kind, path in registry_files(directory).items():
        import_spreadsheet(engine, kind, path)


def test_references_by_number_export_id_kbo_and_name(engine: Engine, tmp_path: Path) -> None:
    _registry(engine, tmp_path / "in")
    actors, coalitions = _ids(engine, "actor"), _ids(engine, "coalition")
    members = write(
        tmp_path / "m.csv",
        "coalition_id,actor_id,role\n"
        f"#{coalitions['p1']},#{actors['ugent']},partner\n"
        f"qh-{coalitions['prog']},qh-{actors['ugent']},partner\n"
        "Buurtbudget Rabot,0417.497.106,participant\n",
    )
    report = import_spreadsheet(engine, "members", members)
    assert report.tables["membership"].created == 3 and not report.rejected
    ties = write(
        tmp_path / "t.csv",
        f"source_id,target_id\nqh-{actors['ugent']},dienst wonen\n#{actors['stad']},ugent\n",
    )
    assert import_spreadsheet(engine, "ties", ties).tables["tie"].created == 2


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
    """Records without an external id are exported as qh-ID; the records themselves, their
    memberships and ties come back to the same records (no copies)."""
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
