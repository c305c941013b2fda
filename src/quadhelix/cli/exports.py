"""``quadhelix export gexf|graphml|jsonld|csv OUT``, ``quadhelix backup`` and ``restore``.

The export commands take the same selection options as ``quadhelix analyze``, so a file opened
in Gephi shows the network the metrics were computed on.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, BinaryIO

import typer

from quadhelix.cli.common import (
    AreasOption,
    AsOfOption,
    CoalitionKindsOption,
    DbOption,
    FromOption,
    ThemesOption,
    TieSourcesOption,
    TieTypesOption,
    ToOption,
    open_engine,
    unit_of_work,
)
from quadhelix.cli.export_csv import export_csv
from quadhelix.io.backup import restore_file, write_backup
from quadhelix.io.export_filters import ExportFilter, export_filter
from quadhelix.io.export_records import Network, View, atomic_output, read_network
from quadhelix.io.gexf import write_gexf
from quadhelix.io.graphml import write_graphml
from quadhelix.io.jsonld import DEFAULT_BASE_IRI, jsonld_document, write_jsonld

app = typer.Typer(
    help="Export the network for Gephi, NetworkX/igraph, R and linked-data portals.",
    no_args_is_help=True,
)
app.command("csv")(export_csv)

Out = Annotated[Path, typer.Argument(help="The file to write (replaced if it exists).")]
ViewOption = Annotated[
    View,
    typer.Option(
        "--view", help="Edges: registered ties, shared coalitions (weight = how many), or both."
    ),
]
BaseIri = Annotated[
    str, typer.Option("--base-iri", help="Base of the IRIs given to actors, coalitions, themes.")
]


def _filters(
    as_of: str | None,
    start: str | None,
    end: str | None,
    theme: list[str] | None,
    area: list[str] | None,
    tie_type: list[str] | None = None,
    tie_source: list[str] | None = None,
    coalition_kind: list[str] | None = None,
) -> ExportFilter:
    return export_filter(
        as_of=as_of,
        start=start,
        end=end,
        themes=theme or [],
        areas=area or [],
        tie_types=tie_type or [],
        tie_sources=tie_source or [],
        coalition_kinds=coalition_kind or [],
    )


def _write_graph(
    out: Path,
    db: str | None,
    view: View,
    filters: ExportFilter,
    write: Callable[[Network, BinaryIO], None],
) -> None:
    with unit_of_work(db) as session:
        network = read_network(session, filters, view)
    with atomic_output(out) as stream:
        write(network, stream)
    directed = sum(1 for edge in network.edges if edge.directed)
    kinds = f"{directed} directed, {len(network.edges) - directed} undirected"
    typer.echo(
        f"Wrote {len(network.nodes)} actors and {len(network.edges)} edges ({kinds}; "
        f"{view.value}) to {out}"
    )


@app.command("gexf")
def gexf(
    out: Out,
    view: ViewOption = View.TIES,
    as_of: AsOfOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    theme: ThemesOption = None,
    area: AreasOption = None,
    tie_type: TieTypesOption = None,
    tie_source: TieSourcesOption = None,
    coalition_kind: CoalitionKindsOption = None,
    db: DbOption = None,
) -> None:
    """GEXF 1.3 for Gephi, with actor and tie dates for the timeline (see docs/exports.md)."""
    filters = _filters(as_of, date_from, date_to, theme, area, tie_type, tie_source, coalition_kind)
    _write_graph(out, db, view, filters, write_gexf)


@app.command("graphml")
def graphml(
    out: Out,
    view: ViewOption = View.TIES,
    as_of: AsOfOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    theme: ThemesOption = None,
    area: AreasOption = None,
    tie_type: TieTypesOption = None,
    tie_source: TieSourcesOption = None,
    coalition_kind: CoalitionKindsOption = None,
    db: DbOption = None,
) -> None:
    """GraphML for NetworkX, igraph, R and yEd (see docs/exports.md)."""
    filters = _filters(as_of, date_from, date_to, theme, area, tie_type, tie_source, coalition_kind)
    _write_graph(out, db, view, filters, write_graphml)


@app.command("jsonld")
def jsonld(
    out: Out,
    base_iri: BaseIri = DEFAULT_BASE_IRI,
    as_of: AsOfOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    theme: ThemesOption = None,
    area: AreasOption = None,
    coalition_kind: CoalitionKindsOption = None,
    db: DbOption = None,
) -> None:
    """JSON-LD with W3C ORG and OSLO terms: organisations, coalitions, memberships."""
    filters = _filters(as_of, date_from, date_to, theme, area, coalition_kind=coalition_kind)
    with unit_of_work(db) as session:
        document = jsonld_document(session, filters, base_iri)
    with atomic_output(out) as stream:
        write_jsonld(document, stream)
    typer.echo(f"Wrote {len(document['@graph'])} resources to {out}")


def backup(
    out: Annotated[Path, typer.Argument(help="The backup file; gzip when it ends in .gz.")],
    db: DbOption = None,
) -> None:
    """Write every table (ids, timestamps, settings, themes, areas) to one JSON file."""
    with open_engine(db) as engine:
        counts = write_backup(engine, out)
    typer.echo(f"Backed up {sum(counts.values())} rows of {len(counts)} tables to {out}")


def restore(
    source: Annotated[Path, typer.Argument(help="A file made by `quadhelix backup`.")],
    replace: Annotated[
        bool,
        typer.Option("--replace", help="Wipe a registry that holds data, in the same transaction."),
    ] = False,
    db: DbOption = None,
) -> None:
    """Restore a backup into an empty registry (after `quadhelix init`); all or nothing."""
    with open_engine(db) as engine:
        report = restore_file(engine, source, replace)
    rows = report.rows
    typer.echo(
        f"Restored {rows['actor']} actors, {rows['coalition']} coalitions, "
        f"{rows['membership']} memberships and {rows['tie']} ties from {source}"
        + (" (the registry's earlier data was replaced)" if report.replaced else "")
    )
