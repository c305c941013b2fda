"""The score of every candidate for a challenge, made of components that are shown, not hidden.

Each component is a number in [0, 1] for every actor; the score is their weighted sum minus the
overload penalty. Components a challenge does not ask about (no themes given: ``themes`` is 0
for everyone) drop out of the ranking by themselves.

=================  =========================================================================
text               BM25 relevance of the challenge to the actor's own document, divided by
                   the best candidate's (``quadhelix.match.text``)
text_coalitions    the best relevance among the coalitions the actor took part in
themes             1 when the actor or one of its coalitions has a theme asked for (or a
                   sub-theme), 0.5 for a broader theme, else 0
areas              the same for areas (an area inside the one asked for counts fully, the
                   district around a neighbourhood half)
experience         how many relevant coalitions, and how recent: ``E = sum rel(c) * 2 **
                   (-age / 3 years)`` over its coalitions, ``log(1 + E) / log(1 + E_max)``;
                   ``rel(c)`` is the mean of the coalition's text, theme and area relevance
network            ``0.7 * warm + 0.3 * introducible``: warm ``1 - exp(-s)`` for strength ``s``
                   with the lead, introducible ``1 - exp(-intro / 0.02)`` for the share
                   ``intro`` of the lead's network that points at the actor; links formed in
                   coalitions on the asked themes count more (``quadhelix.match.network``)
load               penalty: ``min(1, (active - max_active) / max_active)`` for actors in
                   more active coalitions than ``max_active`` (only when asked for)
=================  =========================================================================

The weights (``Weights``) were set on the CORDIS validation cutoff (2016-07-01) of
``benchmarks/builder.py``, never on the periods it reports.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from quadhelix.match.data import NO_END, NO_START, FloatArray, IntArray
from quadhelix.match.network import HALF_LIFE_DAYS, Position, ranges

BoolArray = NDArray[np.bool_]

COMPONENTS = (
    "text",
    "text_coalitions",
    "themes",
    "areas",
    "experience",
    "network",
)
RELEVANT = 0.25  # a coalition this relevant counts as "a relevant coalition" in explanations
WARM_SHARE = 0.7
INTRO_SCALE = 0.02


@dataclass(frozen=True)
class Weights:
    """How much each component counts. The defaults are documented in ``docs/builder.md``."""

    text: float = 1.0
    text_coalitions: float = 0.5
    themes: float = 0.5
    areas: float = 0.5
    experience: float = 1.0
    network: float = 2.0
    load: float = 1.0

    def of(self, name: str) -> float:
        return float(getattr(self, name))


@dataclass(frozen=True)
class MemberIndex:
    """Memberships, one per actor and coalition, sorted by actor, for per-query aggregation.

    ``by_coalition[c_ptr[c]:c_ptr[c + 1]]`` are coalition ``c``'s rows, so that a query touches
    only the memberships of the coalitions it matches, not all of them.
    """

    actor: IntArray
    coalition: IntArray
    start: IntArray  # effective start (not before the actor and the coalition)
    end: IntArray  # the earlier of the membership's and the coalition's end
    closed: IntArray  # 1 when the coalition's status is closed
    segments: IntArray  # first row of each actor that has memberships
    owners: IntArray  # those actors
    ptr: IntArray  # rows ptr[a]:ptr[a + 1] are actor a's
    by_coalition: IntArray  # rows ordered by coalition (then actor)
    c_ptr: IntArray  # by_coalition[c_ptr[c]:c_ptr[c + 1]] are coalition c's rows

    @classmethod
    def build(
        cls,
        actor: IntArray,
        coalition: IntArray,
        start: IntArray,
        end: IntArray,
        closed: IntArray,
        n_actors: int,
    ) -> MemberIndex:
        order = np.lexsort((start, coalition, actor))
        actor, coalition, start, end = actor[order], coalition[order], start[order], end[order]
        first = np.ones(actor.size, dtype=bool)
        first[1:] = (actor[1:] != actor[:-1]) | (coalition[1:] != coalition[:-1])
        ends = np.maximum.reduceat(end, np.flatnonzero(first)) if actor.size else end
        actor, coalition, start = actor[first], coalition[first], start[first]
        new_owner = np.ones(actor.size, dtype=bool)
        new_owner[1:] = actor[1:] != actor[:-1]
        segments = np.flatnonzero(new_owner)
        ptr = np.zeros(n_actors + 1, dtype=np.int64)
        np.cumsum(np.bincount(actor, minlength=n_actors), out=ptr[1:])
        by_coalition = np.lexsort((actor, coalition)).astype(np.int64)
        c_ptr = np.zeros(closed.size + 1, dtype=np.int64)
        np.cumsum(np.bincount(coalition, minlength=closed.size), out=c_ptr[1:])
        return cls(
            actor,
            coalition,
            start,
            ends,
            closed[coalition],
            segments,
            actor[segments],
            ptr,
            by_coalition,
            c_ptr,
        )

    def rows_in(self, per_coalition: FloatArray, before: int) -> IntArray:
        """The memberships (actor order) begun before ``before`` in coalitions with a value."""
        chosen = np.flatnonzero(per_coalition)
        rows = np.sort(self.by_coalition[ranges(self.c_ptr[chosen], self.c_ptr[chosen + 1])])
        return rows[self.start[rows] < before]

    def per_actor_max(self, per_coalition: FloatArray, before: int, n: int) -> FloatArray:
        """Each actor's highest value among the coalitions it had joined (0 without any)."""
        out = np.zeros(n)
        rows = self.rows_in(per_coalition, before)
        if rows.size:
            values = per_coalition[self.coalition[rows]]
            owners = self.actor[rows]
            firsts = np.flatnonzero(np.r_[True, owners[1:] != owners[:-1]])
            out[owners[firsts]] = np.maximum.reduceat(values, firsts)
        return out

    def recency(self, rows: IntArray, reference: int) -> FloatArray:
        """``2 ** (-age / half-life)`` of memberships on a day (an unknown start counts half)."""
        start = self.start[rows]
        age = np.where(start == NO_START, HALF_LIFE_DAYS, np.maximum(reference - start, 0))
        return np.asarray(np.exp2(-age / HALF_LIFE_DAYS), dtype=np.float64)


@dataclass(frozen=True)
class Facts:
    """What the experience of an actor rests on, worked out for the actors that are shown."""

    members: MemberIndex
    relevance: FloatArray  # rel(c) per coalition (0 for coalitions not yet started)
    before: int
    reference: int

    def _rows(self, actor: int) -> IntArray:
        rows = np.arange(self.members.ptr[actor], self.members.ptr[actor + 1])
        return rows[self.members.start[rows] < self.before]

    def relevant(self, actor: int) -> int:
        """How many of its coalitions are relevant (rel >= 0.25)."""
        rows = self._rows(actor)
        return int((self.relevance[self.members.coalition[rows]] >= RELEVANT).sum())

    def active(self, actor: int) -> int:
        return int(active_counts(self.members, self.before, self.reference, self._rows(actor)))

    def best_coalition(self, actor: int) -> int:
        """Its most relevant coalition (then the most recent), -1 if none is relevant."""
        rows = self._rows(actor)
        if rows.size == 0:
            return -1
        rel = self.relevance[self.members.coalition[rows]]
        recency = self.members.recency(rows, self.reference)
        best = rows[np.lexsort((rows, -recency, -rel))[0]]
        return int(self.members.coalition[best]) if rel.max() > 0 else -1


def active_counts(members: MemberIndex, before: int, reference: int, rows: IntArray) -> int:
    """How many of the given memberships run on the reference day."""
    end = members.end[rows]
    running = (
        (members.start[rows] < before)
        & (end >= reference)
        & ((end != NO_END) | (members.closed[rows] == 0))
    )
    return int(running.sum())


def active_all(members: MemberIndex, before: int, reference: int, n: int) -> IntArray:
    """Active coalitions of every actor (only needed for the overload penalty)."""
    end = members.end
    running = (
        (members.start < before) & (end >= reference) & ((end != NO_END) | (members.closed == 0))
    )
    return np.bincount(members.actor, weights=running, minlength=n).astype(np.int64)


def experience(
    members: MemberIndex,
    relevance: FloatArray,
    before: int,
    reference: int,
    n: int,
) -> tuple[FloatArray, Facts]:
    """Per actor the recency-weighted sum of the relevant coalitions it joined before ``before``
    (ages measured on ``reference``), and the facts behind it."""
    rows = members.rows_in(relevance, before)
    weighted = relevance[members.coalition[rows]] * members.recency(rows, reference)
    total = np.bincount(members.actor[rows], weights=weighted, minlength=n).astype(np.float64)
    return total, Facts(members, relevance, before, reference)


def _best(values: FloatArray, candidates: IntArray | BoolArray) -> float:
    """The best candidate's value; ``candidates`` are rows or a mask over all actors."""
    chosen = values[candidates]
    return float(chosen.max()) if chosen.size else 0.0


def normalised(values: FloatArray, candidates: IntArray | BoolArray) -> FloatArray:
    """Divided by the best candidate's value (all zeros when nobody has any)."""
    top = _best(values, candidates)
    return values / top if top > 0 else np.zeros_like(values)


def log_normalised(values: FloatArray, candidates: IntArray | BoolArray) -> FloatArray:
    top = _best(values, candidates)
    if top <= 0:
        return np.zeros_like(values)
    out = np.zeros_like(values)
    rows = np.flatnonzero(values)
    out[rows] = np.log1p(values[rows]) / np.log1p(top)
    return out


def _saturated(values: FloatArray, scale: float) -> FloatArray:
    """``1 - exp(-values / scale)``, computed only where values are not 0 (most actors)."""
    out = np.zeros_like(values)
    rows = np.flatnonzero(values)
    out[rows] = -np.expm1(-values[rows] / scale)
    return out


def network_component(position: Position | None, n: int) -> FloatArray:
    if position is None:
        return np.zeros(n)
    focused = position.focused
    total = float(focused.sum())
    warm = _saturated(focused, 1.0)
    share = position.intro / total if total > 0 else position.intro * 0
    return WARM_SHARE * warm + (1 - WARM_SHARE) * _saturated(share, INTRO_SCALE)


def load_penalty(active: IntArray, max_active: int | None) -> FloatArray:
    if max_active is None:
        return np.zeros(active.size)
    return np.minimum(1.0, np.maximum(0, active - max_active) / max_active)


def total_score(
    components: dict[str, FloatArray], load: FloatArray, weights: Weights
) -> FloatArray:
    score = np.zeros_like(load)
    for name in COMPONENTS:
        score += weights.of(name) * components[name]
    return score - weights.load * load
