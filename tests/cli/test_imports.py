"""``quadhelix import``, ``actors duplicates|merge`` and ``export csv`` through the command line.

The lead registers these commands in ``quadhelix.cli``; until then a local app mounts them the same
way, with the same error handling as the root group.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from quadhelix.cli import _FriendlyErrors, imports
from quadhelix.cli import actors as actor_commands
from quadhelix.cli import duplicates as duplicate_commands
from quadhelix.cli.export_csv import export_csv
from tests.io.helpers import CORPUS, registry_files, write
from tests.shared_data import DATA


def _app() -> typer.Typer:
    app = typer.Typer(cls=_FriendlyErrors)
    app.add_typer(imports.app, name="import")
    actors = typer.Typer()
    actors.command("duplicates")(duplicate_commands.duplicates)
    actors.command("merge")(duplicate_commands.merge)
    actors.command("show")(actor_commands.show)
    app.add_typer(actors, name="actors")
    export = typer.Typer()
    export.command("csv")(export_csv)
    app.add_typer(export, name="export")
    return app


class Cli:
    def __init__(self, db_url: str) -> None:
        self.app, self.db_url, self.runner = _app(), db_url, CliRunner()

    def __call__(self, *args: str, ok: bool = True) -> tuple[int, str, str]:
        result = self.runner.invoke(self.app, [*args, "--db", self.db_url])
        assert (result.exit_code == 0) is ok, (args, result.stdout, result.stderr)
        assert "Traceback" not in result.output
        return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def cli(db_url: str) -> Cli:
    return Cli(db_url)


def test_import_the_four_files_and_again(cli: Cli, tmp_path: Path) -> None:
    files = registry_files(tmp_path)
    for kind in ("actors", "coalitions", "members", "ties"):
        _, out, _ = cli("import", kind, str(files[kind]), "--quiet", "--json")
        assert json.loads(out)["tables"]
    _, out, _ = cli("import", "actors", str(files["actors"]))
    assert "Imported" in out and "unchanged" in out


def test_dry_run_and_refused_file(cli: Cli, tmp_path: Path) -> None:
    files = registry_files(tmp_path)
    _, out, _ = cli("import", "actors", str(files["actors"]), "--dry-run", "--json")
    assert json.loads(out)["dry_run"] is True
    _, out, _ = cli("import", "actors", str(files["actors"]), "--dry-run")
    assert "Would import" in out
    _, _, err = cli("import", "actors", str(CORPUS / "duplicate_ids.csv"), ok=False)
    lines = err.strip().splitlines()
    assert lines[0] == "duplicate_ids.csv:3:id: duplicate id 'A1' (also on row 2)"
    assert lines[-1].startswith("Error: duplicate_ids.csv: rejected, nothing was written")


def test_skip_invalid_writes_rejects(cli: Cli, tmp_path: Path) -> None:
    path = write(tmp_path / "a.csv", "id,name,helix\nA1,Goed,overheid\nA2,Slecht,x\n")
    rejects = tmp_path / "weg.csv"
    cli("import", "actors", str(path), "--skip-invalid", "--rejects", str(rejects), "-q")
    assert rejects.read_text().splitlines()[0] == "id,name,helix,reason"


def test_cordis_duplicates_merge_and_export(cli: Cli, tmp_path: Path) -> None:
    cordis = DATA / "cordis"
    table = tmp_path / "semi.csv"
    from quadhelix.io.cordis import participations_from_json

    participations_from_json(
        cordis / "h2020_semiconductor_ev_organization.json",
        cordis / "h2020_semiconductor_ev_project.json",
        table,
    )
    cli(
        "import",
        "cordis",
        str(table),
        "--organisations",
        str(cordis / "h2020_semiconductor_ev_organization.json"),
        "-q",
    )
    _, out, _ = cli("actors", "duplicates", "--json")
    pairs = json.loads(out)
    assert pairs, "the semiconductor set names some organisations twice"
    first = pairs[0]
    _, out, _ = cli("actors", "show", str(first["second"]["id"]), "--json")
    merged_pic = json.loads(out)["external_id"]
    _, out, _ = cli("actors", "merge", str(first["first"]["id"]), str(first["second"]["id"]))
    assert out.startswith(f"Merged #{first['second']['id']}")
    assert f"Imports still find it by: {merged_pic}" in out
    _, out, _ = cli("actors", "show", merged_pic, "--json")
    shown = json.loads(out)
    assert shown["id"] == first["first"]["id"]
    assert {"external_id": merged_pic, "kbo": None} in shown["aliases"]
    assert "cordis-activity-type" in shown["provenance"]
    _, out, _ = cli("actors", "show", merged_pic)
    assert "merged ids" in out and merged_pic in out and "provenance" in out
    _, out, _ = cli("import", "cordis", str(table), "--json")
    assert json.loads(out)["tables"]["actor"]["created"] == 0
    _, out, _ = cli("export", "csv", str(tmp_path / "out"))
    assert (tmp_path / "out" / "members.csv").exists() and "rows" in out


def test_kbo_and_association_register_commands(cli: Cli, tmp_path: Path) -> None:
    from tests.io.test_kbo import kbo_files
    from tests.io.test_verenigingsregister import record

    source = kbo_files(tmp_path / "kbo")
    _, out, _ = cli("import", "kbo", str(source), "--postal-codes", "9000,9030", "--json")
    assert json.loads(out)["rules"]["kbo-company"] == 1
    path = tmp_path / "v.json"
    path.write_text(json.dumps(record("V0001001", "Natuurpunt Aarschot", ["NMDW"])))
    _, out, _ = cli("import", "verenigingsregister", str(path), "--json")
    assert json.loads(out)["new_themes"] == ["NMDW"]


def test_skip_invalid_creates_nothing_a_refused_row_names(cli: Cli, tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.csv",
        "id,name,helix,area,themes\nA1,Goed,overheid,Rabot,\nA2,Slecht,x,Nergensland,Nieuw\n",
    )
    _, out, _ = cli(
        "import", "actors", str(path), "--skip-invalid", "--new-themes", "--json", "--quiet"
    )
    report = json.loads(out)
    assert (report["new_areas"], report["new_themes"], report["rejected_rows"]) == (
        ["rabot"],
        [],
        1,
    )
    assert report["problems"] == [  # the command line keeps its English
        "a.csv:3:helix: must be one of government, civil_society, business, knowledge, citizens "
        "(got 'x')"
    ]
