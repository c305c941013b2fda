"""Where a candidate stands relative to the lead: warm, introducible or cold.

The network is the registry's *combined* view (as in ``quadhelix.analytics.graphs``): two actors
are linked by every coalition they shared and every tie between them. The builder needs that
network on any day (``as_of``) and with recent links counting more, so it keeps every link as a
dated *event* instead of a merged edge: one per shared coalition (dated when the later of the two
joined) and one per tie (dated when it started). Events are stored by actor (CSR), and a query
reads only the lead's events and those of its partners, masked to the day asked for.

* **strength** of a pair on day ``t``: the sum over its events before ``t`` of
  ``w * 2 ** (-(t - date) / half_life)``, with ``w`` the tie's weight, or for a shared coalition
  of ``n`` members (when the two met) ``min(1, SMALL / (n - 1))``: sharing a 200-member network
  says less than sharing a project of five, after Newman (2001, "Scientific collaboration
  networks. II", Phys. Rev. E 64, 016132).
* **warm**: the candidate has a link with the lead.
* **introducible**: it has a link with one of the lead's partners. How strongly the lead's
  network points at it is the weighted resource-allocation index (Zhou, Lü & Zhang 2009,
  "Predicting missing links via local information", Eur. Phys. J. B 71; weighted form Lü & Zhou
  2010, EPL 89, 18001): every partner ``p`` passes the lead's strength ``s(l, p)`` on to its own
  partners in proportion to its links with them, ``intro(c) = sum_p s(l,p) s(p,c) / S(p)``.
* **introduction path**: the lightest path lead → partner → candidate, a link's length being
  ``1 / strength`` (strong, recent links are short), found with igraph's Dijkstra.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from quadhelix.analytics.projection import make_graph, merge_edges
from quadhelix.match.data import NO_START, FloatArray, IntArray, MatchData

HALF_LIFE_DAYS = 3 * 365.25  # a link three years old counts half
SMALL = 10  # coalitions up to this many partners give every pair a full link
MAX_BROKERS = 100  # introductions are sought through the lead's strongest partners only
_SPAN = 2**42  # > any day ordinal minus NO_START: packs (coalition, day) into one int64


def _ranges(starts: IntArray, ends: IntArray) -> IntArray:
    """All indices ``starts[i] <= k < ends[i]``, concatenated."""
    lengths = ends - starts
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
    return offsets + np.arange(total, dtype=np.int64)


def effective_starts(data: MatchData) -> tuple[IntArray, IntArray]:
    """When each membership and each tie counts as started: not before its actors and coalition."""
    m, t, a = data.memberships, data.ties, data.actors
    member = np.maximum.reduce([m.start, data.coalitions.start[m.coalition], a.start[m.actor]])
    tie = np.maximum.reduce([t.start, a.start[t.source], a.start[t.target]])
    return member, tie


@dataclass(frozen=True)
class Position:
    """The lead's network on one day, as arrays over all actors."""

    lead: int
    strength: FloatArray  # s(lead, c)
    shared: IntArray  # coalitions shared with the lead
    ties: IntArray  # ties with the lead
    last: IntArray  # day of the latest link with the lead (NO_START if none)
    intro: FloatArray  # weighted resource allocation through the lead's partners
    total: float  # the lead's total strength
    brokers: IntArray  # the partners searched for introductions
    hop_owner: IntArray  # 2nd-hop links: broker position, target actor, strength
    hop_target: IntArray
    hop_strength: FloatArray


class NetworkIndex:
    """Dated links between actors, stored by actor, for fast per-lead queries."""

    def __init__(self, data: MatchData) -> None:
        n = len(data.actors)
        member_start, tie_start = effective_starts(data)
        src, dst, when, weight, is_tie = self._events(data, member_start, tie_start)
        order = np.lexsort((dst, src))
        self.n = n
        self.target = dst[order]
        self.when = when[order]
        self.weight = weight[order]
        self.is_tie = is_tie[order]
        self.ptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(src, minlength=n), out=self.ptr[1:])

    @staticmethod
    def _events(
        data: MatchData, member_start: IntArray, tie_start: IntArray
    ) -> tuple[IntArray, IntArray, IntArray, FloatArray, IntArray]:
        m = data.memberships
        # One membership per actor and coalition: the earliest.
        order = np.lexsort((member_start, m.actor, m.coalition))
        actor, coalition, start = m.actor[order], m.coalition[order], member_start[order]
        first = np.ones(actor.size, dtype=bool)
        first[1:] = (actor[1:] != actor[:-1]) | (coalition[1:] != coalition[:-1])
        actor, coalition, start = actor[first], coalition[first], start[first]
        size = np.bincount(coalition, minlength=len(data.coalitions))
        group_start = np.cumsum(size) - size
        k = size[coalition]
        row = np.repeat(np.arange(actor.size, dtype=np.int64), k)
        other = group_start[coalition[row]] + _ranges(np.zeros(actor.size, np.int64), k)
        keep = row != other
        row, other = row[keep], other[keep]
        met = np.maximum(start[row], start[other])
        # The coalition's size when the two met: members who had joined by then.
        joined = np.sort(coalition * _SPAN + (start - NO_START))
        size_then = (
            np.searchsorted(joined, coalition[row] * _SPAN + (met - NO_START), side="right")
            - group_start[coalition[row]]
        )
        pair_weight = np.minimum(1.0, SMALL / np.maximum(size_then - 1, 1))
        t = data.ties
        src = np.concatenate([actor[row], t.source, t.target])
        dst = np.concatenate([actor[other], t.target, t.source])
        when = np.concatenate([met, tie_start, tie_start])
        weight = np.concatenate([pair_weight, t.weight, t.weight])
        is_tie = np.concatenate([np.zeros(row.size, np.int64), np.ones(2 * len(t), np.int64)])
        return src, dst, when, weight.astype(np.float64), is_tie

    def _links(
        self, starts: IntArray, ends: IntArray, before: int, reference: int
    ) -> tuple[IntArray, IntArray, FloatArray, IntArray]:
        """(event index, target, decayed strength, which range) of the events before a day."""
        index = _ranges(starts, ends)
        owner = np.repeat(np.arange(starts.size, dtype=np.int64), ends - starts)
        when = self.when[index]
        keep = when < before
        index, when, owner = index[keep], when[keep], owner[keep]
        age = np.where(when == NO_START, HALF_LIFE_DAYS, np.maximum(reference - when, 0))
        strength = self.weight[index] * np.exp2(-age / HALF_LIFE_DAYS)
        return index, self.target[index], strength, owner

    def position(self, lead: int, before: int, reference: int) -> Position:
        """The lead's network from the events that started before ``before``.

        ``reference`` is the day recency is measured from.
        """
        n = self.n
        index, target, strength, _ = self._links(
            self.ptr[lead : lead + 1], self.ptr[lead + 1 : lead + 2], before, reference
        )
        s = np.bincount(target, weights=strength, minlength=n).astype(np.float64)
        tie = self.is_tie[index]
        shared = np.bincount(target, weights=1 - tie, minlength=n).astype(np.int64)
        ties = np.bincount(target, weights=tie, minlength=n).astype(np.int64)
        last = np.full(n, NO_START, dtype=np.int64)
        np.maximum.at(last, target, self.when[index])
        s[lead] = 0.0
        partners = np.flatnonzero(s > 0)
        brokers = partners[np.lexsort((partners, -s[partners]))][:MAX_BROKERS]
        _, hop_target, hop_strength, owner = self._links(
            self.ptr[brokers], self.ptr[brokers + 1], before, reference
        )
        per_broker = np.bincount(owner, weights=hop_strength, minlength=brokers.size)
        share = np.divide(s[brokers], per_broker, out=np.zeros(brokers.size), where=per_broker > 0)
        intro = np.bincount(hop_target, weights=share[owner] * hop_strength, minlength=n).astype(
            np.float64
        )
        intro[lead] = 0.0
        return Position(
            lead=lead,
            strength=s,
            shared=shared,
            ties=ties,
            last=last,
            intro=intro,
            total=float(s.sum()),
            brokers=brokers,
            hop_owner=owner,
            hop_target=hop_target,
            hop_strength=hop_strength,
        )


def introduction_paths(position: Position, targets: list[int]) -> dict[int, list[int]]:
    """For each target reachable through a broker, the lightest path lead → broker → target.

    Builds the lead's two-step neighbourhood as an igraph graph (edges merged with
    ``quadhelix.analytics.projection``) and runs Dijkstra with length ``1 / strength``.
    """
    wanted = [t for t in targets if position.intro[t] > 0 and position.strength[t] == 0]
    if not wanted or position.brokers.size == 0:
        return {}
    brokers = position.brokers
    keep = np.isin(position.hop_target, wanted)
    # vertex 0 = lead, 1..B = brokers, then the wanted targets
    vertex_of = {t: 1 + brokers.size + i for i, t in enumerate(wanted)}
    hop_vertex = np.array([vertex_of[t] for t in position.hop_target[keep].tolist()], np.int64)
    source = np.concatenate([np.zeros(brokers.size, np.int64), 1 + position.hop_owner[keep]])
    target = np.concatenate([1 + np.arange(brokers.size, dtype=np.int64), hop_vertex])
    weight = np.concatenate([position.strength[brokers], position.hop_strength[keep]])
    n_vertices = 1 + brokers.size + len(wanted)
    # Arcs lead -> broker -> target only, so that no path runs on through a target.
    edges = merge_edges(source, target, weight, n_vertices, directed=True)
    lengths = (1 / edges.weight).tolist()
    graph = make_graph(n_vertices, edges.source, edges.target, True, edge_attrs={"length": lengths})
    found = graph.get_shortest_paths(
        0, to=[vertex_of[t] for t in wanted], weights="length", output="vpath"
    )
    actor_of = [position.lead, *brokers.tolist(), *wanted]
    return {t: [actor_of[v] for v in path] for t, path in zip(wanted, found, strict=True) if path}
