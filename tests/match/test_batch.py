from __future__ import annotations

import json

from quadhelix.match.batch import run_batch
from quadhelix.match.builder import CoalitionBuilder


def test_a_batch_answers_every_line_and_reports_bad_ones(small: CoalitionBuilder) -> None:
    lines = [
        json.dumps({"id": "q1", "text": "hittestress", "lead": "A0", "rank": 3}),
        "",
        json.dumps({"id": "q2", "themes": ["heat"], "size": 2, "as_of": "2024-01-01"}),
        "{not json",
        json.dumps({"id": "q4", "text": "hittestress", "lead": "Nobody"}),
        json.dumps({"id": "q5", "text": "hittestress", "rank": 0}),
        json.dumps(["a list"]),
    ]
    results = list(run_batch(small, lines))
    assert [r.get("id") for r in results] == ["q1", "q2", None, "q4", "q5", None]
    assert len(results[0]["ranking"]["candidates"]) == 3
    assert len(results[1]["proposal"]["members"]) == 2
    assert "not JSON" in results[2]["error"] and results[2]["line"] == 4
    assert results[3]["error"] == "lead not found: 'Nobody'"
    assert results[4]["error"].startswith("rank:")
    assert "JSON object" in results[5]["error"]
    json.dumps(results)  # every result is plain JSON
