"""200 respondents saving and submitting at the same moment lose no answer."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quadhelix.registry.database import make_engine, transaction
from quadhelix.survey.answering import save_answers, submit, write_retrying
from quadhelix.survey.invitations import issue_invitations, respondent_for_token
from quadhelix.survey.model import SurveyAnswer, SurveyRespondent
from quadhelix.survey.schemas import AnswersUpdate, WaveCreate
from quadhelix.survey.service import create_wave, respondents_of
from tests.survey.helpers import CLOSES, OPENS, TODAY, make_coalition

RESPONDENTS = 200
RATED = 3  # each respondent rates its next three neighbours on the roster


@pytest.mark.slow
def test_200_concurrent_respondents_lose_no_answer(db_url: str) -> None:
    engine = make_engine(db_url, pool_size=20, max_overflow=0, pool_timeout=120)
    try:
        coalition = make_coalition(engine, RESPONDENTS)
        with transaction(engine) as session:
            wave = create_wave(
                session, WaveCreate(coalition=str(coalition), opens_on=OPENS, closes_on=CLOSES)
            )
            issued = issue_invitations(session, respondents_of(session, wave))
            actors = sorted(i.respondent.actor_id for i in issued)
            tokens = {i.respondent.actor_id: i.token for i in issued}
            wave_id = wave.id
        start = threading.Barrier(RESPONDENTS)

        def respond(actor: int) -> None:
            position = actors.index(actor)
            targets = [actors[(position + k) % RESPONDENTS] for k in range(1, RATED + 1)]
            body = AnswersUpdate.model_validate(
                {
                    "answers": [
                        {"target_actor_id": t, "level": "cooperation", "reliability": 3}
                        for t in targets
                    ],
                    "success": 4,
                }
            )

            def work(session: Session) -> None:
                respondent = respondent_for_token(session, tokens[actor])
                save_answers(session, respondent, body, TODAY)
                submit(session, respondent, TODAY)

            start.wait()
            write_retrying(engine, work, attempts=50)

        with ThreadPoolExecutor(max_workers=RESPONDENTS) as pool:
            for future in [pool.submit(respond, actor) for actor in actors]:
                future.result()
        with transaction(engine) as session:
            answers = session.scalar(
                select(func.count())
                .select_from(SurveyAnswer)
                .join(SurveyRespondent)
                .where(SurveyRespondent.wave_id == wave_id)
            )
            submitted = session.scalar(
                select(func.count()).where(
                    SurveyRespondent.wave_id == wave_id, SurveyRespondent.submitted_at.is_not(None)
                )
            )
            rated = session.scalar(
                select(func.count()).where(
                    SurveyAnswer.reliability == 3, SurveyAnswer.level == "cooperation"
                )
            )
        assert (answers, submitted, rated) == (
            RESPONDENTS * RATED,
            RESPONDENTS,
            RESPONDENTS * RATED,
        )
    finally:
        engine.dispose()
