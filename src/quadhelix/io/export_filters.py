"""Which records an export holds: the same selection as network analytics, read as records.

Analytics defines the selection (``GraphFilters``, resolved by ``analytics/graphs.py``: which
actors and coalitions a period, themes and areas keep); exports take those ids and read the full
records through the registry's query layer. The registry's filters know "active on one day";
:class:`Period` adds "runs at some time in a period" on top of them by subclassing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.orm import Session

from quadhelix.analytics.filters import GraphFilters
from quadhelix.registry.identifiers import parse_date
from quadhelix.registry.model import Coalition, Membership, Tie
from quadhelix.registry.queries import CoalitionFilter, Dated, TieFilter, overlaps


@dataclass(frozen=True)
class Period:
    """Records that run at some time between ``start`` and ``end`` (both inclusive, both optional).

    A record without a start date began before any period, one without an end date still runs.
    ``Period(day, day)`` is the same test as the registry's ``active_on=day``.
    """

    start: date | None = None
    end: date | None = None

    def clause(self, model: Dated) -> ColumnElement[bool]:
        return overlaps(model, self.start, self.end)


@dataclass(frozen=True)
class TieInPeriod(TieFilter):
    period: Period = field(default_factory=Period)

    def apply(self, query: Select[tuple[Tie]]) -> Select[tuple[Tie]]:
        return super().apply(query).where(self.period.clause(Tie))


@dataclass(frozen=True)
class CoalitionIds(CoalitionFilter):
    """Exactly these coalitions (the registry's filter has no id list for coalitions)."""

    ids: Sequence[int] = ()

    def apply(self, query: Select[tuple[Coalition]]) -> Select[tuple[Coalition]]:
        return super().apply(query).where(Coalition.id.in_(self.ids))


@dataclass(frozen=True)
class ExportFilter:
    """The analytics selection, plus what an export needs to read ties and memberships."""

    graph: GraphFilters = field(default_factory=GraphFilters)

    @property
    def period(self) -> Period:
        return Period(*self.graph.window)

    def ties(self) -> TieInPeriod:
        """Ties of the chosen types and sources in the period (both ends are checked later)."""
        return TieInPeriod(
            type=self.graph.tie_types, source=self.graph.tie_sources, period=self.period
        )

    def memberships(
        self, session: Session, actor_ids: Sequence[int], coalition_ids: Sequence[int]
    ) -> list[Membership]:
        """Memberships in the period that link a kept actor to a kept coalition."""
        if not actor_ids or not coalition_ids:
            return []
        query = select(Membership).where(
            Membership.actor_id.in_(actor_ids),
            Membership.coalition_id.in_(coalition_ids),
            self.period.clause(Membership),
        )
        return list(session.scalars(query.order_by(Membership.id)))

    def describe(self) -> str:
        """The selection in words, for file metadata."""
        chosen = self.graph
        parts = []
        if chosen.as_of is not None:
            parts.append(f"as of {chosen.as_of.isoformat()}")
        if chosen.date_from is not None:
            parts.append(f"from {chosen.date_from.isoformat()}")
        if chosen.date_to is not None:
            parts.append(f"to {chosen.date_to.isoformat()}")
        for label, values in (
            ("themes", chosen.themes),
            ("areas", chosen.areas),
            ("tie types", [t.value for t in chosen.tie_types]),
            ("tie sources", [s.value for s in chosen.tie_sources]),
            ("coalition kinds", [k.value for k in chosen.coalition_kinds]),
        ):
            if values:
                parts.append(f"{label} {', '.join(values)}")
        return "; ".join(parts) or "everything"


def _day(value: str | None, field: str) -> date | None:
    return None if value is None else parse_date(value, field)


def export_filter(
    *,
    as_of: str | None = None,
    start: str | None = None,
    end: str | None = None,
    themes: Sequence[str] = (),
    areas: Sequence[str] = (),
    tie_types: Sequence[str] = (),
    tie_sources: Sequence[str] = (),
    coalition_kinds: Sequence[str] = (),
) -> ExportFilter:
    """Read the typed options (``--as-of``, ``--from``/``--to``, ``--theme``, ...) into a filter.

    Theme and area names are resolved when the selection is made, by ``analytics/graphs.py``.
    """
    return ExportFilter(
        GraphFilters.parse(
            as_of=_day(as_of, "as_of"),
            date_from=_day(start, "from"),
            date_to=_day(end, "to"),
            themes=themes,
            areas=areas,
            tie_types=tie_types,
            tie_sources=tie_sources,
            coalition_kinds=coalition_kinds,
        )
    )
