"""Running an import: one transaction per file, all-or-nothing unless rows may be skipped.

A dry run does the whole import, counts included, and rolls the transaction back, so what it
reports is exactly what a real run would do.
"""

from __future__ import annotations

import csv
import gc
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, Engine

from quadhelix.io.duplicates import duplicates_of
from quadhelix.io.entities import (
    ACTORS,
    COALITIONS,
    EntitySpec,
    Upsert,
    plan_vocabulary,
    resolve,
    write,
)
from quadhelix.io.relations import MEMBERS, TIES, upsert_relations
from quadhelix.io.report import ImportRejected, ImportReport, Progress, no_progress
from quadhelix.io.spreadsheet import Sheet, load_mapping, read_sheet
from quadhelix.io.validate import PROVENANCE_LENGTH, Batch, validate_sheet
from quadhelix.io.vocabulary import Vocabulary
from quadhelix.registry.model import utcnow

KINDS = ("actors", "coalitions", "members", "ties")
# Canonical spreadsheet columns -> the names the upserts use (those of the model).
RENAMES = {
    "id": "external_id",
    "start": "start_date",
    "end": "end_date",
    "parent_id": "parent",
    "coalition_id": "coalition",
    "actor_id": "actor",
    "source_id": "source",
    "target_id": "target",
}


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while millions of short-lived cells are made: a third faster.

    An import makes no reference cycles worth collecting; the collector runs again afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def import_transaction(engine: Engine, dry_run: bool) -> Iterator[Connection]:
    """Commit at the end, or roll back on any error, and always for a dry run."""
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # Index pages of a big import do not fit SQLite's default 2 MB page cache.
            connection.exec_driver_sql("PRAGMA cache_size = -131072")
            connection.commit()
        try:
            with connection.begin() as transaction:
                yield connection
                if dry_run:
                    transaction.rollback()
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA cache_size = -2000")
                connection.commit()


def upsert_entities(
    connection: Connection,
    spec: EntitySpec,
    batch: Batch,
    present: Sequence[str],
    vocabulary: Vocabulary,
    report: ImportReport,
    now: datetime,
    *,
    strict: bool = True,
    create_areas: bool = True,
    create_themes: bool = False,
) -> Upsert:
    """Check, then write. Skipping a row can orphan another row's parent, so checks repeat."""
    while True:
        before = len(batch.bad)
        plan = resolve(
            connection,
            spec,
            batch,
            present,
            vocabulary,
            create_areas=create_areas,
            create_themes=create_themes,
        )
        if strict or len(batch.bad) == before:
            break
    if strict and batch.bad:
        raise ImportRejected(batch.source, batch.problems)
    plan_vocabulary(plan, vocabulary)  # only what the imported rows use: never a refused row's
    themes, areas = vocabulary.write(connection, now)
    report.new_themes += themes
    report.new_areas += areas
    write(connection, plan, vocabulary, report, now)
    return plan


def new_duplicates(connection: Connection, plan: Upsert) -> list[tuple[str, str, str]]:
    """Probable duplicates between the actors an import created and all others."""
    created = [db_id for ext, db_id in plan.ids.items() if ext not in plan.existing]
    return duplicates_of(connection, created)


def rejects_path(path: Path) -> Path:
    return path.with_name(f"{path.stem}.rejects.csv")


def write_rejects(sheet: Sheet, batch: Batch, target: Path) -> None:
    """The refused rows as they were, with a ``reason`` column, ready to fix and import again."""
    encoding = "utf-8" if sheet.encoding == "utf-8" else "utf-8-sig"
    with target.open("w", newline="", encoding=encoding) as out:
        writer = csv.writer(out, delimiter=sheet.delimiter or ",")
        writer.writerow([*sheet.header, "reason"])
        for index in sorted(batch.bad):
            reason = "; ".join(f"{p.column}: {p.message}" for p in batch.bad[index])
            writer.writerow([*sheet.rows[index], reason])


def import_spreadsheet(
    engine: Engine,
    kind: str,
    path: Path,
    *,
    mapping: Path | Mapping[str, str] | None = None,
    dry_run: bool = False,
    skip_invalid: bool = False,
    rejects: Path | None = None,
    create_themes: bool = False,
    progress: Progress = no_progress,
) -> ImportReport:
    """Import a CSV or XLSX file of ``actors``, ``coalitions``, ``members`` or ``ties``.

    Raises ``ImportRejected`` listing every problem, unless ``skip_invalid``: then the valid rows
    are imported and the others are written to ``rejects`` (default ``FILE.rejects.csv``).
    Unknown themes are an error (a typo, usually) unless ``create_themes``.
    """
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}")
    renames = load_mapping(mapping) if isinstance(mapping, Path) else mapping
    progress("read", 0, None)
    sheet = read_sheet(path, kind, renames)
    progress("validate", 0, len(sheet.rows))
    batch = validate_sheet(sheet, kind)
    batch.values = {RENAMES.get(k, k): v for k, v in batch.values.items()}
    present = [RENAMES.get(c, c) for c in sheet.columns]
    if kind == "actors" and "provenance" not in present:
        # New actors say which file brought them; existing ones keep what they have.
        batch.values["provenance"] = [f"spreadsheet {path.name}"[:PROVENANCE_LENGTH]] * len(batch)
    report = ImportReport(str(path), kind, dry_run=dry_run, rows=len(sheet.rows))
    now = utcnow()
    with import_transaction(engine, dry_run) as connection:
        progress("write", 0, len(sheet.rows))
        if kind in ("actors", "coalitions"):
            spec = ACTORS if kind == "actors" else COALITIONS
            vocabulary = Vocabulary.load(connection)
            plan = upsert_entities(
                connection,
                spec,
                batch,
                present,
                vocabulary,
                report,
                now,
                strict=not skip_invalid,
                create_themes=create_themes,
            )
            if kind == "actors":
                report.duplicates = new_duplicates(connection, plan)
        else:
            upsert_relations(
                connection,
                MEMBERS if kind == "members" else TIES,
                batch,
                present,
                report,
                now,
                strict=not skip_invalid,
                provenance=f"import {path.name}",
            )
        progress("write", len(sheet.rows), len(sheet.rows))
    report.rejected = batch.problems
    report.rejected_rows = len(batch.bad)
    if batch.bad and not dry_run:
        target = rejects or rejects_path(path)
        write_rejects(sheet, batch, target)
        report.notes.append(f"rejected rows written to {target}")
    return report
