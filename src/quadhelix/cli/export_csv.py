"""``quadhelix export csv OUT_DIR``: the four canonical CSV files, ready to import again."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from quadhelix.cli.common import DbOption, JsonOption, open_engine, print_json
from quadhelix.io.csv_export import export_csv as write_csv


def export_csv(
    out_dir: Annotated[Path, typer.Argument(help="Folder for actors/coalitions/members/ties.csv.")],
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="What is active on this date (YYYY-MM-DD).")
    ] = None,
    start: Annotated[
        str | None, typer.Option("--from", help="What runs in a period from (YYYY-MM-DD).")
    ] = None,
    end: Annotated[str | None, typer.Option("--to", help="... until (YYYY-MM-DD).")] = None,
    theme: Annotated[
        list[str] | None, typer.Option("--theme", help="Only this theme and its sub-themes.")
    ] = None,
    area: Annotated[
        list[str] | None, typer.Option("--area", help="Only this area and its sub-areas.")
    ] = None,
    excel: Annotated[
        bool, typer.Option("--excel", help="Semicolons and a BOM, for Belgian Excel.")
    ] = False,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Export the registry (or a filtered part) as canonical CSV files."""
    with open_engine(db) as engine:
        result = write_csv(
            engine,
            out_dir,
            theme=theme or [],
            area=area or [],
            as_of=as_of,
            start=start,
            end=end,
            excel=excel,
        )
    if as_json:
        print_json({"directory": str(result.directory), "counts": result.counts})
        return
    for kind, count in result.counts.items():
        typer.echo(f"{out_dir / f'{kind}.csv'}: {count:,} rows")
