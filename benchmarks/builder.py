"""Coalition builder benchmark: ranking quality on real H2020 consortia, and latency.

    python benchmarks/builder.py            # full run (~15 minutes on 2 cores)
    python benchmarks/builder.py --quick    # one cutoff, 200 test projects, 2e4 generated actors

**Evaluation.** For each cutoff the builder is built from the participations in projects that
start before it (read with the CORDIS importer's parsers into the same ``MatchData`` the registry
gives). Every project that starts in the six months after the cutoff, has one coordinator and
that coordinator in the training data, is a query: lead = coordinator, themes = its programme
parts, ``as_of`` = its start. All training organisations are ranked; the truth is the project's
other participants that occur in the training data (projects with none are left out).
Recall@10/@20 and MRR (first hit within the top 100) are averaged over projects, next to two
references computed here from the same data: popularity within the programme part(s), and the
lead's past partners by number of shared projects (ties broken by overall popularity).
The builder's weights were set on the 2016-07-01 cutoff (marked "validation"); the later cutoffs
were not looked at while choosing them.

**Latency.** Per-query time of ``rank`` (top 20, with components and introduction paths) and
``propose`` (8 partners, explained) on the H2020 data and on a generated registry of 1e5 actors,
after the indexes are built (build time printed), as wall time and, in brackets, the process's
CPU time: on a shared machine the wall time also counts waiting for a core.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from quadhelix.io.cordis import read_participations, read_programme_parts
from quadhelix.match.builder import CoalitionBuilder
from quadhelix.match.challenge import Challenge
from quadhelix.match.cordis import match_data_from_rows
from quadhelix.match.data import (
    NO_END,
    NO_START,
    Actors,
    AreaInfo,
    Coalitions,
    MatchData,
    Memberships,
    ThemeInfo,
    Ties,
)
from quadhelix.registry.vocab import HelixSector

ROOT = Path(__file__).resolve().parents[1]
CORDIS = Path(os.environ.get("QUADHELIX_SHARED_DIR", ROOT.parent / "shared")) / "data" / "cordis"
CUTOFFS = ("2016-07-01", "2017-01-01", "2018-01-01", "2019-01-01", "2019-07-01")
VALIDATION = "2016-07-01"
TOP = 100
WARM_UP = 3  # queries answered before timing starts (caches of word stems)


@dataclass(frozen=True)
class Query:
    rcn: str
    lead: str
    themes: tuple[str, ...]
    start: date
    truth: frozenset[str]


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    return date(day.year + month // 12, month % 12 + 1, day.day)


def test_queries(values: dict[str, list[Any]], parts: dict[str, list[str]], cutoff: date,
                 known: set[str]) -> list[Query]:  # fmt: skip
    end = add_months(cutoff, 6)
    rows_of: dict[str, list[int]] = {}
    for i, (rcn, start) in enumerate(zip(values["rcn"], values["start_date"], strict=True)):
        if start is not None and cutoff <= start < end:
            rows_of.setdefault(rcn, []).append(i)
    queries = []
    for rcn, rows in sorted(rows_of.items()):
        leads = [values["pic"][i] for i in rows if values["role"][i].value == "lead"]
        if len(leads) != 1 or leads[0] not in known or not parts.get(rcn):
            continue
        truth = ({values["pic"][i] for i in rows} - {leads[0]}) & known
        if truth:
            start = values["start_date"][rows[0]]
            queries.append(
                Query(rcn, leads[0], tuple(sorted(set(parts[rcn]))), start, frozenset(truth))
            )
    return queries


def metrics(queries: list[Query], ranked: Callable[[Query], list[str]]) -> tuple[float, ...]:
    r10 = r20 = mrr = 0.0
    for q in queries:
        keys = ranked(q)
        r10 += len(q.truth & set(keys[:10])) / len(q.truth)
        r20 += len(q.truth & set(keys[:20])) / len(q.truth)
        mrr += next((1 / (k + 1) for k, key in enumerate(keys[:TOP]) if key in q.truth), 0.0)
    n = max(len(queries), 1)
    return r10 / n, r20 / n, mrr / n


class References:
    """The two reference rankings, from the same training snapshot."""

    def __init__(self, data: MatchData) -> None:
        self.data = data
        m = data.memberships
        pairs = np.unique(np.column_stack([m.actor, m.coalition]), axis=0)
        self.actor, self.coalition = pairs[:, 0], pairs[:, 1]
        self.popularity = np.bincount(self.actor, minlength=len(data.actors))
        self.members: dict[int, list[int]] = {}
        for a, c in zip(self.actor.tolist(), self.coalition.tolist(), strict=True):
            self.members.setdefault(c, []).append(a)
        self.of_actor: dict[int, list[int]] = {}
        for a, c in zip(self.actor.tolist(), self.coalition.tolist(), strict=True):
            self.of_actor.setdefault(a, []).append(c)
        self.row = {key: i for i, key in enumerate(data.actors.key)}
        self.part_count: dict[str, np.ndarray] = {}

    def _top(self, score: np.ndarray, exclude: int) -> list[str]:
        score = score.astype(float).copy()
        score[exclude] = -1
        rows = np.flatnonzero(score > 0)
        order = rows[np.lexsort((rows, -self.popularity[rows], -score[rows]))][:TOP]
        return [self.data.actors.key[i] for i in order.tolist()]

    def part_popularity(self, q: Query) -> list[str]:
        score = np.zeros(len(self.data.actors))
        for theme in q.themes:
            if theme not in self.part_count:
                tagged = np.array([theme in t for t in self.data.coalitions.themes])
                keep = tagged[self.coalition]
                self.part_count[theme] = np.bincount(
                    self.actor[keep], minlength=len(self.data.actors)
                )
            score = score + self.part_count[theme]
        return self._top(score, self.row[q.lead])

    def past_partners(self, q: Query) -> list[str]:
        lead = self.row[q.lead]
        score = np.zeros(len(self.data.actors))
        for c in self.of_actor.get(lead, []):
            for a in self.members[c]:
                score[a] += 1
        return self._top(score, lead)


def challenge_of(q: Query) -> Challenge:
    return Challenge(themes=q.themes, lead=q.lead, as_of=q.start)


def evaluate(quick: bool) -> list[tuple[Any, ...]]:
    started = time.perf_counter()
    batch = read_participations(CORDIS / "eunets_h2020_participations.csv.gz")
    parts = read_programme_parts(CORDIS / "eunets_h2020_programme_parts.csv.gz")
    print(f"CORDIS read in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    rows = []
    for text in ("2018-01-01",) if quick else CUTOFFS:
        cutoff = date.fromisoformat(text)
        data = match_data_from_rows(batch.values, parts, before=cutoff)
        builder = CoalitionBuilder(data)
        queries = test_queries(batch.values, parts, cutoff, set(data.actors.key))
        if quick:
            queries = queries[:200]
        refs = References(data)
        label = f"{text} (validation)" if text == VALIDATION else text
        pp = metrics(queries, refs.past_partners)

        def ours(q: Query, builder: CoalitionBuilder = builder) -> list[str]:
            return builder.ranked_keys(challenge_of(q), TOP)

        for name, ranked in (
            ("builder", ours),
            ("popularity in part", refs.part_popularity),
            ("past partners", refs.past_partners),
        ):
            found = pp if name == "past partners" else metrics(queries, ranked)
            rows.append((label, len(queries), len(data.actors), name, *found, found[1] / pp[1]))
        print(f"{text}: built in {builder.build_seconds:.1f} s", file=sys.stderr)
    return rows


def _timed(call: Callable[[], object]) -> tuple[float, float]:
    """(wall, CPU) milliseconds of one call; CPU time shows the work when the machine is busy."""
    wall, cpu = time.perf_counter(), time.process_time()
    call()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def latency(builder: CoalitionBuilder, challenges: list[Challenge]) -> tuple[str, ...]:
    """p50 and p95 of ``rank`` and ``propose``, each as "wall (CPU)" milliseconds."""
    for challenge in challenges[:WARM_UP]:
        builder.propose(challenge)
    rank: list[tuple[float, float]] = []
    proposal: list[tuple[float, float]] = []
    for challenge in challenges:
        rank.append(_timed(lambda c=challenge: builder.rank(c, 20)))
        proposal.append(_timed(lambda c=challenge: builder.propose(c)))
    cells = []
    for timings in (rank, proposal):
        wall, cpu = np.array(timings).T
        for q in (50, 95):
            cells.append(f"{np.percentile(wall, q):.0f} ({np.percentile(cpu, q):.0f})")
    return tuple(cells)


SYLLABLES = "ba be bo de di do ge go ka ke ko la le lo ma me mo na ne no pa pe ra re ro sa se "
SYLLABLES += "so ta te to va ve vo wa we zo ver ing heid en er st ouw aal oor"


def generated(n_actors: int, seed: int = 7) -> MatchData:
    """A registry of ``n_actors`` actors on 60 topics, ~n/5 coalitions, ~3n memberships, 2n ties."""
    rng = random.Random(seed)
    gen = np.random.default_rng(seed)
    syllables = SYLLABLES.split()
    vocabulary = sorted({"".join(rng.choices(syllables, k=rng.randint(2, 4))) for _ in range(6000)})
    topics = [rng.sample(vocabulary, 80) for _ in range(60)]
    themes = {
        f"t{i}": ThemeInfo(f"t{i}", f"thema {w[0]}", f"theme {w[1]}") for i, w in enumerate(topics)
    }
    areas = {f"a{i}": AreaInfo(f"a{i}", f"Wijk {i}") for i in range(30)}
    topic_of = gen.integers(0, 60, n_actors)
    sectors = list(HelixSector)
    base = date(2015, 1, 1).toordinal()

    def text(topic: int, k: int) -> str:
        return " ".join(rng.choices(topics[topic], k=k) + rng.choices(vocabulary, k=k // 3))

    actors = Actors(
        id=np.arange(1, n_actors + 1, dtype=np.int64),
        key=[f"A{i}" for i in range(n_actors)],
        name=[f"Organisatie {i}" for i in range(n_actors)],
        helix=[sectors[i % 5] for i in range(n_actors)],
        kind=["organisation"] * n_actors,
        parent=np.full(n_actors, -1, dtype=np.int64),
        area=[f"a{i % 30}" for i in range(n_actors)],
        themes=[(f"t{t}",) for t in topic_of.tolist()],
        description=[text(t, rng.randint(10, 25)) for t in topic_of.tolist()],
        start=np.full(n_actors, NO_START, dtype=np.int64),
    )
    n_coalitions = n_actors // 5
    c_topic = gen.integers(0, 60, n_coalitions)
    c_start = base + gen.integers(0, 3650, n_coalitions)
    by_topic = [np.flatnonzero(topic_of == t) for t in range(60)]
    member_actor, member_coalition = [], []
    for c, t in enumerate(c_topic.tolist()):
        size = int(gen.integers(5, 26))
        on_topic = gen.choice(by_topic[t], size=size - size // 4, replace=False)
        member_actor += on_topic.tolist() + gen.integers(0, n_actors, size // 4).tolist()
        member_coalition += [c] * size
    coalitions = Coalitions(
        id=np.arange(1, n_coalitions + 1, dtype=np.int64),
        key=[f"C{i}" for i in range(n_coalitions)],
        name=[f"Coalitie {i}" for i in range(n_coalitions)],
        kind=["project"] * n_coalitions,
        status=["active"] * n_coalitions,
        text=[text(t, rng.randint(15, 40)) for t in c_topic.tolist()],
        themes=[(f"t{t}",) for t in c_topic.tolist()],
        areas=[(f"a{rng.randrange(30)}",) for _ in range(n_coalitions)],
        start=c_start.astype(np.int64),
        end=(c_start + 730).astype(np.int64),
    )
    mc = np.array(member_coalition, dtype=np.int64)
    memberships = Memberships(
        actor=np.array(member_actor, dtype=np.int64),
        coalition=mc,
        role=["partner"] * mc.size,
        start=c_start[mc].astype(np.int64),
        end=np.full(mc.size, NO_END, dtype=np.int64),
    )
    pick = gen.integers(0, mc.size, 2 * n_actors)
    other = gen.integers(0, n_actors, 2 * n_actors)
    source = memberships.actor[pick]
    keep = source != other
    ties = Ties(
        source=source[keep],
        target=other[keep],
        weight=gen.integers(1, 6, int(keep.sum())).astype(np.float64),
        start=(base + gen.integers(0, 3650, int(keep.sum()))).astype(np.int64),
        end=np.full(int(keep.sum()), NO_END, dtype=np.int64),
    )
    return MatchData(actors, coalitions, memberships, ties, themes, areas)


def generated_challenges(data: MatchData, n: int, seed: int = 11) -> list[Challenge]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        c = rng.randrange(len(data.coalitions))
        words = rng.sample(data.coalitions.text[c].split(), 5)
        lead = data.actors.key[rng.randrange(len(data.actors))]
        out.append(Challenge(" ".join(words), themes=data.coalitions.themes[c], lead=lead))
    return out


def table(title: str, columns: list[str], rows: list[tuple[Any, ...]]) -> None:
    print(f"\n{title}")
    shown = [[f"{v:.3f}" if isinstance(v, float) else str(v) for v in row] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in shown)) for i, c in enumerate(columns)]
    print("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)))
    for row in shown:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a small run for a quick check")
    args = parser.parse_args()
    quick = bool(args.quick)

    rows = evaluate(quick)
    table(
        "Ranking quality on H2020 consortia (recall over the participants seen in training)",
        ["cutoff", "projects", "orgs", "ranking", "R@10", "R@20", "MRR", "R@20 / past"],
        rows,
    )

    lat_rows = []
    batch = read_participations(CORDIS / "eunets_h2020_participations.csv.gz")
    parts = read_programme_parts(CORDIS / "eunets_h2020_programme_parts.csv.gz")
    cutoff = date(2019, 7, 1)
    data = match_data_from_rows(batch.values, parts, before=cutoff)
    builder = CoalitionBuilder(data)
    queries = test_queries(batch.values, parts, cutoff, set(data.actors.key))
    queries = queries[: 100 if quick else 400]
    lat_rows.append(
        ("H2020 before 2019-07", len(data.actors), builder.build_seconds, len(queries),
         *latency(builder, [challenge_of(q) for q in queries]))
    )  # fmt: skip
    n = 20_000 if quick else 100_000
    started = time.perf_counter()
    synthetic = generated(n)
    made = time.perf_counter() - started
    builder = CoalitionBuilder(synthetic)
    challenges = generated_challenges(synthetic, 50 if quick else 200)
    lat_rows.append(
        (f"generated ({made:.0f} s to make)", n, builder.build_seconds, len(challenges),
         *latency(builder, challenges))
    )  # fmt: skip
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    table(
        f"Latency per query, indexes built: wall (CPU) ms; load average now {load}",
        ["data", "actors", "build s", "queries", "rank p50", "rank p95", "propose p50",
         "propose p95"],
        lat_rows,
    )  # fmt: skip


if __name__ == "__main__":
    main()
