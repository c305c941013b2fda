"""Bulk reads and writes on a Core connection: executemany on SQLite, COPY on PostgreSQL.

One ORM object per row would make the 145,000-row CORDIS import take minutes. Values go through the
columns' own bind processors (enums, UTC timestamps, dates), each distinct value once, so the
database holds exactly what the ORM would have written.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Column, Connection, Table, any_, bindparam, select, text
from sqlalchemy.dialects.postgresql import ARRAY

from quadhelix.registry.model import Base

CHUNK = 5000
TABLES = Base.metadata.tables  # typed as Table, unlike a model's ``__table__``


def _prepared(
    connection: Connection, table: Table, columns: Sequence[Sequence[Any]], names: Sequence[str]
) -> list[tuple[Any, ...]]:
    """Rows with every value as the driver wants it, converted column by column."""
    dialect = connection.dialect
    converted: list[Sequence[Any]] = list(columns)
    for position, name in enumerate(names):
        column: Column[Any] = table.c[name]
        processor = column.type.dialect_impl(dialect).bind_processor(dialect)
        if processor is not None:
            cells = converted[position]
            memo = {value: processor(value) for value in set(cells)}
            converted[position] = [memo[value] for value in cells]
    return list(zip(*converted, strict=True))


def _quote(connection: Connection, name: str) -> str:
    return str(connection.dialect.identifier_preparer.quote(name))


def insert_rows(
    connection: Connection, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """Insert many rows in one go; ``rows`` are tuples in the order of ``columns``."""
    if rows:
        insert_columns(connection, table, dict(zip(columns, zip(*rows, strict=True), strict=True)))


def insert_columns(connection: Connection, table: Table, data: Mapping[str, Sequence[Any]]) -> None:
    """Insert many rows given column by column (``{"name": [...], ...}``, equal lengths)."""
    names = list(data)
    prepared = _prepared(connection, table, [data[n] for n in names], names)
    if not prepared:
        return
    quoted = ", ".join(_quote(connection, c) for c in names)
    target = _quote(connection, table.name)
    if connection.dialect.name == "postgresql":
        raw = connection.connection.driver_connection
        assert raw is not None
        with raw.cursor() as cursor, cursor.copy(f"COPY {target} ({quoted}) FROM STDIN") as copy:
            for row in prepared:
                copy.write_row(row)
        return
    marks = ", ".join(["?"] * len(names))
    connection.exec_driver_sql(
        f"INSERT INTO {target} ({quoted}) VALUES ({marks})",  # noqa: S608 - names from the model
        prepared,
    )


def update_rows(
    connection: Connection,
    table: Table,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    key: str = "id",
) -> None:
    """Update many rows by key; each row holds the new values in ``columns`` order, then the key."""
    if not rows:
        return
    prepared = _prepared(connection, table, list(zip(*rows, strict=True)), [*columns, key])
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    assignments = ", ".join(f"{_quote(connection, c)} = {mark}" for c in columns)
    connection.exec_driver_sql(
        f"UPDATE {_quote(connection, table.name)} SET {assignments} "  # noqa: S608 - model names
        f"WHERE {_quote(connection, key)} = {mark}",
        prepared,
    )


def delete_rows(connection: Connection, table: Table, column: str, values: Sequence[Any]) -> None:
    for start in range(0, len(values), CHUNK):
        connection.execute(table.delete().where(table.c[column].in_(values[start : start + CHUNK])))


def reserve_ids(connection: Connection, table: Table, count: int) -> list[int]:
    """Primary keys for rows about to be inserted, so that children can point at them at once.

    PostgreSQL draws them from the table's sequence. SQLite first takes the write lock (a write
    that changes nothing) so no other writer can take the same numbers before we commit.
    """
    if count == 0:
        return []
    name = table.name
    if connection.dialect.name == "postgresql":
        rows = connection.execute(
            text("SELECT nextval(pg_get_serial_sequence(:t, 'id')) FROM generate_series(1, :n)"),
            {"t": name, "n": count},
        )
        return [int(r[0]) for r in rows]
    connection.execute(table.update().where(text("0 = 1")).values(id=table.c.id))
    highest = connection.scalar(select(table.c.id).order_by(table.c.id.desc()).limit(1)) or 0
    return list(range(highest + 1, highest + 1 + count))


def fetch_in(
    connection: Connection, table: Table, key: str, values: Iterable[Any], columns: Sequence[str]
) -> list[tuple[Any, ...]]:
    """Rows whose ``key`` is one of ``values``, in chunks (SQLite limits bound parameters)."""
    wanted = list(dict.fromkeys(v for v in values if v is not None))
    found: list[tuple[Any, ...]] = []
    selected = [table.c[c] for c in columns]
    column = table.c[key]
    if connection.dialect.name == "postgresql":
        # One array parameter instead of thousands of placeholders for the driver to parse.
        values_param = bindparam("values", type_=ARRAY(column.type))
        query = select(*selected).where(column == any_(values_param))
        for start in range(0, len(wanted), CHUNK * 10):
            chunk = wanted[start : start + CHUNK * 10]
            found.extend(tuple(row) for row in connection.execute(query, {"values": chunk}))
        return found
    if len(wanted) > CHUNK:
        # Thousands of placeholders cost more to build than reading the column whole.
        keep = set(wanted)
        query = select(*selected, column.label("wanted_key")).where(column.is_not(None))
        for row in connection.execute(query):
            if row[-1] in keep:
                found.append(tuple(row)[:-1])
        return found
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        found.extend(
            tuple(row) for row in connection.execute(select(*selected).where(column.in_(chunk)))
        )
    return found
