from __future__ import annotations

import numpy as np

from quadhelix.match.corpus import ThemeBridge
from quadhelix.match.text import Analyzer, TextIndex, fold, words
from tests.match.helpers import tiny


def test_words_drop_dutch_and_english_stop_words_and_fold_accents() -> None:
    assert words("De eenzaamheid van de ouderen in the city") == ["eenzaamheid", "ouderen", "city"]
    assert fold("Coöperatie Café") == "cooperatie cafe"


def test_a_word_is_indexed_under_its_dutch_and_english_stem() -> None:
    analyzer = Analyzer()
    assert "speelplaats" in analyzer.terms("speelplaatsen")  # Dutch plural
    assert "schoolyard" in analyzer.terms("schoolyards")  # English plural
    assert "migrant" in analyzer.terms("migranten") and "migrant" in analyzer.terms("migrants")


def test_compounds_are_split_against_known_words() -> None:
    analyzer = Analyzer(["hitte", "stress", "school", "speelplaats"])
    assert analyzer.split("hittestress") == ("hitte", "stress")
    assert analyzer.split("schoolspeelplaats") == ("school", "speelplaats")
    assert analyzer.split("stress") == ()
    terms = analyzer.terms("schoolspeelplaats")
    assert "school" in terms and "speelplaats" in terms


def test_bm25_ranks_the_matching_document_first_in_either_language() -> None:
    docs = [
        "Buurtwerking tegen eenzaamheid bij ouderen",
        "Loneliness among elderly migrants",
        "Fietsenstalling aan het station",
    ]
    index = TextIndex([words(doc) for doc in docs], Analyzer())
    dutch = index.scores(index.term_ids(index.analyzer.terms("eenzaamheid ouderen")))
    english = index.scores(index.term_ids(index.analyzer.terms("elderly migrant")))
    assert int(np.argmax(dutch)) == 0 and dutch[2] == 0
    assert int(np.argmax(english)) == 1 and english[2] == 0


def test_a_query_of_unknown_words_scores_nothing() -> None:
    index = TextIndex([words("een tekst")], Analyzer())
    assert index.term_ids(index.analyzer.terms("xqzv")).size == 0
    assert index.scores(index.term_ids([])).tolist() == [0.0]


def test_theme_names_bridge_the_two_languages() -> None:
    bridge = ThemeBridge.of(tiny())
    assert bridge.expand(["heat", "stress", "schoolyards"]) == ["hittestress"]
    assert bridge.expand(["hittestress"]) == ["heat", "stress"]
    assert bridge.expand(["brood"]) == []
