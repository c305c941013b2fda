from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from quadhelix.match.builder import CoalitionBuilder
from quadhelix.match.challenge import Challenge
from quadhelix.match.scoring import Weights, load_penalty, log_normalised, normalised


def test_normalisation_divides_by_the_best_candidate() -> None:
    values = np.array([4.0, 2.0, 0.0, 10.0])
    candidates = np.array([0, 1, 2])
    assert normalised(values, candidates)[:3].tolist() == [1.0, 0.5, 0.0]
    assert log_normalised(values, candidates)[0] == pytest.approx(1.0)
    assert normalised(np.zeros(3), np.array([0, 1])).tolist() == [0, 0, 0]


def test_the_overload_penalty_starts_above_the_limit() -> None:
    assert load_penalty(np.array([0, 2, 3, 4, 9]), 2).tolist() == [0, 0, 0.5, 1, 1]
    assert load_penalty(np.array([9]), None).tolist() == [0]


def test_only_running_coalitions_count_as_load(small: CoalitionBuilder) -> None:
    evaluation = small.evaluate(Challenge("hittestress", as_of=date(2024, 1, 1), max_active=1))
    assert [evaluation.facts.active(i) for i in range(5)] == [0, 1, 0, 1, 0]
    assert evaluation.load.tolist() == [0] * 6


def test_themes_match_fully_through_sub_themes_and_half_through_broader_ones(
    small: CoalitionBuilder,
) -> None:
    themes = small.evaluate(Challenge(themes=("heat",))).components["themes"]
    assert themes[[1, 2]].tolist() == [1.0, 1.0]  # tagged heat, and in a heat coalition
    assert themes[0] == 1.0  # the lead-to-be is in the heat coalition too
    assert themes[3] == 0.0 and themes[4] == 0.0
    climate = small.evaluate(Challenge(themes=("climate",))).components["themes"]
    assert climate[1] == 1.0  # heat is a sub-theme of climate
    greenery = small.evaluate(Challenge(themes=("greenery",))).components["themes"]
    assert greenery[0] == 0.5  # tagged with climate, the broader theme


def test_areas_match_inside_the_area_asked_for(small: CoalitionBuilder) -> None:
    rabot = small.evaluate(Challenge(areas=("Rabot",))).components["areas"]
    assert rabot[[1, 3]].tolist() == [1.0, 1.0] and rabot[4] == 0.0
    city = small.evaluate(Challenge(areas=("leiemonde",))).components["areas"]
    assert city[4] == 1.0  # Binnenstad lies inside Leiemonde


def test_experience_counts_relevant_coalitions(small: CoalitionBuilder) -> None:
    evaluation = small.evaluate(Challenge(themes=("heat",)))
    experience = evaluation.components["experience"]
    assert experience[1] == pytest.approx(1.0) and experience[2] == pytest.approx(1.0)
    assert experience[4] == 0
    assert evaluation.facts.relevant(1) == 1
    assert evaluation.facts.best_coalition(1) == 0
    assert evaluation.facts.best_coalition(4) == -1  # its only coalition is no heat one


def test_text_relevance_of_own_description_and_coalitions(small: CoalitionBuilder) -> None:
    components = small.evaluate(Challenge("hittestress op speelplaatsen")).components
    assert components["text"][1] == pytest.approx(1.0)
    assert components["text"][4] == 0
    assert components["text_coalitions"][2] == pytest.approx(1.0)  # Koele Speelplaatsen


def test_an_english_question_finds_dutch_actors(small: CoalitionBuilder) -> None:
    components = small.evaluate(Challenge("heat stress in schoolyards")).components
    assert components["text"][5] > 0  # the English description
    assert components["text"][1] > 0 and components["text"][2] > 0  # "hittestress", bridged


def test_the_network_component_orders_warm_introducible_cold(small: CoalitionBuilder) -> None:
    network = small.evaluate(Challenge(themes=("heat",), lead="A0")).components["network"]
    assert network[1] > network[3] > network[4] == 0


def test_the_score_is_the_weighted_sum_minus_the_penalty(small: CoalitionBuilder) -> None:
    evaluation = small.evaluate(Challenge("hittestress", lead="A0", max_active=1))
    w = small.weights
    expected = sum(w.of(k) * evaluation.components[k] for k in evaluation.components)
    assert np.allclose(evaluation.score, expected - w.load * evaluation.load)


def test_actors_that_started_later_are_no_candidates(small: CoalitionBuilder) -> None:
    now = small.evaluate(Challenge("heat stress"))
    assert 5 in now.candidates.tolist()
    before = small.evaluate(Challenge("heat stress", as_of=date(2024, 12, 31)))
    assert 5 not in before.candidates.tolist()


def test_weights_change_the_order() -> None:
    from tests.match.helpers import tiny

    text_only = CoalitionBuilder(tiny(), Weights(network=0, experience=0, text_coalitions=0))
    network_only = CoalitionBuilder(tiny(), Weights(text=0, text_coalitions=0, experience=0))
    challenge = Challenge("Bakkerij met brood", lead="A0")
    assert text_only.rank(challenge, 1).candidates[0].actor.key == "A4"
    assert network_only.rank(challenge, 1).candidates[0].actor.key in ("A1", "A2")
