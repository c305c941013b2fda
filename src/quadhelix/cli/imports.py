"""``quadhelix import ...``: spreadsheets, the KBO/BCE, the association register and CORDIS.

Each command reads one source, validates all of it, and writes it in one transaction. A refused
file lists every problem as ``file:row:column: message`` and leaves the registry as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from quadhelix.cli.common import (
    DbOption,
    DryRunOption,
    JsonOption,
    err_console,
    note,
    open_engine,
    print_json,
    print_table,
)
from quadhelix.io.cordis import import_cordis
from quadhelix.io.kbo import import_kbo
from quadhelix.io.load import import_spreadsheet
from quadhelix.io.report import ImportRejected, ImportReport
from quadhelix.io.report import Progress as ProgressCallback
from quadhelix.io.verenigingsregister import import_verenigingsregister

app = typer.Typer(help="Import actors, coalitions, memberships and ties from files.")

FileArgument = Annotated[
    Path, typer.Argument(help="CSV or XLSX file.", exists=True, dir_okay=False, readable=True)
]
MappingOption = Annotated[
    Path | None,
    typer.Option(
        help="JSON object or two-column CSV renaming your headers to ours.",
        exists=True,
        dir_okay=False,
    ),
]
SkipOption = Annotated[
    bool,
    typer.Option(
        "--skip-invalid", help="Import the valid rows; write the others to a rejects CSV."
    ),
]
RejectsOption = Annotated[
    Path | None, typer.Option(help="Where --skip-invalid writes refused rows [FILE.rejects.csv].")
]
NewThemesOption = Annotated[
    bool, typer.Option("--new-themes", help="Create unknown themes instead of refusing them.")
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, no summary.")]


@contextmanager
def _progress(quiet: bool) -> Iterator[ProgressCallback]:
    """A progress bar on stderr that follows the importer's steps."""
    if quiet:
        yield lambda step, done, total: None
        return
    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed:,}/{task.total}"),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    )
    tasks: dict[str, TaskID] = {}

    def update(step: str, done: int, total: int | None) -> None:
        if step not in tasks:
            tasks[step] = bar.add_task(step, total=total)
        bar.update(tasks[step], completed=done, total=total)

    with bar:
        yield update


def _run(db: str | None, quiet: bool, as_json: bool, action: Callable[..., ImportReport]) -> None:
    with open_engine(db) as engine, _progress(quiet or as_json) as progress:
        try:
            report = action(engine, progress)
        except ImportRejected as error:
            for problem in error.problems:
                note(str(problem))
            raise
    if as_json:
        print_json(report.as_dict())
    elif not quiet:
        _print_report(report)


def _print_report(report: ImportReport) -> None:
    verb = "Would import" if report.dry_run else "Imported"
    typer.echo(f"{verb} {report.source} ({report.rows:,} rows)")
    print_table(
        [(name, c.created, c.updated, c.unchanged) for name, c in report.tables.items()],
        ["table", "created", "updated", "unchanged"],
    )
    if report.new_themes:
        note(f"New themes: {', '.join(report.new_themes)}")
    if report.new_areas:
        note(f"New areas: {len(report.new_areas)} ({', '.join(report.new_areas[:10])})")
    for rule, count in sorted(report.rules.items()):
        note(f"Rule {rule}: {count:,} actors")
    if report.rejected_rows:
        note(f"Rejected rows: {report.rejected_rows} (see the rejects file)")
    if report.duplicates:
        note(
            f"Probable duplicates: {len(report.duplicates)}; "
            "see `quadhelix actors duplicates` and `quadhelix actors merge`"
        )
    for line in report.notes:
        note(line)


def _spreadsheet(
    kind: str,
    file: Path,
    mapping: Path | None,
    dry_run: bool,
    skip_invalid: bool,
    rejects: Path | None,
    new_themes: bool,
    quiet: bool,
    db: str | None,
    as_json: bool,
) -> None:
    _run(
        db,
        quiet,
        as_json,
        lambda engine, progress: import_spreadsheet(
            engine,
            kind,
            file,
            mapping=mapping,
            dry_run=dry_run,
            skip_invalid=skip_invalid,
            rejects=rejects,
            create_themes=new_themes,
            progress=progress,
        ),
    )


@app.command("actors")
def actors(
    file: FileArgument,
    mapping: MappingOption = None,
    dry_run: DryRunOption = False,
    skip_invalid: SkipOption = False,
    rejects: RejectsOption = None,
    new_themes: NewThemesOption = False,
    quiet: QuietOption = False,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Actors: id,name,helix,kind,parent_id,kbo,website,postal_code,area,themes,description,
    start,end."""
    _spreadsheet(
        "actors", file, mapping, dry_run, skip_invalid, rejects, new_themes, quiet, db, as_json
    )


@app.command("coalitions")
def coalitions(
    file: FileArgument,
    mapping: MappingOption = None,
    dry_run: DryRunOption = False,
    skip_invalid: SkipOption = False,
    rejects: RejectsOption = None,
    new_themes: NewThemesOption = False,
    quiet: QuietOption = False,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Coalitions: id,name,kind,status,description,themes,areas,start,end,parent_id."""
    _spreadsheet(
        "coalitions", file, mapping, dry_run, skip_invalid, rejects, new_themes, quiet, db, as_json
    )


@app.command("members")
def members(
    file: FileArgument,
    mapping: MappingOption = None,
    dry_run: DryRunOption = False,
    skip_invalid: SkipOption = False,
    rejects: RejectsOption = None,
    quiet: QuietOption = False,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Memberships: coalition_id,actor_id,role,start,end,contribution."""
    _spreadsheet(
        "members", file, mapping, dry_run, skip_invalid, rejects, False, quiet, db, as_json
    )


@app.command("ties")
def ties(
    file: FileArgument,
    mapping: MappingOption = None,
    dry_run: DryRunOption = False,
    skip_invalid: SkipOption = False,
    rejects: RejectsOption = None,
    quiet: QuietOption = False,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Ties: source_id,target_id,type,directed,weight,start,end."""
    _spreadsheet("ties", file, mapping, dry_run, skip_invalid, rejects, False, quiet, db, as_json)


@app.command("kbo")
def kbo(
    source: Annotated[
        Path,
        typer.Argument(help="Folder (or zip) of the KBO/BCE open-data full file.", exists=True),
    ],
    postal_codes: Annotated[
        str, typer.Option(help="Comma-separated postal codes, e.g. 9000,9030,9031.")
    ],
    natural_persons: Annotated[
        bool, typer.Option(help="Also sole traders (natural persons); off for privacy.")
    ] = False,
    dry_run: DryRunOption = False,
    quiet: QuietOption = False,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Enterprises seated in some municipalities, with their helix sector by documented rules."""
    codes = [c.strip() for c in postal_codes.split(",") if c.strip()]
    _run(
        db,
        quiet,
        as_json,
        lambda engine, progress: import_kbo(
            engine,
            source,
            codes,
            include_natural_persons=natural_persons,
            dry_run=dry_run,
            progress=progress,
        ),
    )


@app.command("verenigingsregister")
def verenigingsregister(
    file: Annotated[Path, typer.Argument(help="JSON record(s) of the association register.")],
    dry_run: DryRunOption = False,
    quiet: QuietOption = False,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Associations of the Flemish association register, main activities as themes."""
    _run(
        db,
        quiet,
        as_json,
        lambda engine, progress: import_verenigingsregister(
            engine, file, dry_run=dry_run, progress=progress
        ),
    )


@app.command("cordis")
def cordis(
    participations: Annotated[
        Path, typer.Argument(help="Participation table (CSV, may be .gz).", exists=True)
    ],
    programme_parts: Annotated[
        Path | None, typer.Option(help="rcn,programme_part table: programme parts as themes.")
    ] = None,
    organisations: Annotated[
        Path | None, typer.Option(help="CORDIS organization.json: names and websites.")
    ] = None,
    projects: Annotated[
        Path | None, typer.Option(help="CORDIS project.json: titles and objectives.")
    ] = None,
    dry_run: DryRunOption = False,
    quiet: QuietOption = False,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """EU projects: organisations as actors (PIC), projects as coalitions, with members."""
    _run(
        db,
        quiet,
        as_json,
        lambda engine, progress: import_cordis(
            engine,
            participations,
            programme_parts=programme_parts,
            organisations=organisations,
            projects=projects,
            dry_run=dry_run,
            progress=progress,
        ),
    )
