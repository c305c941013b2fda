"""Text relevance: BM25 over documents in Dutch, English or both at once.

Every word is folded (lower case, accents removed) and dropped when it is a Dutch or English stop
word; it is then indexed under its Dutch *and* its English Snowball stem (Porter 2001, "Snowball:
a language for stemming algorithms"), so a query matches whichever language a document is in
without guessing the language of either. Dutch compounds are split against the corpus's own
vocabulary (``hittestress`` also counts as ``hitte`` and ``stress`` when both words occur on
their own), a dictionary-based decompounding in the manner of Koehn & Knight (2003, "Empirical
methods for compound splitting", EACL).

Ranking is Okapi BM25 (Robertson & Zaragoza 2009, "The probabilistic relevance framework: BM25
and beyond", Found. Trends Inf. Retr. 3(4)) as implemented by ``bm25s`` (Lù 2024, "BM25S:
orders of magnitude faster lexical search via eager sparse scoring", arXiv:2407.03618).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

import bm25s  # type: ignore[import-untyped]
import numpy as np
import Stemmer  # type: ignore[import-not-found]
from bm25s.stopwords import STOPWORDS_DUTCH, STOPWORDS_EN  # type: ignore[import-untyped]
from numpy.typing import NDArray
from scipy import sparse  # type: ignore[import-untyped]

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
# A word as a reader sees it: ``hitte-eilanden`` and ``Sint-Jacobs`` stay whole.
_WRITTEN = re.compile(r"[^\W_]+(?:[-‐'’][^\W_]+)*")
MIN_PART = 4  # shortest word a compound is split into
MIN_COMPOUND = 2 * MIN_PART


_ACCENTS = re.compile("[\u0300-\u036f]")


def fold(text: str) -> str:
    """Lower case without accents: ``Coöperatie`` -> ``cooperatie``."""
    lowered = text.casefold()
    if lowered.isascii():
        return lowered
    return _ACCENTS.sub("", unicodedata.normalize("NFKD", lowered))


STOP_WORDS = frozenset(fold(w) for w in (*STOPWORDS_DUTCH, *STOPWORDS_EN))


def words(text: str) -> list[str]:
    """The folded words of a text that are not stop words (and not single letters)."""
    return [w for w in _WORD.findall(fold(text)) if len(w) > 1 and w not in STOP_WORDS]


class Analyzer:
    """Turns text into index terms: both stems of every word, and of a compound's parts."""

    def __init__(self, known_words: Iterable[str] = ()) -> None:
        self._known = frozenset(w for w in known_words if len(w) >= MIN_PART)
        self._dutch = Stemmer.Stemmer("dutch")
        self._english = Stemmer.Stemmer("english")
        self._terms = lru_cache(maxsize=200_000)(self._word_terms)

    def split(self, word: str) -> tuple[str, ...]:
        """The two known words a compound is made of (with a linking ``s`` or ``e``), if any.

        >>> Analyzer(["hitte", "stress"]).split("hittestress")
        ('hitte', 'stress')
        """
        if len(word) < MIN_COMPOUND or not self._known:
            return ()
        for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):
            head, tail = word[:cut], word[cut:]
            if tail not in self._known:
                continue
            if head in self._known:
                return head, tail
            if head[-1] in "se" and head[:-1] in self._known and len(head) > MIN_PART:
                return head[:-1], tail
        return ()

    def _word_terms(self, word: str) -> tuple[str, ...]:
        parts = (word, *self.split(word))
        stems = self._dutch.stemWords(list(parts)) + self._english.stemWords(list(parts))
        return tuple(dict.fromkeys(stems))

    def word_terms(self, word: str) -> tuple[str, ...]:
        """The index terms of one folded word."""
        return self._terms(word)

    def terms(self, text: str) -> list[str]:
        """Index terms of a text, in order, a word's terms next to each other."""
        return self.terms_of(words(text))

    def terms_of(self, folded_words: list[str]) -> list[str]:
        """Index terms of words already split and folded by ``words``."""
        terms = self._terms
        return [term for word in folded_words for term in terms(word)]


def mentions(text: str, terms: Iterable[str], analyzer: Analyzer) -> tuple[str, ...]:
    """The words of ``text``, as written there, that have one of the index ``terms``.

    What a text really says about a query: a word counts when one of its own terms (its stems,
    or those of its compound parts) is a query term, and it is given as the text writes it, so
    ``hitte`` from the query is found as "hitte-eilanden" and a query expanded with "heat" finds
    "Heat" only in a text that says so. First occurrence first, each word once.

    >>> mentions("Hitte-eilanden in de stad.", Analyzer().word_terms("hitte"), Analyzer())
    ('Hitte-eilanden',)
    """
    wanted = frozenset(terms)
    if not wanted:
        return ()
    found: dict[str, str] = {}
    for match in _WRITTEN.finditer(unicodedata.normalize("NFC", text)):
        written = match.group()
        key = written.casefold()
        if key in found:
            continue
        if any(wanted.intersection(analyzer.word_terms(w)) for w in words(written)):
            found[key] = written
    return tuple(found.values())


class TextIndex:
    """A BM25 index over a list of documents; ``scores`` rates every document for a query."""

    def __init__(self, documents: Sequence[list[str]], analyzer: Analyzer) -> None:
        """``documents`` are the documents' words (``words(text)``)."""
        self.analyzer = analyzer
        tokens = [analyzer.terms_of(document) for document in documents]
        self._size = len(documents)
        self._bm25 = bm25s.BM25(k1=1.2, b=0.75, method="lucene")
        if self._size:
            self._bm25.index(tokens, show_progress=False)
        vocab: dict[str, int] = getattr(self._bm25, "vocab_dict", {}) or {}
        self.vocabulary = vocab
        self._empty = vocab.get("")
        self._incidence: sparse.csr_matrix | None = None

    def __len__(self) -> int:
        return self._size

    def term_ids(self, terms: Iterable[str]) -> IntArray:
        """Ids of the query terms the corpus contains (the empty term never matches)."""
        ids = {self.vocabulary[t] for t in terms if t and t in self.vocabulary}
        return np.array(sorted(ids), dtype=np.int64)

    def scores(self, term_ids: IntArray) -> FloatArray:
        if term_ids.size == 0 or self._size == 0:
            return np.zeros(self._size)
        found = self._bm25.get_scores_from_ids(term_ids.tolist())
        return np.asarray(found, dtype=np.float64)

    def incidence(self) -> sparse.csr_matrix:
        """Which terms each document contains: a documents x terms matrix of ones (built once,
        from the index's own postings, so it holds exactly the terms BM25 ranks with)."""
        if self._incidence is None:
            postings = self._bm25.scores if self._size else {}
            indptr = np.asarray(postings.get("indptr", np.zeros(1)), dtype=np.int64)
            indices = np.asarray(postings.get("indices", np.zeros(0)), dtype=np.int64)
            matrix = sparse.csc_matrix(
                (np.ones(indices.size), indices, indptr),
                shape=(self._size, max(indptr.size - 1, 0)),
            )
            self._incidence = matrix.tocsr()
        return self._incidence
