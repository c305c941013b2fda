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
from numpy.typing import NDArray

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


def similarity(builder: CoalitionBuilder, rows: list[int]) -> NDArray[np.float64]:
    """Pairwise similarity of the given actors: 1 for the same organisation (one belongs to
    the other, or both to the same parent), else the Jaccard overlap of their description terms.
    """
    parent = builder.data.actors.parent[rows]
    position = np.asarray(rows, dtype=np.int64)
    terms = builder.actor_text.incidence()[position]
    lengths = np.asarray(terms.sum(axis=1), dtype=np.float64).ravel()
    common = np.asarray((terms @ terms.T).todense(), dtype=np.float64)
    union = lengths[:, None] + lengths[None, :] - common
    out = np.divide(common, union, out=np.zeros_like(common), where=union > 0)
    same = (parent[:, None] == position[None, :]) | (parent[None, :] == position[:, None])
    same |= (parent[:, None] == parent[None, :]) & (parent[:, None] >= 0)
    out[same] = 1.0
    return out


def _required(challenge: Challenge, evaluation: Evaluation) -> dict[str, int]:
    if challenge.mix:
        return {sector.value: count for sector, count in challenge.mix.items() if count}
    return {s.value: 1 for s in HelixSector if s.value in evaluation.relevant_sectors}


def select(builder: CoalitionBuilder, evaluation: Evaluation) -> list[tuple[int, Reason]]:
    """The picked rows with the reason of each pick: included, coverage or score."""
    challenge = evaluation.challenge
    members = list(dict.fromkeys(evaluation.included))
    pool = [r for r in builder.order(evaluation, POOL).tolist() if r not in set(members)]
    rows = pool + members
    score = evaluation.score
    best = max((float(score[r]) for r in rows), default=0.0)
    scale = best if best > 0 else 1.0
    similar = similarity(builder, rows)
    sector = builder.sectors
    picks: list[tuple[int, Reason]] = [(r, "included") for r in members]
    required = _required(challenge, evaluation)
    k = len(pool)
    # Similarity of every pool member to the nearest actor picked so far.
    closest = similar[:k, k:].max(axis=1) if members else np.zeros(k)
    gain = score[pool] / scale
    relevant = evaluation.relevant[pool]
    pool_sector = np.array([sector[r] for r in pool], dtype=object)
    open_ = np.ones(k, dtype=bool)
    while len(picks) < challenge.size and open_.any():
        counts = Counter(sector[r] for r, _ in picks)
        missing = {s for s, n in required.items() if counts[s] < n}
        places = challenge.size - len(picks)
        needed = sum(required[s] - counts[s] for s in missing)
        covering = open_ & relevant & np.isin(pool_sector, list(missing))
        eligible = covering if needed >= places and covering.any() else open_
        plain = np.where(eligible, gain - DIVERSITY * closest, -np.inf)
        with_bonus = plain + COVERAGE * covering
        chosen = int(np.argmax(with_bonus))
        reason: Reason = (
            "coverage" if covering[chosen] and int(np.argmax(plain)) != chosen else "score"
        )
        picks.append((pool[chosen], reason))
        open_[chosen] = False
        closest = np.maximum(closest, similar[:k, chosen])
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
