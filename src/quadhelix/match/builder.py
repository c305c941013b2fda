"""The coalition builder: indexes built once from a snapshot, then fast answers per challenge.

>>> builder = CoalitionBuilder(load_match_data(session))          # doctest: +SKIP
>>> builder.propose(Challenge("hittestress op speelplaatsen", lead="Dienst Groen"))  # +SKIP

``rank`` scores every actor (``quadhelix.match.scoring``) and returns the best ones with their
components; ``propose`` turns the ranking into a balanced coalition (``quadhelix.match.proposal``).
Everything is deterministic: equal scores are broken by the actor's row in the snapshot.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date

import numpy as np
from numpy.typing import NDArray
from scipy import sparse  # type: ignore[import-untyped]

from quadhelix.match.challenge import Challenge
from quadhelix.match.corpus import (
    ThemeBridge,
    actor_documents,
    coalition_documents,
    corpus_analyzer,
)
from quadhelix.match.data import NO_END, NO_START, FloatArray, IntArray, MatchData
from quadhelix.match.network import NetworkIndex, Position, effective_starts, introduction_paths
from quadhelix.match.proposal import propose
from quadhelix.match.resolve import Lookup, area_scope, theme_scope
from quadhelix.match.results import (
    ActorRef,
    Candidate,
    NetworkFacts,
    Proposal,
    Ranking,
    Standing,
    ThemeRef,
)
from quadhelix.match.scoring import (
    COMPONENTS,
    Facts,
    MemberIndex,
    Weights,
    active_all,
    experience,
    load_penalty,
    log_normalised,
    network_component,
    normalised,
    total_score,
)
from quadhelix.match.text import TextIndex, mentions, words
from quadhelix.registry.errors import InvalidValue

SECTOR_RELEVANCE = 0.25  # a sector must be covered only if one of its actors is this relevant
AREA_RELEVANCE = 0.5  # an area match makes a coalition half as relevant as a text or theme match


def _incidence(rows: list[tuple[str, ...]], codes: dict[str, int]) -> sparse.csr_matrix:
    pairs = [(i, codes[c]) for i, row in enumerate(rows) for c in row if c in codes]
    r = np.array([p[0] for p in pairs], dtype=np.int64)
    c = np.array([p[1] for p in pairs], dtype=np.int64)
    return sparse.csr_matrix((np.ones(r.size), (r, c)), shape=(len(rows), max(len(codes), 1)))


@dataclass(frozen=True)
class Evaluation:
    """Every actor's components for one challenge (internal to the builder and proposal)."""

    challenge: Challenge
    before: int
    reference: int
    lead: int | None
    candidates: IntArray
    included: tuple[int, ...]
    components: dict[str, FloatArray]
    load: FloatArray
    score: FloatArray
    facts: Facts
    position: Position | None
    query_terms: tuple[IntArray, IntArray]
    query_words: tuple[str, ...]
    query_stems: frozenset[str]  # the index terms of the query words (with the expansion)
    relevant_sectors: frozenset[str]
    relevant: NDArray[np.bool_]  # actors relevant enough to stand for their sector


class CoalitionBuilder:
    """Build once from a ``MatchData`` snapshot; ``rank`` and ``propose`` read only the indexes."""

    def __init__(self, data: MatchData, weights: Weights | None = None) -> None:
        started = time.perf_counter()
        self.data = data
        self.weights = weights or Weights()
        self.lookup = Lookup(data)
        actor_docs = actor_documents(data)
        coalition_docs = coalition_documents(data)
        self._document_terms: dict[int, frozenset[str]] = {}
        actor_words = [words(text) for text in actor_docs]
        self._actor_words = actor_words
        coalition_words = [words(text) for text in coalition_docs]
        self.analyzer = corpus_analyzer(actor_words, coalition_words)
        self.actor_text = TextIndex(actor_words, self.analyzer)
        self.actor_text.incidence()  # for the diversity of proposals, built now rather than later
        self.coalition_text = TextIndex(coalition_words, self.analyzer)
        self.bridge = ThemeBridge.of(data)
        self.network = NetworkIndex(data)
        member_start, _ = effective_starts(data)
        c = data.coalitions
        closed = np.array([s == "closed" for s in c.status], dtype=np.int64)
        m = data.memberships
        self.members = MemberIndex.build(
            m.actor,
            m.coalition,
            member_start,
            np.minimum(m.end, c.end[m.coalition]),
            closed,
            len(data.actors),
        )
        self._theme_index = {code: i for i, code in enumerate(sorted(data.themes))}
        self._area_index = {code: i for i, code in enumerate(sorted(data.areas))}
        self._coalition_themes = _incidence(c.themes, self._theme_index)
        self._coalition_areas = _incidence(c.areas, self._area_index)
        self._actor_themes = _incidence(data.actors.themes, self._theme_index)
        self._actor_areas = _incidence(
            [(a,) if a else () for a in data.actors.area], self._area_index
        )
        self.sectors = [h.value for h in data.actors.helix]
        self._sector_names = sorted(set(self.sectors))
        code_of = {name: i for i, name in enumerate(self._sector_names)}
        self._sector_codes = np.array([code_of[s] for s in self.sectors], dtype=np.int64)
        latest = data.latest
        self.reference = (latest + 1) if latest != NO_START else date.today().toordinal()
        self.build_seconds = time.perf_counter() - started

    # -- the components -----------------------------------------------------------------

    def _match(
        self, incidence: sparse.csr_matrix, index: dict[str, int], scope: tuple[set[str], set[str]]
    ) -> FloatArray:
        """1 for rows tagged with a code in scope, 0.5 for a broader code, else 0."""
        full, partial = scope
        out = np.zeros(incidence.shape[0])
        for codes, value in ((partial, 0.5), (full, 1.0)):
            wanted = np.zeros(incidence.shape[1])
            wanted[[index[c] for c in codes if c in index]] = 1.0
            if wanted.any():
                out[np.asarray(incidence @ wanted).ravel() > 0] = value
        return out

    def _query(
        self, challenge: Challenge
    ) -> tuple[tuple[str, ...], frozenset[str], IntArray, IntArray]:
        query_words = words(challenge.text)
        query_words += self.bridge.expand(query_words)
        terms = [t for w in query_words for t in self.analyzer.word_terms(w) if t]
        actor_terms = self.actor_text.term_ids(terms)
        coalition_terms = self.coalition_text.term_ids(terms)
        unmatched = query_words and not actor_terms.size and not coalition_terms.size
        if unmatched and not challenge.themes and not challenge.areas:
            raise InvalidValue(
                "text",
                challenge.text,
                "none of its words occur in the registry; rephrase it or give themes or areas",
            )
        return tuple(query_words), frozenset(terms), actor_terms, coalition_terms

    def evaluate(self, challenge: Challenge) -> Evaluation:
        """Score every actor for a challenge (``rank`` and ``propose`` build on this)."""
        data, n = self.data, len(self.data.actors)
        before = challenge.as_of.toordinal() if challenge.as_of else NO_END
        reference = before if challenge.as_of else self.reference
        alive = data.actors.start < before
        lead = None
        if challenge.lead is not None:
            lead = self.lookup.actor(challenge.lead, "lead")
            if not alive[lead]:
                raise InvalidValue(
                    "lead",
                    challenge.lead,
                    "had not started before %(as_of)s",
                    as_of=str(challenge.as_of),
                )
        excluded = [self.lookup.actor(ref, "exclude") for ref in challenge.exclude]
        included = tuple(self.lookup.actor(ref, "include") for ref in challenge.include)
        for ref, row in zip(challenge.include, included, strict=True):
            if row == lead:
                raise InvalidValue("include", ref, "is the lead")
            if not alive[row]:
                raise InvalidValue(
                    "include",
                    ref,
                    "had not started before %(as_of)s",
                    as_of=str(challenge.as_of),
                )
        themes = [self.lookup.theme(ref) for ref in challenge.themes]
        areas = [self.lookup.area(ref) for ref in challenge.areas]
        query_words, query_stems, actor_terms, coalition_terms = self._query(challenge)

        mask = alive.copy()
        mask[excluded] = False
        if lead is not None:
            mask[lead] = False
        candidates = np.flatnonzero(mask)
        c_alive = data.coalitions.start < before

        signals: list[tuple[float, FloatArray]] = []
        text_c = np.zeros(len(data.coalitions))
        if query_words:
            raw = self.coalition_text.scores(coalition_terms) * c_alive
            text_c = normalised(raw, np.flatnonzero(c_alive))
            signals.append((1.0, text_c))
        theme_c = np.zeros(len(data.coalitions))
        theme_a = np.zeros(n)
        if themes:
            scope = theme_scope(self.lookup, themes)
            theme_c = self._match(self._coalition_themes, self._theme_index, scope)
            theme_a = self._match(self._actor_themes, self._theme_index, scope)
            signals.append((1.0, theme_c))
        area_c = np.zeros(len(data.coalitions))
        area_a = np.zeros(n)
        if areas:
            scope = area_scope(self.lookup, areas)
            area_c = self._match(self._coalition_areas, self._area_index, scope)
            area_a = self._match(self._actor_areas, self._area_index, scope)
            signals.append((AREA_RELEVANCE, area_c))
        weight_sum = sum(w for w, _ in signals) or 1.0
        relevance = sum((w * s for w, s in signals), np.zeros(len(data.coalitions))) / weight_sum
        relevance = relevance * c_alive

        total, facts = experience(self.members, relevance, before, reference, n)
        m = self.members
        own_text = self.actor_text.scores(actor_terms) if query_words else np.zeros(n)
        components = {
            "text": normalised(own_text, candidates),
            "text_coalitions": m.per_actor_max(text_c, before, n),
            "themes": np.maximum(theme_a, m.per_actor_max(theme_c, before, n)),
            "areas": np.maximum(area_a, m.per_actor_max(area_c, before, n)),
            "experience": log_normalised(total, candidates),
        }
        position = None
        if lead is not None:
            topical = theme_c if themes else None
            position = self.network.position(lead, before, reference, topical)
        components["network"] = network_component(position, n)
        load = np.zeros(n)
        if challenge.max_active is not None:
            active = active_all(self.members, before, reference, n)
            load = load_penalty(active, challenge.max_active)
        score = total_score(components, load, self.weights)
        relevance_sum = np.zeros(n)
        for name in COMPONENTS:
            if name != "network":
                relevance_sum += components[name]
        relevant = relevance_sum >= SECTOR_RELEVANCE
        present = np.bincount(
            self._sector_codes[candidates[relevant[candidates]]],
            minlength=len(self._sector_names),
        )
        sectors = frozenset(self._sector_names[c] for c in np.flatnonzero(present).tolist())
        return Evaluation(
            challenge=challenge,
            before=before,
            reference=reference,
            lead=lead,
            candidates=candidates,
            included=included,
            components=components,
            load=load,
            score=score,
            facts=facts,
            position=position,
            query_terms=(actor_terms, coalition_terms),
            query_words=query_words,
            query_stems=query_stems,
            relevant_sectors=sectors,
            relevant=relevant,
        )

    # -- results --------------------------------------------------------------------------

    def order(self, evaluation: Evaluation, limit: int) -> IntArray:
        """The best ``limit`` candidates, best first; ties go to the earlier row."""
        rows, score = evaluation.candidates, evaluation.score
        positive = rows[score[rows] > 0]
        if positive.size >= limit:
            rows = positive  # the best ``limit`` are all among them: a smaller partition
        if rows.size > limit:
            threshold = np.partition(score[rows], rows.size - limit)[rows.size - limit]
            rows = rows[score[rows] >= threshold]
        ordered = rows[np.lexsort((rows, -score[rows]))]
        return ordered[:limit]

    def document_terms(self, row: int) -> frozenset[str]:
        """The index terms of an actor's document (kept once computed)."""
        terms = self._document_terms.get(row)
        if terms is None:
            terms = frozenset(self.analyzer.terms_of(self._actor_words[row]))
            self._document_terms[row] = terms
        return terms

    def actor_ref(self, row: int) -> ActorRef:
        a = self.data.actors
        return ActorRef(int(a.id[row]), a.key[row], a.name[row], a.helix[row].value, a.kind[row])

    def candidate(
        self, evaluation: Evaluation, row: int, rank: int, path: list[int] | None = None
    ) -> Candidate:
        """Everything shown about one actor."""
        facts = evaluation.facts
        best = facts.best_coalition(row)
        c = self.data.coalitions
        best_year = None
        if best >= 0 and c.start[best] != NO_START:
            best_year = date.fromordinal(int(c.start[best])).year
        return Candidate(
            rank=rank,
            actor=self.actor_ref(row),
            score=float(evaluation.score[row]),
            components={k: float(evaluation.components[k][row]) for k in COMPONENTS},
            load_penalty=float(evaluation.load[row]),
            matched_words=self._matched_words(evaluation, row),
            relevant_coalitions=facts.relevant(row),
            best_coalition=c.name[best] if best >= 0 else None,
            best_coalition_year=best_year,
            active_coalitions=facts.active(row),
            network=self._network_facts(evaluation.position, row, path),
            matched_themes=self._matched_themes(evaluation, row),
        )

    def _matched_words(self, evaluation: Evaluation, row: int) -> tuple[str, ...]:
        """The words of the actor's own description that match the challenge, as written there.

        Only what the description says: not the query's words (a Dutch query expanded with
        "heat" must not quote "heat" to a Dutch description), nor its name or theme names, which
        its BM25 document also holds. Worked out for the shown candidates only.
        """
        if not evaluation.components["text"][row] > 0:
            return ()  # none of the query's terms is in its document, so none in its description
        return mentions(self.data.actors.description[row], evaluation.query_stems, self.analyzer)

    def _matched_themes(self, evaluation: Evaluation, row: int) -> tuple[ThemeRef, ...]:
        """The actor's themes whose Dutch or English name matches the challenge's words.

        Theme names are part of the actor's BM25 document, so they can carry its text score
        without its description saying anything; the explanation then names them.
        """
        if not evaluation.components["text"][row] > 0:
            return ()
        found = []
        for code in self.data.actors.themes[row]:
            info = self.data.themes.get(code)
            if info is None:
                continue
            names = (info.name_nl, info.name_en)
            if any(mentions(name, evaluation.query_stems, self.analyzer) for name in names):
                found.append(ThemeRef(info.code, info.name_nl, info.name_en))
        return tuple(found)

    def _network_facts(
        self, position: Position | None, row: int, path: list[int] | None
    ) -> NetworkFacts | None:
        if position is None:
            return None
        strength = float(position.strength[row])
        last = int(position.last[row])
        standing: Standing = "cold"
        if strength > 0:
            standing = "warm"
        elif position.intro[row] > 0:
            standing = "introducible"
        return NetworkFacts(
            standing=standing,
            strength=strength,
            shared=int(position.shared[row]),
            ties=int(position.ties[row]),
            last_link=date.fromordinal(last) if last != NO_START else None,
            path=tuple(self.actor_ref(v) for v in path or ()),
            shared_on_themes=int(position.on_theme[row]) if position.on_theme is not None else 0,
        )

    def paths(self, evaluation: Evaluation, rows: list[int]) -> dict[int, list[int]]:
        if evaluation.position is None:
            return {}
        return introduction_paths(evaluation.position, rows)

    def rank(self, challenge: Challenge, limit: int = 20) -> Ranking:
        """The ``limit`` best candidates, with their components and network position."""
        if limit < 1:
            raise InvalidValue("rank", limit, "must be 1 or more")
        evaluation = self.evaluate(challenge)
        rows = self.order(evaluation, limit).tolist()
        paths = self.paths(evaluation, rows)
        return Ranking(
            lead=self.actor_ref(evaluation.lead) if evaluation.lead is not None else None,
            as_of=challenge.as_of,
            considered=int(evaluation.candidates.size),
            candidates=tuple(
                self.candidate(evaluation, row, i + 1, paths.get(row)) for i, row in enumerate(rows)
            ),
            query_words=evaluation.query_words,
        )

    def propose(self, challenge: Challenge) -> Proposal:
        """A balanced coalition of ``challenge.size`` partners, each pick explained in one
        sentence in English and Dutch (``quadhelix.match.proposal``)."""
        return propose(self, self.evaluate(challenge))

    def ranked_keys(self, challenge: Challenge, limit: int) -> list[str]:
        """Only the keys of the best candidates: the benchmark's fast path."""
        evaluation = self.evaluate(challenge)
        return [self.data.actors.key[i] for i in self.order(evaluation, limit).tolist()]
