"""Which part of the registry a network is built from: a date or period, themes, areas, types.

One ``GraphFilters`` value travels from the CLI (or web page) to ``quadhelix.analytics.graphs``,
the only module that turns it into queries.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from quadhelix.registry.errors import InvalidValue
from quadhelix.registry.vocab import CoalitionKind, TieSource, TieType, parse_choice


class GraphView(StrEnum):
    """Which relation links two actors in the graph."""

    TIES = "ties"  # the registered ties (typed, weighted, dated)
    COMEMBERSHIP = "comembership"  # shared coalitions (bipartite projection)
    COMBINED = "combined"  # either of the two


class CoMembershipWeight(StrEnum):
    """How shared coalitions weigh a co-membership link."""

    COUNT = "count"  # the number of coalitions both actors are in
    NEWMAN = "newman"  # Newman (2001): each coalition of n members adds 1/(n-1)


@dataclass(frozen=True)
class GraphFilters:
    """What to include. Empty tuples mean "no restriction".

    ``as_of`` takes the network on one day; ``date_from``/``date_to`` take everything active at
    some point of a period (either end may be open). Records without dates count as always active.
    Themes and areas include their sub-themes and sub-areas.
    """

    as_of: date | None = None
    date_from: date | None = None
    date_to: date | None = None
    themes: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    tie_types: tuple[TieType, ...] = ()
    tie_sources: tuple[TieSource, ...] = ()
    coalition_kinds: tuple[CoalitionKind, ...] = ()
    include_isolates: bool = field(default=True)

    @classmethod
    def parse(
        cls,
        *,
        as_of: date | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
        themes: Iterable[str] = (),
        areas: Iterable[str] = (),
        tie_types: Iterable[str] = (),
        tie_sources: Iterable[str] = (),
        coalition_kinds: Iterable[str] = (),
    ) -> GraphFilters:
        """Filters from what a user typed (CLI options, query parameters): blanks are dropped,
        choices are read in English or Dutch, and a wrong one is named by its parameter."""

        def given(values: Iterable[str]) -> tuple[str, ...]:
            return tuple(v.strip() for v in values if v.strip())

        return cls(
            as_of=as_of,
            date_from=date_from,
            date_to=date_to,
            themes=given(themes),
            areas=given(areas),
            tie_types=tuple(parse_choice(TieType, t, "tie_type") for t in given(tie_types)),
            tie_sources=tuple(parse_choice(TieSource, t, "tie_source") for t in given(tie_sources)),
            coalition_kinds=tuple(
                parse_choice(CoalitionKind, k, "coalition_kind") for k in given(coalition_kinds)
            ),
        )

    def __post_init__(self) -> None:
        if self.as_of is not None and (self.date_from is not None or self.date_to is not None):
            raise InvalidValue("as_of", self.as_of, "give either a date or a period, not both")
        if (
            self.date_from is not None
            and self.date_to is not None
            and self.date_to < self.date_from
        ):
            raise InvalidValue("date_to", self.date_to, "the period ends before it starts")

    @property
    def window(self) -> tuple[date | None, date | None]:
        """The period as (first day, last day); a single date is a one-day period."""
        if self.as_of is not None:
            return self.as_of, self.as_of
        return self.date_from, self.date_to

    def at(self, day: date) -> GraphFilters:
        """The same filters on another day (for comparisons over time)."""
        return GraphFilters(
            as_of=day,
            themes=self.themes,
            areas=self.areas,
            tie_types=self.tie_types,
            tie_sources=self.tie_sources,
            coalition_kinds=self.coalition_kinds,
            include_isolates=self.include_isolates,
        )
