"""Results turn into plain JSON values."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

import numpy as np
import pytest

from quadhelix.analytics.filters import GraphView
from quadhelix.analytics.results import to_jsonable


@dataclass(frozen=True)
class _Sample:
    day: date
    view: GraphView
    values: tuple[float, ...]
    count: np.int64
    groups: dict[str, float]


def test_to_jsonable_handles_dates_enums_numpy_and_nan() -> None:
    sample = _Sample(
        date(2025, 3, 1),
        GraphView.TIES,
        (1.5, float("nan")),
        np.int64(3),
        {"a": np.float64(np.inf)},
    )
    plain = to_jsonable(sample)
    assert plain == {
        "day": "2025-03-01",
        "view": "ties",
        "values": [1.5, None],
        "count": 3,
        "groups": {"a": None},
    }
    json.dumps(plain, allow_nan=False)


def test_to_jsonable_refuses_unknown_objects() -> None:
    with pytest.raises(TypeError):
        to_jsonable(object())
