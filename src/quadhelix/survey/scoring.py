"""Scores of a survey wave: pure functions of the answers, with hand-checkable definitions.

References:
- PARTNER tool: Varda, Chandra, Stern & Lurie (2008), "Core dimensions of connectivity in public
  health collaboratives", JPHMP 14(5); Varda, Shoup & Miller (2012), "A systematic review of
  collaboration and network research in the public affairs literature", AJPH 102(3). Trust and
  value of a relationship are the means of their three items; an actor's score is the mean of the
  scores it received; the network's score is the mean over all rated relationships.
- Wasserman & Faust (1994), *Social Network Analysis*: density (§4.2), Freeman degree
  centralisation (§5.2.1, eq. 5.5), reciprocity from the dyad census (§13.2).
- Provan & Kenis (2008), "Modes of network governance", JPART 18(2): trust density as a
  predictor of the governance form.

A pair's level is the higher of the two levels its members report (symmetrisation by the
maximum, W&F §4.2): a relationship counts when either side reports it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from statistics import fmean
from typing import Any

from quadhelix.survey.questions import TRUST_ITEMS, VALUE_ITEMS, Level

HIGH_TRUST = 3.0
DISAGREEMENT_LEVELS = 2
MIN_RATERS_SHOWN = 2
CONNECTED = Level.AWARENESS


@dataclass(frozen=True)
class Rating:
    """One respondent's answer about one other member."""

    rater: int
    target: int
    level: Level | None
    ratings: dict[str, int | None]

    @property
    def trust(self) -> float | None:
        return _mean(self.ratings.get(item) for item in TRUST_ITEMS)

    @property
    def value(self) -> float | None:
        return _mean(self.ratings.get(item) for item in VALUE_ITEMS)


@dataclass(frozen=True)
class WaveData:
    """What scoring needs: the roster (actor id to name), who submitted, and their answers."""

    roster: dict[int, str]
    submitted: frozenset[int]
    answers: tuple[Rating, ...]


@dataclass(frozen=True)
class ActorScore:
    actor_id: int
    name: str
    responded: bool
    trust: float | None
    trust_raters: int
    value: float | None
    value_raters: int


@dataclass(frozen=True)
class Disagreement:
    """Two members who see their relationship two levels or more apart."""

    actor_a: int
    actor_b: int
    level_a: Level
    level_b: Level


@dataclass(frozen=True)
class WaveScores:
    roster_size: int
    submitted: int
    response_rate: float | None
    trust: float | None
    value: float | None
    relationships_rated: int
    trust_density: float | None
    density: dict[str, float | None]
    centralisation: float | None
    reciprocity: float | None
    disagreements: tuple[Disagreement, ...]
    actors: tuple[ActorScore, ...]

    def as_dict(self, *, pairwise: bool) -> dict[str, Any]:
        """JSON-ready; pairwise facts (who disagrees with whom) only when ``pairwise``."""
        return {
            "roster_size": self.roster_size,
            "submitted": self.submitted,
            "response_rate": self.response_rate,
            "trust": self.trust,
            "value": self.value,
            "relationships_rated": self.relationships_rated,
            "trust_density": self.trust_density,
            "density": self.density,
            "centralisation": self.centralisation,
            "reciprocity": self.reciprocity,
            "disagreement_count": len(self.disagreements),
            "disagreements": [
                {
                    "actor_a": d.actor_a,
                    "actor_b": d.actor_b,
                    "level_a": d.level_a.value,
                    "level_b": d.level_b.value,
                }
                for d in self.disagreements
            ]
            if pairwise
            else None,
            "actors": [vars(a) for a in self.actors],
        }


def _mean(values: Iterable[int | float | None]) -> float | None:
    given = [float(v) for v in values if v is not None]
    return fmean(given) if given else None


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def _in_roster(data: WaveData) -> list[Rating]:
    return [
        a
        for a in data.answers
        if a.rater in data.submitted and a.target in data.roster and a.rater != a.target
    ]


def pair_levels(data: WaveData) -> dict[tuple[int, int], Level]:
    """The level of every pair someone answered for: the higher of the two reports."""
    levels: dict[tuple[int, int], Level] = {}
    for answer in _in_roster(data):
        if answer.level is None:
            continue
        key = (min(answer.rater, answer.target), max(answer.rater, answer.target))
        known = levels.get(key)
        if known is None or answer.level.rank > known.rank:
            levels[key] = answer.level
    return levels


def densities(data: WaveData) -> dict[str, float | None]:
    """Share of all roster pairs at each level or above: |{pairs with level >= k}| / (n(n-1)/2).

    >>> r = lambda a, b, lv: Rating(a, b, Level(lv), {})
    >>> d = WaveData({1: "a", 2: "b", 3: "c"}, frozenset({1, 2}),
    ...              (r(1, 2, "integration"), r(2, 3, "awareness")))
    >>> densities(d)["awareness"], round(densities(d)["coordination"], 3)
    (0.6666666666666666, 0.333)
    """
    possible = _pairs(len(data.roster))
    levels = pair_levels(data)
    return {
        level.value: (
            sum(1 for found in levels.values() if found.rank >= level.rank) / possible
            if possible
            else None
        )
        for level in Level
        if level != Level.NONE
    }


def degree_centralisation(data: WaveData) -> float | None:
    """Freeman's degree centralisation of the network of connected pairs (level >= awareness):
    sum over members of (largest degree - degree) / ((n-1)(n-2)); 1 for a star, 0 when all
    degrees are equal (Freeman 1978; W&F eq. 5.5). None below three members."""
    n = len(data.roster)
    if n < 3:
        return None
    degree = dict.fromkeys(data.roster, 0)
    for (a, b), level in pair_levels(data).items():
        if level.rank >= CONNECTED.rank:
            degree[a] += 1
            degree[b] += 1
    top = max(degree.values())
    return sum(top - d for d in degree.values()) / ((n - 1) * (n - 2))


def _reports(data: WaveData) -> dict[tuple[int, int], Level]:
    return {(a.rater, a.target): a.level for a in _in_roster(data) if a.level is not None}


def reciprocity(data: WaveData) -> float | None:
    """Dyad-census reciprocity among pairs of two respondents: mutual / (mutual + asymmetric),
    where a member reports a tie when it names a level of awareness or more (W&F §13.2)."""
    reports = _reports(data)
    mutual = asymmetric = 0
    members = sorted(data.submitted & set(data.roster))
    for i, a in enumerate(members):
        for b in members[i + 1 :]:
            ab = _connected(reports.get((a, b)))
            ba = _connected(reports.get((b, a)))
            if ab and ba:
                mutual += 1
            elif ab or ba:
                asymmetric += 1
    return mutual / (mutual + asymmetric) if mutual + asymmetric else None


def _connected(level: Level | None) -> bool:
    return level is not None and level.rank >= CONNECTED.rank


def disagreements(data: WaveData) -> tuple[Disagreement, ...]:
    """Pairs whose two reports lie ``DISAGREEMENT_LEVELS`` or more levels apart."""
    reports = _reports(data)
    found = []
    for (a, b), level_a in sorted(reports.items()):
        level_b = reports.get((b, a))
        if a < b and level_b is not None and abs(level_a.rank - level_b.rank) >= 2:
            found.append(Disagreement(a, b, level_a, level_b))
    return tuple(found)


def trust_density(data: WaveData) -> float | None:
    """Share of all roster pairs whose trust is high: the mean of the pair's one or two trust
    scores is at least 3 ("a fair amount") on the 1-4 scale. The trust-density predictor of
    Provan & Kenis (2008), measured as PARTNER measures trust."""
    possible = _pairs(len(data.roster))
    if not possible:
        return None
    scores: dict[tuple[int, int], list[float]] = {}
    for answer in _in_roster(data):
        if answer.trust is not None:
            key = (min(answer.rater, answer.target), max(answer.rater, answer.target))
            scores.setdefault(key, []).append(answer.trust)
    return sum(1 for pair in scores.values() if fmean(pair) >= HIGH_TRUST) / possible


def actor_scores(data: WaveData) -> tuple[ActorScore, ...]:
    """Per member: the mean trust and value it received, and from how many raters."""
    received: dict[int, list[Rating]] = {actor: [] for actor in data.roster}
    for answer in _in_roster(data):
        received[answer.target].append(answer)
    scores = []
    for actor, name in sorted(data.roster.items(), key=lambda item: item[1].lower()):
        trusts = [a.trust for a in received[actor] if a.trust is not None]
        values = [a.value for a in received[actor] if a.value is not None]
        scores.append(
            ActorScore(
                actor_id=actor,
                name=name,
                responded=actor in data.submitted,
                trust=fmean(trusts) if trusts else None,
                trust_raters=len(trusts),
                value=fmean(values) if values else None,
                value_raters=len(values),
            )
        )
    return tuple(scores)


def score_wave(data: WaveData) -> WaveScores:
    """All scores of one wave; only submitted answers about roster members count."""
    rated = _in_roster(data)
    n = len(data.roster)
    return WaveScores(
        roster_size=n,
        submitted=len(data.submitted & set(data.roster)),
        response_rate=len(data.submitted & set(data.roster)) / n if n else None,
        trust=_mean(a.trust for a in rated),
        value=_mean(a.value for a in rated),
        relationships_rated=sum(1 for a in rated if a.trust is not None or a.value is not None),
        trust_density=trust_density(data),
        density=densities(data),
        centralisation=degree_centralisation(data),
        reciprocity=reciprocity(data),
        disagreements=disagreements(data),
        actors=actor_scores(data),
    )


def hide_small_cells(scores: WaveScores) -> WaveScores:
    """For readers who may not see pairwise answers: a member's score from a single rater would
    be that rater's answer, so it is left out (as are the names of disagreeing pairs)."""
    actors = tuple(
        ActorScore(
            a.actor_id,
            a.name,
            a.responded,
            a.trust if a.trust_raters >= MIN_RATERS_SHOWN else None,
            a.trust_raters,
            a.value if a.value_raters >= MIN_RATERS_SHOWN else None,
            a.value_raters,
        )
        for a in scores.actors
    )
    return WaveScores(**{**vars(scores), "actors": actors})


@dataclass(frozen=True)
class ActorChange:
    actor_id: int
    name: str
    trust_before: float | None
    trust_after: float | None
    value_before: float | None
    value_after: float | None


@dataclass(frozen=True)
class WaveComparison:
    """Change from one wave to a later one: after minus before, for every score in both."""

    changes: dict[str, float | None]
    before: dict[str, float | None]
    after: dict[str, float | None]
    actors: tuple[ActorChange, ...]


def _headline(scores: WaveScores) -> dict[str, float | None]:
    values: dict[str, float | None] = {
        "response_rate": scores.response_rate,
        "trust": scores.trust,
        "value": scores.value,
        "trust_density": scores.trust_density,
        "centralisation": scores.centralisation,
        "reciprocity": scores.reciprocity,
    }
    values |= {f"density_{level}": value for level, value in scores.density.items()}
    return values


def _difference(before: float | None, after: float | None) -> float | None:
    return after - before if after is not None and before is not None else None


def compare_scores(before: WaveScores, after: WaveScores) -> WaveComparison:
    """Differences of the headline scores, and of each member's scores (members in both)."""
    old, new = _headline(before), _headline(after)
    changes = {key: _difference(old[key], new[key]) for key in old}
    previous = {a.actor_id: a for a in before.actors}
    actors = tuple(
        ActorChange(a.actor_id, a.name, p.trust, a.trust, p.value, a.value)
        for a in after.actors
        if (p := previous.get(a.actor_id)) is not None
    )
    return WaveComparison(changes, old, new, actors)


def network(data: WaveData, scores: WaveScores) -> dict[str, list[dict[str, Any]]]:
    """The wave's network for drawing: members with the trust and value they received (as in
    ``scores``, so hidden small cells stay hidden) and one edge per connected pair at its level
    (the same pairs that become registry ties)."""
    nodes = [
        {
            "id": a.actor_id,
            "label": a.name,
            "trust": a.trust,
            "value": a.value,
            "raters": a.trust_raters,
            "responded": a.responded,
        }
        for a in scores.actors
    ]
    edges = [
        {"source": a, "target": b, "level": level.value, "weight": level.rank}
        for (a, b), level in sorted(pair_levels(data).items())
        if level.rank >= CONNECTED.rank
    ]
    return {"nodes": nodes, "edges": edges}
