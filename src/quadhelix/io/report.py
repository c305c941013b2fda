"""What an import did or would do, and why a file was refused."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Protocol

from quadhelix.registry.errors import QuadhelixError


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one cell, written ``file:row:column: message`` like a compiler error.

    ``row`` counts the way a spreadsheet does: the header is row 1, so the first record is row 2.
    ``message`` is a ``Message`` where it was made from a message id (pages translate it).
    """

    file: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.row}:{self.column}: {self.message}"


class ImportRejected(QuadhelixError):
    """The file was refused as a whole; nothing was written. ``problems`` lists every reason."""

    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.file = file
        self.problems = sorted(problems)
        count = len(self.problems)
        first = f"; first: {self.problems[0]}" if self.problems else ""
        super().__init__(
            f"{file}: rejected, nothing was written ({count} problem{'s' * (count != 1)}{first})"
        )


@dataclass
class TableCounts:
    """Per table: records created, changed and found identical."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class ImportReport:
    """The outcome of one import; with ``dry_run`` the counts say what *would* have happened."""

    source: str
    kind: str
    dry_run: bool = False
    rows: int = 0
    tables: dict[str, TableCounts] = field(default_factory=dict)
    rejected: list[Problem] = field(default_factory=list)
    rejected_rows: int = 0
    new_themes: list[str] = field(default_factory=list)
    new_areas: list[str] = field(default_factory=list)
    rules: Counter[str] = field(default_factory=Counter)
    duplicates: list[tuple[str, str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def counts(self, table: str) -> TableCounts:
        return self.tables.setdefault(table, TableCounts())

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape printed by ``--json``; keys may be added, never renamed."""
        return {
            "source": self.source,
            "kind": self.kind,
            "dry_run": self.dry_run,
            "rows": self.rows,
            "tables": {
                name: {"created": c.created, "updated": c.updated, "unchanged": c.unchanged}
                for name, c in self.tables.items()
            },
            "rejected_rows": self.rejected_rows,
            "problems": [str(p) for p in self.rejected],
            "new_themes": self.new_themes,
            "new_areas": self.new_areas,
            "rules": dict(sorted(self.rules.items())),
            "duplicates": [
                {"new": new, "existing": old, "reason": why} for new, old, why in self.duplicates
            ],
            "notes": self.notes,
        }


class Progress(Protocol):
    """Told how far a long import has come; the CLI draws a bar, scripts pass nothing."""

    def __call__(self, step: str, done: int, total: int | None) -> None: ...


def no_progress(step: str, done: int, total: int | None) -> None:
    """The default: say nothing."""
