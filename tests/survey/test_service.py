"""Waves, links and answers through the service layer, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError
from sqlalchemy import Engine, func, select

from quadhelix.registry.database import transaction
from quadhelix.registry.errors import InvalidValue, NotFound
from quadhelix.registry.model import Tie
from quadhelix.registry.vocab import TieSource, TieType
from quadhelix.survey.answering import (
    NotAnswerable,
    erase,
    own_answers,
    save_answers,
    submit,
)
from quadhelix.survey.invitations import (
    LinkInvalid,
    issue_invitations,
    respondent_for_token,
    revoke,
)
from quadhelix.survey.model import SurveyRespondent, SurveyTie
from quadhelix.survey.questions import WaveStatus
from quadhelix.survey.schemas import AnswersUpdate, WaveCreate
from quadhelix.survey.service import (
    check_closing_day,
    close_wave,
    create_wave,
    get_wave,
    latest_trust_density,
    respondents_of,
    wave_phase,
    wave_results,
)
from tests.survey.helpers import CLOSES, OPENS, TODAY, make_coalition


def _wave(engine: Engine, members: int = 3) -> tuple[int, dict[int, str]]:
    """A wave with links; returns its id and each member's token by actor id."""
    coalition = make_coalition(engine, members)
    with transaction(engine) as session:
        wave = create_wave(
            session, WaveCreate(coalition=str(coalition), opens_on=OPENS, closes_on=CLOSES)
        )
        issued = issue_invitations(session, respondents_of(session, wave))
        return wave.id, {i.respondent.actor_id: i.token for i in issued}


def _answer(engine: Engine, token: str, body: dict[str, object], done: bool = False) -> None:
    with transaction(engine) as session:
        respondent = respondent_for_token(session, token)
        save_answers(session, respondent, AnswersUpdate.model_validate(body), TODAY)
        if done:
            submit(session, respondent, TODAY)


def _rate(target: int, level: str, score: int) -> dict[str, object]:
    return {
        "target_actor_id": target,
        "level": level,
        "reliability": score,
        "mission_support": score,
        "openness": score,
        "power_influence": score,
        "involvement": score,
        "resource_contribution": score,
    }


def test_wave_roster_links_answers_results_and_ties(engine: Engine) -> None:
    wave_id, tokens = _wave(engine)
    a, b, c = sorted(tokens)
    _answer(engine, tokens[a], {"answers": [_rate(b, "integration", 4)]})
    _answer(
        engine,
        tokens[a],
        {"answers": [_rate(c, "awareness", 2)], "resources": ["funding", "data"], "success": 3},
        done=True,
    )
    _answer(engine, tokens[b], {"answers": [_rate(a, "coordination", 4)]}, done=True)
    _answer(engine, tokens[c], {"answers": [_rate(a, "none", 1)]})  # saved, never submitted
    with transaction(engine) as session:
        wave = get_wave(session, wave_id)
        results = wave_results(session, wave)
        assert results.submitted == 2 and results.response_rate == pytest.approx(2 / 3)
        # Relationship trust: a->b 4, a->c 2, b->a 4 (c's draft does not count).
        assert results.trust == pytest.approx(10 / 3)
        assert close_wave(session, wave) == 2
    with transaction(engine) as session:
        ties = list(session.scalars(select(Tie).where(Tie.source == TieSource.SURVEY)))
        pairs = {(t.source_actor_id, t.target_actor_id): (t.type, t.weight) for t in ties}
        assert pairs == {(a, b): (TieType.COLLABORATION, 4.0), (a, c): (TieType.INFORMATION, 1.0)}
        assert {t.start_date for t in ties} == {OPENS}
        assert session.scalar(select(func.count()).select_from(SurveyTie)) == 2
        assert latest_trust_density(session, get_wave(session, wave_id).coalition_id or 0) == (
            pytest.approx(1 / 3)  # only the a-b pair has trust >= 3
        )


def test_closed_expired_and_submitted_links_refuse_answers(engine: Engine) -> None:
    wave_id, tokens = _wave(engine)
    a, b, _ = sorted(tokens)
    _answer(engine, tokens[a], {"answers": [_rate(b, "none", 1)]}, done=True)
    with pytest.raises(NotAnswerable, match="already submitted"):
        _answer(engine, tokens[a], {"answers": [_rate(b, "none", 1)]})
    with transaction(engine) as session:
        respondent = respondent_for_token(session, tokens[b])
        with pytest.raises(NotAnswerable, match="passed"):
            save_answers(session, respondent, AnswersUpdate(), date(2027, 1, 1))
        with pytest.raises(NotAnswerable, match="not open yet"):
            submit(session, respondent, date(2025, 12, 31))
        close_wave(session, get_wave(session, wave_id))
    with pytest.raises(NotAnswerable, match="closed"):
        _answer(engine, tokens[b], {"answers": [_rate(a, "none", 1)]})


def test_forged_revoked_and_replaced_tokens_are_refused(engine: Engine) -> None:
    wave_id, tokens = _wave(engine)
    a, b, _ = sorted(tokens)
    with transaction(engine) as session:
        for forged in ("", "sv_" + "A" * 43, tokens[a][:-1], "qh_" + tokens[a][3:], "x" * 500):
            with pytest.raises(LinkInvalid):
                respondent_for_token(session, forged)
        revoke(session, respondent_for_token(session, tokens[b]))
    with transaction(engine) as session:
        with pytest.raises(LinkInvalid):
            respondent_for_token(session, tokens[b])
        respondents = respondents_of(session, get_wave(session, wave_id))
        again = issue_invitations(session, respondents, reissue=True)
        assert {i.respondent.actor_id for i in again} == set(tokens)
    with transaction(engine) as session, pytest.raises(LinkInvalid):
        respondent_for_token(session, tokens[a])  # replaced by the reissued link


def test_a_link_cannot_touch_answers_outside_its_own_roster(engine: Engine) -> None:
    _, tokens = _wave(engine)
    _, other_tokens = _wave(engine)
    a, b, _ = sorted(tokens)
    outsider = min(other_tokens)
    with pytest.raises(InvalidValue, match=r"answers\.0\.target_actor_id"):
        _answer(engine, tokens[a], {"answers": [_rate(a, "integration", 4)]})  # itself
    with pytest.raises(InvalidValue, match="not another member"):
        _answer(engine, tokens[a], {"answers": [_rate(outsider, "integration", 4)]})
    with pytest.raises(InvalidValue, match="resources"):
        _answer(engine, tokens[a], {"resources": ["gold"]})
    _answer(engine, tokens[b], {"answers": [_rate(a, "integration", 4)], "comments": "b's"})
    with transaction(engine) as session:
        mine = own_answers(respondent_for_token(session, tokens[a]))
        assert mine["answers"] == [] and mine["comments"] is None
        theirs = own_answers(respondent_for_token(session, tokens[b]))
        assert [x["target_actor_id"] for x in theirs["answers"]] == [a]


def test_erasure_removes_answers_and_updates_the_derived_ties(engine: Engine) -> None:
    wave_id, tokens = _wave(engine)
    a, b, c = sorted(tokens)
    _answer(engine, tokens[a], {"answers": [_rate(b, "integration", 4)]}, done=True)
    _answer(engine, tokens[c], {"answers": [_rate(b, "cooperation", 3)]}, done=True)
    with transaction(engine) as session:
        close_wave(session, get_wave(session, wave_id))
        assert session.scalar(select(func.count()).select_from(Tie)) == 2
        respondent = respondent_for_token(session, tokens[a])
        exported = own_answers(respondent)
        assert exported["answers"][0]["level"] == "integration"
        assert erase(session, respondent) == 1
    with transaction(engine) as session:
        ties = list(session.scalars(select(Tie)))
        assert [(t.source_actor_id, t.target_actor_id) for t in ties] == [(b, c)]
        erased = session.scalar(select(SurveyRespondent).where(SurveyRespondent.actor_id == a))
        assert erased is not None and erased.submitted_at is None and erased.answers == []
        assert wave_results(session, get_wave(session, wave_id)).submitted == 1
    with transaction(engine) as session, pytest.raises(LinkInvalid):
        respondent_for_token(session, tokens[a])


def test_a_wave_needs_two_members_and_a_sound_period(engine: Engine) -> None:
    coalition = make_coalition(engine, 1)
    with transaction(engine) as session:
        with pytest.raises(InvalidValue, match="at least two members"):
            create_wave(
                session, WaveCreate(coalition=str(coalition), opens_on=OPENS, closes_on=CLOSES)
            )
        with pytest.raises(NotFound):
            get_wave(session, 999)
    with pytest.raises(ValueError, match="closes_on"):
        WaveCreate(coalition="1", opens_on=CLOSES, closes_on=OPENS)


def test_an_empty_form_is_not_submitted(engine: Engine) -> None:
    """Handing in nothing would lock the link and count the member as answered."""
    _, tokens = _wave(engine)
    a, b, _ = sorted(tokens)
    own_only = {"resources": ["funding"], "success": 3, "comments": "Goed", "answers": []}
    with pytest.raises(InvalidValue, match="at least one question about a partner") as refused:
        _answer(engine, tokens[a], own_only, done=True)
    assert refused.value.field == "answers"
    with transaction(engine) as session:
        respondent = respondent_for_token(session, tokens[a])
        assert respondent.submitted_at is None
        # an answer row with nothing in it (all fields left out) says nothing either
        empty_row = AnswersUpdate.model_validate({"answers": [{"target_actor_id": b}]})
        save_answers(session, respondent, empty_row, TODAY)
        with pytest.raises(InvalidValue):
            submit(session, respondent, TODAY)
    _answer(engine, tokens[a], {"answers": [{"target_actor_id": b, "frequency": "never"}]}, True)
    with transaction(engine) as session:
        assert respondent_for_token(session, tokens[a]).submitted_at is not None


def _cause(error: ValidationError, field: str) -> InvalidValue:
    """The domain error behind one field's problem (what translated pages show)."""
    [problem] = [p for p in error.errors() if p["loc"] == (field,)]
    cause = problem["ctx"]["error"].__cause__
    assert isinstance(cause, InvalidValue)
    return cause


def test_wave_dates_are_refused_field_by_field_with_domain_reasons() -> None:
    with pytest.raises(ValidationError) as before:
        WaveCreate(coalition="1", opens_on=CLOSES, closes_on=OPENS)
    cause = _cause(before.value, "closes_on")
    assert cause.field == "closes_on" and cause.reason_template == "must not lie before opens_on"
    with pytest.raises(ValidationError) as empty:
        WaveCreate.model_validate({"coalition": "1", "opens_on": "", "closes_on": None})
    for field in ("opens_on", "closes_on"):
        assert _cause(empty.value, field).reason_template == "expected a date as YYYY-MM-DD"
    with pytest.raises(ValidationError) as wrong:
        WaveCreate.model_validate({"coalition": "1", "opens_on": "1 maart", "closes_on": "x"})
    assert _cause(wrong.value, "opens_on").field == "opens_on"
    flemish = WaveCreate.model_validate(
        {"coalition": "1", "opens_on": "01/03/2026", "closes_on": "2026-03-31"}
    )
    assert flemish.opens_on == date(2026, 3, 1)


def test_a_closing_day_in_the_past_is_refused_and_an_expired_wave_says_so(engine: Engine) -> None:
    check_closing_day(date(2026, 6, 1), today=date(2026, 6, 1))  # closing today is fine
    with pytest.raises(InvalidValue, match="must not lie in the past") as past:
        check_closing_day(date(2026, 5, 31), today=date(2026, 6, 1))
    assert past.value.field == "closes_on"
    wave_id, _ = _wave(engine)
    with transaction(engine) as session:
        wave = get_wave(session, wave_id)
        assert wave_phase(wave, date(2025, 12, 31)) == "not_open"
        assert wave_phase(wave, TODAY) == "open"
        assert wave_phase(wave, date(2027, 1, 1)) == "expired"
        assert wave.status == WaveStatus.OPEN  # expired is not closed: no ties yet
        close_wave(session, wave)
        assert wave_phase(wave, TODAY) == "closed"
