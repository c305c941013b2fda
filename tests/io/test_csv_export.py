from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, text

from quadhelix.io.csv_export import export_csv
from quadhelix.io.load import import_spreadsheet
from quadhelix.registry.database import make_engine
from tests.conftest import Backend
from tests.io.helpers import registry_files


def _files(directory: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(directory.glob("*.csv"))}


def test_export_import_export_gives_identical_files(
    engine: Engine, backend: Backend, tmp_path: Path
) -> None:
    for kind, path in registry_files(tmp_path / "in").items():
        import_spreadsheet(engine, kind, path)
    with engine.begin() as connection:  # a provenance a formula guard must protect
        connection.execute(
            text("UPDATE actor SET provenance = '=HYPERLINK(1)' WHERE external_id = 'stad'")
        )
    first = export_csv(engine, tmp_path / "first")
    assert first.counts == {"actors": 4, "coalitions": 2, "members": 3, "ties": 2}
    empty = make_engine(backend.registry_url())  # PostgreSQL: the same schema, emptied
    try:
        for path in first.files:
            import_spreadsheet(empty, path.stem, path)
        export_csv(empty, tmp_path / "second")
    finally:
        empty.dispose()
    assert _files(tmp_path / "first") == _files(tmp_path / "second")
    actors = (tmp_path / "first" / "actors.csv").read_text(encoding="utf-8")
    assert "'=SUM(A1)" in actors and "0417.497.106" in actors
    assert actors.splitlines()[0].endswith(",end,provenance")
    assert "'=HYPERLINK(1)" in actors and ",spreadsheet actors.csv\n" in actors


def test_filters_and_excel_flavour(engine: Engine, tmp_path: Path) -> None:
    for kind, path in registry_files(tmp_path / "in").items():
        import_spreadsheet(engine, kind, path)
    result = export_csv(engine, tmp_path / "out", theme=["housing"], excel=True)
    assert result.counts == {"actors": 2, "coalitions": 0, "members": 0, "ties": 0}
    raw = (tmp_path / "out" / "actors.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfid;name;helix")
    # p1 runs 2021-2022; the programme from 2020 on; actors without dates always.
    late = export_csv(engine, tmp_path / "late", start="2023-01-01", end="2023-12-31")
    assert late.counts["coalitions"] == 1
    assert export_csv(engine, tmp_path / "day", as_of="2021-06-01").counts["coalitions"] == 2
