"""The coalition builder: from a challenge to a balanced, explained proposal of partners.

>>> from quadhelix.match import Challenge, CoalitionBuilder, load_match_data  # doctest: +SKIP
>>> builder = CoalitionBuilder(load_match_data(session))                      # doctest: +SKIP
>>> builder.propose(Challenge("hittestress op speelplaatsen", lead="Dienst Groen"))  # +SKIP

See docs/builder.md for the scoring, its weights and the evaluation on CORDIS data.
"""

from quadhelix.match.batch import run_batch
from quadhelix.match.builder import CoalitionBuilder
from quadhelix.match.challenge import Challenge
from quadhelix.match.cordis import cordis_match_data
from quadhelix.match.data import MatchData
from quadhelix.match.results import ActorRef, Candidate, NetworkFacts, Pick, Proposal, Ranking
from quadhelix.match.scoring import Weights
from quadhelix.match.store import load_match_data

__all__ = [
    "ActorRef",
    "Candidate",
    "Challenge",
    "CoalitionBuilder",
    "MatchData",
    "NetworkFacts",
    "Pick",
    "Proposal",
    "Ranking",
    "Weights",
    "cordis_match_data",
    "load_match_data",
    "run_batch",
]
