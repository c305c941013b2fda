"""How ``quadhelix analyze`` prints a result: a table, JSON (``--json``) or CSV (``--csv``).

JSON is the whole result (field names documented in docs/analytics.md); the table and CSV show
the rows each command builds from it, with numbers shortened only in the table's cells.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Sequence
from typing import Any

from quadhelix.analytics.network import NetworkSummary
from quadhelix.analytics.results import to_jsonable
from quadhelix.cli.common import print_json, print_table
from quadhelix.registry.errors import InvalidValue


def emit(
    data: Any,
    columns: Sequence[str],
    rows: Sequence[Sequence[object]],
    fmt: tuple[bool, bool],
    title: str,
) -> None:
    """Print ``data`` as JSON, or ``rows`` as CSV or a table; ``fmt`` is (--json, --csv)."""
    as_json, as_csv = fmt
    if as_json and as_csv:
        raise InvalidValue("format", "--json --csv", "choose one output format")
    if as_json:
        print_json(to_jsonable(data))
    elif as_csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([["" if value is None else value for value in row] for row in rows])
    else:
        print_table(rows, columns, title=title)


def number(value: float | None, digits: int = 4) -> str | None:
    """A float shortened to ``digits`` significant digits; None stays empty."""
    return None if value is None else f"{value:.{digits}g}"


def cell(value: object) -> object:
    """A table cell: floats shortened, everything else as it is."""
    return number(value) if isinstance(value, float) else value


def fields(value: object) -> dict[str, Any]:
    """A result dataclass as a plain dict, in field order (the CSV columns)."""
    plain = to_jsonable(value)
    assert isinstance(plain, dict)
    return plain


def summary_rows(summary: NetworkSummary) -> list[list[object]]:
    """The summary as metric/value rows; bridges counted, cut points counted and ten named."""
    rows: list[list[object]] = []
    for key, value in fields(summary).items():
        if key == "articulation_points":
            names = ", ".join(str(p.name) for p in summary.articulation_points[:10])
            rows.append([key, f"{len(summary.articulation_points)}: {names}"])
        elif key == "bridges":
            rows.append([key, len(summary.bridges)])
        else:
            rows.append([key, cell(value)])
    return rows
