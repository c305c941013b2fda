"""Two waves of the partner survey in one demo partnership, a year apart, so that the results
and comparison pages have something to show. Deterministic for a seed.

The story: members start with mixed trust; a year later most pairs work more closely and trust
each other more.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quadhelix.registry.model import Coalition, Membership
from quadhelix.registry.vocab import CoalitionKind, CoalitionStatus
from quadhelix.survey.model import SurveyAnswer, SurveyWave
from quadhelix.survey.questions import OUTCOMES, RESOURCES, Frequency, Level
from quadhelix.survey.schemas import WaveCreate
from quadhelix.survey.service import close_wave, create_wave, respondents_of

WAVES = ((date(2024, 3, 1), date(2024, 3, 31)), (date(2025, 3, 1), date(2025, 3, 31)))
RESPONSE_RATES = (0.75, 0.9)
GROWTH = (0.0, 0.45)  # how much closer and more trusting the members are in each wave
LEVELS = list(Level)
FREQUENCIES = list(Frequency)


@dataclass(frozen=True)
class DemoSurvey:
    coalition_id: int
    coalition: str
    wave_ids: tuple[int, ...]


def _pick_coalition(session: Session) -> Coalition | None:
    """The first active partnership or project with 6 to 12 members."""
    members = (
        select(Membership.coalition_id, func.count(func.distinct(Membership.actor_id)).label("n"))
        .group_by(Membership.coalition_id)
        .subquery()
    )
    return session.scalar(
        select(Coalition)
        .join(members, members.c.coalition_id == Coalition.id)
        .where(
            Coalition.status == CoalitionStatus.ACTIVE,
            Coalition.kind.in_([CoalitionKind.PARTNERSHIP, CoalitionKind.PROJECT]),
            members.c.n.between(6, 12),
        )
        .order_by(Coalition.id)
        .limit(1)
    )


def _clip(value: float) -> int:
    return max(1, min(4, round(value)))


def _answer_wave(
    session: Session, rng: random.Random, wave: SurveyWave, trust: dict[int, float], index: int
) -> None:
    respondents = respondents_of(session, wave)
    growth = GROWTH[index]
    answering = [r for r in respondents if rng.random() < RESPONSE_RATES[index]]
    for respondent in answering:
        day = wave.opens_on + timedelta(days=rng.randrange(0, 25))
        for other in respondents:
            if other.actor_id == respondent.actor_id:
                continue
            closeness = rng.random() + growth
            level = LEVELS[min(4, int(closeness * 3.2))]
            answer = SurveyAnswer(
                respondent_id=respondent.id,
                target_actor_id=other.actor_id,
                level=level,
                frequency=FREQUENCIES[min(5, level.rank + rng.randrange(0, 2))],
            )
            if level is not Level.NONE:
                base = trust[other.actor_id] + growth
                for item in ("reliability", "mission_support", "openness"):
                    setattr(answer, item, _clip(base + rng.gauss(0, 0.5)))
                for item in ("power_influence", "involvement", "resource_contribution"):
                    setattr(answer, item, _clip(base - 0.3 + rng.gauss(0, 0.7)))
            session.add(answer)
        respondent.resources = sorted(rng.sample(RESOURCES[:-1], 3))
        respondent.outcomes = sorted(rng.sample(OUTCOMES[:-1], 2 + index))
        respondent.success = _clip(2.4 + growth * 2 + rng.gauss(0, 0.5))
        moment = datetime(day.year, day.month, day.day, 10, tzinfo=UTC)
        respondent.invited_at = datetime(wave.opens_on.year, wave.opens_on.month, 1, 9, tzinfo=UTC)
        respondent.started_at = moment
        respondent.submitted_at = moment + timedelta(minutes=rng.randrange(5, 40))
    session.flush()


def build_demo_surveys(session: Session, seed: int) -> DemoSurvey | None:
    """Two closed waves in one partnership; their answers become survey ties."""
    coalition = _pick_coalition(session)
    if coalition is None:
        return None
    rng = random.Random(seed * 31 + 5)
    waves = []
    trust: dict[int, float] = {}
    for index, (opens, closes) in enumerate(WAVES):
        wave = create_wave(
            session,
            WaveCreate(
                coalition=str(coalition.id),
                title=f"{coalition.name} – {opens.year}",
                opens_on=opens,
                closes_on=closes,
            ),
        )
        if not trust:
            trust = {r.actor_id: rng.uniform(1.8, 3.4) for r in respondents_of(session, wave)}
        _answer_wave(session, rng, wave, trust, index)
        close_wave(session, wave)
        waves.append(wave.id)
    return DemoSurvey(coalition.id, coalition.name, tuple(waves))
