"""``quadhelix init``, ``stats`` and ``demo``: setting up a registry and seeing what it holds."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from quadhelix.cli.common import DbOption, JsonOption, open_engine, print_json, print_table
from quadhelix.registry.bootstrap import initialise
from quadhelix.registry.database import describe_url, resolve_url, transaction
from quadhelix.registry.stats import registry_stats
from quadhelix.registry.vocab import HelixSector, helix_label_nl

DEMO_DATABASE_FILE = "quadhelix-demo.db"


def init(db: DbOption = None) -> None:
    """Create the registry in the database, or upgrade it to this version. Safe to repeat."""
    with open_engine(db, require_schema=False) as engine:
        report = initialise(engine)
    where = describe_url(resolve_url(db))
    if report.previous_revision is None:
        typer.echo(f"Created registry in {where} (schema {report.revision})")
    elif report.previous_revision != report.revision:
        typer.echo(
            f"Upgraded registry in {where} from {report.previous_revision} to {report.revision}"
        )
    else:
        typer.echo(f"Registry in {where} is up to date (schema {report.revision})")
    if report.themes_added:
        typer.echo(f"Added {report.themes_added} default themes")


def print_stats(stats: dict[str, Any]) -> None:
    actors = stats["actors"]
    print_table(
        [
            (f"{sector} ({helix_label_nl(HelixSector(sector))})", count)
            for sector, count in actors["by_helix"].items()
        ]
        + [("total", actors["total"])],
        ["helix sector", "actors"],
    )
    print_table(
        [(kind, count) for kind, count in actors["by_kind"].items()],
        ["actor kind", "actors"],
    )
    coalitions = stats["coalitions"]
    print_table(
        [(kind, count) for kind, count in coalitions["by_kind"].items()]
        + [("total", coalitions["total"])],
        ["coalition kind", "coalitions"],
    )
    ties = stats["ties"]
    print_table(
        [(kind, count) for kind, count in ties["by_type"].items()] + [("total", ties["total"])],
        ["tie type", "ties"],
    )
    typer.echo(f"Memberships: {stats['memberships']}")


def stats(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Counts per helix sector and kind, coalitions per kind, memberships, ties per type."""
    with open_engine(db) as engine, transaction(engine) as session:
        result = registry_stats(session)
    if as_json:
        print_json(result)
    else:
        print_stats(result)


def demo(
    no_serve: Annotated[
        bool, typer.Option("--no-serve", help="Only build the demo database and print its stats.")
    ] = False,
    seed: Annotated[int, typer.Option(help="Seed of the generated city.")] = 20181207,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            envvar="QUADHELIX_DATABASE_URL",
            help=f"Where to build it (default: ./{DEMO_DATABASE_FILE}). An existing demo there "
            "is rebuilt; a database with other data is refused.",
            show_default=False,
        ),
    ] = None,
    port: Annotated[int, typer.Option(help="Port of the web application.", min=1)] = 8000,
    as_json: JsonOption = False,
) -> None:
    """Build the fictional demo city and open it in the web application (or just build it)."""
    from quadhelix.demo.fresh import create_demo_database

    url = resolve_url(db or DEMO_DATABASE_FILE)
    built = create_demo_database(url, seed)
    if as_json:
        print_json(built.stats)
        return
    typer.echo(f"Built the demo city {built.city.name} in {describe_url(url)} (seed {seed})")
    print_stats(built.stats)
    if no_serve:
        return
    from quadhelix.accounts.service import create_demo_admin
    from quadhelix.cli.serve import serve

    typer.echo(built.tour(url))
    with open_engine(url) as engine:
        username, password = create_demo_admin(engine)
    typer.echo(f"\nSign in at http://127.0.0.1:{port}/ as {username} with password {password}")
    serve(
        host="127.0.0.1",
        port=port,
        db=url,
        public_read_only=False,
        secure_cookies=None,
        forwarded_allow_ips=None,
    )
