"""Spreadsheet imports on SQLite and PostgreSQL: upserts, dry runs, rejects, broken files."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import Engine, select

from quadhelix.io.load import import_spreadsheet
from quadhelix.io.report import ImportRejected
from quadhelix.registry.database import transaction
from quadhelix.registry.filters import actor_filter
from quadhelix.registry.model import Actor, Base, Membership, Tie
from quadhelix.registry.queries import list_actors
from tests.io.helpers import CORPUS, dump, registry_files, write


def _import_all(engine: Engine, files: dict[str, Path]) -> None:
    for kind, path in files.items():
        import_spreadsheet(engine, kind, path)


def test_import_four_files_then_again_changes_nothing(engine: Engine, tmp_path: Path) -> None:
    files = registry_files(tmp_path)
    _import_all(engine, files)
    before = dump(engine)
    for kind, path in files.items():
        report = import_spreadsheet(engine, kind, path)
        assert all(c.created == c.updated == 0 for c in report.tables.values()), report
    assert dump(engine) == before
    with transaction(engine) as session:
        rabot = session.scalars(select(Actor).where(Actor.external_id == "rabot")).one()
        assert rabot.kbo == "0417497106"
        assert rabot.website == "https://rabot.be"
        assert rabot.area is not None and rabot.area.code == "rabot"
        assert sorted(t.code for t in rabot.themes) == ["housing", "poverty"]
        assert rabot.parent is None and rabot.description == "Buurtwerk, met komma"
        wonen = session.scalars(select(Actor).where(Actor.external_id == "wonen")).one()
        assert wonen.parent is not None and wonen.parent.external_id == "stad"
        ugent = session.scalars(select(Actor).where(Actor.external_id == "ugent")).one()
        assert ugent.description == "=SUM(A1)"
        tie = session.scalars(select(Tie).where(Tie.directed.is_(True))).one()
        assert (tie.weight, tie.type.value, tie.source.value) == (2.5, "funding", "import")
        assert session.scalar(select(Membership).where(Membership.role == "lead")) is not None
        page = list_actors(session, actor_filter(session, theme=["housing"]))
        assert {a.external_id for a in page.items} == {"wonen", "rabot"}


def test_changed_rows_are_updated_and_absent_columns_kept(engine: Engine, tmp_path: Path) -> None:
    _import_all(engine, registry_files(tmp_path))
    change = write(tmp_path / "change.csv", "id;naam;sector\nrabot;Buurtwerk Rabot;middenveld\n")
    report = import_spreadsheet(engine, "actors", change)
    assert report.tables["actor"].updated == 1
    with transaction(engine) as session:
        rabot = session.scalars(select(Actor).where(Actor.external_id == "rabot")).one()
        assert (rabot.name, rabot.name_key, rabot.kbo) == (
            "Buurtwerk Rabot",
            "buurtwerk rabot",
            "0417497106",
        )


def test_provenance_names_the_file_unless_the_sheet_gives_it(
    engine: Engine, tmp_path: Path
) -> None:
    _import_all(engine, registry_files(tmp_path))
    later = write(tmp_path / "later.csv", "id,name,helix\nrabot,Buurtwerk Rabot vzw,middenveld\n")
    import_spreadsheet(engine, "actors", later)
    given = write(
        tmp_path / "given.csv",
        "id,name,helix,herkomst\nugent,Universiteit Gent,kennis,jaarverslag 2024\n"
        "nieuw,Nieuw,kennis,\n",
    )
    import_spreadsheet(engine, "actors", given)
    with transaction(engine) as session:
        provenance = {a.external_id: a.provenance for a in session.scalars(select(Actor))}
    assert provenance["rabot"] == "spreadsheet actors.csv"  # not later.csv: it existed
    assert provenance["ugent"] == "jaarverslag 2024"
    assert provenance["nieuw"] is None
    too_long = write(tmp_path / "long.csv", "id,name,helix,provenance\nx,X,kennis," + "p" * 501)
    with pytest.raises(ImportRejected, match=r"long.csv:2:provenance: at most 500 characters"):
        import_spreadsheet(engine, "actors", too_long)


def test_a_parent_already_in_the_registry(engine: Engine, tmp_path: Path) -> None:
    """A sheet of units whose parent was imported before (it used to crash with a KeyError)."""
    import_spreadsheet(
        engine, "actors", write(tmp_path / "a.csv", "id,name,helix\nstad,Stad,overheid\n")
    )
    units = write(
        tmp_path / "b.csv",
        "id,name,helix,kind,parent_id\nwonen,Dienst Wonen,overheid,dienst,stad\n"
        "team,Team Wonen,overheid,team,wonen\n",
    )
    import_spreadsheet(engine, "actors", units)
    assert import_spreadsheet(engine, "actors", units).tables["actor"].unchanged == 2
    with transaction(engine) as session:
        team = session.scalars(select(Actor).where(Actor.external_id == "team")).one()
        assert team.parent is not None and team.parent.parent is not None
        assert team.parent.parent.external_id == "stad"


def test_dry_run_reports_and_writes_nothing(engine: Engine, tmp_path: Path) -> None:
    before = dump(engine)
    report = import_spreadsheet(engine, "actors", registry_files(tmp_path)["actors"], dry_run=True)
    assert report.dry_run and report.tables["actor"].created == 4
    assert report.new_areas == ["rabot"]
    assert dump(engine) == before


def test_skip_invalid_imports_good_rows_and_writes_rejects(engine: Engine, tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.csv",
        "id;name;helix;parent_id\nA1;Goed;overheid;\nA2;Slecht;winkeliers;\nA3;Kind;overheid;A2\n",
    )
    report = import_spreadsheet(engine, "actors", path, skip_invalid=True)
    assert report.tables["actor"].created == 1
    assert [str(p) for p in report.rejected] == [
        "a.csv:3:helix: must be one of government, civil_society, business, knowledge, citizens "
        "(got 'winkeliers')",
        "a.csv:4:parent: no actor with id 'A2' in the file or registry",
    ]
    with (tmp_path / "a.rejects.csv").open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0] == ["id", "name", "helix", "parent_id", "reason"]
    assert [r[0] for r in rows[1:]] == ["A2", "A3"]


BROKEN = [
    ("actors", "duplicate_ids.csv", "duplicate_ids.csv:3:id: duplicate id 'A1' (also on row 2)"),
    ("actors", "unknown_sector.csv", "unknown_sector.csv:3:helix: must be one of"),
    ("actors", "bad_kbo.csv", "bad_kbo.csv:2:kbo: check digits should be 06"),
    ("actors", "dangling_parent.csv", "dangling_parent.csv:2:parent: no actor with id 'A9'"),
    ("actors", "dates_out_of_range.csv", "dates_out_of_range.csv:2:start: date out of range"),
    ("actors", "end_before_start.csv", "end_before_start.csv:2:end: ends before it starts"),
    ("actors", "html_name.csv", "html_name.csv:2:name: HTML is not accepted here"),
    ("actors", "short_row.csv", "short_row.csv:2:row: has 3 cells, the header has 4"),
    ("actors", "wrong_delimiter.csv", "wrong_delimiter.csv:2:row: has 1 cells"),
    ("actors", "truncated.csv", "truncated.csv:2:file: unreadable CSV"),
    ("actors", "mixed_encoding.csv", "mixed_encoding.csv:3:file: mixed encodings"),
    ("ties", "self_tie.csv", "self_tie.csv:2:target_id: a tie needs two different actors"),
    ("ties", "bad_weight.csv", "bad_weight.csv:2:weight: must be greater than 0"),
    ("members", "dangling_member.csv", "dangling_member.csv:2:coalition: no coalition matches"),
]


@pytest.mark.parametrize(("kind", "name", "expected"), BROKEN, ids=[b[1] for b in BROKEN])
def test_broken_file_gives_precise_error_and_changes_nothing(
    engine: Engine, tmp_path: Path, kind: str, name: str, expected: str
) -> None:
    _import_all(engine, registry_files(tmp_path))
    before = dump(engine)
    with pytest.raises(ImportRejected) as caught:
        import_spreadsheet(engine, kind, CORPUS / name)
    assert any(str(p).startswith(expected) for p in caught.value.problems), caught.value.problems
    assert dump(engine) == before


def test_one_megabyte_cell_is_refused(engine: Engine, tmp_path: Path) -> None:
    path = write(tmp_path / "big.csv", "id,name,helix,description\nA1,X,overheid," + "x" * 2**20)
    before = dump(engine)
    with pytest.raises(ImportRejected, match=r"big.csv:2:description: cell has 1,048,576"):
        import_spreadsheet(engine, "actors", path)
    assert dump(engine) == before


def test_all_problems_are_listed_not_just_the_first(engine: Engine, tmp_path: Path) -> None:
    path = write(tmp_path / "a.csv", "id,name,helix,kbo\nA1,,overheid,12\nA1,B,kabouters,\n")
    with pytest.raises(ImportRejected) as caught:
        import_spreadsheet(engine, "actors", path)
    assert [(p.row, p.column) for p in caught.value.problems] == [
        (2, "kbo"),
        (2, "name"),
        (3, "helix"),
        (3, "id"),
    ]


def test_kbo_of_another_actor_is_a_conflict(engine: Engine, tmp_path: Path) -> None:
    _import_all(engine, registry_files(tmp_path))
    path = write(tmp_path / "a.csv", "id,name,helix,kbo\nX1,Rabot bis,middenveld,0417497106\n")
    with pytest.raises(ImportRejected, match="is already used by actor"):
        import_spreadsheet(engine, "actors", path)


def test_unknown_theme_is_refused_unless_new_themes(engine: Engine, tmp_path: Path) -> None:
    path = write(tmp_path / "a.csv", "id,name,helix,themes\nA1,X,overheid,SC5|climate\n")
    with pytest.raises(ImportRejected, match="unknown theme 'SC5'"):
        import_spreadsheet(engine, "actors", path)
    report = import_spreadsheet(engine, "actors", path, create_themes=True)
    assert report.new_themes == ["SC5"]


def test_a_loop_through_the_registry_is_refused(engine: Engine, tmp_path: Path) -> None:
    _import_all(engine, registry_files(tmp_path))  # wonen's parent is stad
    path = write(tmp_path / "loop.csv", "id,name,helix,parent_id\nstad,Stad Gent,overheid,wonen\n")
    with pytest.raises(ImportRejected, match=r"loop\.csv:2:parent: the parents form a loop"):
        import_spreadsheet(engine, "actors", path)


def test_xlsx_import(engine: Engine, tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "actors"
    sheet.append(["id", "naam", "sector", "ondernemingsnummer", "startdatum"])
    sheet.append(["A1", "Buurtwerk Rabot", "middenveld", 417497106, datetime(2020, 2, 1)])
    workbook.save(tmp_path / "actoren.xlsx")
    report = import_spreadsheet(engine, "actors", tmp_path / "actoren.xlsx")
    assert report.tables["actor"].created == 1
    with transaction(engine) as session:
        actor = session.scalars(select(Actor)).one()
        assert (actor.kbo, str(actor.start_date)) == ("0417497106", "2020-02-01")


def _column(engine: Engine, table: str, column: str) -> set[str]:
    with engine.connect() as connection:
        return set(connection.scalars(select(Base.metadata.tables[table].c[column])))


@pytest.mark.parametrize("dry_run", [True, False])
def test_refused_rows_create_no_areas_or_themes(
    engine: Engine, tmp_path: Path, dry_run: bool
) -> None:
    """Skipping invalid rows: what a refused row names is neither created nor counted."""
    path = write(
        tmp_path / "actors.csv",
        "id,name,helix,parent_id,area,themes,start,end\n"
        "a1,Goed,overheid,,Rabot,Nieuw thema,,\n"
        "a2,Slecht,media,,Nergensland,Geen thema,2024-01-01,2020-01-01\n"
        "a3,Kind van slecht,overheid,a2,Kinderland,Kinderthema,,\n",
    )
    report = import_spreadsheet(
        engine, "actors", path, skip_invalid=True, create_themes=True, dry_run=dry_run
    )
    assert report.rejected_rows == 2  # a2 itself, a3 because its parent was refused
    assert (report.new_areas, report.new_themes) == (["rabot"], ["Nieuw thema"])
    assert report.tables["actor"].created == 1
    areas, themes = _column(engine, "area", "code"), _column(engine, "theme", "code")
    assert not {"nergensland", "kinderland"} & areas
    assert not {"Geen thema", "Kinderthema"} & themes
    assert ("rabot" in areas, "Nieuw thema" in themes) == (not dry_run, not dry_run)


def test_refused_coalition_rows_create_no_areas_or_themes(engine: Engine, tmp_path: Path) -> None:
    path = write(
        tmp_path / "coalitions.csv",
        "id,name,kind,themes,areas,start,end\n"
        "c1,Goed,project,Nieuw,Rabot|Sluizeken,,\n"
        "c2,Slecht,project,Fout thema,Nergensland|Rabot,2024-01-01,2020-01-01\n"
        "c3,Ook slecht,geen-soort,Ander thema,Elders,,\n",
    )
    report = import_spreadsheet(engine, "coalitions", path, skip_invalid=True, create_themes=True)
    assert report.rejected_rows == 2
    assert (sorted(report.new_areas), report.new_themes) == (["rabot", "sluizeken"], ["Nieuw"])
    assert _column(engine, "area", "code") == {"rabot", "sluizeken"}
    assert not {"Fout thema", "Ander thema"} & _column(engine, "theme", "code")


@pytest.mark.parametrize("kind", ["members", "ties"])
def test_refused_relation_rows_write_nothing(engine: Engine, tmp_path: Path, kind: str) -> None:
    files = registry_files(tmp_path)
    for name in ("actors", "coalitions"):
        import_spreadsheet(engine, name, files[name])
    before = dump(engine)
    text = {
        "members": "coalition_id,actor_id,role,start,end\n"
        "p1,ugent,partner,,\np1,wonen,koning,,\np1,rabot,partner,2022-01-01,2021-01-01\n",
        "ties": "source_id,target_id,type,weight\nrabot,ugent,,1\nrabot,wonen,,-1\nstad,stad,,1\n",
    }[kind]
    report = import_spreadsheet(engine, kind, write(tmp_path / "r.csv", text), skip_invalid=True)
    assert report.rejected_rows == 2 and report.new_areas == report.new_themes == []
    after = dump(engine)
    table = "membership" if kind == "members" else "tie"
    assert len(after[table]) == len(before[table]) + 1 == report.tables[table].created
    assert {k: v for k, v in after.items() if k != table} == {
        k: v for k, v in before.items() if k != table
    }
