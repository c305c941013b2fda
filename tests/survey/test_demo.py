"""The demo city's partner survey: one coalition, two closed waves a year apart, same every time."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine, func, select

from quadhelix.demo.city import build_demo_city
from quadhelix.demo.surveys import build_demo_surveys
from quadhelix.registry.database import transaction
from quadhelix.survey.model import SurveyTie
from quadhelix.survey.service import compare_waves, get_wave, list_waves, wave_results


@pytest.mark.slow
def test_demo_has_two_waves_a_year_apart_that_show_growing_trust(engine: Engine) -> None:
    with transaction(engine) as session:
        build_demo_city(session, seed=3)
        survey = build_demo_surveys(session, seed=3)
    assert survey is not None and len(survey.wave_ids) == 2
    with transaction(engine) as session:
        waves = [get_wave(session, i) for i in survey.wave_ids]
        assert {w.coalition_id for w in waves} == {survey.coalition_id}
        assert [w.status.value for w in waves] == ["closed", "closed"]
        assert (waves[1].opens_on - waves[0].opens_on).days in (365, 366)
        first, second = (wave_results(session, w) for w in waves)
        assert first.submitted >= 3 and second.submitted >= 3
        assert second.trust is not None and first.trust is not None
        assert second.trust > first.trust
        change = compare_waves(session, waves[1], waves[0])
        assert change.changes["trust"] == pytest.approx(second.trust - first.trust)
        assert session.scalar(select(func.count()).select_from(SurveyTie)) > 0
        assert [w.opens_on for w in list_waves(session)] == [date(2025, 3, 1), date(2024, 3, 1)]
    # Deterministic: the same seed makes the same answers again (as two more waves here).
    with transaction(engine) as session:
        again = build_demo_surveys(session, seed=3)
        assert again is not None and again.coalition_id == survey.coalition_id
        for old, new in zip(survey.wave_ids, again.wave_ids, strict=True):
            before = wave_results(session, get_wave(session, old))
            after = wave_results(session, get_wave(session, new))
            assert before.as_dict(pairwise=True) == after.as_dict(pairwise=True)
