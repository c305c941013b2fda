"""The coalition builder's snapshot of the registry: plain arrays, no database.

A ``MatchData`` value holds everything the builder reads — actors, coalitions, memberships, ties
and the theme and area vocabularies — as parallel arrays indexed by position. It comes from the
registry (``quadhelix.match.store``) or straight from CORDIS files (``quadhelix.match.cordis``);
both give the same shape, so the benchmark evaluates the same builder the CLI runs.

Dates are day ordinals (``date.toordinal()``) in ``int64`` arrays. An unknown start is
``NO_START`` (it counts as "always started"), an unknown end ``NO_END`` ("still running").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TypeVar

import numpy as np
from numpy.typing import NDArray

from quadhelix.registry.vocab import HelixSector

IntArray = NDArray[np.int64]
FloatArray = NDArray[np.float64]

T = TypeVar("T")

NO_START = -(2**40)
NO_END = 2**40
HELIX_ORDER: tuple[HelixSector, ...] = tuple(HelixSector)


def day(value: date | None, missing: int) -> int:
    """A date as a day ordinal, or ``missing`` when there is none."""
    return missing if value is None else value.toordinal()


def days(values: Sequence[date | None], missing: int) -> IntArray:
    return np.array([day(v, missing) for v in values], dtype=np.int64)


@dataclass(frozen=True)
class ThemeInfo:
    """A theme of the vocabulary, with its names in both languages and its parent's code."""

    code: str
    name_nl: str
    name_en: str
    parent: str | None = None


@dataclass(frozen=True)
class AreaInfo:
    code: str
    name: str
    parent: str | None = None


@dataclass(frozen=True)
class Actors:
    """One row per actor. ``key`` is how results name it: the external id, else ``#<id>``."""

    id: IntArray
    key: list[str]
    name: list[str]
    helix: list[HelixSector]
    kind: list[str]
    parent: IntArray  # row of the parent actor, -1 when none
    area: list[str | None]
    themes: list[tuple[str, ...]]
    description: list[str]
    start: IntArray

    def __len__(self) -> int:
        return int(self.id.size)


@dataclass(frozen=True)
class Coalitions:
    id: IntArray
    key: list[str]
    name: list[str]
    kind: list[str]
    status: list[str]
    text: list[str]  # description and goals
    themes: list[tuple[str, ...]]
    areas: list[tuple[str, ...]]
    start: IntArray
    end: IntArray

    def __len__(self) -> int:
        return int(self.id.size)


@dataclass(frozen=True)
class Memberships:
    """Actor ``actor[i]`` took part in coalition ``coalition[i]`` from ``start[i]`` on."""

    actor: IntArray
    coalition: IntArray
    role: list[str]
    start: IntArray
    end: IntArray

    def __len__(self) -> int:
        return int(self.actor.size)


@dataclass(frozen=True)
class Ties:
    source: IntArray
    target: IntArray
    weight: FloatArray
    start: IntArray
    end: IntArray

    def __len__(self) -> int:
        return int(self.source.size)


@dataclass(frozen=True)
class MatchData:
    """What the builder knows. Rows refer to each other by position (``Memberships.actor`` is a
    row of ``actors``), never by database id."""

    actors: Actors
    coalitions: Coalitions
    memberships: Memberships
    ties: Ties
    themes: dict[str, ThemeInfo] = field(default_factory=dict)
    areas: dict[str, AreaInfo] = field(default_factory=dict)

    @property
    def latest(self) -> int:
        """The last day on which something in the snapshot started (``NO_START`` if nothing)."""
        starts = [
            a[a != NO_START]
            for a in (
                self.actors.start,
                self.coalitions.start,
                self.memberships.start,
                self.ties.start,
            )
        ]
        known = [int(s.max()) for s in starts if s.size]
        return max(known, default=NO_START)

    def until(self, as_of: date) -> MatchData:
        """Only the actors, coalitions, memberships and ties that started before ``as_of``.

        Memberships and ties also need both their ends to be in the snapshot; rows are
        renumbered. Unknown starts count as started.
        """
        cut = as_of.toordinal()
        keep_a = np.flatnonzero(self.actors.start < cut)
        keep_c = np.flatnonzero(self.coalitions.start < cut)
        new_a = _renumber(keep_a, len(self.actors))
        new_c = _renumber(keep_c, len(self.coalitions))
        m = self.memberships
        keep_m = np.flatnonzero((m.start < cut) & (new_a[m.actor] >= 0) & (new_c[m.coalition] >= 0))
        t = self.ties
        keep_t = np.flatnonzero((t.start < cut) & (new_a[t.source] >= 0) & (new_a[t.target] >= 0))
        a = self.actors
        parent = np.where(a.parent[keep_a] >= 0, new_a[a.parent[keep_a]], -1)
        return replace(
            self,
            actors=Actors(
                id=a.id[keep_a],
                key=_take(a.key, keep_a),
                name=_take(a.name, keep_a),
                helix=_take(a.helix, keep_a),
                kind=_take(a.kind, keep_a),
                parent=parent.astype(np.int64),
                area=_take(a.area, keep_a),
                themes=_take(a.themes, keep_a),
                description=_take(a.description, keep_a),
                start=a.start[keep_a],
            ),
            coalitions=_take_coalitions(self.coalitions, keep_c),
            memberships=Memberships(
                actor=new_a[m.actor[keep_m]],
                coalition=new_c[m.coalition[keep_m]],
                role=_take(m.role, keep_m),
                start=m.start[keep_m],
                end=m.end[keep_m],
            ),
            ties=Ties(
                source=new_a[t.source[keep_t]],
                target=new_a[t.target[keep_t]],
                weight=t.weight[keep_t],
                start=t.start[keep_t],
                end=t.end[keep_t],
            ),
        )


def _renumber(keep: IntArray, n: int) -> IntArray:
    new = np.full(n, -1, dtype=np.int64)
    new[keep] = np.arange(keep.size, dtype=np.int64)
    return new


def _take(values: list[T], rows: IntArray) -> list[T]:
    return [values[i] for i in rows.tolist()]


def _take_coalitions(c: Coalitions, rows: IntArray) -> Coalitions:
    return Coalitions(
        id=c.id[rows],
        key=_take(c.key, rows),
        name=_take(c.name, rows),
        kind=_take(c.kind, rows),
        status=_take(c.status, rows),
        text=_take(c.text, rows),
        themes=_take(c.themes, rows),
        areas=_take(c.areas, rows),
        start=c.start[rows],
        end=c.end[rows],
    )
