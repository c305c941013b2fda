"""Scores on small waves whose values are worked out by hand in the comments."""

from __future__ import annotations

import pytest

from quadhelix.survey.questions import Level
from quadhelix.survey.scoring import (
    Rating,
    WaveData,
    compare_scores,
    hide_small_cells,
    score_wave,
)


def r(rater: int, target: int, level: str | None, *ratings: int | None) -> Rating:
    items = (
        "reliability",
        "mission_support",
        "openness",
        "power_influence",
        "involvement",
        "resource_contribution",
    )
    padded = list(ratings) + [None] * (6 - len(ratings))
    return Rating(
        rater, target, Level(level) if level else None, dict(zip(items, padded, strict=True))
    )


# Four members A=1, B=2, C=3, D=4; D did not answer.
#   A->B integration, trust (4,4,4)=4, value (3,3,3)=3
#   B->A cooperation, trust (2,2,2)=2, value (2,2,2)=2
#   A->C awareness,   trust (3,3,3)=3, value (1,1,1)=1
#   C->A none
#   B->C coordination, trust (4,3,2)=3, value (4,4,4)=4
#   C->B none ... no ratings
WAVE = WaveData(
    roster={1: "A", 2: "B", 3: "C", 4: "D"},
    submitted=frozenset({1, 2, 3}),
    answers=(
        r(1, 2, "integration", 4, 4, 4, 3, 3, 3),
        r(2, 1, "cooperation", 2, 2, 2, 2, 2, 2),
        r(1, 3, "awareness", 3, 3, 3, 1, 1, 1),
        r(3, 1, "none"),
        r(2, 3, "coordination", 4, 3, 2, 4, 4, 4),
        r(3, 2, "none"),
        r(4, 1, "integration", 1, 1, 1, 1, 1, 1),  # D never submitted: ignored
    ),
)


def test_actor_trust_and_value_are_means_received_with_rater_counts() -> None:
    scores = {a.name: a for a in score_wave(WAVE).actors}
    # A receives only B's ratings (D did not submit): trust 2, value 2, one rater.
    assert (scores["A"].trust, scores["A"].trust_raters) == (2.0, 1)
    assert scores["A"].value == 2.0
    # B receives only A's: trust 4, value 3.
    assert (scores["B"].trust, scores["B"].value) == (4.0, 3.0)
    # C receives A's (3, 1) and B's (3, 4): trust 3, value 2.5, two raters.
    assert (scores["C"].trust, scores["C"].value, scores["C"].value_raters) == (3.0, 2.5, 2)
    assert scores["D"].trust is None and scores["D"].trust_raters == 0
    assert not scores["D"].responded


def test_coalition_scores_response_rate_and_density_per_level() -> None:
    scores = score_wave(WAVE)
    # Relationship trust scores 4, 2, 3, 3 -> 3; values 3, 2, 1, 4 -> 2.5.
    assert scores.trust == pytest.approx(3.0)
    assert scores.value == pytest.approx(2.5)
    assert scores.response_rate == pytest.approx(0.75)
    # Pairs (6 possible): AB integration (max of integration, cooperation), AC awareness,
    # BC coordination (max of coordination, none).
    assert scores.density == pytest.approx(
        {
            "awareness": 3 / 6,
            "cooperation": 2 / 6,
            "coordination": 2 / 6,
            "integration": 1 / 6,
        }
    )


def test_centralisation_reciprocity_and_disagreements() -> None:
    scores = score_wave(WAVE)
    # Degrees among connected pairs: A 2, B 2, C 2, D 0 -> (0+0+0+2) / (3*2) = 1/3.
    assert scores.centralisation == pytest.approx(1 / 3)
    # Respondent pairs: AB mutual; AC A says awareness, C says none -> asymmetric;
    # BC asymmetric. Reciprocity 1 / 3.
    assert scores.reciprocity == pytest.approx(1 / 3)
    # AB: integration (4) vs cooperation (2): two apart. BC: coordination (3) vs none (0).
    # AC: awareness (1) vs none (0): one apart, not flagged.
    flagged = {(d.actor_a, d.actor_b) for d in scores.disagreements}
    assert flagged == {(1, 2), (2, 3)}


def test_trust_density_counts_pairs_with_mean_trust_of_three_or_more() -> None:
    # AB: mean(4, 2) = 3 -> high; AC: 3 -> high; BC: 3 -> high: 3 of 6 pairs.
    assert score_wave(WAVE).trust_density == pytest.approx(0.5)


def test_star_has_full_centralisation_and_empty_wave_has_none() -> None:
    star = WaveData(
        {1: "hub", 2: "b", 3: "c", 4: "d"},
        frozenset({1}),
        tuple(r(1, t, "cooperation") for t in (2, 3, 4)),
    )
    assert score_wave(star).centralisation == pytest.approx(1.0)
    assert score_wave(star).reciprocity is None  # only one respondent: no dyad to compare
    empty = score_wave(WaveData({1: "a", 2: "b"}, frozenset(), ()))
    assert empty.trust is None and empty.response_rate == 0.0
    assert empty.density["awareness"] == 0.0


def test_single_rater_scores_are_hidden_from_aggregate_readers() -> None:
    hidden = {a.name: a for a in hide_small_cells(score_wave(WAVE)).actors}
    assert hidden["A"].trust is None and hidden["A"].trust_raters == 1
    assert hidden["C"].trust == 3.0


def test_comparison_is_after_minus_before() -> None:
    later = WaveData(
        WAVE.roster,
        frozenset({1, 2, 3, 4}),
        (*WAVE.answers, r(3, 1, "cooperation", 4, 4, 4, 4, 4, 4)),
    )
    change = compare_scores(score_wave(WAVE), score_wave(later))
    # D now counts: rel. trust scores 4, 2, 3, 3, 1, 4 -> 17/6.
    assert change.after["trust"] == pytest.approx(17 / 6)
    assert change.changes["trust"] == pytest.approx(17 / 6 - 3)
    assert change.changes["response_rate"] == pytest.approx(0.25)
    a = next(x for x in change.actors if x.name == "A")
    assert (a.trust_before, a.trust_after) == (2.0, pytest.approx(7 / 3))
