"""The generator's view of the actors: each ORM record with what drives its coalitions and ties."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from quadhelix.registry.default_themes import DEFAULT_THEMES
from quadhelix.registry.model import Actor
from quadhelix.registry.vocab import ActorKind, HelixSector

_PARENT_THEME = {code: parent for code, _nl, _en, parent in DEFAULT_THEMES}


def with_parents(codes: tuple[str, ...] | list[str]) -> frozenset[str]:
    """Theme codes plus their parents, so that 'heat' also matches a coalition on 'climate'."""
    expanded = set(codes)
    for code in codes:
        parent = _PARENT_THEME.get(code)
        if parent is not None:
            expanded.add(parent)
    return frozenset(expanded)


@dataclass(eq=False)
class Player:
    """One actor in the demo: ``key`` is a stable handle (a key actor's key or a unit's name)."""

    actor: Actor
    key: str
    archetype: str
    helix: HelixSector
    focus: frozenset[str]  # its own theme codes
    hood: str | None
    activity: float
    start: date | None
    end: date | None
    parent: str | None = None  # key of the parent actor (org tree, university groups)
    department: str | None = None  # city units: the departement they belong to
    silo: str | None = None  # city units inside a designed silo: that dienst's name
    city: bool = False  # part of the city administration itself
    index: int = field(default=-1)
    themes: frozenset[str] = field(init=False)  # its theme codes and their parents

    def __post_init__(self) -> None:
        self.themes = with_parents(tuple(self.focus))

    @property
    def network(self) -> bool:
        return self.actor.kind is ActorKind.NETWORK

    def shares_theme(self, other: Player) -> bool:
        """A shared theme, or one's theme under the other's (heat under climate); not siblings."""
        return bool(self.focus & other.themes or other.focus & self.themes)

    def works_on(self, codes: tuple[str, ...]) -> int:
        """How many of these theme codes the actor works on, itself or through a sub-theme."""
        return len(self.themes.intersection(codes))

    def active_between(self, start: date, end: date) -> bool:
        """Whether the actor existed at some point in [start, end]."""
        return (self.start is None or self.start <= end) and (self.end is None or self.end >= start)


class Cast:
    """All players in build order, findable by key and by sector."""

    def __init__(self) -> None:
        self.players: list[Player] = []
        self._by_key: dict[str, Player] = {}
        self._by_theme: dict[str, list[Player]] = {}

    def add(self, player: Player) -> Player:
        if player.key in self._by_key:
            raise ValueError(f"duplicate demo key {player.key!r}")
        player.index = len(self.players)
        self.players.append(player)
        self._by_key[player.key] = player
        for code in player.themes:
            self._by_theme.setdefault(code, []).append(player)
        return player

    def __getitem__(self, key: str) -> Player:
        return self._by_key[key]

    def working_on(self, codes: tuple[str, ...]) -> list[Player]:
        """Players working on any of these themes, or on a sub-theme of one, in build order."""
        found = {p.index: p for code in codes for p in self._by_theme.get(code, ())}
        return [found[index] for index in sorted(found)]

    def sector(self, helix: HelixSector) -> list[Player]:
        return [p for p in self.players if p.helix is helix]
