"""Speed and memory of the analytics suite, against NetworkX.

Networks: (a) the demo city Leiemonde read from a SQLite registry, (b) the real H2020
collaboration network (organisations linked by shared projects, ../shared/data/cordis),
(c) generated city-like graphs of 1e4 and 1e5 actors with average degree ~10.

Every metric runs in a forked child process, so that its time and its peak memory (the child's
peak resident set minus the resident set at the fork) are its own (a fresh process also pays for
first touching its memory, so small metrics look slower than inside a running one; the line
"whole suite in one process" runs them all in one child); NetworkX runs that exceed
``--nx-timeout`` seconds are stopped and printed as ">T". NetworkX runs of the path metrics on
graphs above the exact limit use NetworkX's own sampled betweenness with the same number of
sources (k=320) and harmonic closeness from the same sources.

    .venv/bin/python benchmarks/analytics.py            # everything (tens of minutes)
    .venv/bin/python benchmarks/analytics.py --quick    # demo city and 1e4 only, short timeouts
"""

from __future__ import annotations

import argparse
import csv
import gzip
import multiprocessing as mp
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
from scipy.stats import spearmanr

from quadhelix.analytics import brokerage, centrality, groups, network
from quadhelix.analytics.actors import actor_metrics
from quadhelix.analytics.graphs import build_graph
from quadhelix.analytics.paths import DEFAULT_PIVOTS, EXACT_LIMIT, path_metrics
from quadhelix.analytics.projection import (
    make_graph,
    merge_edges,
    project_memberships,
    shared_arrays,
)
from quadhelix.analytics.results import to_jsonable

SHARED = (
    Path(os.environ.get("QUADHELIX_SHARED_DIR", Path(__file__).resolve().parents[2] / "shared"))
    / "data"
)
PIVOTS = DEFAULT_PIVOTS
PATHS = "betweenness+harmonic+distance"
CORDIS_HELIX = {
    "HES": "knowledge",
    "REC": "knowledge",
    "PRC": "business",
    "PUB": "government",
    "OTH": "civil_society",
}


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _child(task: Callable[[], Any], pipe: Any) -> None:
    base = rss_mb()
    before = resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter()
    task()
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    pipe.send((seconds, cpu, max(0.0, after.ru_maxrss / 1024 - base)))


Measured = tuple[float | None, float | None, float | None]


def measure(task: Callable[[], Any], timeout: float) -> Measured:
    """(wall seconds, CPU seconds, peak extra MB) of ``task`` in a forked child; Nones on timeout.

    The peak is the child's peak resident set minus its resident set when it started, so it
    includes the pages of the (shared) graph the metric reads as well as what it allocates.
    """
    context = mp.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(task, sender))
    process.start()
    if receiver.poll(timeout):
        seconds, cpu, peak = receiver.recv()
        process.join()
        return seconds, cpu, peak
    process.kill()
    process.join()
    return None, None, None


# -- networks ------------------------------------------------------------------------------


def demo_city() -> tuple[Any, float]:
    from quadhelix.demo.city import build_demo_city
    from quadhelix.registry.bootstrap import initialise
    from quadhelix.registry.database import make_engine, transaction

    folder = tempfile.mkdtemp(prefix="qh-bench-")
    engine = make_engine(f"sqlite:///{folder}/demo.db")
    initialise(engine)
    with transaction(engine) as session:
        build_demo_city(session)
    start = time.perf_counter()
    with transaction(engine) as session:
        graph = build_graph(session)
    load = time.perf_counter() - start
    engine.dispose()
    return graph, load


def h2020() -> tuple[Any, float]:
    start = time.perf_counter()
    path = SHARED / "cordis" / "eunets_h2020_participations.csv.gz"
    organisations: dict[str, int] = {}
    projects: dict[str, int] = {}
    helix: dict[int, str] = {}
    actor_rows: list[int] = []
    project_rows: list[int] = []
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            actor = organisations.setdefault(row["pic"], len(organisations))
            helix.setdefault(actor, CORDIS_HELIX.get(row["type"], "civil_society"))
            actor_rows.append(actor)
            project_rows.append(projects.setdefault(row["rcn"], len(projects)))
    n = len(organisations)
    projection = project_memberships(actor_rows, project_rows, n)
    graph = make_graph(
        n,
        projection.source,
        projection.target,
        directed=False,
        vertex_attrs={
            "actor_id": list(range(n)),
            "name": list(organisations),
            "helix": [helix[i] for i in range(n)],
            "department": [None] * n,
        },
        edge_attrs={"weight": projection.shared.astype(float).tolist()},
    )
    return graph, time.perf_counter() - start


def generated(n: int, seed: int = 1, average_degree: int = 10, departments: int = 60) -> Any:
    """A degree-corrected planted partition: heavy-tailed activity (Pareto 2.1), 60% of ties
    inside the actor's department-like group, five helix sectors, a fifth of actors in the
    city's departments."""
    rng = np.random.default_rng(seed)
    m = n * average_degree // 2
    fitness = rng.pareto(2.1, n) + 1.0
    group = rng.integers(0, departments, n)
    p = fitness / fitness.sum()
    source = rng.choice(n, size=int(m * 1.15), p=p)
    target = rng.choice(n, size=source.size, p=p)
    inside = np.flatnonzero(rng.random(source.size) < 0.6)
    order = np.argsort(group, kind="stable")
    cumulative = np.cumsum(fitness[order])
    starts = np.searchsorted(group[order], np.arange(departments))
    ends = np.searchsorted(group[order], np.arange(departments), side="right")
    g = group[source[inside]]
    low = np.where(starts[g] > 0, cumulative[np.maximum(starts[g] - 1, 0)], 0.0)
    high = cumulative[ends[g] - 1]
    draw = low + rng.random(inside.size) * (high - low)
    target[inside] = order[np.minimum(np.searchsorted(cumulative, draw), n - 1)]
    merged = merge_edges(source, target, None, n, directed=False)
    keep = rng.permutation(merged.source.size)[:m]
    keep.sort()
    sectors = np.array(["government", "civil_society", "business", "knowledge", "citizens"])
    helix = sectors[rng.integers(0, 5, n)]
    city = rng.random(n) < 0.2
    helix[city] = "government"
    return make_graph(
        n,
        merged.source[keep],
        merged.target[keep],
        directed=False,
        vertex_attrs={
            "actor_id": list(range(n)),
            "name": [f"actor {i}" for i in range(n)],
            "helix": helix.tolist(),
            "department": [f"dept {g}" if c else None for g, c in zip(group, city, strict=True)],
        },
        edge_attrs={"weight": rng.integers(1, 4, keep.size).astype(float).tolist()},
    )


# -- suites ------------------------------------------------------------------------------------


def our_suite(graph: Any) -> dict[str, Callable[[], Any]]:
    by = "department" if any(graph.vs["department"]) else "helix"
    return {
        "degree+strength": lambda: (centrality.degree(graph), centrality.strength(graph)),
        PATHS: lambda: path_metrics(graph, pivots=PIVOTS, seed=1),
        "pagerank": lambda: centrality.pagerank(graph),
        "eigenvector": lambda: centrality.eigenvector(graph),
        "k-core": lambda: centrality.coreness(graph),
        "clustering": lambda: centrality.local_clustering(graph),
        "constraint": lambda: centrality.constraint(graph),
        "effective size": lambda: centrality.effective_size(graph),
        "brokerage roles": lambda: brokerage.gould_fernandez(graph, "helix"),
        "sectors reached": lambda: brokerage.groups_reached(graph, "helix"),
        "components": lambda: graph.connected_components(),
        "density+centralisation+transitivity": lambda: (
            network.density(graph),
            network.degree_centralisation(graph),
            graph.transitivity_undirected(),
        ),
        "assortativity": lambda: network.assortativity(graph, "helix"),
        "E-I + permutation test": lambda: groups.ei_index(graph, "helix", seed=1),
        "tie matrix": lambda: groups.tie_matrix(graph, by, "helix"),
        "communities (Leiden) vs groups": lambda: groups.compare_with_communities(graph, by),
        "articulation points+bridges": lambda: network.cut_points(graph),
    }


def _nx_paths(reference: Any, n: int) -> Any:
    if n <= EXACT_LIMIT:
        return nx.betweenness_centrality(reference), nx.harmonic_centrality(reference)
    pivots = list(np.random.default_rng(1).choice(n, PIVOTS, replace=False))
    return (
        nx.betweenness_centrality(reference, k=PIVOTS, seed=1),
        nx.harmonic_centrality(reference, sources=pivots),
    )


def _nx_eigenvector(reference: Any) -> Any:
    giant = max(nx.connected_components(reference), key=len)
    return nx.eigenvector_centrality_numpy(reference.subgraph(giant), weight="weight")


def nx_suite(graph: Any) -> dict[str, Callable[[], Any]]:
    reference = nx.Graph()
    reference.add_nodes_from(range(graph.vcount()))
    for vertex in graph.vs:
        reference.nodes[vertex.index]["helix"] = vertex["helix"]
    reference.add_weighted_edges_from((e.source, e.target, e["weight"]) for e in graph.es)
    n = graph.vcount()
    return {
        "degree+strength": lambda: (dict(reference.degree()), dict(reference.degree("weight"))),
        PATHS: lambda: _nx_paths(reference, n),
        "pagerank": lambda: nx.pagerank(reference),
        "eigenvector": lambda: _nx_eigenvector(reference),
        "k-core": lambda: nx.core_number(reference),
        "clustering": lambda: nx.clustering(reference),
        "constraint": lambda: nx.constraint(reference, weight="weight"),
        "effective size": lambda: nx.effective_size(reference, weight="weight"),
        "components": lambda: nx.number_connected_components(reference),
        "density+centralisation+transitivity": lambda: (
            nx.density(reference),
            nx.transitivity(reference),
        ),
        "assortativity": lambda: nx.attribute_assortativity_coefficient(reference, "helix"),
        "communities (Leiden) vs groups": lambda: nx.community.louvain_communities(
            reference, seed=1
        ),
        "articulation points+bridges": lambda: (
            list(nx.articulation_points(reference)),
            list(nx.bridges(reference)),
        ),
    }


def _fmt(value: float | None, timeout: float, digits: int = 3) -> str:
    return f">{timeout:.0f}" if value is None else f"{value:.{digits}f}"


def as_reports_run(graph: Any) -> Any:
    """The actor table, network summary and silo analysis as the reports compute them (one
    path computation shared), turned into JSON: what a request for all three costs."""
    by = "department" if any(graph.vs["department"]) else "helix"
    with shared_arrays(graph):
        paths = path_metrics(graph, pivots=PIVOTS, seed=1)
        results = [
            actor_metrics(graph, paths=paths),
            network.network_summary(graph, paths),
            groups.ei_index(graph, by, seed=1),
            groups.tie_matrix(graph, by, "helix"),
            groups.compare_with_communities(graph, by),
        ]
    return to_jsonable(results)


def run(
    name: str,
    graph: Any,
    with_nx: bool,
    nx_timeout: float,
    timeout: float,
    nx_path_timeout: float | None = None,
) -> None:
    print(f"\n## {name}: {graph.vcount():,} actors, {graph.ecount():,} ties", flush=True)
    ours = {k: measure(task, timeout) for k, task in our_suite(graph).items()}
    limits = dict.fromkeys(our_suite(graph), nx_timeout)
    limits[PATHS] = max(nx_timeout, nx_path_timeout or 0.0)
    theirs = {k: measure(task, limits[k]) for k, task in nx_suite(graph).items()} if with_nx else {}
    print(
        f"{'metric':36s} {'wall s':>8s} {'cpu s':>8s} {'peak MB':>8s} {'NX wall s':>10s} "
        f"{'NX cpu s':>9s} {'ratio':>7s}"
    )
    totals = dict.fromkeys(
        ("wall", "cpu", "ours_common", "nx_common", "ours_done", "nx_done", "ours_cpu", "nx_cpu"),
        0.0,
    )
    unfinished = []
    for metric, (seconds, cpu, peak) in ours.items():
        totals["wall"] += seconds or 0.0
        totals["cpu"] += cpu or 0.0
        nx_wall = nx_cpu = ratio = "-"
        if metric in theirs:
            other, other_cpu, _ = theirs[metric]
            nx_wall, nx_cpu = _fmt(other, limits[metric]), _fmt(other_cpu, limits[metric])
            spent = other if other is not None else limits[metric]
            totals["nx_common"] += spent
            totals["ours_common"] += seconds or 0.0
            if other is None:
                unfinished.append(metric)
            else:
                totals["nx_done"] += other
                totals["ours_done"] += seconds or 0.0
                totals["nx_cpu"] += other_cpu or 0.0
                totals["ours_cpu"] += cpu or 0.0
            ratio = f"{spent / max(seconds or 1e-9, 1e-6):.0f}x" + (">" if other is None else "")
        print(
            f"{metric:36s} {_fmt(seconds, timeout):>8s} {_fmt(cpu, timeout):>8s} "
            f"{_fmt(peak, timeout, 0):>8s} {nx_wall:>10s} {nx_cpu:>9s} {ratio:>7s}"
        )
    print(f"{'sum of the metrics above':36s} {totals['wall']:8.2f} {totals['cpu']:8.2f}")
    tasks = list(our_suite(graph).values())

    def whole() -> None:
        with shared_arrays(graph):
            for task in tasks:
                task()

    for label, job in (("whole suite in one process", whole), ("as the reports run it", None)):
        seconds, cpu, peak = measure(job or (lambda: as_reports_run(graph)), timeout)
        print(
            f"{label:36s} {_fmt(seconds, timeout):>8s} "
            f"{_fmt(cpu, timeout):>8s} {_fmt(peak, timeout, 0):>8s}"
        )
    if theirs:
        print(
            f"metrics NetworkX finished: ours {totals['ours_done']:.2f} s wall "
            f"({totals['ours_cpu']:.2f} s CPU), NetworkX {totals['nx_done']:.1f} s wall "
            f"({totals['nx_cpu']:.1f} s CPU): ratio "
            f"{totals['nx_done'] / max(totals['ours_done'], 1e-9):.0f}x wall, "
            f"{totals['nx_cpu'] / max(totals['ours_cpu'], 1e-9):.0f}x CPU"
        )
        if unfinished:
            print(
                f"with the unfinished ones ({', '.join(unfinished)}) counted at their time "
                f"limit: ratio >= {totals['nx_common'] / max(totals['ours_common'], 1e-9):.0f}x"
            )
    print(f"load average now: {os.getloadavg()}")
    sys.stdout.flush()


def sampling_quality(graph: Any) -> None:
    start = time.perf_counter()
    exact = np.asarray(graph.betweenness(), dtype=float)
    exact_seconds = time.perf_counter() - start
    n = graph.vcount()
    print(f"\nSampled betweenness quality ({n:,} actors; exact took {exact_seconds:.1f} s)")
    for seed in (1, 2, 3):
        sampled = path_metrics(graph, pivots=PIVOTS, seed=seed).betweenness
        top = max(1, graph.vcount() // 100)
        found = set(np.argsort(-exact)[:top]) & set(np.argsort(-sampled)[:top])
        rho = spearmanr(exact, sampled).statistic
        print(
            f"  seed {seed}: Spearman {rho:.4f}, top-1% brokers found {len(found)}/{top} "
            f"({len(found) / top:.0%})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="demo city and 1e4 only")
    parser.add_argument("--nx-timeout", type=float, default=None, help="seconds per NX metric")
    parser.add_argument(
        "--nx-path-timeout",
        type=float,
        default=None,
        help="seconds for NetworkX's betweenness+harmonic (default: --nx-timeout)",
    )
    parser.add_argument("--skip-nx", action="store_true", help="no NetworkX runs")
    parser.add_argument("--nx-large", action="store_true", help="also NetworkX on 1e5 actors")
    parser.add_argument(
        "--only", nargs="+", choices=["demo", "1e4", "1e5", "h2020"], help="run these networks"
    )
    args = parser.parse_args()
    nx_timeout = args.nx_timeout or (30.0 if args.quick else 300.0)
    timeout = 600.0
    print(
        f"quadhelix analytics benchmark; {os.cpu_count()} cores; pivots {PIVOTS}; "
        f"exact up to {EXACT_LIMIT} actors; load average {os.getloadavg()}"
    )
    wanted = set(args.only or (["demo", "1e4"] if args.quick else ["demo", "1e4", "1e5", "h2020"]))
    if "demo" in wanted:
        graph, load = demo_city()
        print(f"(demo city read from the registry in {load:.2f} s)")
        run("(a) demo city Leiemonde", graph, not args.skip_nx, nx_timeout, timeout)
    if "1e4" in wanted:
        graph = generated(10_000)
        run("(c) generated 1e4", graph, not args.skip_nx, nx_timeout, timeout)
        sampling_quality(graph)
    if "1e5" in wanted:
        graph = generated(100_000)
        run("(c) generated 1e5", graph, args.nx_large and not args.skip_nx, nx_timeout, timeout)
    if "h2020" in wanted:
        graph, load = h2020()
        print(f"\n(H2020 network read and projected in {load:.2f} s)")
        run(
            "(b) H2020 co-membership",
            graph,
            not args.skip_nx,
            nx_timeout,
            timeout,
            args.nx_path_timeout,
        )
    print(
        f"\npeak resident memory of the benchmark process: "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )


if __name__ == "__main__":
    main()
