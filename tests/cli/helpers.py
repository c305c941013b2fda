"""Run the ``quadhelix`` command in-process, the way a person or a script would."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from typer.testing import CliRunner

from quadhelix.cli import app


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)


class Quadhelix:
    """The CLI bound to one database URL."""

    def __init__(self, db_url: str) -> None:
        self.db_url = db_url
        self.runner = CliRunner()

    def __call__(self, *args: str, ok: bool = True) -> Run:
        result = self.runner.invoke(app, [*args, "--db", self.db_url])
        run = Run(result.exit_code, result.stdout, result.stderr)
        if ok:
            assert result.exit_code == 0, (args, result.stdout, result.stderr, result.exception)
        else:
            assert result.exit_code != 0, (args, result.stdout)
            assert "Traceback" not in result.output
            assert result.exception is None or isinstance(result.exception, SystemExit)
        return run

    def error(self, *args: str) -> str:
        """The one-line error a failing command prints."""
        run = self(*args, ok=False)
        lines = [line for line in run.stderr.splitlines() if line.strip()]
        assert len(lines) == 1, run.stderr
        return lines[0]
