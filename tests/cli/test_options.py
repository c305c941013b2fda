"""Options that several commands share are declared once, so they read the same everywhere."""

from __future__ import annotations

from typing import Any

from typer.main import get_command

from quadhelix.cli import app

# The network selection: `analyze` and the graph exports must select the same network.
SELECTION = (
    "--as-of",
    "--from",
    "--to",
    "--theme",
    "--area",
    "--tie-type",
    "--tie-source",
    "--coalition-kind",
)
SHARED = ("--db", "--json", "--csv", "--dry-run", *SELECTION)
# Elsewhere the same names may mean something else (`actors add --theme` sets a theme).
GROUPS = {"analyze", "import", "export"}
# `export csv` writes the registry, not the network: its date options say so in their own words.
OWN_WORDS = {("export", "csv")}


def _commands(command: Any, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Any]]:
    """Every command and group under ``command`` with its path (Typer vendors Click's types)."""
    found = [(path, command)]
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        found.extend(_commands(sub, (*path, name)))
    return found


def _options() -> dict[str, dict[tuple[str, ...], Any]]:
    """Each shared option name -> the commands that take it -> their declaration."""
    taken: dict[str, dict[tuple[str, ...], Any]] = {name: {} for name in SHARED}
    for path, command in _commands(get_command(app)):
        if not path or path[0] not in GROUPS or path in OWN_WORDS:
            continue
        for param in command.params:
            if param.param_type_name == "option":
                for name in param.opts:
                    if name in taken:
                        taken[name][path] = param
    return taken


def test_shared_options_read_the_same_in_every_command() -> None:
    for name, declarations in _options().items():
        helps = {
            path: (p.help, p.default, p.multiple, p.is_flag) for path, p in declarations.items()
        }
        assert len(set(helps.values())) == 1, (name, helps)


def test_analyze_and_graph_exports_take_the_same_selection() -> None:
    taken = _options()
    for command in [("analyze",), ("analyze", "actors"), ("export", "gexf"), ("export", "graphml")]:
        for name in SELECTION:
            assert command in taken[name], (command, name)
