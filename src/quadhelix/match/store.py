"""Load the builder's snapshot (``MatchData``) from the registry, in a handful of queries."""

from __future__ import annotations

from collections import defaultdict

import numpy as np
from sqlalchemy import Table, select
from sqlalchemy.orm import Session

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
from quadhelix.registry.model import (
    Actor,
    Area,
    Coalition,
    Membership,
    Theme,
    Tie,
    actor_theme,
    coalition_area,
    coalition_theme,
)


def _grouped(
    session: Session, table: Table, owner: str, item: str, code_of: dict[int, str]
) -> dict[int, tuple[str, ...]]:
    """Codes of the themes or areas of each actor or coalition, from a link table."""
    groups: dict[int, list[str]] = defaultdict(list)
    for owner_id, item_id in session.execute(select(table.c[owner], table.c[item])):
        groups[owner_id].append(code_of[item_id])
    return {key: tuple(sorted(values)) for key, values in groups.items()}


def load_match_data(session: Session) -> MatchData:
    """Everything the coalition builder needs, read once; the builder then works without SQL."""
    theme_rows = session.execute(
        select(Theme.id, Theme.code, Theme.name_nl, Theme.name_en, Theme.parent_id)
    ).all()
    theme_code = {row.id: row.code for row in theme_rows}
    themes = {
        row.code: ThemeInfo(row.code, row.name_nl, row.name_en, theme_code.get(row.parent_id or -1))
        for row in theme_rows
    }
    area_rows = session.execute(select(Area.id, Area.code, Area.name, Area.parent_id)).all()
    area_code = {row.id: row.code for row in area_rows}
    areas = {
        row.code: AreaInfo(row.code, row.name, area_code.get(row.parent_id or -1))
        for row in area_rows
    }

    actor_rows = session.execute(
        select(
            Actor.id,
            Actor.external_id,
            Actor.name,
            Actor.helix,
            Actor.kind,
            Actor.parent_id,
            Actor.area_id,
            Actor.description,
            Actor.start_date,
        ).order_by(Actor.id)
    ).all()
    actor_themes = _grouped(session, actor_theme, "actor_id", "theme_id", theme_code)
    row_of = {row.id: i for i, row in enumerate(actor_rows)}
    actors = Actors(
        id=np.array([row.id for row in actor_rows], dtype=np.int64),
        key=[row.external_id or f"#{row.id}" for row in actor_rows],
        name=[row.name for row in actor_rows],
        helix=[row.helix for row in actor_rows],
        kind=[row.kind.value for row in actor_rows],
        parent=np.array(
            [row_of.get(row.parent_id, -1) if row.parent_id else -1 for row in actor_rows],
            dtype=np.int64,
        ),
        area=[area_code.get(row.area_id) if row.area_id else None for row in actor_rows],
        themes=[actor_themes.get(row.id, ()) for row in actor_rows],
        description=[row.description or "" for row in actor_rows],
        start=days([row.start_date for row in actor_rows], NO_START),
    )

    coalition_rows = session.execute(
        select(
            Coalition.id,
            Coalition.external_id,
            Coalition.name,
            Coalition.kind,
            Coalition.status,
            Coalition.description,
            Coalition.goals,
            Coalition.start_date,
            Coalition.end_date,
        ).order_by(Coalition.id)
    ).all()
    c_themes = _grouped(session, coalition_theme, "coalition_id", "theme_id", theme_code)
    c_areas = _grouped(session, coalition_area, "coalition_id", "area_id", area_code)
    c_row = {row.id: i for i, row in enumerate(coalition_rows)}
    coalitions = Coalitions(
        id=np.array([row.id for row in coalition_rows], dtype=np.int64),
        key=[row.external_id or f"#{row.id}" for row in coalition_rows],
        name=[row.name for row in coalition_rows],
        kind=[row.kind.value for row in coalition_rows],
        status=[row.status.value for row in coalition_rows],
        text=[
            " ".join(part for part in (row.description, row.goals) if part)
            for row in coalition_rows
        ],
        themes=[c_themes.get(row.id, ()) for row in coalition_rows],
        areas=[c_areas.get(row.id, ()) for row in coalition_rows],
        start=days([row.start_date for row in coalition_rows], NO_START),
        end=days([row.end_date for row in coalition_rows], NO_END),
    )

    member_rows = session.execute(
        select(
            Membership.actor_id,
            Membership.coalition_id,
            Membership.role,
            Membership.start_date,
            Membership.end_date,
        ).order_by(Membership.id)
    ).all()
    memberships = Memberships(
        actor=np.array([row_of[row.actor_id] for row in member_rows], dtype=np.int64),
        coalition=np.array([c_row[row.coalition_id] for row in member_rows], dtype=np.int64),
        role=[row.role.value for row in member_rows],
        start=days([row.start_date for row in member_rows], NO_START),
        end=days([row.end_date for row in member_rows], NO_END),
    )

    tie_rows = session.execute(
        select(
            Tie.source_actor_id,
            Tie.target_actor_id,
            Tie.weight,
            Tie.start_date,
            Tie.end_date,
        ).order_by(Tie.id)
    ).all()
    ties = Ties(
        source=np.array([row_of[row.source_actor_id] for row in tie_rows], dtype=np.int64),
        target=np.array([row_of[row.target_actor_id] for row in tie_rows], dtype=np.int64),
        weight=np.array([row.weight for row in tie_rows], dtype=np.float64),
        start=days([row.start_date for row in tie_rows], NO_START),
        end=days([row.end_date for row in tie_rows], NO_END),
    )
    return MatchData(actors, coalitions, memberships, ties, themes, areas)
