"""Geometry for the server-rendered SVG charts (``templates/charts.html`` draws them).

Charts are plain SVG with CSS classes, so they need no script and pass the strict CSP; the
numbers are always also in a table next to them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

HEAT_LEVELS = 6


@dataclass(frozen=True)
class Bar:
    """One bar: ``start`` and ``length`` are fractions of the plot's width (0..1)."""

    label: str
    value: float | None  # shown as the page's language writes numbers (the ``number`` filter)
    css: str
    start: float
    length: float
    marker: float | None = None  # a reference value (e.g. the expected E-I), as a fraction


def bars(items: Sequence[tuple[str, float, str]], maximum: float | None = None) -> list[Bar]:
    """Bars from zero for (label, value, css class) items; values below zero count as zero."""
    top = maximum if maximum is not None else max((v for _, v, _ in items), default=0.0)
    scale = 1.0 / top if top > 0 else 0.0
    return [Bar(label, value, css, 0.0, max(value, 0.0) * scale) for label, value, css in items]


def diverging_bars(items: Sequence[tuple[str, float | None, float | None]]) -> list[Bar]:
    """Bars for indices in [-1, 1] (such as E-I) around a middle line, with a reference marker."""
    found = []
    for label, value, reference in items:
        shown = 0.0 if value is None else max(-1.0, min(1.0, value))
        start = 0.5 + min(shown, 0.0) / 2
        css = "negative" if shown < 0 else "positive"
        marker = None if reference is None else 0.5 + max(-1.0, min(1.0, reference)) / 2
        found.append(Bar(label, value, css, start, abs(shown) / 2, marker))
    return found


def heat_level(count: int, maximum: int) -> int:
    """Which of ``HEAT_LEVELS`` shades a cell gets: 0 for none, then in equal steps."""
    if count <= 0 or maximum <= 0:
        return 0
    return 1 + min(HEAT_LEVELS - 2, int((count / maximum) * (HEAT_LEVELS - 1) - 1e-9))
