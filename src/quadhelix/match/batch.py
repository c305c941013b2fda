"""Many challenges against one set of indexes: a JSON Lines file in, one JSON result per line out.

Each line is an object with the fields of ``Challenge.from_mapping`` plus ``id`` (echoed back)
and ``rank`` (a number: answer with the ranked candidates instead of a proposal), e.g.
``{"id": "q1", "text": "...", "lead": "...", "themes": ["SC5"], "as_of": "2019-07-01",
"rank": 20}``. A line that cannot be answered gives ``{"id": ..., "error": "..."}``; the other
lines are still answered.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from quadhelix.match.builder import CoalitionBuilder
from quadhelix.match.challenge import Challenge
from quadhelix.registry.errors import InvalidValue, QuadhelixError


def parse_lines(lines: Iterable[str]) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """(line number, query object or the reason it is not one), skipping blank lines."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            yield number, f"line {number}: not JSON ({error.msg})"
            continue
        if not isinstance(value, dict):
            yield number, f"line {number}: expected a JSON object"
            continue
        yield number, value


def answer(builder: CoalitionBuilder, query: Mapping[str, Any]) -> dict[str, Any]:
    """The result for one query object: a ranking (``rank`` given) or a proposal."""
    fields = {k: v for k, v in query.items() if k not in ("id", "rank")}
    rank = query.get("rank")
    if rank is not None and (not isinstance(rank, int) or isinstance(rank, bool) or rank < 1):
        raise InvalidValue("rank", rank, "must be a whole number, 1 or more")
    challenge = Challenge.from_mapping(fields)
    if rank is not None:
        return {"id": query.get("id"), "ranking": builder.rank(challenge, rank).to_dict()}
    return {"id": query.get("id"), "proposal": builder.propose(challenge).to_dict()}


def run_batch(builder: CoalitionBuilder, lines: Iterable[str]) -> Iterator[dict[str, Any]]:
    """Answer every line; errors become ``{"id", "error"}`` results instead of stopping."""
    for number, query in parse_lines(lines):
        if isinstance(query, str):
            yield {"id": None, "line": number, "error": query}
            continue
        try:
            yield answer(builder, query)
        except QuadhelixError as error:
            yield {"id": query.get("id"), "line": number, "error": str(error)}
