"""A coalition as designed before it is built: who leads it, who must be in it, what it is about.

``coalitions.py`` turns plans into coalitions with dates, a status and drawn members. Player keys
name city units by their name and key actors by their key.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from quadhelix.registry.vocab import CoalitionKind, CoalitionStatus, HelixSector

ALL_SECTORS: tuple[HelixSector, ...] = tuple(HelixSector)


@dataclass(frozen=True)
class Plan:
    """One designed coalition; dates and status left out are drawn (see ``coalitions.py``)."""

    kind: CoalitionKind
    name: str
    themes: tuple[str, ...]
    lead: str
    description: str
    goals: str | None = None
    areas: tuple[str, ...] = ()  # neighbourhoods or districts; empty means the whole city
    partners: tuple[str, ...] = ()  # player keys that join as partners
    draw: int = 4  # how many theme-matched members are drawn on top
    sectors: tuple[HelixSector, ...] = ALL_SECTORS  # where drawn members come from
    internal: bool = False  # only city units, silos included
    start: date | None = None
    end: date | None = None
    status: CoalitionStatus | None = None
    months: tuple[int, int] = (12, 36)  # duration range when the end is drawn
    children: tuple[Plan, ...] = ()
    links: tuple[tuple[str, str], ...] = ()
    participants: int = 0  # events: how many drawn participants


def _sectors(text: str) -> tuple[HelixSector, ...]:
    return tuple(HelixSector(word) for word in text.split()) if text else ALL_SECTORS


def project(
    name: str,
    themes: str,
    lead: str,
    description: str,
    areas: str = "",
    partners: tuple[str, ...] = (),
    draw: int = 4,
    internal: bool = False,
    status: CoalitionStatus | None = None,
    months: tuple[int, int] = (9, 30),
    start: date | None = None,
) -> Plan:
    return Plan(
        CoalitionKind.PROJECT,
        name,
        tuple(themes.split()),
        lead,
        description,
        areas=tuple(a for a in areas.split(", ") if a),
        partners=partners,
        draw=draw,
        sectors=_sectors("government") if internal else ALL_SECTORS,
        internal=internal,
        status=status,
        start=start,
        months=months,
    )


def coalition(
    kind: CoalitionKind,
    name: str,
    themes: str,
    lead: str,
    description: str,
    goals: str | None = None,
    areas: str = "",
    partners: tuple[str, ...] = (),
    draw: int = 4,
    sectors: str = "",
    start: date | None = None,
    end: date | None = None,
    months: tuple[int, int] = (24, 48),
    children: tuple[Plan, ...] = (),
    internal: bool = False,
) -> Plan:
    """Any coalition but a project; ``sectors`` is a space-separated list of helix values."""
    return Plan(
        kind,
        name,
        tuple(themes.split()),
        lead,
        description,
        goals=goals,
        areas=tuple(a for a in areas.split(", ") if a),
        partners=partners,
        draw=draw,
        sectors=_sectors("government") if internal else _sectors(sectors),
        internal=internal,
        start=start,
        end=end,
        months=months,
        children=children,
    )
