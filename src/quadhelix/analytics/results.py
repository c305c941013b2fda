"""Turning analytics results into plain JSON values: the one shape the CLI, web and reports share.

Every result type in ``quadhelix.analytics`` is a frozen dataclass. ``to_jsonable`` turns it into
dicts, lists, strings, numbers and ``None``: dates become ISO strings, enums their value, numpy
scalars Python numbers, and NaN or infinity ``None`` (JSON has no NaN). Field names are the
dataclass field names and are part of the documented contract (``docs/analytics.md``).
"""

from __future__ import annotations

import dataclasses
import functools
import math
from collections.abc import Mapping
from datetime import date
from enum import Enum
from typing import Any

import numpy as np

JsonValue = None | bool | int | float | str | list["JsonValue"] | dict[str, "JsonValue"]


def to_jsonable(value: Any) -> JsonValue:
    """A JSON-ready copy of a result (dataclass, mapping, sequence or scalar).

    >>> from datetime import date
    >>> to_jsonable({"when": date(2024, 1, 31), "score": float("nan")})
    {'when': '2024-01-31', 'score': None}
    """
    kind: Any = type(value)
    # the common leaves first, by exact type: an actor table has ~30 of them per actor
    if kind is float:
        number: float = value
        return number if math.isfinite(number) else None
    if value is None or kind is str or kind is int or kind is bool:
        leaf: JsonValue = value
        return leaf
    if kind is tuple or kind is list:
        return [to_jsonable(item) for item in value]
    names = _field_names(kind)
    if names is not None:
        return {name: to_jsonable(getattr(value, name)) for name in names}
    if isinstance(value, bool | str):
        return value
    if isinstance(value, Enum):
        return to_jsonable(value.value)
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        number = float(value)
        return number if math.isfinite(number) else None
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(key): to_jsonable(item) for key, item in value.items()}
    if isinstance(value, np.ndarray):
        return [to_jsonable(item) for item in value.tolist()]
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value) if isinstance(value, set | frozenset) else value
        return [to_jsonable(item) for item in items]
    raise TypeError(f"cannot turn {type(value).__name__} into JSON")


@functools.cache
def _field_names(kind: Any) -> tuple[str, ...] | None:
    """The field names of a dataclass type (looked up once per type), else ``None``."""
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return tuple(field.name for field in dataclasses.fields(kind))
    return None


def finite_or_none(value: float) -> float | None:
    """``None`` for NaN or infinity, so undefined metrics read as missing rather than as numbers."""
    return value if math.isfinite(value) else None
