"""Backup and restore: every table of the registry in one versioned JSON document.

A backup holds all rows with their ids and timestamps, so that a restore gives back the same
registry (and the same IRIs in linked-data exports), on SQLite or PostgreSQL alike. A restore
checks the whole document first (format, schema revision, column types, keys, references) and
then writes it in one transaction: on any error the database is left as it was.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum as PyEnum
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Date,
    DateTime,
    Engine,
    Enum,
    Float,
    Integer,
    PrimaryKeyConstraint,
    String,
    Table,
    UniqueConstraint,
    func,
    inspect,
    select,
    text,
)
from sqlalchemy.exc import DBAPIError, StatementError

import quadhelix.accounts.model  # registers the account tables, as migrations do
import quadhelix.survey.model  # noqa: F401  (and the survey tables)
from quadhelix.io.export_records import atomic_output
from quadhelix.registry.database import current_revision, head_revision
from quadhelix.registry.default_themes import DEFAULT_THEMES
from quadhelix.registry.errors import QuadhelixError
from quadhelix.registry.model import Base, Theme, UTCDateTime

FORMAT = "quadhelix-backup"
FORMAT_VERSION = 1
Row = dict[str, Any]


class BackupError(QuadhelixError):
    """A backup that cannot be written or restored; the message says where and why."""


@dataclass(frozen=True)
class RestoreReport:
    rows: dict[str, int]
    replaced: bool


def tables() -> list[Table]:
    """The registry's tables, parents before the tables that refer to them."""
    return list(Base.metadata.sorted_tables)


def _checked_revision(engine: Engine) -> str:
    """The schema revision; backups are only read and written at the newest one.

    A table in the database that the models do not know would be left out of a backup without
    a word, so it stops the backup (and the restore) instead.
    """
    revision, head = current_revision(engine), head_revision(engine)
    if revision is None:
        raise BackupError("registry: this database holds no registry; run `quadhelix init` first")
    if revision != head:
        raise BackupError(
            f"registry: the schema is at revision {revision}, this quadhelix expects {head}; "
            "run `quadhelix init` to upgrade it first"
        )
    known = {table.name for table in tables()} | {"alembic_version"}
    unknown = sorted(set(inspect(engine).get_table_names()) - known)
    if unknown:
        raise BackupError(f"registry: the database has tables quadhelix does not know: {unknown}")
    return revision


# --- writing ----------------------------------------------------------------------------------


def _encode(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, PyEnum):
        return value.value
    return value


@contextmanager
def _snapshot(engine: Engine) -> Iterator[Connection]:
    """One consistent view of all tables, even while others write (PostgreSQL)."""
    with engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            connection = connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            yield connection


def backup_document(engine: Engine) -> dict[str, Any]:
    """Every row of every table, ordered by primary key, as plain JSON values.

    On PostgreSQL all tables are read in one repeatable-read snapshot; SQLite reads them one by
    one, so take a backup of a SQLite registry while nobody is changing it.
    """
    revision = _checked_revision(engine)
    dumped: dict[str, Any] = {}
    with _snapshot(engine) as connection:
        for table in sorted(tables(), key=lambda t: t.name):
            columns = [column.name for column in table.columns]
            rows = [[_encode(value) for value in row] for row in connection.execute(select(table))]
            # Sorted here, not in SQL: PostgreSQL may collate text keys unlike SQLite.
            key = [columns.index(column.name) for column in table.primary_key.columns]
            rows.sort(key=lambda row: [row[i] for i in key])
            dumped[table.name] = {"columns": columns, "rows": rows}
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema_revision": revision,
        "tables": dumped,
    }


def backup_text(document: dict[str, Any]) -> str:
    """The document as JSON with one row per line: readable, diffable, and the same every time."""

    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    lines = ["{"]
    lines.extend(f" {dump(key)}: {dump(document[key])}," for key in document if key != "tables")
    lines.append(' "tables": {')
    names = list(document["tables"])
    for number, name in enumerate(names, 1):
        table = document["tables"][name]
        lines.append(f"  {dump(name)}: {{")
        lines.append(f'   "columns": {dump(table["columns"])},')
        rows = [f"    {dump(row)}" for row in table["rows"]]
        lines.append('   "rows": [' + ("\n" + ",\n".join(rows) + "\n   ]" if rows else "]"))
        lines.append("  }" + ("," if number < len(names) else ""))
    lines.extend([" }", "}", ""])
    return "\n".join(lines)


def write_backup(engine: Engine, path: Path) -> dict[str, int]:
    """Write the backup to ``path`` (gzip when the name ends in ``.gz``); rows per table."""
    document = backup_document(engine)
    data = backup_text(document).encode("utf-8")
    if path.name.endswith(".gz"):
        data = gzip.compress(data, mtime=0)  # mtime 0: the same registry gives the same bytes
    with atomic_output(path) as stream:
        stream.write(data)
    return {name: len(table["rows"]) for name, table in document["tables"].items()}


# --- reading and checking ---------------------------------------------------------------------


def read_backup(path: Path) -> dict[str, Any]:
    """The parsed document; gzip is recognised by its content, whatever the file is called."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise BackupError(f"backup file: cannot read {path}: {error.strerror}") from None
    if raw[:2] == b"\x1f\x8b":
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError, zlib.error) as error:
            raise BackupError(
                f"backup file: {path} is a broken or cut-short gzip file ({error})"
            ) from None
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BackupError(
            f"backup file: {path} is not UTF-8 text (byte {error.start}); is it a backup?"
        ) from None
    try:
        document = json.loads(content)
    except json.JSONDecodeError as error:
        ends_early = not content.rstrip().endswith("}")  # a backup always ends with its "}"
        cut = " (the file ends too early: was it cut short?)" if ends_early else ""
        raise BackupError(
            f"backup file: {path} is not valid JSON at line {error.lineno}, column {error.colno}: "
            f"{error.msg}{cut}"
        ) from None
    if not isinstance(document, dict):
        raise BackupError(f"backup file: {path} holds JSON but not a quadhelix backup")
    return document


def _check_header(document: dict[str, Any], revision: str) -> None:
    if document.get("format") != FORMAT:
        raise BackupError(
            f"backup file: not a quadhelix backup (format {document.get('format')!r})"
        )
    version = document.get("format_version")
    if version != FORMAT_VERSION:
        raise BackupError(
            f"backup file: format version {version!r}; this quadhelix reads version "
            f"{FORMAT_VERSION} only"
        )
    if document.get("schema_revision") != revision:
        raise BackupError(
            f"backup file: made at schema revision {document.get('schema_revision')!r}, "
            f"the registry is at {revision!r}; restore with the quadhelix version that made it"
        )


def _decode(column: Column[Any], value: Any, where: str) -> Any:
    """A JSON value as the column's Python value, or a precise complaint."""
    problem = f"{where}: {column.name}"
    if value is None:
        if not column.nullable:
            raise BackupError(f"{problem} is empty but must have a value")
        return None
    kind = column.type
    if isinstance(kind, Enum):
        if value not in kind.enums:
            raise BackupError(f"{problem} is {value!r}; allowed: {', '.join(kind.enums)}")
        return value
    if isinstance(kind, Boolean):
        if not isinstance(value, bool):
            raise BackupError(f"{problem} should be true or false, not {value!r}")
        return value
    if isinstance(kind, Integer):
        if not isinstance(value, int) or isinstance(value, bool):
            raise BackupError(f"{problem} should be a whole number, not {value!r}")
        return value
    if isinstance(kind, Float):
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise BackupError(f"{problem} should be a number, not {value!r}")
        return float(value)
    if not isinstance(value, str):
        raise BackupError(f"{problem} should be text, not {value!r}")
    if isinstance(kind, Date | DateTime | UTCDateTime):
        return _decode_time(kind, value, problem)
    if isinstance(kind, String) and kind.length is not None and len(value) > kind.length:
        raise BackupError(f"{problem} is {len(value)} characters long; at most {kind.length}")
    return value


def _decode_time(kind: Any, value: str, problem: str) -> date | datetime:
    try:
        if isinstance(kind, Date):
            return date.fromisoformat(value)
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise BackupError(f"{problem} is not an ISO date or time: {value!r}") from None
    if moment.tzinfo is None:
        raise BackupError(f"{problem} has no time zone: {value!r}")
    return moment


def _rows(table: Table, block: Any) -> list[Row]:
    where = f"backup file: table {table.name}"
    if not isinstance(block, dict) or not isinstance(block.get("rows"), list):
        raise BackupError(f"{where} needs a list of columns and a list of rows")
    columns = block.get("columns")
    expected = [column.name for column in table.columns]
    if not isinstance(columns, list) or sorted(map(repr, columns)) != sorted(map(repr, expected)):
        raise BackupError(f"{where} has columns {columns!r}; expected {expected!r}")
    decoded: list[Row] = []
    for number, values in enumerate(block["rows"], 1):
        if not isinstance(values, list) or len(values) != len(columns):
            raise BackupError(f"{where} row {number} should be a list of {len(columns)} values")
        place = f"{where} row {number}"
        decoded.append(
            {
                name: _decode(table.c[name], value, place)
                for name, value in zip(columns, values, strict=True)
            }
        )
    return decoded


def _key(row: Row, columns: Sequence[str]) -> tuple[Any, ...]:
    return tuple(row[name] for name in columns)


def _check_keys(table: Table, rows: list[Row]) -> None:
    """Primary keys and unique columns hold no value twice."""
    for constraint in table.constraints:
        if not isinstance(constraint, PrimaryKeyConstraint | UniqueConstraint):
            continue
        names = [column.name for column in constraint.columns]
        seen: set[tuple[Any, ...]] = set()
        for number, row in enumerate(rows, 1):
            key = _key(row, names)
            if None in key:
                continue
            if key in seen:
                shown = ", ".join(f"{n}={v!r}" for n, v in zip(names, key, strict=True))
                raise BackupError(
                    f"backup file: table {table.name} row {number}: {shown} occurs twice"
                )
            seen.add(key)


def _check_references(data: dict[str, list[Row]]) -> None:
    """Every foreign key points at a row that is in the backup."""
    for table in tables():
        for column in table.columns:
            for foreign_key in column.foreign_keys:
                target = foreign_key.column
                present = {row[target.name] for row in data[target.table.name]}
                for number, row in enumerate(data[table.name], 1):
                    value = row[column.name]
                    if value is not None and value not in present:
                        raise BackupError(
                            f"backup file: table {table.name} row {number}: {column.name} "
                            f"{value!r} refers to no {target.table.name}"
                        )


def _parents_first(table: Table, rows: list[Row]) -> list[Row]:
    """Rows of a tree table (``parent_id``), each parent before its children."""
    own = [c.name for c in table.columns for fk in c.foreign_keys if fk.column.table is table]
    if not own:
        return rows
    (parent,) = own
    (key,) = [column.name for column in table.primary_key.columns]
    children: dict[Any, list[Row]] = {}
    for row in rows:
        children.setdefault(row[parent], []).append(row)
    ordered: list[Row] = []
    stack = list(reversed(children.get(None, [])))
    while stack:
        row = stack.pop()
        ordered.append(row)
        stack.extend(reversed(children.get(row[key], [])))
    if len(ordered) != len(rows):
        placed = {row[key] for row in ordered}
        looped = sorted(row[key] for row in rows if row[key] not in placed)
        raise BackupError(
            f"backup file: table {table.name}: rows {looped} are their own ancestors via {parent}"
        )
    return ordered


def checked_rows(document: dict[str, Any], revision: str) -> dict[str, list[Row]]:
    """All rows of the document, decoded and checked, in the order they can be inserted."""
    _check_header(document, revision)
    given = document.get("tables")
    if not isinstance(given, dict):
        raise BackupError("backup file: has no tables")
    names = {table.name for table in tables()}
    missing, unknown = sorted(names - given.keys()), sorted(given.keys() - names)
    if missing or unknown:
        raise BackupError(
            f"backup file: tables do not match the registry (missing {missing}, unknown {unknown})"
        )
    data = {table.name: _rows(table, given[table.name]) for table in tables()}
    for table in tables():
        _check_keys(table, data[table.name])
    _check_references(data)
    return {table.name: _parents_first(table, data[table.name]) for table in tables()}


# --- restoring --------------------------------------------------------------------------------


def _require_empty(connection: Connection) -> None:
    """Nothing but what ``quadhelix init`` puts in: no records, only default themes."""
    used = []
    for table in tables():
        links_only = all(column.foreign_keys for column in table.primary_key.columns)
        if table.name == Theme.__tablename__ or links_only:
            continue  # a row in a link table needs rows elsewhere, which are named already
        count = connection.scalar(select(func.count()).select_from(table)) or 0
        if count:
            used.append(f"{table.name}: {count}")
    defaults = {code for code, *_ in DEFAULT_THEMES}
    own_themes = [c for c in connection.scalars(select(Theme.code)) if c not in defaults]
    if own_themes:
        used.append(f"own themes: {len(own_themes)}")
    if used:
        raise BackupError(
            f"restore: the registry is not empty ({', '.join(used)}); restore into a new "
            "registry, or add --replace to wipe this one"
        )


def _reset_sequences(connection: Connection) -> None:
    """After inserting explicit ids, PostgreSQL's id sequences must continue after the largest."""
    quote = connection.dialect.identifier_preparer.quote
    for table in tables():
        key = list(table.primary_key.columns)
        if len(key) != 1 or not isinstance(key[0].type, Integer):
            continue
        column = key[0].name
        connection.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence(:table, :column), "  # noqa: S608
                f"COALESCE(MAX({quote(column)}), 0) + 1, false) FROM {quote(table.name)}"
            ),
            {"table": table.name, "column": column},
        )


def restore_document(
    engine: Engine, document: dict[str, Any], replace: bool = False
) -> RestoreReport:
    """Put the backup's rows into the registry, in one transaction; refuse a non-empty one.

    With ``replace`` everything in the registry is deleted first, in the same transaction.
    """
    data = checked_rows(document, _checked_revision(engine))
    try:
        with engine.begin() as connection:
            if not replace:
                _require_empty(connection)
            for table in reversed(tables()):
                connection.execute(table.delete())
            for table in tables():
                if data[table.name]:
                    connection.execute(table.insert(), data[table.name])
            if connection.dialect.name == "postgresql":
                _reset_sequences(connection)
    except (DBAPIError, StatementError) as error:
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        raise BackupError(f"restore: the database refused the backup: {reason}") from None
    return RestoreReport({name: len(rows) for name, rows in data.items()}, replace)


def restore_file(engine: Engine, path: Path, replace: bool = False) -> RestoreReport:
    return restore_document(engine, read_backup(path), replace)
