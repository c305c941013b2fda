"""Upserting actors and coalitions by their external id, in bulk, in the caller's transaction.

An import is idempotent: a record whose values did not change is not written (not even its
``updated_at``). Columns a source does not provide are left as they are.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Table, select

from quadhelix.io.bulk import (
    TABLES,
    delete_rows,
    fetch_in,
    insert_columns,
    insert_rows,
    reserve_ids,
    update_rows,
)
from quadhelix.io.report import ImportReport
from quadhelix.io.validate import Batch, shown
from quadhelix.io.vocabulary import NewArea, NewTheme, Vocabulary
from quadhelix.registry.instance import export_name, exported_id, stored_registry_key
from quadhelix.registry.messages import Message
from quadhelix.registry.model import actor_theme, coalition_area, coalition_theme
from quadhelix.registry.names import fold, slug


@dataclass(frozen=True)
class EntitySpec:
    """What differs between actors and coalitions for an upsert."""

    table: Table
    what: str
    scalars: tuple[str, ...]
    unique: tuple[str, ...] = ()
    area: bool = False
    links: dict[str, tuple[Table, str]] = field(default_factory=dict)
    aliases: Table | None = None  # identifiers of merged records: (external_id, kbo) -> owner


ACTORS = EntitySpec(
    TABLES["actor"],
    "actor",
    (
        "name",
        "helix",
        "kind",
        "kbo",
        "association_code",
        "website",
        "street",
        "postal_code",
        "municipality",
        "description",
        "start_date",
        "end_date",
        "provenance",
    ),
    unique=("kbo", "association_code"),
    area=True,
    links={"themes": (actor_theme, "actor_id")},
    aliases=TABLES["actor_alias"],
)
# Identifiers a row naming a merged actor does not write: they would replace the survivor's own.
ALIAS_KEEPS = ("kbo", "association_code")
COALITIONS = EntitySpec(
    TABLES["coalition"],
    "coalition",
    ("name", "kind", "status", "description", "start_date", "end_date"),
    links={"themes": (coalition_theme, "coalition_id"), "areas": (coalition_area, "coalition_id")},
)


@dataclass
class Upsert:
    """The plan for one batch: what exists, what is new, and the ids once written."""

    spec: EntitySpec
    batch: Batch
    present: frozenset[str]
    existing: dict[str, dict[str, Any]] = field(default_factory=dict)
    ids: dict[str, int] = field(default_factory=dict)
    parents: dict[str, int] = field(default_factory=dict)  # registry records named as parents
    exported: set[str] = field(default_factory=set)  # ids written as the export's qh-12


def name_key(name: str) -> str:
    """``registry.names.fold``, with a short cut for plain ASCII names (most of a CORDIS import)."""
    if name.isascii():
        return " ".join(name.lower().split())
    return fold(name)


def _link_column(spec: EntitySpec, name: str) -> str:
    return "theme_id" if name == "themes" else "area_id"


def resolve(
    connection: Connection,
    spec: EntitySpec,
    batch: Batch,
    present: Sequence[str],
    vocabulary: Vocabulary,
    *,
    create_areas: bool = True,
    create_themes: bool = False,
) -> Upsert:
    """Check everything that needs the database; problems are recorded on the batch rows."""
    table = spec.table
    plan = Upsert(spec, batch, frozenset(present))
    values = batch.values
    ids: list[str | None] = values["external_id"]
    columns = ["id", "external_id", *spec.scalars, "parent_id"] + (["area_id"] if spec.area else [])
    for row in fetch_in(connection, table, "external_id", ids, columns):
        plan.existing[row[1]] = dict(zip(columns, row, strict=True))
    _resolve_aliases(connection, plan, columns)
    _resolve_export_keys(connection, plan, columns)
    for name, (link, owner) in spec.links.items():
        target = _link_column(spec, name)
        by_id = {record["id"]: record for record in plan.existing.values()}
        for record in by_id.values():
            record[name] = set()
        for owner_id, target_id in fetch_in(connection, link, owner, list(by_id), [owner, target]):
            by_id[owner_id][name].add(target_id)
    for column in spec.unique:
        if column not in plan.present:
            continue
        taken = {
            row[0]: row[1:]
            for row in fetch_in(
                connection, table, column, values[column], [column, "id", "external_id", "name"]
            )
        }
        merged = _alias_owners(connection, spec, column, values[column])
        for index, value in enumerate(values[column]):
            other = taken.get(value)
            mine = plan.existing.get(ids[index] or "", {}).get("id")
            if other is not None and other[1] != ids[index] and other[0] != mine:
                batch.reject(
                    index,
                    column,
                    "%(value)s is already used by %(what)s #%(id)s %(name)s",
                    value=shown(value),
                    what=Message(spec.what),
                    id=other[0],
                    name=shown(other[2]),
                )
            elif value in merged and merged[value] != mine:
                batch.reject(
                    index,
                    column,
                    "%(value)s belonged to a %(what)s merged into #%(id)s",
                    value=shown(value),
                    what=Message(spec.what),
                    id=merged[value],
                )
    _resolve_parents(connection, plan)
    _resolve_vocabulary(plan, vocabulary, create_areas, create_themes)
    return plan


def _resolve_aliases(connection: Connection, plan: Upsert, columns: list[str]) -> None:
    """Rows whose id belonged to a merged record stand for the record it was merged into."""
    aliases, table = plan.spec.aliases, plan.spec.table
    if aliases is None:
        return
    missing = [ext for ext in plan.batch.values["external_id"] if ext not in plan.existing]
    found = fetch_in(connection, aliases, "external_id", missing, ["external_id", "actor_id"])
    if not found:
        return
    by_id = {record["id"]: record for record in plan.existing.values()}
    wanted = [owner for _ext, owner in found if owner not in by_id]
    for row in fetch_in(connection, table, "id", wanted, columns):
        by_id[row[0]] = dict(zip(columns, row, strict=True))
    for ext, owner in found:
        plan.existing[ext] = by_id[owner]


def _export_keys(
    connection: Connection, table: Table, refs: Iterable[str | None]
) -> dict[str, int]:
    """``qh-<key>-12`` for record #12 of this registry, when #12 has no external id: what the
    CSV export calls it. Names made by another registry (another key) stay external ids."""
    key = stored_registry_key(connection)
    numbers = {ref: db_id for ref in refs if ref and (db_id := exported_id(ref, key)) is not None}
    if not numbers:
        return {}
    rows = fetch_in(connection, table, "id", sorted(set(numbers.values())), ["id", "external_id"])
    keyless = {db_id for db_id, external_id in rows if external_id is None}
    return {ref: db_id for ref, db_id in numbers.items() if db_id in keyless}


def _resolve_export_keys(connection: Connection, plan: Upsert, columns: list[str]) -> None:
    """Rows with the export's ``qh-<key>-12`` update record #12 of this registry: an exported file
    comes back without copies. The record keeps having no external id."""
    values, table = plan.batch.values, plan.spec.table
    missing = [ext for ext in values["external_id"] if ext not in plan.existing]
    found = _export_keys(connection, table, missing)
    if not found:
        return
    rows = fetch_in(connection, table, "id", sorted(set(found.values())), columns)
    by_id = {row[0]: dict(zip(columns, row, strict=True)) for row in rows}
    for ext, db_id in found.items():
        plan.existing[ext] = by_id[db_id]
        plan.exported.add(ext)


def _alias_owners(
    connection: Connection, spec: EntitySpec, column: str, values: Sequence[Any]
) -> dict[Any, int]:
    """Values of an identifier column that merged records had -> the record they live on in."""
    if spec.aliases is None or column not in spec.aliases.c:
        return {}
    return dict(fetch_in(connection, spec.aliases, column, values, [column, "actor_id"]))


def _resolve_parents(connection: Connection, plan: Upsert) -> None:
    if "parent" not in plan.present:
        return
    batch, table = plan.batch, plan.spec.table
    refs = batch.values["parent"]
    in_file = {ext: i for i, ext in enumerate(batch.values["external_id"]) if i not in batch.bad}
    plan.parents = dict(fetch_in(connection, table, "external_id", refs, ["external_id", "id"]))
    plan.parents.update(_export_keys(connection, table, [r for r in refs if r not in plan.parents]))
    unresolved = [ref for ref in refs if ref is not None and ref not in plan.parents]
    if plan.spec.aliases is not None and unresolved:
        # A parent named by the id of a merged record is the record it was merged into.
        columns = ["external_id", "actor_id"]
        found = fetch_in(connection, plan.spec.aliases, "external_id", unresolved, columns)
        plan.parents.update(dict(found))
    known = set(plan.parents)
    for index, ref in enumerate(refs):
        if ref is None or ref in in_file:
            continue
        if ref not in known:
            batch.reject(
                index,
                "parent",
                "no %(what)s with id %(ref)s in the file or registry",
                what=Message(plan.spec.what),
                ref=shown(ref),
            )
    # A loop would make an org tree without a root. Chains may run through the registry: the
    # file's parents win, the registry's parents (by external id) fill in the rest.
    parent_of = _registry_parents(connection, table) if len(known) else {}
    parent_of.update({ext: refs[i] for ext, i in in_file.items()})
    for ext, index in in_file.items():
        seen = {ext}
        current = parent_of.get(ext)
        while current is not None:
            if current in seen:
                batch.reject(index, "parent", "the parents form a loop")
                break
            seen.add(current)
            current = parent_of.get(current)


def _registry_parents(connection: Connection, table: Table) -> dict[str, str | None]:
    """Record -> its parent, for the records that have one, each named as a file names it: by
    external id, or as the export's ``qh-<key>-<id>`` when it has none (so that a loop through
    records without an external id is seen too)."""
    key = stored_registry_key(connection)
    parent = table.alias("parent")
    query = select(table.c.id, table.c.external_id, parent.c.id, parent.c.external_id).join(
        parent, table.c.parent_id == parent.c.id
    )

    def name(db_id: int, external_id: str | None) -> str | None:
        if external_id is not None:
            return external_id
        return None if key is None else export_name(key, db_id)

    found = {}
    for child_id, child, up_id, up in connection.execute(query):
        child_name = name(child_id, child)
        if child_name is not None:
            found[child_name] = name(up_id, up)
    return found


def _resolve_vocabulary(
    plan: Upsert, vocabulary: Vocabulary, create_areas: bool, create_themes: bool
) -> None:
    """Themes and areas by code; unknown ones the import may create are only planned on ``plan``.

    They are only proposed here: ``plan_vocabulary`` plans them once the refused rows are known,
    for the rows that are imported, so that a refused row creates no theme or area.
    """
    batch = plan.batch
    if "themes" in plan.present:
        resolved: list[tuple[str, ...]] = []
        themes: dict[str, str | None] = {}
        for index, refs in enumerate(batch.values["themes"]):
            codes = []
            for ref in refs or ():
                if ref not in themes:
                    themes[ref] = vocabulary.theme_code(ref)
                    if themes[ref] is None and (create_themes or ref in vocabulary.proposed_themes):
                        vocabulary.proposed_themes.setdefault(ref, NewTheme(ref, ref, ref))
                        themes[ref] = ref
                code = themes[ref]
                if code is None:
                    batch.reject(
                        index,
                        "themes",
                        "unknown theme %(theme)s; see `quadhelix themes list`",
                        theme=shown(ref),
                    )
                else:
                    codes.append(code)
            resolved.append(tuple(dict.fromkeys(codes)))
        batch.values["themes"] = resolved
    for name in ("area", "areas"):
        if name not in plan.present:
            continue
        single = name == "area"
        out: list[Any] = []
        known: dict[str, str | None] = {}
        for index, refs in enumerate(batch.values[name]):
            listed = ([refs] if refs else []) if single else list(refs or ())
            codes = []
            for ref in listed:
                if ref not in known:
                    known[ref] = _area_code(vocabulary, ref, create_areas)
                code = known[ref]
                if code is None:
                    batch.reject(index, name, "unknown area %(area)s", area=shown(ref))
                else:
                    codes.append(code)
            out.append((codes[0] if codes else None) if single else tuple(dict.fromkeys(codes)))
        batch.values[name] = out


def _area_code(vocabulary: Vocabulary, ref: str, create: bool) -> str | None:
    """A known area's code, or the code of a new one the plan would create (a neighbourhood)."""
    code = vocabulary.area_code(ref, create=False)
    if code is not None or not create:
        return code
    code = slug(ref.strip())
    if not code:
        return None
    vocabulary.proposed_areas.setdefault(code, NewArea(code, ref.strip()))
    return code


def plan_vocabulary(plan: Upsert, vocabulary: Vocabulary) -> None:
    """Plan the new themes and areas that the rows being imported use, and only those."""
    values, good = plan.batch.values, plan.batch.good()
    proposed_themes, proposed_areas = vocabulary.proposed_themes, vocabulary.proposed_areas
    if "themes" in plan.present and proposed_themes:
        used = {code for i in good for code in values["themes"][i]}
        for code in sorted(used & proposed_themes.keys()):
            vocabulary.plan_theme(proposed_themes[code])
    for name in ("area", "areas"):
        if name not in plan.present or not proposed_areas:
            continue
        cells = (values[name][i] for i in good)
        used = {c for cell in cells for c in ((cell,) if name == "area" else cell) if c}
        for code in sorted(used & proposed_areas.keys()):
            vocabulary.plan_area(proposed_areas[code])
    proposed_themes.clear()
    proposed_areas.clear()


def write(
    connection: Connection,
    plan: Upsert,
    vocabulary: Vocabulary,
    report: ImportReport,
    now: datetime,
) -> None:
    """Insert the new records, update the changed ones; the caller's transaction commits."""
    spec, batch, present = plan.spec, plan.batch, plan.present
    table = spec.table
    values = batch.values
    good = batch.good()
    counts = report.counts(spec.table.name)
    scalars = [c for c in spec.scalars if c in present]
    # New records get every column the batch has (defaults included); updates only those given.
    insert_scalars = [c for c in spec.scalars if c in values]
    new = [i for i in good if values["external_id"][i] not in plan.existing]
    new_ids = reserve_ids(connection, table, len(new))
    plan.ids = {ext: record["id"] for ext, record in plan.existing.items()}
    plan.ids.update(
        {values["external_id"][i]: db_id for i, db_id in zip(new, new_ids, strict=True)}
    )
    area_ids = vocabulary.area_ids
    theme_ids = vocabulary.theme_ids
    parent_ids = {**plan.parents, **plan.ids}  # the file's own records first

    def wanted(index: int, columns: Sequence[str] = scalars) -> dict[str, Any]:
        row = {c: values[c][index] for c in columns}
        if "parent" in present:
            ref = values["parent"][index]
            row["parent_id"] = None if ref is None else parent_ids[ref]
        if spec.area and "area" in present:
            code = values["area"][index]
            row["area_id"] = None if code is None else area_ids[code]
        for name in spec.links:
            if name in present:
                ids = theme_ids if name == "themes" else area_ids
                row[name] = {ids[code] for code in values[name][index]}
        return row

    count = len(new)
    data: dict[str, Sequence[Any]] = {
        "id": new_ids,
        "external_id": [values["external_id"][i] for i in new],
    }
    data.update({c: [values[c][i] for i in new] for c in insert_scalars})
    data["name_key"] = [name_key(n) for n in data["name"]]
    data["created_at"] = data["updated_at"] = [now] * count
    if spec.area and "area" in present:
        data["area_id"] = [
            None if code is None else area_ids[code] for code in (values["area"][i] for i in new)
        ]
    insert_columns(connection, table, data)
    links: dict[str, list[tuple[int, int]]] = {name: [] for name in spec.links}
    parents: list[tuple[Any, ...]] = []
    for index, db_id in zip(new, new_ids, strict=True):
        if "parent" in present and values["parent"][index] is not None:
            parents.append((parent_ids[values["parent"][index]], now, db_id))
        for name in spec.links:
            if name in present:
                ids = theme_ids if name == "themes" else area_ids
                links[name].extend((db_id, ids[code]) for code in values[name][index])
    update_rows(connection, table, ["parent_id", "updated_at"], parents)
    counts.created += count

    changed: list[tuple[int, dict[str, Any]]] = []
    writer = _writers(plan, good)
    for index in good:
        ext = values["external_id"][index]
        record = plan.existing.get(ext)
        if record is None:
            continue
        if writer[record["id"]] != index:
            counts.unchanged += 1  # another row of the file writes this record
            continue
        row = wanted(index)
        if record["external_id"] != ext and ext not in plan.exported:
            for column in ALIAS_KEEPS:  # a merged record's id: keep the survivor's numbers
                row.pop(column, None)
        if any(record.get(k) != v for k, v in row.items()):
            changed.append((record["id"], row))
        else:
            counts.unchanged += 1
    _write_changes(connection, spec, changed, now, links)
    counts.updated += len(changed)
    for name, (link, owner) in spec.links.items():
        insert_rows(connection, link, [owner, _link_column(spec, name)], links[name])


def _writers(plan: Upsert, good: list[int]) -> dict[int, int]:
    """Which row of the file updates each existing record.

    A merged record's id names the record it was merged into: when the file also has that
    record's own id, that row wins; otherwise the first row with an alias does.
    """
    ids = plan.batch.values["external_id"]
    writer: dict[int, int] = {}
    for index in good:
        record = plan.existing.get(ids[index])
        if record is None:
            continue
        if record["id"] not in writer or record["external_id"] == ids[index]:
            writer[record["id"]] = index
    return writer


def _write_changes(
    connection: Connection,
    spec: EntitySpec,
    changed: list[tuple[int, dict[str, Any]]],
    now: datetime,
    links: dict[str, list[tuple[int, int]]],
) -> None:
    by_shape: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
    for db_id, row in changed:
        shape = tuple(k for k in row if k not in spec.links)
        extra = ("name_key",) if "name" in row else ()
        columns = (*shape, *extra, "updated_at")
        values = [row[k] for k in shape] + ([name_key(row["name"])] if extra else [])
        by_shape.setdefault(columns, []).append((*values, now, db_id))
    for columns, rows in by_shape.items():
        update_rows(connection, spec.table, list(columns), rows)
    for name, (link, owner) in spec.links.items():
        replaced = [db_id for db_id, row in changed if name in row]
        delete_rows(connection, link, owner, replaced)
        for db_id, row in changed:
            if name in row:
                links[name].extend((db_id, target) for target in row[name])
