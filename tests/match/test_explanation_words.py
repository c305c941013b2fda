"""Explanations quote only words that the text they name really contains, as written there."""

from __future__ import annotations

import re

import numpy as np
import pytest

from quadhelix.match.builder import CoalitionBuilder
from quadhelix.match.challenge import Challenge
from quadhelix.match.data import (
    NO_END,
    NO_START,
    Actors,
    Coalitions,
    MatchData,
    Memberships,
    ThemeInfo,
    Ties,
)
from quadhelix.match.explain import explain
from quadhelix.match.results import Candidate
from quadhelix.match.text import Analyzer, mentions
from quadhelix.registry.vocab import HelixSector
from tests.match.helpers import d

LEAD = "Dienst Klimaat"
DESCRIPTION_NL = "de eigen beschrijving vermeldt "
DESCRIPTION_EN = "its own description mentions "

ACTORS = [
    # name, description, themes
    (LEAD, "De stadsdienst voor klimaat.", ()),
    ("Speelplaatsteam", "Ze vergroenen elke Speelplaats in de wijk.", ()),
    ("Kaartenmakers", "Kaarten van hitte-eilanden en koele plekken.", ()),
    ("Heat Mapping Lab", "Maps Heated streets and urban heat islands.", ()),
    ("Bakkerij De Korst", "Bakkerij met brood en taart.", ()),
    ("Buurtwerk Noord", "Vereniging voor buurtwerk en ontmoeting.", ("heat",)),
]
COALITIONS = [
    # name, text, themes, members
    ("Koele Speelplaatsen", "Speelplaatsen ontharden tegen hittestress.", ("heat",), (0, 4)),
    ("Stress op school", "Een project over stress bij leerlingen.", (), (0, 1, 2, 3, 5)),
]


def snapshot() -> MatchData:
    """Actors that match a heat question in one way each: by stemming (1, 2), only through the
    English expansion (3), only through a coalition (4), only through theme names (5)."""
    n = len(ACTORS)
    helix = [HelixSector.GOVERNMENT, HelixSector.CIVIL_SOCIETY, HelixSector.BUSINESS]
    helix += [HelixSector.KNOWLEDGE, HelixSector.BUSINESS, HelixSector.CITIZENS]
    actors = Actors(
        id=np.arange(1, n + 1, dtype=np.int64),
        key=[f"A{i}" for i in range(n)],
        name=[a[0] for a in ACTORS],
        helix=helix,
        kind=["organisation"] * n,
        parent=np.full(n, -1, dtype=np.int64),
        area=[None] * n,
        themes=[a[2] for a in ACTORS],
        description=[a[1] for a in ACTORS],
        start=np.full(n, NO_START, dtype=np.int64),
    )
    m = len(COALITIONS)
    coalitions = Coalitions(
        id=np.arange(1, m + 1, dtype=np.int64),
        key=[f"C{i}" for i in range(m)],
        name=[c[0] for c in COALITIONS],
        kind=["project"] * m,
        status=["closed"] * m,
        text=[c[1] for c in COALITIONS],
        themes=[c[2] for c in COALITIONS],
        areas=[()] * m,
        start=np.array([d("2022-01-01"), d("2023-01-01")], dtype=np.int64),
        end=np.array([d("2022-12-31"), d("2023-12-31")], dtype=np.int64),
    )
    pairs = [(a, c) for c, coalition in enumerate(COALITIONS) for a in coalition[3]]
    memberships = Memberships(
        actor=np.array([a for a, _ in pairs], dtype=np.int64),
        coalition=np.array([c for _, c in pairs], dtype=np.int64),
        role=["partner"] * len(pairs),
        start=np.full(len(pairs), NO_START, dtype=np.int64),
        end=np.full(len(pairs), NO_END, dtype=np.int64),
    )
    empty = np.zeros(0, dtype=np.int64)
    ties = Ties(source=empty, target=empty, weight=np.zeros(0), start=empty, end=empty)
    themes = {"heat": ThemeInfo("heat", "Hittestress", "Heat stress")}
    return MatchData(actors, coalitions, memberships, ties, themes, {})


@pytest.fixture(scope="module")
def builder() -> CoalitionBuilder:
    return CoalitionBuilder(snapshot())


def ranked(builder: CoalitionBuilder, text: str) -> dict[str, Candidate]:
    ranking = builder.rank(Challenge(text, lead=LEAD), limit=len(ACTORS))
    return {c.actor.name: c for c in ranking.candidates}


def quoted(sentence: str, claim: str, left: str, right: str) -> tuple[str, ...]:
    """The words a sentence quotes right after ``claim`` (none when it does not claim any)."""
    found = re.search(re.escape(claim) + f"((?:{left}[^{right}]*{right}(?:, )?)+)", sentence)
    return tuple(re.findall(f"{left}([^{right}]*){right}", found.group(1))) if found else ()


def sentences(builder: CoalitionBuilder, candidate: Candidate) -> tuple[str, str]:
    return explain(candidate, "score", builder.actor_ref(0), builder.weights)


def description_quotes(builder: CoalitionBuilder, candidate: Candidate) -> tuple[str, str]:
    """The description words quoted by the English and the Dutch sentence, joined."""
    en, nl = sentences(builder, candidate)
    return (
        "|".join(quoted(en, DESCRIPTION_EN, "“", "”")),
        "|".join(quoted(nl, DESCRIPTION_NL, "„", "”")),
    )


def test_a_word_found_by_its_stem_is_quoted_as_the_description_writes_it(
    builder: CoalitionBuilder,
) -> None:
    candidate = ranked(builder, "speelplaatsen vergroenen")["Speelplaatsteam"]
    assert candidate.matched_words == ("vergroenen", "Speelplaats")
    assert description_quotes(builder, candidate) == ("vergroenen|Speelplaats",) * 2


def test_a_compound_part_is_quoted_as_the_whole_written_word(builder: CoalitionBuilder) -> None:
    candidate = ranked(builder, "hitte in de stad")["Kaartenmakers"]
    assert candidate.matched_words == ("hitte-eilanden",)
    assert description_quotes(builder, candidate) == ("hitte-eilanden", "hitte-eilanden")


def test_a_match_through_the_other_language_quotes_the_descriptions_word_only(
    builder: CoalitionBuilder,
) -> None:
    ranking = builder.rank(Challenge("hittestress", lead=LEAD), limit=len(ACTORS))
    assert "heat" in ranking.query_words  # the Dutch question was expanded with the theme's name
    candidate = next(c for c in ranking.candidates if c.actor.name == "Heat Mapping Lab")
    assert candidate.components["text"] > 0
    assert candidate.matched_words == ("Heated", "heat")
    assert description_quotes(builder, candidate) == ("Heated|heat",) * 2
    for sentence in sentences(builder, candidate):
        assert "hittestress" not in sentence.casefold() and "stress" not in sentence


def test_a_match_through_coalitions_claims_nothing_of_the_description(
    builder: CoalitionBuilder,
) -> None:
    candidate = ranked(builder, "hittestress op speelplaatsen")["Bakkerij De Korst"]
    assert candidate.components["text"] == 0 and candidate.components["text_coalitions"] > 0
    assert candidate.matched_words == ()
    en, nl = sentences(builder, candidate)
    assert DESCRIPTION_EN not in en and DESCRIPTION_NL not in nl
    # The only quote is the coalition's name, which is a coalition text it took part in.
    assert re.findall("“([^”]*)”", en) == ["Koele Speelplaatsen"]
    assert re.findall("„([^”]*)”", nl) == ["Koele Speelplaatsen"]


def test_a_match_through_theme_names_names_the_theme_not_the_description(
    builder: CoalitionBuilder,
) -> None:
    """Its BM25 document holds "Hittestress Heat stress" (its theme), its description does not."""
    candidate = ranked(builder, "hittestress")["Buurtwerk Noord"]
    assert candidate.components["text"] > 0
    assert candidate.matched_words == ()
    assert [t.code for t in candidate.matched_themes] == ["heat"]
    en, nl = sentences(builder, candidate)
    assert DESCRIPTION_EN not in en and DESCRIPTION_NL not in nl
    assert "works on the theme “Heat stress”" in en
    assert "werkt rond het thema „Hittestress”" in nl
    unrelated = ranked(builder, "hittestress")
    for other in unrelated.values():  # a theme is named only when its name matches
        for theme in other.matched_themes:
            assert theme.code == "heat"


def test_mentions_keeps_the_first_written_form_once_in_order() -> None:
    analyzer = Analyzer(["hitte", "plan", "stress"])
    terms = {*analyzer.word_terms("hittestress"), *analyzer.word_terms("speelplaatsen")}
    text = "Speelplaatsen en een hitteplan. Meer speelplaatsen, minder HITTE-stress."
    assert mentions(text, terms, analyzer) == ("Speelplaatsen", "hitteplan", "HITTE-stress")
    assert mentions(text, (), analyzer) == ()
    assert mentions("Over koude en ijs.", terms, analyzer) == ()


QUESTIONS = [
    ("hittestress op speelplaatsen", True),
    ("heat stress in schoolyards", False),  # matches Dutch actors through theme names only
    ("eenzaamheid bij ouderen", True),
    ("loneliness among older people", True),  # quotes "eenzaamheid" where descriptions say so
    ("circular economy", True),
    ("jongeren en sport in de wijk", True),
]


@pytest.mark.parametrize(("text", "some"), QUESTIONS)
def test_demo_explanations_quote_only_what_descriptions_say(
    demo: CoalitionBuilder, text: str, some: bool
) -> None:
    ranking = demo.rank(Challenge(text, lead="Dienst Groen"), limit=30)
    descriptions = demo.data.actors.description
    claims = 0
    for candidate in ranking.candidates:
        description = descriptions[demo.lookup.actor(candidate.actor.key, "actor")]
        written = set(re.findall(r"[^\W_]+(?:[-'’][^\W_]+)*", description))
        assert set(candidate.matched_words) <= written, candidate.actor.name
        en, nl = explain(candidate, "score", ranking.lead, demo.weights)
        quotes_en = quoted(en, DESCRIPTION_EN, "“", "”")
        quotes_nl = quoted(nl, DESCRIPTION_NL, "„", "”")
        assert set(quotes_en) <= written and set(quotes_nl) <= written
        assert quotes_en == quotes_nl
        claims += bool(quotes_en)
    assert bool(claims) == some  # the check has something to check where it should


def test_the_reported_explanation_no_longer_quotes_words_it_lacks(demo: CoalitionBuilder) -> None:
    """The UX review: "Centrum voor Energie en Klimaat: de eigen beschrijving vermeldt
    „hittestress”, „heat”, „stress”" although its description says none of them."""
    proposal = demo.propose(Challenge("hittestress op speelplaatsen", lead="Dienst Groen"))
    pick = next(p for p in proposal.members if p.candidate.actor.name.startswith("Centrum voor"))
    assert pick.candidate.components["text"] > 0.5  # its theme names still make it relevant
    assert pick.candidate.matched_words == ()
    assert DESCRIPTION_NL not in pick.explanation_nl
    assert DESCRIPTION_EN not in pick.explanation_en
