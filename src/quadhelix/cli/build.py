"""``quadhelix build-coalition``: from a challenge to a balanced, explained proposal of partners.

Reads the registry once into the builder's indexes (``quadhelix.match``), then answers one
challenge (a proposal, or with ``--rank N`` the top N candidates) or every line of ``--batch``.
"""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from quadhelix.cli.common import DbOption, JsonOption, note, print_json, print_table, unit_of_work
from quadhelix.match.batch import run_batch
from quadhelix.match.builder import CoalitionBuilder
from quadhelix.match.challenge import DEFAULT_SIZE, Challenge
from quadhelix.match.results import Proposal, Ranking
from quadhelix.match.store import load_match_data
from quadhelix.registry.errors import InvalidValue

Text = Annotated[
    str | None,
    typer.Argument(
        help="The challenge: title and description, in Dutch or English.", show_default=False
    ),
]
Themes = Annotated[list[str] | None, typer.Option("--theme", help="A theme (code or name).")]
Areas = Annotated[list[str] | None, typer.Option("--area", help="An area (code or name).")]
Lead = Annotated[
    str | None, typer.Option("--lead", help="The leading actor (id, external id or name).")
]
Include = Annotated[list[str] | None, typer.Option("--include", help="Always propose this actor.")]
Exclude = Annotated[list[str] | None, typer.Option("--exclude", help="Never propose this actor.")]
Size = Annotated[int, typer.Option("--size", help="How many partners to propose.")]
Mix = Annotated[
    list[str] | None,
    typer.Option(
        "--mix",
        help="At least N partners of a sector, as SECTOR=N (default: one of every sector).",
    ),
]
AsOf = Annotated[
    str | None,
    typer.Option("--as-of", help="Use only what started before this date (YYYY-MM-DD)."),
]
Rank = Annotated[
    int | None,
    typer.Option("--rank", help="Print the top N ranked candidates instead of a proposal."),
]
Batch = Annotated[
    Path | None,
    typer.Option("--batch", help="A JSON Lines file of queries; one JSON result per line."),
]
MaxActive = Annotated[
    int | None,
    typer.Option("--max-active", help="Penalise actors in more active coalitions than this."),
]


def _day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidValue("as_of", value, "expected a date as YYYY-MM-DD") from None


def _mix(values: list[str]) -> dict[str, int]:
    mix: dict[str, int] = {}
    for value in values:
        sector, _, count = value.partition("=")
        if not count.strip().isdigit():
            raise InvalidValue("mix", value, "expected SECTOR=N, e.g. knowledge=2")
        mix[sector.strip()] = int(count)
    return mix


def _print_ranking(ranking: Ranking) -> None:
    rows = [
        [
            c.rank,
            c.actor.key,
            c.actor.name,
            c.actor.helix,
            f"{c.score:.3f}",
            *(f"{c.components[k]:.2f}" for k in c.components),
            c.network.standing if c.network else "",
        ]
        for c in ranking.candidates
    ]
    columns = ["#", "key", "actor", "sector", "score", "text", "text_coal", "themes"]
    columns += ["areas", "exp", "network", "standing"]
    print_table(rows, columns, title=f"Top {len(rows)} of {ranking.considered} candidates")


def _print_proposal(proposal: Proposal) -> None:
    lead = f" led by {proposal.lead.name}" if proposal.lead else ""
    rows = [
        [
            i,
            p.candidate.actor.key,
            p.candidate.actor.name,
            p.candidate.actor.helix,
            f"{p.candidate.score:.3f}",
            p.candidate.network.standing if p.candidate.network else "",
            p.reason,
        ]
        for i, p in enumerate(proposal.members, start=1)
    ]
    columns = ["#", "key", "actor", "sector", "score", "network", "picked for"]
    print_table(rows, columns, title=f"Proposed coalition{lead}")
    for i, pick in enumerate(proposal.members, start=1):
        typer.echo(f"{i}. EN {pick.explanation_en}")
        typer.echo(f"   NL {pick.explanation_nl}")
    if proposal.missing_sectors:
        note("No relevant candidate for: " + ", ".join(proposal.missing_sectors))


def build_coalition(
    text: Text = None,
    theme: Themes = None,
    area: Areas = None,
    lead: Lead = None,
    include: Include = None,
    exclude: Exclude = None,
    size: Size = DEFAULT_SIZE,
    mix: Mix = None,
    as_of: AsOf = None,
    rank: Rank = None,
    batch: Batch = None,
    max_active: MaxActive = None,
    json_output: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Propose partners for a challenge across the helix, each pick explained (EN and NL)."""
    if batch is not None and text is not None:
        raise InvalidValue("batch", str(batch), "give either a challenge text or --batch")
    if rank is not None and rank < 1:
        raise InvalidValue("rank", rank, "must be 1 or more")
    challenge = None
    if batch is None:
        challenge = Challenge(
            text=text or "",
            themes=tuple(theme or ()),
            areas=tuple(area or ()),
            lead=lead,
            include=tuple(include or ()),
            exclude=tuple(exclude or ()),
            size=size,
            helix_mix=_mix(mix or []) or None,
            as_of=_day(as_of),
            max_active=max_active,
        )
    elif not batch.is_file():
        raise InvalidValue("batch", str(batch), "no such file")
    with unit_of_work(db) as session:
        data = load_match_data(session)
    builder = CoalitionBuilder(data)
    built = f"Indexes of {len(data.actors)} actors built in {builder.build_seconds:.2f} s"
    started = time.perf_counter()
    if batch is not None:
        failed = 0
        with batch.open(encoding="utf-8") as lines:
            for result in run_batch(builder, lines):
                failed += "error" in result
                typer.echo(json.dumps(result, ensure_ascii=False, separators=(",", ":")))
        note(f"{built}; answered in {time.perf_counter() - started:.2f} s.")
        if failed:
            note(f'{failed} queries could not be answered (see their "error").')
            raise typer.Exit(1)
        return
    assert challenge is not None
    if rank is not None:
        ranking = builder.rank(challenge, rank)
        if json_output:
            print_json(ranking.to_dict())
        else:
            _print_ranking(ranking)
    else:
        proposal = builder.propose(challenge)
        if json_output:
            print_json(proposal.to_dict())
        else:
            _print_proposal(proposal)
    note(f"{built}; answered in {(time.perf_counter() - started) * 1000:.0f} ms.")
