"""The ``quadhelix`` command: a thin layer that parses options, calls the library and prints."""

from __future__ import annotations

from typing import Any

import typer
from pydantic import ValidationError
from typer._click import Context  # Typer vendors Click; its group hook takes this type
from typer.core import TyperGroup

from quadhelix.cli import (
    actors,
    admin,
    analyze,
    build,
    coalitions,
    duplicates,
    exports,
    imports,
    serve,
    survey,
    ties,
    users,
    vocabulary,
)
from quadhelix.cli.common import err_console
from quadhelix.registry.errors import QuadhelixError, validation_messages


class _FriendlyErrors(TyperGroup):
    """Print user errors as one line each and exit 1, never a traceback."""

    def invoke(self, ctx: Context) -> Any:
        try:
            return super().invoke(ctx)
        except QuadhelixError as error:
            err_console.print(f"Error: {error}", highlight=False, markup=False)
            raise typer.Exit(1) from None
        except ValidationError as error:
            for message in validation_messages(error):
                err_console.print(f"Error: {message}", highlight=False, markup=False)
            raise typer.Exit(1) from None


app = typer.Typer(
    cls=_FriendlyErrors,
    help="quadhelix: the registry and network of a city's quadruple-helix coalitions.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    rich_markup_mode="rich",
)

app.command("init")(admin.init)
app.command("stats")(admin.stats)
app.command("demo")(admin.demo)
app.add_typer(actors.app, name="actors")
app.add_typer(coalitions.app, name="coalitions")
app.add_typer(coalitions.members_app, name="members")
app.add_typer(ties.app, name="ties")
app.add_typer(vocabulary.themes_app, name="themes")
app.add_typer(vocabulary.areas_app, name="areas")
app.add_typer(users.app, name="users")
app.add_typer(users.tokens_app, name="tokens")
app.add_typer(survey.app, name="survey")
app.command("serve")(serve.serve)
app.add_typer(analyze.app, name="analyze")
app.command("build-coalition")(build.build_coalition)
app.add_typer(imports.app, name="import")
app.add_typer(exports.app, name="export")
app.command("backup")(exports.backup)
app.command("restore")(exports.restore)
actors.app.command("duplicates")(duplicates.duplicates)
actors.app.command("merge")(duplicates.merge)


def main() -> None:
    app()
