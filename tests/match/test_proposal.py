from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from quadhelix.match.builder import CoalitionBuilder
from quadhelix.match.challenge import Challenge
from quadhelix.match.proposal import similarity
from quadhelix.registry.vocab import HelixSector

LEAD = "Dienst Milieu en Klimaat"


def test_a_proposal_covers_every_sector_and_explains_each_pick(demo: CoalitionBuilder) -> None:
    proposal = demo.propose(Challenge("hittestress op speelplaatsen", lead=LEAD))
    assert len(proposal.members) == 8
    sectors = {p.candidate.actor.helix for p in proposal.members}
    assert sectors == {s.value for s in HelixSector}
    assert proposal.missing_sectors == ()
    for pick in proposal.members:
        name = pick.candidate.actor.name
        assert pick.explanation_en.startswith(name) and pick.explanation_nl.startswith(name)
        assert pick.explanation_en != pick.explanation_nl
        if pick.candidate.network and pick.candidate.network.standing == "warm":
            assert f"already a partner of {LEAD}" in pick.explanation_en
            assert f"al partner van {LEAD}" in pick.explanation_nl


def test_picks_are_diverse(demo: CoalitionBuilder) -> None:
    proposal = demo.propose(Challenge("buurtwerk in de wijk", size=10))
    parents = Counter(
        int(demo.data.actors.parent[demo.lookup.actor(p.candidate.actor.key, "x")])
        for p in proposal.members
    )
    parents.pop(-1, None)
    assert all(n == 1 for n in parents.values())


def test_include_exclude_size_and_mix_are_honoured(demo: CoalitionBuilder) -> None:
    plain = demo.propose(Challenge("hittestress", lead=LEAD, size=4))
    first = plain.members[0].candidate.actor
    forced = demo.rank(Challenge("fietsen", lead=LEAD), 1).candidates[0].actor
    proposal = demo.propose(
        Challenge(
            "hittestress",
            lead=LEAD,
            size=4,
            include=(forced.key,),
            exclude=(first.key,),
            helix_mix={"knowledge": 2},
        )
    )
    keys = [p.candidate.actor.key for p in proposal.members]
    assert len(keys) == 4 and keys[0] == forced.key and first.key not in keys
    assert proposal.members[0].reason == "included"
    assert "included on request" in proposal.members[0].explanation_en
    assert Counter(p.candidate.actor.helix for p in proposal.members)["knowledge"] >= 2


def test_missing_sectors_are_reported(demo: CoalitionBuilder) -> None:
    proposal = demo.propose(Challenge("hittestress", size=2, helix_mix={"citizens": 1}))
    assert [p.candidate.actor.helix for p in proposal.members].count("citizens") == 1
    assert proposal.to_dict()["members"][0]["explanation_nl"]


def test_similarity_is_one_within_an_organisation_else_the_term_overlap(
    demo: CoalitionBuilder,
) -> None:
    parent = demo.data.actors.parent
    child = int(np.flatnonzero(parent >= 0)[0])
    mother = int(parent[child])
    sibling = int(next(r for r in np.flatnonzero(parent == mother).tolist() if r != child))
    other = int(np.flatnonzero(parent < 0)[-1])
    rows = [child, mother, sibling, other]
    matrix = similarity(demo, rows)
    assert matrix[0, 1] == matrix[1, 0] == 1.0
    assert matrix[0, 2] == matrix[1, 2] == 1.0
    a, b = demo.document_terms(child), demo.document_terms(other)
    assert matrix[0, 3] == pytest.approx(len(a & b) / len(a | b))
    assert np.allclose(matrix, matrix.T)


def test_explanations_name_the_shared_coalitions_on_the_asked_themes(
    demo: CoalitionBuilder,
) -> None:
    proposal = demo.propose(Challenge("hittestress op speelplaatsen", themes=("heat",), lead=LEAD))
    on_theme = [
        p for p in proposal.members if p.candidate.network and p.candidate.network.shared_on_themes
    ]
    assert on_theme
    for pick in on_theme:
        n = pick.candidate.network.shared_on_themes if pick.candidate.network else 0
        assert f"{n} on the themes asked for" in pick.explanation_en
        assert f"{n} rond de gevraagde thema's" in pick.explanation_nl
    plain = demo.propose(Challenge("hittestress op speelplaatsen", lead=LEAD))
    assert all(p.candidate.network and not p.candidate.network.shared_on_themes
               for p in plain.members)  # fmt: skip
