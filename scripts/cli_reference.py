"""Write docs/cli-reference.md from the commands' own --help, so the reference cannot drift.

Run ``python scripts/cli_reference.py`` after changing a command; a test fails when it is stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

from typer.main import get_command
from typer.testing import CliRunner

from quadhelix.cli import app

REFERENCE = Path(__file__).resolve().parents[1] / "docs" / "cli-reference.md"
ENVIRONMENT = {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb", "QUADHELIX_DATABASE_URL": ""}


def _paths(command: object, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    paths = [prefix]
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        paths.extend(_paths(sub, (*prefix, name)))
    return paths


def render() -> str:
    runner = CliRunner()
    parts = [
        "# quadhelix command reference\n",
        "Generated from `--help` by `scripts/cli_reference.py`; do not edit by hand.\n",
    ]
    for path in _paths(get_command(app)):
        result = runner.invoke(app, [*path, "--help"], env=ENVIRONMENT, prog_name="quadhelix")
        text = "\n".join(line.rstrip() for line in result.stdout.splitlines()).strip()
        parts.append(f"## quadhelix {' '.join(path)}".rstrip() + "\n\n```text\n" + text + "\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    REFERENCE.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"wrote {REFERENCE}\n")
