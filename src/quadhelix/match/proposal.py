"""From a ranking to a balanced coalition: greedy picks for relevance, sectors and diversity.

The best ``POOL`` (150) candidates compete for the places. Each step takes the candidate with the
highest gain

    gain = score / best score + COVERAGE * [its sector is still missing]
           - DIVERSITY * max similarity to the actors already picked

a greedy maximal-marginal-relevance selection (Carbonell & Goldstein 1998, "The use of MMR,
diversity-based reranking for reordering documents and producing summaries", SIGIR). Two actors
are similar when one belongs to the other or both to the same parent organisation (1.0), or by
the Jaccard overlap of the terms of their descriptions. When the places left are just enough for
the sectors still missing, only those sectors' relevant candidates compete (relevant: the
components other than the network add up to at least ``SECTOR_RELEVANCE``, 0.25).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Literal

import numpy as np

from quadhelix.match.challenge import Challenge
from quadhelix.match.explain import explain
from quadhelix.match.results import Pick, Proposal
from quadhelix.registry.vocab import HelixSector

if TYPE_CHECKING:
    from quadhelix.match.builder import CoalitionBuilder, Evaluation

Reason = Literal["included", "coverage", "score"]

POOL = 150
COVERAGE = 0.3
DIVERSITY = 0.5


class _Similarity:
    """Similarity of pool members: shared organisation, else overlap of description terms."""

    def __init__(self, builder: CoalitionBuilder, rows: list[int]) -> None:
        a = builder.data.actors
        self.parent = {r: int(a.parent[r]) for r in rows}
        self.terms = {r: builder.document_terms(r) for r in rows}

    def __call__(self, i: int, j: int) -> float:
        pi, pj = self.parent[i], self.parent[j]
        if pi == j or pj == i or (pi >= 0 and pi == pj):
            return 1.0
        ti, tj = self.terms[i], self.terms[j]
        union = len(ti | tj)
        return len(ti & tj) / union if union else 0.0


def _required(challenge: Challenge, evaluation: Evaluation) -> dict[str, int]:
    if challenge.mix:
        return {sector.value: count for sector, count in challenge.mix.items() if count}
    return {s.value: 1 for s in HelixSector if s.value in evaluation.relevant_sectors}


def select(builder: CoalitionBuilder, evaluation: Evaluation) -> list[tuple[int, Reason]]:
    """The picked rows with the reason of each pick: included, coverage or score."""
    challenge = evaluation.challenge
    pool = [r for r in builder.order(evaluation, POOL).tolist() if r not in evaluation.included]
    members = list(dict.fromkeys(evaluation.included))
    rows = pool + members
    score = evaluation.score
    best = max((float(score[r]) for r in rows), default=0.0)
    scale = best if best > 0 else 1.0
    similar = _Similarity(builder, rows)
    sector = builder.sectors
    picks: list[tuple[int, Reason]] = [(r, "included") for r in members]
    required = _required(challenge, evaluation)
    closest = dict.fromkeys(pool, 0.0)  # similarity to the nearest actor picked so far
    for member in members:
        for r in pool:
            closest[r] = max(closest[r], similar(r, member))
    while len(picks) < challenge.size and pool:
        counts = Counter(sector[r] for r, _ in picks)
        missing = {s for s, n in required.items() if counts[s] < n}
        places = challenge.size - len(picks)
        needed = sum(required[s] - counts[s] for s in missing)
        covering = [r for r in pool if sector[r] in missing and evaluation.relevant[r]]
        eligible = covering if needed >= places and covering else pool
        gains = np.array([float(score[r]) / scale - DIVERSITY * closest[r] for r in eligible])
        bonus = np.array([COVERAGE if r in covering else 0.0 for r in eligible])
        chosen = int(np.argmax(gains + bonus))
        row = eligible[chosen]
        plain_best = int(np.argmax(gains))
        reason: Reason = "coverage" if row in covering and plain_best != chosen else "score"
        picks.append((row, reason))
        pool.remove(row)
        for r in pool:
            closest[r] = max(closest[r], similar(r, row))
    return picks


def propose(builder: CoalitionBuilder, evaluation: Evaluation) -> Proposal:
    """A balanced, explained coalition for an evaluated challenge."""
    challenge: Challenge = evaluation.challenge
    picks = select(builder, evaluation)
    rows = [r for r, _ in picks]
    paths = builder.paths(evaluation, rows)
    lead = builder.actor_ref(evaluation.lead) if evaluation.lead is not None else None
    members = []
    for rank, (row, reason) in enumerate(picks, start=1):
        candidate = builder.candidate(evaluation, row, rank, paths.get(row))
        en, nl = explain(candidate, reason, lead, builder.weights)
        members.append(Pick(candidate, reason, en, nl))
    sectors = Counter(builder.sectors[r] for r in rows)
    wanted = {s.value: n for s, n in challenge.mix.items()} or {s.value: 1 for s in HelixSector}
    missing = tuple(s for s, n in wanted.items() if sectors[s] < n)
    return Proposal(
        lead=lead,
        as_of=challenge.as_of,
        members=tuple(members),
        sectors={s.value: sectors[s.value] for s in HelixSector},
        missing_sectors=missing,
        considered=int(evaluation.candidates.size),
    )
