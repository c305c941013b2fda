"""What commands share: their common options, opening the registry, and printing results."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from quadhelix.registry.database import (
    describe_url,
    is_initialised,
    make_engine,
    resolve_url,
    transaction,
)
from quadhelix.registry.errors import QuadhelixError
from quadhelix.registry.queries import Page

console = Console()
err_console = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="QUADHELIX_DATABASE_URL",
        help="Database URL or SQLite file [default: ./quadhelix.db].",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
CsvOption = Annotated[bool, typer.Option("--csv", help="Print CSV instead of a table.")]
LimitOption = Annotated[int, typer.Option(help="How many to show; 0 shows all.", min=0)]
OffsetOption = Annotated[int, typer.Option(help="How many to skip first.", min=0)]
DryRunOption = Annotated[
    bool, typer.Option("--dry-run", help="Report what would change; write nothing.")
]

# Which part of the network a command looks at: `analyze` and `export` take the same selection,
# so a file opened in Gephi shows the network the metrics were computed on.
AsOfOption = Annotated[
    str | None, typer.Option("--as-of", help="The network on this date (YYYY-MM-DD).")
]
FromOption = Annotated[str | None, typer.Option("--from", help="Start of a period (YYYY-MM-DD).")]
ToOption = Annotated[str | None, typer.Option("--to", help="End of a period (YYYY-MM-DD).")]
ThemesOption = Annotated[
    list[str] | None, typer.Option("--theme", help="Only this theme and its sub-themes.")
]
AreasOption = Annotated[
    list[str] | None, typer.Option("--area", help="Only this area and its sub-areas.")
]
TieTypesOption = Annotated[
    list[str] | None, typer.Option("--tie-type", help="Only ties of this type.")
]
TieSourcesOption = Annotated[
    list[str] | None, typer.Option("--tie-source", help="Only ties from this source.")
]
CoalitionKindsOption = Annotated[
    list[str] | None, typer.Option("--coalition-kind", help="Only coalitions of this kind.")
]


class NotInitialised(QuadhelixError):
    """The database exists but has no registry schema yet."""


@contextmanager
def open_engine(db: str | None, *, require_schema: bool = True) -> Iterator[Engine]:
    """An engine on the chosen database, disposed of when the command ends."""
    url = resolve_url(db)
    engine = make_engine(url)
    try:
        if require_schema and not is_initialised(engine):
            raise NotInitialised(
                f"database: {describe_url(url)} holds no registry; run `quadhelix init` first"
            )
        yield engine
    finally:
        engine.dispose()


@contextmanager
def unit_of_work(db: str | None) -> Iterator[Session]:
    """One command, one transaction: a failing command leaves the database as it was."""
    with open_engine(db) as engine, transaction(engine) as session:
        yield session


def _default(value: object) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def print_json(data: object) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=_default))


def print_table(
    rows: Sequence[Sequence[object]], columns: Sequence[str], title: str | None = None
) -> None:
    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*("" if cell is None else str(cell) for cell in row))
    console.print(table)


def note(message: str) -> None:
    """A remark for the person at the terminal; goes to stderr so --json output stays clean."""
    err_console.print(message, highlight=False, markup=False)


def print_page_footer(page: Page[Any]) -> None:
    shown = len(page.items)
    if shown < page.total:
        note(
            f"Showing {page.offset + 1}–{page.offset + shown} of {page.total}; "
            "use --limit and --offset for more."
        )
    else:
        note(f"{page.total} in all.")
