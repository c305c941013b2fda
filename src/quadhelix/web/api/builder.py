"""``/api/v1/builder``: the coalition builder of ``quadhelix build-coalition``, as JSON.

A challenge is sent as a JSON body (it has lists and a helix mix), so these are ``POST``s that
read and never write; any role that may read may ask. The answers have the fields of
``build-coalition --json`` (see docs/builder.md).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field

from quadhelix.match import Challenge
from quadhelix.match.challenge import MAX_SIZE
from quadhelix.registry.errors import InvalidValue, NotFound
from quadhelix.registry.vocab import HelixSector
from quadhelix.web.deps import Reader, SessionDep, StateDep
from quadhelix.web.matching import current_builder
from quadhelix.web.problems import error_responses

router = APIRouter(prefix="/builder", tags=["builder"])
ASK = error_responses(401, 403, 409, 422)
Ref = Annotated[str, Field(min_length=1, max_length=300)]
Refs = Annotated[list[Ref], Field(default_factory=list, max_length=100)]


class ChallengeIn(BaseModel):
    """A challenge: words to search for and/or themes and areas, and what the coalition needs."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(default="", max_length=300, description="A short title.")
    description: str = Field(default="", max_length=10_000, description="What it is about.")
    themes: Refs = Field(description="Theme codes or names (a theme includes its sub-themes).")
    areas: Refs = Field(description="Area codes or names (an area includes what lies in it).")
    lead: Ref | None = Field(default=None, description="The leading actor: id, external id, name.")
    include: Refs = Field(description="Actors that must be proposed.")
    exclude: Refs = Field(description="Actors never to propose.")
    size: int = Field(default=8, ge=1, le=MAX_SIZE, description="How many partners.")
    helix_mix: dict[HelixSector, Annotated[int, Field(ge=0, le=MAX_SIZE)]] | None = Field(
        default=None, description="At least this many partners per sector (default: one each)."
    )
    as_of: date | None = Field(default=None, description="Use only what started before this.")
    max_active: int | None = Field(
        default=None, ge=1, le=1000, description="Penalise actors in more active coalitions."
    )

    def challenge(self) -> Challenge:
        return Challenge(
            text=" ".join(t for t in (self.title, self.description) if t),
            themes=tuple(self.themes),
            areas=tuple(self.areas),
            lead=self.lead,
            include=tuple(self.include),
            exclude=tuple(self.exclude),
            size=self.size,
            helix_mix=self.helix_mix,
            as_of=self.as_of,
            max_active=self.max_active,
        )


class ActorRefOut(BaseModel):
    id: int
    key: str = Field(description="External id, or #id without one.")
    name: str
    helix: str
    kind: str


class NetworkFactsOut(BaseModel):
    standing: Literal["warm", "introducible", "cold"]
    strength: float
    shared: int = Field(description="Coalitions shared with the lead.")
    ties: int = Field(description="Ties with the lead.")
    last_link: date | None
    path: list[ActorRefOut] = Field(description="Lead, introducer, candidate.")


class ThemeRefOut(BaseModel):
    code: str
    name_nl: str
    name_en: str


class CandidateOut(BaseModel):
    rank: int
    actor: ActorRefOut
    score: float
    components: dict[str, float] = Field(description="Each from 0 to 1.")
    load_penalty: float
    matched_words: list[str]
    relevant_coalitions: int
    best_coalition: str | None
    best_coalition_year: int | None
    active_coalitions: int
    network: NetworkFactsOut | None
    matched_themes: list[ThemeRefOut] = Field(
        description="The candidate's themes whose name matches the challenge's words."
    )


class PickOut(BaseModel):
    candidate: CandidateOut
    reason: Literal["included", "coverage", "score"]
    explanation_en: str
    explanation_nl: str


class ProposalOut(BaseModel):
    lead: ActorRefOut | None
    as_of: date | None
    members: list[PickOut]
    sectors: dict[str, int]
    missing_sectors: list[str]
    considered: int = Field(description="How many actors were scored.")


class RankingOut(BaseModel):
    lead: ActorRefOut | None
    as_of: date | None
    considered: int
    candidates: list[CandidateOut]
    query_words: list[str]


def _checked(body: ChallengeIn) -> Challenge:
    return body.challenge()


def _unknown_as_invalid(error: NotFound) -> InvalidValue:
    """An actor named in the body that does not exist is a wrong field (422), not a 404."""
    return InvalidValue(error.what, error.ref, "no actor by this id, external id or name")


@router.post("/proposal", response_model=ProposalOut, responses=ASK)
def proposal(body: ChallengeIn, session: SessionDep, state: StateDep, _: Reader) -> object:
    """A balanced coalition for the challenge, each pick explained in English and Dutch."""
    challenge = _checked(body)
    try:
        return current_builder(state, session).propose(challenge).to_dict()
    except NotFound as error:
        raise _unknown_as_invalid(error) from error


@router.post("/ranking", response_model=RankingOut, responses=ASK)
def ranking(
    body: ChallengeIn,
    session: SessionDep,
    state: StateDep,
    _: Reader,
    limit: Annotated[int, Query(ge=1, le=500, description="How many candidates.")] = 20,
) -> object:
    """The best candidates for the challenge with every component of their score."""
    challenge = _checked(body)
    try:
        return current_builder(state, session).rank(challenge, limit).to_dict()
    except NotFound as error:
        raise _unknown_as_invalid(error) from error
