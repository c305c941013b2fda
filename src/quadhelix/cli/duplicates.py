"""``quadhelix actors duplicates`` and ``quadhelix actors merge``: one body, one record."""

from __future__ import annotations

from typing import Annotated

import typer

from quadhelix.cli.common import DbOption, JsonOption, note, print_json, print_table, unit_of_work
from quadhelix.io.duplicates import find_duplicates
from quadhelix.registry.actors import get_actor
from quadhelix.registry.merge import merge_actors


def duplicates(db: DbOption = None, as_json: JsonOption = False) -> None:
    """List probable duplicate actors: same KBO number or names that mean the same."""
    with unit_of_work(db) as session:
        pairs = find_duplicates(session.connection())
    if as_json:
        print_json(
            [
                {
                    "first": {"id": p.first.id, "name": p.first.name},
                    "second": {"id": p.second.id, "name": p.second.name},
                    "reason": p.reason,
                }
                for p in pairs
            ]
        )
        return
    print_table(
        [(p.first.id, p.first.name, p.second.id, p.second.name, p.reason) for p in pairs],
        ["id", "name", "id", "name", "why"],
    )
    note(f"{len(pairs)} probable duplicates; merge with `quadhelix actors merge KEEP OTHER`.")


def merge(
    keep: Annotated[str, typer.Argument(help="The actor to keep (id, external id, KBO, name).")],
    other: Annotated[str, typer.Argument(help="The duplicate, merged into KEEP and deleted.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Merge a duplicate into an actor: memberships, ties, sub-units and themes move over.

    The duplicate's external id and KBO number are kept as aliases, so importing a file that
    still uses them updates the kept actor instead of bringing the duplicate back.
    """
    with unit_of_work(db) as session:
        result = merge_actors(session, get_actor(session, keep), get_actor(session, other, "other"))
    if as_json:
        print_json(result.__dict__)
        return
    typer.echo(
        f"Merged #{result.removed} {result.removed_name} into #{result.kept}: "
        f"{result.memberships_moved} memberships and {result.ties_moved} ties moved, "
        f"{result.memberships_dropped + result.ties_dropped} doubles dropped"
    )
    if result.aliases:
        typer.echo(f"Imports still find it by: {', '.join(result.aliases)}")
