"""Import speed and duplicate detection quality, the figures quoted in docs/imports.md.

    .venv/bin/python benchmarks/imports.py [--runs 3] [--backends sqlite,postgresql]

Speed: the full H2020 participation table (144,726 rows) through ``import_cordis`` (every row
validated; actors, projects, themes, areas and memberships written) against a plain
``pandas.read_csv`` + ``DataFrame.to_sql`` of the same rows. Each run is a fresh process on a fresh
database; seconds are the median of the runs, memory the peak resident set of the process.
References: a 20,000-row ties file over 2,000 actors, naming them by external id (the bulk
path), by name, and by references that match nothing (ties imported before their actors), as a
dry run; seconds and the ratio to the external-id file.
Quality: precision and recall of ``quadhelix.io.duplicates`` on the association register's own
duplicate test set, through the same blocking as ``quadhelix actors duplicates``.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("QUADHELIX_SHARED_DIR", ROOT.parent / "shared")) / "data"
CORDIS = SHARED / "cordis"
PARTICIPATIONS = CORDIS / "eunets_h2020_participations.csv.gz"
PARTS = CORDIS / "eunets_h2020_programme_parts.csv.gz"
POSTGRES = os.environ.get(
    "QUADHELIX_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def child(kind: str, url: str) -> None:
    """One measured run in this process; prints seconds and peak memory as JSON."""
    from quadhelix.registry.bootstrap import initialise
    from quadhelix.registry.database import make_engine

    engine = make_engine(url)
    if kind == "ours":
        from quadhelix.io.cordis import import_cordis

        initialise(engine)
        start = time.perf_counter()
        report = import_cordis(engine, PARTICIPATIONS, programme_parts=PARTS)
        rows = report.tables["membership"].created
    else:
        import pandas as pd

        start = time.perf_counter()
        frame = pd.read_csv(PARTICIPATIONS)
        frame.to_sql("participation", engine, if_exists="replace", index=False)
        rows = len(frame)
    seconds = time.perf_counter() - start
    engine.dispose()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "rows": rows}))


def _database(backend: str, workdir: Path) -> tuple[str, str | None]:
    if backend == "sqlite":
        return f"sqlite:///{workdir / f'{uuid.uuid4().hex}.db'}", None
    from sqlalchemy import text

    from quadhelix.registry.database import make_engine

    schema = f"qh_bench_{uuid.uuid4().hex[:10]}"
    admin = make_engine(POSTGRES)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    admin.dispose()
    return f"{POSTGRES}?options=-csearch_path%3D{schema}", schema


def _drop(schema: str | None) -> None:
    if schema is None:
        return
    from sqlalchemy import text

    from quadhelix.registry.database import make_engine

    admin = make_engine(POSTGRES)
    with admin.begin() as connection:
        connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


def measure(kind: str, backend: str, workdir: Path) -> dict[str, float]:
    url, schema = _database(backend, workdir)
    try:
        out = subprocess.run(
            [sys.executable, __file__, "--child", kind, url],
            check=True,
            capture_output=True,
            text=True,
        )
    finally:
        _drop(schema)
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def reference_resolution(backend: str, workdir: Path) -> dict[str, float]:
    """Seconds to resolve the references of a 20,000-row ties file, by kind of reference."""
    from quadhelix.io.load import import_spreadsheet
    from quadhelix.io.report import ImportRejected
    from quadhelix.registry.bootstrap import initialise
    from quadhelix.registry.database import make_engine

    url, schema = _database(backend, workdir)
    actors, rows = 2_000, 20_000
    types = ("collaboration", "funding", "information", "contract", "other")
    pairs = [
        (i % actors, (i * 7 + i // actors + 1) % actors, types[i // 4_000]) for i in range(rows)
    ]
    pairs = [(a, b if b != a else (b + 1) % actors, kind) for a, b, kind in pairs]
    files = {
        "external id": [(f"a{a}", f"a{b}", kind) for a, b, kind in pairs],
        "name": [(f"Actor {a}", f"actor {b}", kind) for a, b, kind in pairs],
        "unknown": [(f"x{i}", f"y{i}", kind) for i, (_a, _b, kind) in enumerate(pairs)],
    }
    seconds: dict[str, float] = {}
    try:
        engine = make_engine(url)
        initialise(engine)
        listed = workdir / "actors.csv"
        listed.write_text(
            "id,name,helix\n" + "".join(f"a{i},Actor {i},government\n" for i in range(actors))
        )
        import_spreadsheet(engine, "actors", listed)
        for label, lines in files.items():
            path = workdir / "ties.csv"
            path.write_text(
                "source_id,target_id,type\n" + "".join(",".join(r) + "\n" for r in lines)
            )
            start = time.perf_counter()
            try:
                import_spreadsheet(engine, "ties", path, dry_run=True)
            except ImportRejected:
                assert label == "unknown"
            seconds[label] = time.perf_counter() - start
        engine.dispose()
    finally:
        _drop(schema)
    return seconds


def duplicate_quality() -> tuple[int, int, int, float]:
    """True positives, false positives, false negatives and seconds on the register test set."""
    from quadhelix.io.duplicates import Candidate, find_pairs

    start = time.perf_counter()
    tp = fp = fn = 0

    def flagged(name: str, others: list[str]) -> list[bool]:
        candidates = [Candidate(0, name, None, None)]
        candidates += [Candidate(i + 1, other, None, None) for i, other in enumerate(others)]
        hits = {p.second.id for p in find_pairs(candidates, among=[0]) if p.first.id == 0}
        return [i + 1 in hits for i in range(len(others))]

    flanders = SHARED / "flanders"
    with (flanders / "verenigingsregister_dedup_expected_duplicates.csv").open() as handle:
        for row in list(csv.reader(handle))[1:]:
            duplicates, distinct = row[1].split(";"), row[2].split(";")
            found = flagged(row[0], duplicates + distinct)
            tp += sum(found[: len(duplicates)])
            fn += len(duplicates) - sum(found[: len(duplicates)])
            fp += sum(found[len(duplicates) :])
    with (flanders / "verenigingsregister_dedup_expected_unique.csv").open() as handle:
        fp += sum(flagged(a, [b])[0] for a, b in list(csv.reader(handle))[1:])
    return tp, fp, fn, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "URL"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    print(f"H2020 participations: {PARTICIPATIONS.name}, {args.runs} runs each, median seconds")
    header = ("database", "import s", "peak MB", "reference s", "ref peak MB", "ratio")
    print("{:<11} {:>9} {:>8} {:>12} {:>12} {:>6}".format(*header))
    with tempfile.TemporaryDirectory() as tmp:
        for backend in args.backends.split(","):
            ours: list[dict[str, float]] = []
            reference: list[dict[str, float]] = []
            for _ in range(args.runs):  # interleaved, so machine load hits both alike
                reference.append(measure("reference", backend, Path(tmp)))
                ours.append(measure("ours", backend, Path(tmp)))
            assert all(r["rows"] == 144_726 for r in ours + reference)
            mine = statistics.median(r["seconds"] for r in ours)
            theirs = statistics.median(r["seconds"] for r in reference)
            print(
                f"{backend:<11} {mine:>9.2f} {max(r['peak_mb'] for r in ours):>8.0f} "
                f"{theirs:>12.2f} {max(r['peak_mb'] for r in reference):>12.0f} "
                f"{mine / theirs:>6.2f}"
            )
    print("Ties file of 20,000 rows over 2,000 actors (dry run), seconds by kind of reference")
    with tempfile.TemporaryDirectory() as tmp:
        for backend in args.backends.split(","):
            found = reference_resolution(backend, Path(tmp))
            base = found["external id"]
            print(
                f"{backend:<11} "
                + "  ".join(f"{k} {v:.2f} s ({v / base:.1f}x)" for k, v in found.items())
            )
    tp, fp, fn, seconds = duplicate_quality()
    print(
        f"Duplicate detection on the association register test set: precision "
        f"{tp / (tp + fp):.3f}, recall {tp / (tp + fn):.3f} (TP {tp}, FP {fp}, FN {fn}; "
        f"{seconds:.2f} s)"
    )


if __name__ == "__main__":
    main()
