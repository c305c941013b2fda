"""Answering through a link: the respondent's form, saving as they go, submitting, and the
respondent's rights (a copy of their answers, erasure).

Every function takes the respondent found by their token, so a link can only ever read or change
its own answers. ``write_retrying`` runs a short write again when SQLite reports a lock, which
happens when many respondents save at the same moment.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import Engine, delete, or_, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from quadhelix.registry.database import transaction
from quadhelix.registry.errors import Conflict, InvalidValue
from quadhelix.registry.model import utcnow
from quadhelix.survey.model import SurveyAnswer, SurveyRespondent, SurveyWave
from quadhelix.survey.questions import RATING_ITEMS, QuestionBank, WaveStatus
from quadhelix.survey.schemas import AnswersUpdate, answer_dict
from quadhelix.survey.service import is_accepting, recompute_ties, respondents_of

T = TypeVar("T")

REASONS = {
    "closed": "this survey is closed",
    "not_open": "this survey is not open yet",
    "expired": "the time to answer this survey has passed",
    "submitted": "these answers were already submitted",
}


class NotAnswerable(Conflict):
    """The wave or the respondent no longer takes answers; ``reason`` says which case."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(f"survey: {REASONS[reason]}")


def answer_state(respondent: SurveyRespondent, today: date | None = None) -> str | None:
    """None when the respondent may still change answers, else the reason they may not."""
    if respondent.submitted_at is not None:
        return "submitted"
    return is_accepting(respondent.wave, today)


def _check_open(respondent: SurveyRespondent, today: date | None) -> None:
    reason = answer_state(respondent, today)
    if reason is not None:
        raise NotAnswerable(reason)


@dataclass(frozen=True)
class Partner:
    actor_id: int
    name: str


def partners(session: Session, respondent: SurveyRespondent) -> list[Partner]:
    """The other members this respondent answers about, by name."""
    return sorted(
        (
            Partner(r.actor_id, r.actor.name)
            for r in respondents_of(session, respondent.wave)
            if r.actor_id != respondent.actor_id
        ),
        key=lambda p: p.name.lower(),
    )


def save_answers(
    session: Session, respondent: SurveyRespondent, data: AnswersUpdate, today: date | None = None
) -> None:
    """Store a batch of answers; fields left out keep their earlier value."""
    _check_open(respondent, today)
    allowed = {p.actor_id for p in partners(session, respondent)}
    bank = QuestionBank.model_validate(respondent.wave.questions)
    stored = {a.target_actor_id: a for a in respondent.answers}
    for index, item in enumerate(data.answers):
        if item.target_actor_id not in allowed:
            raise InvalidValue(
                f"answers.{index}.target_actor_id",
                item.target_actor_id,
                "is not another member of this survey",
            )
        answer = stored.get(item.target_actor_id)
        if answer is None:
            answer = SurveyAnswer(respondent=respondent, target_actor_id=item.target_actor_id)
            session.add(answer)
            stored[item.target_actor_id] = answer
        for key, value in item.model_dump(exclude_unset=True, exclude={"target_actor_id"}).items():
            setattr(answer, key, value)
    for field, options in (
        ("resources", bank.resource_options),
        ("outcomes", bank.outcome_options),
    ):
        chosen = getattr(data, field)
        if chosen is None:
            continue
        unknown = [c for c in chosen if c not in options]
        if unknown:
            raise InvalidValue(
                field, unknown[0], "must be one of %(allowed)s", allowed=", ".join(options)
            )
        setattr(respondent, field, sorted(set(chosen)))
    for field in ("success", "comments"):
        if field in data.model_fields_set:
            setattr(respondent, field, getattr(data, field))
    now = utcnow()
    respondent.started_at = respondent.started_at or now
    respondent.updated_at = now
    session.flush()


def has_answers(session: Session, respondent: SurveyRespondent) -> bool:
    """Whether the respondent said anything about a partner: a level, a frequency or a rating."""
    said = [SurveyAnswer.level.is_not(None), SurveyAnswer.frequency.is_not(None)]
    said += [getattr(SurveyAnswer, item).is_not(None) for item in RATING_ITEMS]
    found = select(SurveyAnswer.id).where(SurveyAnswer.respondent_id == respondent.id, or_(*said))
    return session.scalar(found.limit(1)) is not None


def submit(session: Session, respondent: SurveyRespondent, today: date | None = None) -> None:
    """Hand in the answers: from now on they count, and the link only shows them.

    An empty form is refused: it would be locked and counted as answered while saying nothing
    (a member the respondent does not work with is answered with the level "none")."""
    _check_open(respondent, today)
    session.flush()
    if not has_answers(session, respondent):
        raise InvalidValue(
            "answers", None, "answer at least one question about a partner before submitting"
        )
    now = utcnow()
    respondent.started_at = respondent.started_at or now
    respondent.submitted_at = now
    session.flush()


def own_answers(respondent: SurveyRespondent) -> dict[str, Any]:
    """Everything stored about one respondent: what they may read, and what GDPR export gives."""
    wave: SurveyWave = respondent.wave
    return {
        "wave": {
            "id": wave.id,
            "title": wave.title,
            "opens_on": wave.opens_on.isoformat(),
            "closes_on": wave.closes_on.isoformat(),
        },
        "member": {"actor_id": respondent.actor_id, "name": respondent.actor.name},
        "contact_name": respondent.contact_name,
        "email": respondent.email,
        "invited_at": respondent.invited_at,
        "started_at": respondent.started_at,
        "submitted_at": respondent.submitted_at,
        "resources": list(respondent.resources or []),
        "outcomes": list(respondent.outcomes or []),
        "success": respondent.success,
        "comments": respondent.comments,
        "answers": [answer_dict(a) for a in respondent.answers],
    }


def erase(session: Session, respondent: SurveyRespondent) -> int:
    """Erase a respondent's answers and contact details (GDPR art. 17) and withdraw the link.

    The member stays on the roster as a non-respondent; a closed wave's ties are recomputed
    without these answers. Returns the number of answers erased.
    """
    erased = len(respondent.answers)
    session.execute(delete(SurveyAnswer).where(SurveyAnswer.respondent_id == respondent.id))
    for field in (
        "contact_name",
        "email",
        "token_hash",
        "started_at",
        "submitted_at",
        "success",
        "comments",
        "invited_at",
        "reminded_at",
    ):
        setattr(respondent, field, None)
    respondent.resources = []
    respondent.outcomes = []
    respondent.revoked_at = utcnow()
    session.flush()
    session.expire(respondent, ["answers"])
    if respondent.wave.status == WaveStatus.CLOSED:
        recompute_ties(session, respondent.wave)
    return erased


def write_retrying(engine: Engine, work: Callable[[Session], T], attempts: int = 8) -> T:
    """Run ``work`` in one transaction, again after a short pause if SQLite is locked.

    SQLite lets one writer in at a time; a reader that wants to write while another writes gets
    "database is locked" at once (the busy timeout cannot help there). PostgreSQL never needs it.
    """
    for attempt in range(attempts):
        try:
            with transaction(engine) as session:
                return work(session)
        except OperationalError as error:
            locked = "locked" in str(error.orig) or "busy" in str(error.orig)
            if not locked or attempt == attempts - 1:
                raise
            time.sleep(0.02 * (attempt + 1))
    raise AssertionError("unreachable")


def count_answers(session: Session, wave: SurveyWave) -> int:
    """How many relationship answers a wave holds (all respondents)."""
    return len(
        list(
            session.scalars(
                select(SurveyAnswer.id)
                .join(SurveyRespondent)
                .where(SurveyRespondent.wave_id == wave.id)
            )
        )
    )
