"""The coalition builder as the web uses it: one builder per registry state, shared by requests.

Building the builder's indexes reads the whole registry and takes a while (about a second on the
demo city), answering a challenge takes milliseconds. So each app keeps the builder of the
registry as it is now and builds a new one only after the registry changed (the same marker of
the last change that keeps analysis results fresh, ``web.analysis.registry_marker``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from quadhelix.match import Candidate, Challenge, CoalitionBuilder, Proposal, load_match_data
from quadhelix.match.explain import explain
from quadhelix.registry.errors import InvalidValue
from quadhelix.registry.vocab import HelixSector
from quadhelix.web.state import AppState

ALTERNATES = 10  # ranked candidates shown besides the proposal
COMPONENTS = ("text", "text_coalitions", "themes", "areas", "experience", "network")


def current_builder(state: AppState, session: Session) -> CoalitionBuilder:
    """The builder over the registry as it is now; built once per registry state."""
    return state.builders.current(
        session, "builder", lambda: CoalitionBuilder(load_match_data(session))
    )


@dataclass(frozen=True)
class Alternate:
    """A candidate that did not make the proposal, with the sentence that explains its score."""

    candidate: Candidate
    explanation_en: str
    explanation_nl: str


@dataclass(frozen=True)
class Answer:
    """What the builder page shows: the proposal and the next best candidates."""

    challenge: Challenge
    proposal: Proposal
    alternates: tuple[Alternate, ...]


def answer(builder: CoalitionBuilder, challenge: Challenge) -> Answer:
    """The proposal for a challenge and up to ``ALTERNATES`` ranked candidates outside it."""
    proposal = builder.propose(challenge)
    picked = {pick.candidate.actor.id for pick in proposal.members}
    ranking = builder.rank(challenge, challenge.size + ALTERNATES)
    alternates = []
    for candidate in ranking.candidates:
        if candidate.actor.id in picked:
            continue
        en, nl = explain(candidate, "score", ranking.lead, builder.weights)
        alternates.append(Alternate(candidate, en, nl))
    return Answer(challenge, proposal, tuple(alternates[:ALTERNATES]))


def whole_number(name: str, text: str, default: int | None) -> int | None:
    """A number typed in a form field; blank gives ``default``."""
    text = text.strip()
    if not text:
        return default
    try:
        return int(text)
    except ValueError:
        raise InvalidValue(name, text, "expected a whole number") from None


def day(name: str, text: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidValue(name, text, "expected a date as YYYY-MM-DD") from None


def lines(text: str) -> tuple[str, ...]:
    """Actors typed one per line (names may hold commas)."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def challenge_from_form(values: dict[str, Any]) -> Challenge:
    """A challenge from the builder form's fields (see ``templates/builder/page.html``).

    Errors name the form's fields: ``mix_<sector>`` for the helix mix, ``title`` for the text.
    """
    mix: dict[str, int] = {}
    for sector in HelixSector:
        count = whole_number(f"mix_{sector.value}", values.get(f"mix_{sector.value}", ""), 0)
        if count is not None and count < 0:
            raise InvalidValue(f"mix_{sector.value}", count, "cannot be negative")
        if count:
            mix[sector.value] = count
    text = " ".join(t for t in (values.get("title", ""), values.get("description", "")) if t)
    return Challenge(
        text=text,
        themes=tuple(values.get("themes") or ()),
        areas=tuple(values.get("areas") or ()),
        lead=values.get("lead") or None,
        include=lines(values.get("include", "")),
        exclude=lines(values.get("exclude", "")),
        size=whole_number("size", values.get("size", ""), 8) or 0,
        helix_mix=mix or None,
        as_of=day("as_of", values.get("as_of", "")),
        max_active=whole_number("max_active", values.get("max_active", ""), None),
    )


# Which form field shows an error about a challenge field.
FORM_FIELD = {"text": "title", "helix_mix": "mix", "rank": "size"}
