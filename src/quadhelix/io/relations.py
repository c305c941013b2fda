"""Upserting memberships and ties, which have no id of their own.

A membership is the same when coalition, actor, role and start date are (the rule of
``registry.coalitions.add_member``); a tie when source, target, type and start date are.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Table

from quadhelix.io.bulk import TABLES, fetch_in, insert_columns, update_rows
from quadhelix.io.report import ImportRejected, ImportReport
from quadhelix.io.validate import Batch, shown
from quadhelix.registry.errors import InvalidValue
from quadhelix.registry.identifiers import format_kbo, normalise_kbo
from quadhelix.registry.instance import exported_id, stored_registry_key
from quadhelix.registry.messages import Message
from quadhelix.registry.names import fold
from quadhelix.registry.vocab import TieSource


@dataclass(frozen=True)
class RelationSpec:
    table: Table
    refs: tuple[tuple[str, str, Table], ...]  # (batch column, db column, referenced table)
    key: tuple[str, ...]  # batch columns after the references
    values: tuple[str, ...]
    what: str


MEMBERS = RelationSpec(
    TABLES["membership"],
    (
        ("coalition", "coalition_id", TABLES["coalition"]),
        ("actor", "actor_id", TABLES["actor"]),
    ),
    ("role", "start_date"),
    ("end_date", "contribution"),
    "membership",
)
TIES = RelationSpec(
    TABLES["tie"],
    (
        ("source", "source_actor_id", TABLES["actor"]),
        ("target", "target_actor_id", TABLES["actor"]),
    ),
    ("type", "start_date"),
    ("directed", "weight", "end_date"),
    "tie",
)


NOT_FOUND = {
    "actor": "no actor matches %(ref)s (id, #number, KBO number or exact name); "
    "import the actors first",
    "coalition": "no coalition matches %(ref)s (id, #number or exact name); "
    "import the coalitions first",
}
SEVERAL = {
    "actor": "%(ref)s names several actors (%(listed)s); use an id",
    "coalition": "%(ref)s names several coalitions (%(listed)s); use an id",
}


def _reference(ref: str, key: str | None, actors: bool) -> str | None:
    """What to look a reference up by, as the forms would: ``#12`` for the export's own
    ``qh-<key>-12``; a bare number only as a KBO number (``0417497106``, or ``417497106`` after
    a spreadsheet dropped the zero), never as our database id, which another system's number
    would then silently name. None when it cannot name anything here."""
    db_id = exported_id(ref, key)
    if db_id is not None:
        return f"#{db_id}"
    if not ref.strip().isdigit():
        return ref
    if not actors:
        return None
    try:
        return format_kbo(normalise_kbo(ref))
    except InvalidValue:
        return None


def _find_others(
    connection: Connection, table: Table, refs: Sequence[str], lookup: dict[str, int]
) -> dict[str, Message]:
    """Resolve what is not an external id as the forms do (``#12``, KBO number, exact name), and
    the export's own ``qh-<key>-12``, in a few queries whatever the number of rows (a ties file
    that names 20,000 actors by name must not cost 20,000 lookups); returns why each reference
    that is still unknown is refused."""
    failed: dict[str, Message] = {}
    actors = table is TABLES["actor"]
    key = stored_registry_key(connection) if refs else None
    by_id: dict[str, int] = {}
    by_kbo: dict[str, str] = {}
    by_name: dict[str, str] = {}
    for ref in refs:
        wanted = _reference(ref, key, actors)
        digits = (wanted or "").removeprefix("#")
        if wanted is None:
            failed[ref] = Message(NOT_FOUND[table.name], {"ref": shown(ref)})
        elif wanted.startswith("#") and digits.isdigit():
            if len(digits) < 10:  # an id fits an INTEGER column
                by_id[ref] = int(digits)
        else:
            if actors:
                with contextlib.suppress(InvalidValue):
                    by_kbo[ref] = normalise_kbo(wanted)
            by_name[ref] = fold(wanted)  # a KBO number nobody has may still be a name
    ids = {row[0] for row in fetch_in(connection, table, "id", by_id.values(), ["id"])}
    lookup.update((ref, db_id) for ref, db_id in by_id.items() if db_id in ids)
    if by_kbo:
        owners = dict(fetch_in(connection, table, "kbo", by_kbo.values(), ["kbo", "id"]))
        aliases = TABLES["actor_alias"]
        missing = [kbo for kbo in by_kbo.values() if kbo not in owners]
        owners.update(fetch_in(connection, aliases, "kbo", missing, ["kbo", "actor_id"]))
        lookup.update((ref, owners[kbo]) for ref, kbo in by_kbo.items() if kbo in owners)
    named: dict[str, list[int]] = {}
    wanted_names = [name for ref, name in by_name.items() if ref not in lookup]
    for name, db_id in fetch_in(connection, table, "name_key", wanted_names, ["name_key", "id"]):
        named.setdefault(name, []).append(db_id)
    for ref in refs:
        if ref in lookup or ref in failed:
            continue
        found = sorted(named.get(by_name.get(ref, ""), []))
        if len(found) == 1:
            lookup[ref] = found[0]
        elif found:
            listed = ", ".join(f"#{db_id}" for db_id in found[:5])
            failed[ref] = Message(SEVERAL[table.name], {"ref": shown(ref), "listed": listed})
        else:
            failed[ref] = Message(NOT_FOUND[table.name], {"ref": shown(ref)})
    return failed


def upsert_relations(
    connection: Connection,
    spec: RelationSpec,
    batch: Batch,
    present: Sequence[str],
    report: ImportReport,
    now: datetime,
    *,
    known: dict[str, dict[str, int]] | None = None,
    strict: bool = True,
    provenance: str | None = None,
) -> None:
    """Resolve references and find repeated rows, then write; ``strict`` refuses any problem.

    ``known`` maps a referenced table name to external ids already resolved by the caller (CORDIS
    writes the actors and projects in the same transaction just before their memberships).
    """
    values = batch.values
    ids: dict[str, list[int | None]] = {}
    for column, _db_column, table in spec.refs:
        lookup = dict((known or {}).get(table.name, {}))
        missing = {v for v in values[column] if v is not None and v not in lookup}
        lookup.update(
            (row[0], row[1])
            for row in fetch_in(connection, table, "external_id", missing, ["external_id", "id"])
        )
        unresolved = [ref for ref in missing if ref not in lookup]
        if table is TABLES["actor"] and unresolved:
            # The id of an actor merged into another one names the one it was merged into.
            aliases = TABLES["actor_alias"]
            columns = ["external_id", "actor_id"]
            lookup.update(
                (row[0], row[1])
                for row in fetch_in(connection, aliases, "external_id", unresolved, columns)
            )
        failed = _find_others(connection, table, [r for r in unresolved if r not in lookup], lookup)
        column_ids: list[int | None] = []
        for index, ref in enumerate(values[column]):
            db_id = lookup.get(ref) if ref is not None else None
            if ref is not None and db_id is None:
                batch.reject(index, column, failed[ref])
            column_ids.append(db_id)
        ids[column] = column_ids
    first, second = (c for c, _d, _t in spec.refs)
    db_first, db_second = (d for _c, d, _t in spec.refs)
    if spec is TIES:  # two spellings ("#12", its name) may name the same actor
        for index, (one, other) in enumerate(zip(ids[first], ids[second], strict=True)):
            if one is not None and one == other and index not in batch.bad:
                batch.reject(index, "target_id", "a tie needs two different actors")
    table = spec.table
    existing: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    columns = ["id", db_first, db_second, *spec.key, *spec.values]
    for row in fetch_in(connection, table, db_first, ids[first], columns):
        existing[tuple(row[1 : 3 + len(spec.key)])] = row
    good = batch.good()
    every = len(good) == len(batch)
    key_columns = [ids[first], ids[second], *(values[k] for k in spec.key)]
    if not every:
        key_columns = [[column[i] for i in good] for column in key_columns]
    keys = list(zip(*key_columns, strict=True))
    if len(set(keys)) != len(keys):
        seen: dict[tuple[Any, ...], int] = {}
        for index, key in zip(good, keys, strict=True):
            if key in seen:
                batch.reject(
                    index,
                    spec.key[0],
                    "duplicate %(what)s (also on row %(row)s)",
                    what=Message(spec.what),
                    row=batch.row_numbers[seen[key]],
                )
            else:
                seen[key] = index
    value_columns = [values[c] for c in spec.values]
    if not every:
        value_columns = [[column[i] for i in good] for column in value_columns]
    news = list(zip(*value_columns, strict=True))
    counts = report.counts(table.name)
    present_values = [i for i, c in enumerate(spec.values) if c in present]
    offset = 3 + len(spec.key)
    inserting: list[int] = [] if existing else list(range(len(keys)))
    updates: list[tuple[Any, ...]] = []
    for position, (index, key) in enumerate(zip(good, keys, strict=True) if existing else ()):
        old = existing.get(key) if existing else None
        if old is None:
            inserting.append(position)
        elif index in batch.bad:
            continue
        elif any(old[offset + i] != news[position][i] for i in present_values):
            updates.append((*(news[position][i] for i in present_values), now, old[0]))
        else:
            counts.unchanged += 1
    inserting = [p for p in inserting if good[p] not in batch.bad]
    if strict and batch.bad:
        raise ImportRejected(batch.source, batch.problems)
    names = [db_first, db_second, *spec.key, *spec.values]
    if len(inserting) == len(keys):
        data = dict(zip(names, [*key_columns, *value_columns], strict=True))
    else:
        data = {
            name: [column[p] for p in inserting]
            for name, column in zip(names, [*key_columns, *value_columns], strict=True)
        }
    count = len(inserting)
    data["created_at"] = data["updated_at"] = [now] * count
    if table is TABLES["tie"]:
        data["source"] = [TieSource.IMPORT] * count
        data["provenance"] = [provenance] * count
    insert_columns(connection, table, data)
    update_rows(
        connection, table, [*(spec.values[i] for i in present_values), "updated_at"], updates
    )
    counts.created += count
    counts.updated += len(updates)
