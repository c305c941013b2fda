"""The builder's snapshot straight from the CORDIS H2020 files, without a database.

Uses the CORDIS importer's own parsers and mapping rules (``quadhelix.io.cordis``), so the
result has the shape ``load_match_data`` gives after ``quadhelix import cordis``: organisations
are actors (key = PIC, helix from the activity type, area = lower-case country), projects are
coalitions (key = rcn, themes = programme parts, areas = the partners' countries) and every row a
membership with the project's dates. Reading the files takes a few seconds where importing them
into a registry takes minutes, which is what the benchmark needs.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from quadhelix.io.cordis import (
    COUNTRIES,
    PROGRAMME_PARTS,
    read_participations,
    read_programme_parts,
)
from quadhelix.io.report import ImportRejected
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
    days,
)
from quadhelix.registry.vocab import ActorKind, CoalitionKind, CoalitionStatus


def cordis_match_data(
    participations: Path,
    programme_parts: Path | None = None,
    *,
    before: date | None = None,
) -> MatchData:
    """The participations table as a ``MatchData``; ``before`` keeps only projects starting
    before that day (the training data of an evaluation: nothing of later projects is read)."""
    batch = read_participations(participations)
    if batch.bad:
        raise ImportRejected(batch.source, batch.problems)
    parts = read_programme_parts(programme_parts) if programme_parts else {}
    return match_data_from_rows(batch.values, parts, before=before)


def match_data_from_rows(
    values: dict[str, list[Any]], parts: dict[str, list[str]], *, before: date | None = None
) -> MatchData:
    """The same from already parsed columns (``read_participations(...).values``)."""
    rows = [
        i
        for i, start in enumerate(values["start_date"])
        if before is None or (start is not None and start < before)
    ]
    first_of: dict[str, int] = {}
    project_of: dict[str, int] = {}
    countries: dict[str, set[str]] = {}
    for i in rows:
        pic, rcn, country = values["pic"][i], values["rcn"][i], values["country"][i]
        first_of.setdefault(pic, i)
        project_of.setdefault(rcn, i)
        if country:
            countries.setdefault(rcn, set()).add(country.lower())
    pics = list(first_of)
    actor_rows = list(first_of.values())
    actors = Actors(
        id=np.arange(len(pics), dtype=np.int64),
        key=pics,
        name=[f"PIC {pic}" for pic in pics],
        helix=[values["type"][i] for i in actor_rows],
        kind=[ActorKind.ORGANISATION.value] * len(pics),
        parent=np.full(len(pics), -1, dtype=np.int64),
        area=[(values["country"][i] or "").lower() or None for i in actor_rows],
        themes=[()] * len(pics),
        description=[""] * len(pics),
        start=np.full(len(pics), NO_START, dtype=np.int64),
    )
    rcns = list(project_of)
    project_rows = list(project_of.values())
    ends = [values["end_date"][i] for i in project_rows]
    today = date.today()
    coalitions = Coalitions(
        id=np.arange(len(rcns), dtype=np.int64),
        key=rcns,
        name=[f"H2020 project {rcn}" for rcn in rcns],
        kind=[CoalitionKind.PROJECT.value] * len(rcns),
        status=[
            CoalitionStatus.CLOSED.value
            if end is not None and end < today
            else CoalitionStatus.ACTIVE.value
            for end in ends
        ],
        text=[""] * len(rcns),
        themes=[tuple(sorted(set(parts.get(rcn, ())))) for rcn in rcns],
        areas=[tuple(sorted(countries.get(rcn, ()))) for rcn in rcns],
        start=days([values["start_date"][i] for i in project_rows], NO_START),
        end=days(ends, NO_END),
    )
    actor_row = {pic: i for i, pic in enumerate(pics)}
    coalition_row = {rcn: i for i, rcn in enumerate(rcns)}
    memberships = Memberships(
        actor=np.array([actor_row[values["pic"][i]] for i in rows], dtype=np.int64),
        coalition=np.array([coalition_row[values["rcn"][i]] for i in rows], dtype=np.int64),
        role=[values["role"][i].value for i in rows],
        start=days([values["start_date"][i] for i in rows], NO_START),
        end=days([values["end_date"][i] for i in rows], NO_END),
    )
    empty = np.zeros(0, dtype=np.int64)
    ties = Ties(empty, empty, np.zeros(0), empty, empty)
    themes = {"h2020": ThemeInfo("h2020", "Horizon 2020", "Horizon 2020")}
    for code in sorted({c for cs in parts.values() for c in cs}):
        en, nl = PROGRAMME_PARTS.get(code, (code, code))
        themes[code] = ThemeInfo(code, nl, en, "h2020")
    codes = sorted({c for cs in countries.values() for c in cs})
    areas = {c: AreaInfo(c, COUNTRIES.get(c.upper(), c.upper())) for c in codes}
    return MatchData(actors, coalitions, memberships, ties, themes, areas)
