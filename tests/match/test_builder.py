from __future__ import annotations

from datetime import date

import pytest

from quadhelix.match.builder import CoalitionBuilder
from quadhelix.match.challenge import Challenge
from quadhelix.match.data import MatchData
from quadhelix.registry.errors import InvalidValue, NotFound

LEAD = "Dienst Ouderen en Zorg"


def test_a_dutch_challenge_finds_actors_working_on_it(demo: CoalitionBuilder) -> None:
    ranking = demo.rank(Challenge("eenzaamheid bij ouderen", lead=LEAD), 10)
    assert len(ranking.candidates) == 10
    assert ranking.lead is not None and ranking.lead.name == LEAD
    top = ranking.candidates[0]
    assert top.components["text"] > 0.5
    # Matched words are those of the description (the top one matches through its theme name).
    assert any("eenzaamheid" in c.matched_words for c in ranking.candidates[:5])
    assert all(c.actor.name != LEAD for c in ranking.candidates)
    scores = [c.score for c in ranking.candidates]
    assert scores == sorted(scores, reverse=True)


def test_an_english_challenge_finds_the_same_dutch_actors(demo: CoalitionBuilder) -> None:
    dutch = {c.actor.key for c in demo.rank(Challenge("eenzaamheid"), 10).candidates}
    english = {c.actor.key for c in demo.rank(Challenge("loneliness"), 10).candidates}
    assert len(dutch & english) >= 5


def test_every_component_is_shown(demo: CoalitionBuilder) -> None:
    candidate = demo.rank(Challenge("hittestress", themes=("heat",), lead=LEAD), 1).candidates[0]
    assert set(candidate.components) == {
        "text", "text_coalitions", "themes", "areas", "experience", "network"
    }  # fmt: skip
    assert candidate.network is not None
    assert candidate.network.standing in ("warm", "introducible", "cold")
    assert candidate.to_dict()["actor"]["key"] == candidate.actor.key


def test_introducible_candidates_name_their_introduction_path(demo: CoalitionBuilder) -> None:
    ranking = demo.rank(Challenge("eenzaamheid bij ouderen", lead=LEAD), 50)
    introducible = [
        c for c in ranking.candidates if c.network and c.network.standing == "introducible"
    ]
    assert introducible
    for candidate in introducible:
        assert candidate.network is not None
        path = candidate.network.path
        assert len(path) == 3 and path[0].name == LEAD and path[-1] == candidate.actor


def test_results_are_deterministic(demo_data: MatchData, demo: CoalitionBuilder) -> None:
    challenge = Challenge("jongeren en sport in de wijk", lead=LEAD, areas=("Rabot",))
    again = CoalitionBuilder(demo_data)
    assert demo.rank(challenge, 30) == again.rank(challenge, 30)
    assert demo.propose(challenge) == again.propose(challenge)


def test_as_of_uses_only_what_started_before(demo_data: MatchData, demo: CoalitionBuilder) -> None:
    day = date(2023, 1, 1)
    challenge = Challenge(themes=("loneliness",), lead=LEAD, as_of=day)
    then = CoalitionBuilder(demo_data.until(day))
    assert demo.ranked_keys(challenge, 40) == then.ranked_keys(challenge, 40)
    now = demo.rank(Challenge(themes=("loneliness",), lead=LEAD), 40)
    assert [c.actor.key for c in now.candidates] != demo.ranked_keys(challenge, 40)


def test_an_unknown_lead_is_a_clear_error(demo: CoalitionBuilder) -> None:
    with pytest.raises(NotFound, match="lead not found: 'Dienst Toverdranken'"):
        demo.rank(Challenge("eenzaamheid", lead="Dienst Toverdranken"))


def test_a_lead_that_did_not_exist_yet_is_a_clear_error(demo: CoalitionBuilder) -> None:
    with pytest.raises(InvalidValue, match="lead"):
        demo.rank(Challenge("eenzaamheid", lead=LEAD, as_of=date(1900, 1, 1)))


def test_words_the_registry_never_uses_are_a_clear_error(demo: CoalitionBuilder) -> None:
    with pytest.raises(InvalidValue, match="none of its words occur"):
        demo.rank(Challenge("xqzvy blorft"))


def test_unknown_themes_areas_and_actors_are_clear_errors(demo: CoalitionBuilder) -> None:
    with pytest.raises(InvalidValue, match="themes"):
        demo.rank(Challenge("eenzaamheid", themes=("astrology",)))
    with pytest.raises(InvalidValue, match="areas"):
        demo.rank(Challenge("eenzaamheid", areas=("Atlantis",)))
    with pytest.raises(NotFound, match="exclude"):
        demo.rank(Challenge("eenzaamheid", exclude=("Nobody at all",)))
