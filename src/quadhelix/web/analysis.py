"""From a request's query to an ``AnalysisSpec``, and a small cache of analysis results.

Pages and the API take the analytics CLI's filter names (``as_of``, ``from``, ``to``, ``theme``,
``area``, ``tie_type``, ``tie_source``, ``coalition_kind``, ``view``) and turn them into the
``GraphFilters`` that ``analytics/graphs.py`` understands. Results are cached per app, keyed by
the query and by a marker of the registry's last change, so an edit shows up at the next request.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from datetime import date
from threading import Lock
from typing import Any, TypeVar
from urllib.parse import urlencode

from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quadhelix.analytics.filters import GraphFilters, GraphView
from quadhelix.analytics.reports import AnalysisSpec
from quadhelix.registry.model import Actor, Area, Coalition, Membership, Theme, Tie

T = TypeVar("T")
_CHANGING = (Actor, Coalition, Membership, Tie, Theme, Area)


class NetworkQuery(BaseModel):
    """Which network to look at; the names are those of ``quadhelix analyze``'s options."""

    model_config = ConfigDict(populate_by_name=True)

    as_of: date | None = Field(default=None, description="The network on this day.")
    date_from: date | None = Field(
        default=None, alias="from", description="Start of a period (with or without `to`)."
    )
    date_to: date | None = Field(default=None, alias="to", description="End of a period.")
    theme: list[str] = Field(
        default_factory=list, description="Theme code or name, with its sub-themes; repeatable."
    )
    area: list[str] = Field(
        default_factory=list, description="Area code or name, with what lies in it; repeatable."
    )
    tie_type: list[str] = Field(default_factory=list, description="Only ties of this type.")
    tie_source: list[str] = Field(default_factory=list, description="Only ties from this source.")
    coalition_kind: list[str] = Field(
        default_factory=list, description="Only coalitions of this kind."
    )
    view: GraphView = Field(
        default=GraphView.TIES, description="Link actors by ties, shared coalitions or both."
    )

    @field_validator("as_of", "date_from", "date_to", mode="before")
    @classmethod
    def _blank_date(cls, value: object) -> object:
        """An empty date field (what a browser sends for a date left open) is no date."""
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("theme", "area", "tie_type", "tie_source", "coalition_kind", mode="before")
    @classmethod
    def _blank_choices(cls, value: object) -> object:
        """Empty choices (a select left at "all") are left out."""
        if isinstance(value, str):
            value = [value]
        if isinstance(value, list | tuple):
            return [v for v in value if not (isinstance(v, str) and not v.strip())]
        return value

    @field_validator("view", mode="before")
    @classmethod
    def _blank_view(cls, value: object) -> object:
        return GraphView.TIES if isinstance(value, str) and not value.strip() else value

    def query_string(self) -> str:
        """The query as URL parameters, only those given (for the map page's API address)."""
        params: list[tuple[str, str]] = []
        for name, shown in (("as_of", "as_of"), ("date_from", "from"), ("date_to", "to")):
            day = getattr(self, name)
            if day is not None:
                params.append((shown, day.isoformat()))
        for name in ("theme", "area", "tie_type", "tie_source", "coalition_kind"):
            params += [(name, value) for value in getattr(self, name)]
        if self.view != GraphView.TIES:
            params.append(("view", self.view.value))
        return urlencode(params)

    def filters(self) -> GraphFilters:
        return GraphFilters.parse(
            as_of=self.as_of,
            date_from=self.date_from,
            date_to=self.date_to,
            themes=self.theme,
            areas=self.area,
            tie_types=self.tie_type,
            tie_sources=self.tie_source,
            coalition_kinds=self.coalition_kind,
        )

    def spec(self) -> AnalysisSpec:
        return AnalysisSpec(view=self.view, filters=self.filters())

    def key(self) -> Hashable:
        """A cache key: the filters as parsed."""
        return (self.view.value, self.filters())


class StrictNetworkQuery(NetworkQuery):
    """The API's variant: unknown query parameters are refused."""

    model_config = ConfigDict(populate_by_name=True, extra="forbid")


def registry_marker(session: Session) -> Hashable:
    """Changes whenever the part of the registry the analytics read changes.

    The latest ``updated_at`` catches additions and edits; the row count catches deletions.
    """
    columns = []
    for model in _CHANGING:  # one round trip: a scalar subquery per table
        columns.append(select(func.count()).select_from(model).scalar_subquery())
        columns.append(select(func.max(model.updated_at)).scalar_subquery())
    return tuple(session.execute(select(*columns)).one())


class ResultCache:
    """A bounded, thread-safe least-recently-used cache of computed results.

    Two requests that miss at once both compute; the second result wins. That wastes a little
    work but never blocks one request behind another's analysis.
    """

    def __init__(self, size: int = 64) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = Lock()

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                found: T = self._items[key]
                return found
        made = make()
        self.put(key, made)
        return made

    def peek(self, key: Hashable) -> Any | None:
        """The cached result for ``key``, or None; never computes."""
        with self._lock:
            if key not in self._items:
                return None
            self._items.move_to_end(key)
            return self._items[key]

    def put(self, key: Hashable, value: Any) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def current(self, session: Session, key: Hashable, make: Callable[[], T]) -> T:
        """``make()``'s result for ``key`` as long as the registry has not changed."""
        return self.get((key, registry_marker(session)), make)

    def __len__(self) -> int:
        return len(self._items)
