"""The demo city's clock: a fixed five-year window, so that no build ever depends on today."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

WINDOW_START = date(2021, 1, 1)
WINDOW_END = date(2025, 12, 31)


def day_between(rng: random.Random, start: date, end: date, skew: float = 0.5) -> date:
    """A day in [start, end]; ``skew`` towards 1 favours later days (registries grow over time)."""
    span = (end - start).days
    if span <= 0:
        return start
    return start + timedelta(days=round(rng.triangular(0, span, skew * span)))


def stamps(day: date | None) -> dict[str, datetime]:
    """Record timestamps at 09:00 UTC on the day the record was registered (inside the window).

    Fixed timestamps keep two builds identical down to ``created_at``.
    """
    registered = max(day or WINDOW_START, WINDOW_START)
    registered = min(registered, WINDOW_END)
    moment = datetime.combine(registered, time(9, 0), tzinfo=UTC)
    return {"created_at": moment, "updated_at": moment}


def clip(start: date | None, end: date | None) -> tuple[date, date]:
    """The part of an active period that lies inside the window (may be empty: end < start)."""
    low = max(start or WINDOW_START, WINDOW_START)
    high = min(end or WINDOW_END, WINDOW_END)
    return low, high
