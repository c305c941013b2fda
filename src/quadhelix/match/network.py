"""Where a candidate stands relative to the lead: warm, introducible or cold.

The network is the registry's *combined* view, as ``quadhelix.analytics.projection.dated_links``
builds it: two actors are linked by every coalition they shared and every tie between them, each
link kept as a dated *event* (a shared coalition dated when the later of the two joined, a tie when
it started), because the builder needs the network on any day (``as_of``) with recent links counting
more. Here the events are only stored by actor (CSR), and a query reads the lead's events and those
of its partners, masked to the day asked for. This is link prediction from the lead's neighbourhood
(Liben-Nowell & Kleinberg 2007, "The link-prediction problem for social networks", JASIST 58).

* **strength** of a pair on day ``t``: the sum over its events before ``t`` of
  ``w * 2 ** (-(t - date) / half_life)``, with ``w`` the tie's weight, or for a shared coalition
  of ``n`` members (when the two met) ``min(1, SMALL / (n - 1))``: sharing a 200-member network
  says less than sharing a project of five, after Newman (2001, "Scientific collaboration
  networks. II", Phys. Rev. E 64, 016132).
* **focus**: with themes asked for, an event in a coalition matching them (``m`` = 1, or 0.5 for a
  broader theme) counts ``1 + FOCUS_WARM * m`` times in the strength the score uses, and
  ``1 + FOCUS_INTRO * m`` times when it passes an introduction on: partners on the same subject
  are the likeliest partners again (chosen on the CORDIS validation cutoff).
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
from datetime import date

import numpy as np

from quadhelix.analytics.projection import dated_links, make_graph, merge_edges
from quadhelix.match.data import NO_START, FloatArray, IntArray, MatchData

HALF_LIFE_DAYS = 3 * 365.25  # a link three years old counts half
EPOCH = date(2000, 1, 1).toordinal()  # any fixed day: recency factors are stored relative to it
SMALL = 10  # coalitions up to this many partners give every pair a full link
MAX_BROKERS = 100  # introductions are sought through the lead's strongest partners only
FOCUS_WARM = 2.0  # a link in a coalition on the asked themes counts 3x for warmth...
FOCUS_INTRO = 1.0  # ...and 2x when it passes an introduction on (set on the validation cutoff)


def ranges(starts: IntArray, ends: IntArray) -> IntArray:
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
    focus: FloatArray | None = None  # strength with links on the asked themes counted more
    on_theme: IntArray | None = None  # shared coalitions on the asked themes

    @property
    def focused(self) -> FloatArray:
        """The strength the score uses: ``focus`` when themes were asked for, else ``strength``."""
        return self.strength if self.focus is None else self.focus


class NetworkIndex:
    """Dated links between actors, stored by actor (CSR), for fast per-lead queries.

    The links come from ``quadhelix.analytics.projection.dated_links``, next to the analytics'
    builder of network views; here they are only sorted by actor so that a query reads the
    lead's links and its partners' with array slices instead of walking a graph object (see
    ``docs/architecture.md``).
    """

    def __init__(self, data: MatchData) -> None:
        n = len(data.actors)
        member_start, tie_start = effective_starts(data)
        m, t = data.memberships, data.ties
        links = dated_links(
            m.actor, m.coalition, member_start, t.source, t.target, t.weight, tie_start, small=SMALL
        )
        order = np.lexsort((links.target, links.source))
        self.n = n
        self.target = links.target[order]
        self.when = links.start[order]
        self.weight = links.weight[order]
        self.coalition = links.coalition[order]
        self.is_tie = (self.coalition < 0).astype(np.int64)
        # 2 ** (-(t - when) / h) = 2 ** ((when - EPOCH) / h) * 2 ** (-(t - EPOCH) / h): the first
        # factor is fixed per link, so a query only scales it; links of unknown date count half.
        unknown = self.when == NO_START
        self.grown = np.where(
            unknown,
            0.0,
            self.weight * np.exp2((np.where(unknown, EPOCH, self.when) - EPOCH) / HALF_LIFE_DAYS),
        )
        self.undated = np.where(unknown, self.weight / 2, 0.0)
        self.ptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(links.source, minlength=n), out=self.ptr[1:])

    def _links(
        self, starts: IntArray, ends: IntArray, before: int, reference: int
    ) -> tuple[IntArray, IntArray, FloatArray, IntArray]:
        """(event index, target, decayed strength, which range) of the events before a day."""
        index = ranges(starts, ends)
        owner = np.repeat(np.arange(starts.size, dtype=np.int64), ends - starts)
        keep = self.when[index] < before
        index, owner = index[keep], owner[keep]
        scale = float(np.exp2(-(reference - EPOCH) / HALF_LIFE_DAYS))
        # A link that starts after the reference day counts fully (age 0), never more.
        strength = np.minimum(self.grown[index] * scale, self.weight[index]) + self.undated[index]
        return index, self.target[index], strength, owner

    def _on_topic(self, index: IntArray, topical: FloatArray | None) -> FloatArray:
        """Per link, how well its coalition matches the challenge (0 for ties)."""
        if topical is None:
            return np.zeros(index.size)
        coalition = self.coalition[index]
        return np.where(coalition >= 0, topical[np.maximum(coalition, 0)], 0.0)

    def position(
        self, lead: int, before: int, reference: int, topical: FloatArray | None = None
    ) -> Position:
        """The lead's network from the events that started before ``before``.

        ``reference`` is the day recency is measured from. ``topical`` (per coalition, 0 to 1:
        how well it matches the themes asked for) makes links formed in matching coalitions
        count ``1 + FOCUS_WARM * topical`` times in ``focus`` and ``1 + FOCUS_INTRO * topical``
        times in ``intro``: a lead's partners on the same subject matter most.
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
        focus = on_theme = None
        if topical is not None:
            matching = self._on_topic(index, topical)
            focus = s + FOCUS_WARM * np.bincount(target, weights=strength * matching, minlength=n)
            focus[lead] = 0.0
            on_theme = np.bincount(target, weights=matching > 0, minlength=n).astype(np.int64)
        partners = np.flatnonzero(s > 0)
        brokers = partners[np.lexsort((partners, -s[partners]))][:MAX_BROKERS]
        hop_index, hop_target, hop_strength, owner = self._links(
            self.ptr[brokers], self.ptr[brokers + 1], before, reference
        )
        per_broker = np.bincount(owner, weights=hop_strength, minlength=brokers.size)
        share = np.divide(s[brokers], per_broker, out=np.zeros(brokers.size), where=per_broker > 0)
        passed = share[owner] * hop_strength
        if topical is not None:
            passed = passed * (1 + FOCUS_INTRO * self._on_topic(hop_index, topical))
        intro = np.bincount(hop_target, weights=passed, minlength=n).astype(np.float64)
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
            focus=focus,
            on_theme=on_theme,
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
