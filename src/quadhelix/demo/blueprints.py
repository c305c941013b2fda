"""How the demo city's actors are described before they are drawn: archetypes and key actors.

An archetype is one kind of actor (buurtcomité, horecazaak, school) that is drawn ``count`` times
with generated names; a key actor is one named actor that the story of the demo needs (a broker,
the university, a city department).
"""

from __future__ import annotations

from dataclasses import dataclass

from quadhelix.registry.vocab import ActorKind, HelixSector


@dataclass(frozen=True)
class Archetype:
    """One kind of actor. Name and intro patterns use the slots filled in ``actors._slots``.

    A name pattern may bring its own intro after `` | `` when the shared intros would not fit it.
    """

    key: str
    helix: HelixSector
    kind: ActorKind
    count: int
    names: tuple[str, ...]
    intros: tuple[str, ...]
    themes: tuple[str, ...]
    kbo: float = 0.0  # share with an enterprise number (legal entities only)
    vcode: float = 0.0  # share with a Flemish association code (feitelijke verenigingen)
    web: float = 0.3
    founded: tuple[int, int] = (1975, 2020)
    ended: float = 0.0  # share that stopped during the five years
    activity: float = 1.0  # how readily it makes ties and joins coalitions
    hoods: tuple[str, ...] = ()  # neighbourhoods it prefers (industry sits in the canal zone)


@dataclass(frozen=True)
class KeyActor:
    """One named actor with a fixed place in the story; ``key`` is how the generator finds it."""

    key: str
    name: str
    helix: HelixSector
    kind: ActorKind
    themes: tuple[str, ...]
    description: str
    area: str | None = None  # neighbourhood; None for actors outside the city
    founded: int = 1990
    parent: str | None = None  # key of the parent actor
    activity: float = 1.0
    kbo: bool = True
    municipality: str | None = None  # when not in the city itself
