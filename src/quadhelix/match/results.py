"""What the builder answers: ranked candidates and a proposal, each convertible to JSON."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any, Literal

Standing = Literal["warm", "introducible", "cold"]


@dataclass(frozen=True)
class ActorRef:
    """An actor as results name it: ``key`` is its external id, or ``#<id>`` without one."""

    id: int
    key: str
    name: str
    helix: str
    kind: str


@dataclass(frozen=True)
class ThemeRef:
    """A theme of the candidate whose name matches the challenge, in both languages."""

    code: str
    name_nl: str
    name_en: str


@dataclass(frozen=True)
class NetworkFacts:
    """The candidate's position relative to the lead.

    ``shared`` and ``ties`` count its links with the lead, ``last_link`` is when the latest
    started; ``path`` is the introduction route (lead, partner, candidate) when it is
    introducible; ``shared_on_themes`` counts the shared coalitions on the themes asked for.
    """

    standing: Standing
    strength: float
    shared: int
    ties: int
    last_link: date | None
    path: tuple[ActorRef, ...] = ()
    shared_on_themes: int = 0


@dataclass(frozen=True)
class Candidate:
    """One ranked actor: its score, every component of it, and the facts behind them."""

    rank: int
    actor: ActorRef
    score: float
    components: dict[str, float]
    load_penalty: float
    matched_words: tuple[str, ...]
    relevant_coalitions: int
    best_coalition: str | None
    best_coalition_year: int | None
    active_coalitions: int
    network: NetworkFacts | None
    matched_themes: tuple[ThemeRef, ...] = ()  # theme names the challenge's words match

    def to_dict(self) -> dict[str, Any]:
        plain: dict[str, Any] = _plain(asdict(self))
        return plain


@dataclass(frozen=True)
class Ranking:
    """The top candidates for a challenge; ``considered`` is how many actors were scored."""

    lead: ActorRef | None
    as_of: date | None
    considered: int
    candidates: tuple[Candidate, ...]
    query_words: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        plain: dict[str, Any] = _plain(asdict(self))
        return plain


@dataclass(frozen=True)
class Pick:
    """A member of the proposal, why it was picked, and that reason in one sentence."""

    candidate: Candidate
    reason: Literal["included", "coverage", "score"]
    explanation_en: str
    explanation_nl: str


@dataclass(frozen=True)
class Proposal:
    """A balanced coalition: the lead and the picked partners, with the sectors covered.

    ``missing_sectors`` are the sectors asked for that no relevant candidate could fill.
    """

    lead: ActorRef | None
    as_of: date | None
    members: tuple[Pick, ...]
    sectors: dict[str, int]
    missing_sectors: tuple[str, ...]
    considered: int

    def to_dict(self) -> dict[str, Any]:
        plain: dict[str, Any] = _plain(asdict(self))
        return plain


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 4)
    return value
