"""The texts the builder searches: one document per actor and one per coalition.

An actor's document is its name, description, the names of its themes in Dutch and English and
the name of its area; a coalition's is its name, description, goals, theme names (both languages)
and area names. Theme names in both languages are the bridge between a Dutch registry and an
English question (and back): a coalition tagged ``heat`` carries "Hittestress" and "Heat stress".
"""

from __future__ import annotations

from dataclasses import dataclass

from quadhelix.match.data import MatchData
from quadhelix.match.text import Analyzer, words


def _theme_words(data: MatchData, codes: tuple[str, ...]) -> list[str]:
    names: list[str] = []
    for code in codes:
        info = data.themes.get(code)
        if info is not None:
            names += [info.name_nl, info.name_en]
    return names


def _area_words(data: MatchData, codes: tuple[str, ...]) -> list[str]:
    return [data.areas[c].name for c in codes if c in data.areas]


def actor_documents(data: MatchData) -> list[str]:
    a = data.actors
    return [
        " ".join(
            [
                a.name[i],
                a.description[i],
                *_theme_words(data, a.themes[i]),
                *_area_words(data, tuple(x for x in (a.area[i],) if x)),
            ]
        )
        for i in range(len(a))
    ]


def coalition_documents(data: MatchData) -> list[str]:
    c = data.coalitions
    return [
        " ".join(
            [
                c.name[i],
                c.text[i],
                *_theme_words(data, c.themes[i]),
                *_area_words(data, c.areas[i]),
            ]
        )
        for i in range(len(c))
    ]


@dataclass(frozen=True)
class ThemeBridge:
    """Adds a theme's name in the other language to a query that names the theme.

    A query that contains every word of "Heat stress" also searches for "Hittestress", and
    one that says "eenzaamheid" also for "loneliness": the registry's own bilingual theme names
    serve as a small dictionary.
    """

    names: tuple[tuple[frozenset[str], tuple[str, ...]], ...]

    @classmethod
    def of(cls, data: MatchData) -> ThemeBridge:
        pairs: list[tuple[frozenset[str], tuple[str, ...]]] = []
        for info in sorted(data.themes.values(), key=lambda t: t.code):
            nl, en = words(info.name_nl), words(info.name_en)
            if nl and en and nl != en:
                pairs.append((frozenset(nl), tuple(en)))
                pairs.append((frozenset(en), tuple(nl)))
        return cls(tuple(pairs))

    def expand(self, query_words: list[str]) -> list[str]:
        """Extra words for the query: the other language's name of each theme it names."""
        present = set(query_words)
        extra: list[str] = []
        for needed, other in self.names:
            if needed <= present:
                extra += [w for w in other if w not in present and w not in extra]
        return extra


def corpus_analyzer(*document_words: list[list[str]]) -> Analyzer:
    """An analyzer whose compound splitting knows every word of the corpus."""
    known: set[str] = set()
    for documents in document_words:
        for found in documents:
            known.update(found)
    return Analyzer(known)
