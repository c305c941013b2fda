"""``quadhelix ties ...``: typed, weighted, dated relations between two actors."""

from __future__ import annotations

from typing import Annotated

import typer

from quadhelix.cli.common import (
    DbOption,
    JsonOption,
    LimitOption,
    OffsetOption,
    print_json,
    print_page_footer,
    print_table,
    unit_of_work,
)
from quadhelix.registry.filters import tie_filter
from quadhelix.registry.queries import list_ties
from quadhelix.registry.schemas import TieCreate
from quadhelix.registry.ties import add_tie, remove_tie, tie_public

app = typer.Typer(help="Ties: collaboration, funding, information, membership, contract.")

ActorRef = Annotated[str, typer.Argument(help="Actor id, external id, KBO number or name.")]


@app.command("add")
def add(
    source_actor: ActorRef,
    target_actor: ActorRef,
    type: Annotated[
        str,
        typer.Option(
            "--type", help="collaboration, funding, information, membership, contract or other."
        ),
    ] = "collaboration",
    directed: Annotated[
        bool, typer.Option(help="The tie goes from the first actor to the second.")
    ] = False,
    weight: Annotated[float, typer.Option(help="Strength of the tie (> 0).")] = 1.0,
    start: Annotated[str | None, typer.Option(help="Start date (YYYY-MM-DD).")] = None,
    end: Annotated[str | None, typer.Option(help="End date (YYYY-MM-DD).")] = None,
    source: Annotated[
        str, typer.Option(help="Where it comes from: manual, import, survey, derived.")
    ] = "manual",
    provenance: Annotated[str | None, typer.Option(help="File, survey or person.")] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Add a tie between two actors."""
    data = TieCreate.model_validate(
        {
            "source_actor": source_actor,
            "target_actor": target_actor,
            "type": type,
            "directed": directed,
            "weight": weight,
            "start_date": start,
            "end_date": end,
            "source": source,
            "provenance": provenance,
        }
    )
    with unit_of_work(db) as session:
        tie = add_tie(session, data)
        if as_json:
            print_json(tie_public(tie).model_dump(mode="json"))
        else:
            arrow = "->" if tie.directed else "--"
            typer.echo(
                f"Added tie #{tie.id}: {tie.source_actor.name} {arrow} {tie.target_actor.name} "
                f"({tie.type.value}, weight {tie.weight:g})"
            )


@app.command("list")
def list_(
    actor: Annotated[str | None, typer.Option(help="Only ties of this actor.")] = None,
    type: Annotated[list[str] | None, typer.Option("--type", help="Tie type; repeat.")] = None,
    source: Annotated[list[str] | None, typer.Option(help="Origin; repeat for more.")] = None,
    active_on: Annotated[str | None, typer.Option(help="Only ties running on this date.")] = None,
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """List ties, filtered and paged."""
    with unit_of_work(db) as session:
        filters = tie_filter(
            session, actor=actor, type=type or [], source=source or [], active_on=active_on
        )
        page = list_ties(session, filters, limit=limit or None, offset=offset)
        if as_json:
            print_json([tie_public(t).model_dump(mode="json") for t in page.items])
            return
        print_table(
            [
                (
                    t.id,
                    t.source_actor.name,
                    "->" if t.directed else "--",
                    t.target_actor.name,
                    t.type.value,
                    f"{t.weight:g}",
                    t.start_date,
                    t.end_date,
                    t.source.value,
                )
                for t in page.items
            ],
            ["id", "from", "", "to", "type", "weight", "start", "end", "source"],
        )
        print_page_footer(page)


@app.command("remove")
def remove(
    tie_id: Annotated[int, typer.Argument(help="The tie's id (see `ties list`).")],
    db: DbOption = None,
) -> None:
    """Remove a tie."""
    with unit_of_work(db) as session:
        tie = remove_tie(session, tie_id)
        typer.echo(f"Removed tie #{tie_id} ({tie.type.value})")
