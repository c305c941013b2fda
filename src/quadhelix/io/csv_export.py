"""The canonical CSV export: four files that the spreadsheet import reads back unchanged.

Export, import into an empty registry and export again gives identical files. Text cells that a
spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or CR) get a
leading ``'``; the import takes it off again.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import Engine

from quadhelix.analytics.graphs import load_coalitions
from quadhelix.io.export_filters import CoalitionIds, export_filter
from quadhelix.io.export_records import kept_actors, select_actors
from quadhelix.io.safety import neutralise
from quadhelix.io.spreadsheet import CANONICAL
from quadhelix.registry.database import transaction
from quadhelix.registry.identifiers import format_kbo
from quadhelix.registry.instance import export_name, registry_key
from quadhelix.registry.model import Actor, Coalition
from quadhelix.registry.queries import (
    list_coalitions,
    list_ties,
)


def _text(value: str | None) -> str:
    """Text for a cell, neutralised against spreadsheet formulas (the import undoes it)."""
    return "" if value is None else neutralise(value)


def _day(value: date | None) -> str:
    return "" if value is None else value.isoformat()


@dataclass
class CsvExport:
    """Where the files went and how many records each holds."""

    directory: Path
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def files(self) -> list[Path]:
        return [self.directory / f"{kind}.csv" for kind in CANONICAL]


def _key(record: Actor | Coalition, registry: str) -> str:
    """The record's external id, or ``qh-<registry key>-<id>`` (``registry/instance.py``)."""
    return record.external_id or export_name(registry, record.id)


def export_csv(
    engine: Engine,
    directory: Path,
    *,
    theme: Sequence[str] = (),
    area: Sequence[str] = (),
    as_of: str | None = None,
    start: str | None = None,
    end: str | None = None,
    excel: bool = False,
) -> CsvExport:
    """Write ``actors.csv``, ``coalitions.csv``, ``members.csv`` and ``ties.csv``.

    The selection options mean what they mean for ``analyze`` and the other exports: ``as_of`` a
    day, ``start``/``end`` records that run at some time in that period, themes and areas with
    their sub-themes and sub-areas. Memberships and ties are written when both their ends are.
    ``excel`` writes semicolons and a UTF-8 BOM, which Belgian Excel opens without a wizard.
    """
    filters = export_filter(as_of=as_of, start=start, end=end, themes=theme, areas=area)
    directory.mkdir(parents=True, exist_ok=True)
    result = CsvExport(directory)
    with transaction(engine) as session:
        # The same actors and coalitions as the other exports and the analytics keep.
        actors = kept_actors(session, select_actors(session, filters).actor_ids)
        coalition_ids = [record.id for record in load_coalitions(session, filters.graph)]
        coalitions = list_coalitions(session, CoalitionIds(ids=coalition_ids), limit=None).items
        registry = registry_key(session)
        actor_keys = {a.id: _key(a, registry) for a in actors}
        coalition_keys = {c.id: _key(c, registry) for c in coalitions}
        rows: dict[str, list[list[str]]] = {kind: [] for kind in CANONICAL}
        for a in actors:
            parent = actor_keys.get(a.parent_id) if a.parent_id is not None else None
            rows["actors"].append(
                [
                    _text(actor_keys[a.id]),
                    _text(a.name),
                    a.helix.value,
                    a.kind.value,
                    _text(parent),
                    format_kbo(a.kbo) if a.kbo else "",
                    _text(a.website),
                    _text(a.postal_code),
                    _text(a.area.code if a.area else None),
                    _text("|".join(sorted(t.code for t in a.themes))),
                    _text(a.description),
                    _day(a.start_date),
                    _day(a.end_date),
                    _text(a.provenance),
                ]
            )
        for c in coalitions:
            parent = coalition_keys.get(c.parent_id) if c.parent_id is not None else None
            rows["coalitions"].append(
                [
                    _text(coalition_keys[c.id]),
                    _text(c.name),
                    c.kind.value,
                    c.status.value,
                    _text(c.description),
                    _text("|".join(sorted(t.code for t in c.themes))),
                    _text("|".join(sorted(a.code for a in c.areas))),
                    _day(c.start_date),
                    _day(c.end_date),
                    _text(parent),
                ]
            )
        for m in filters.memberships(session, list(actor_keys), list(coalition_keys)):
            rows["members"].append(
                [
                    _text(coalition_keys[m.coalition_id]),
                    _text(actor_keys[m.actor_id]),
                    m.role.value,
                    _day(m.start_date),
                    _day(m.end_date),
                    _text(m.contribution),
                ]
            )
        for t in list_ties(session, filters.ties(), limit=None).items:
            if t.source_actor_id not in actor_keys or t.target_actor_id not in actor_keys:
                continue
            rows["ties"].append(
                [
                    _text(actor_keys[t.source_actor_id]),
                    _text(actor_keys[t.target_actor_id]),
                    t.type.value,
                    "true" if t.directed else "false",
                    repr(float(t.weight)),
                    _day(t.start_date),
                    _day(t.end_date),
                ]
            )
    for kind, header in CANONICAL.items():
        body = sorted(rows[kind])
        with (directory / f"{kind}.csv").open(
            "w", newline="", encoding="utf-8-sig" if excel else "utf-8"
        ) as out:
            writer = csv.writer(out, delimiter=";" if excel else ",", lineterminator="\n")
            writer.writerow(header)
            writer.writerows(body)
        result.counts[kind] = len(body)
    return result
