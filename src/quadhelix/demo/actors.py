"""Draw Leiemonde's actors: the city's org tree, the named key actors and ~560 generated ones."""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy.orm import Session

from quadhelix.demo.blueprints import Archetype, KeyActor
from quadhelix.demo.business import BUSINESS_ARCHETYPES, BUSINESS_KEYS
from quadhelix.demo.cast import Cast, Player
from quadhelix.demo.citizens import CITIZEN_ARCHETYPES, CITIZEN_KEYS
from quadhelix.demo.civil import CIVIL_ARCHETYPES, CIVIL_KEYS
from quadhelix.demo.government import PARTNER_GOVERNMENTS
from quadhelix.demo.knowledge import KNOWLEDGE_ARCHETYPES, KNOWLEDGE_KEYS
from quadhelix.demo.names import (
    BUILDERS,
    COMMUNITY_WORDS,
    EMBLEMS,
    FIRST_NAMES,
    HOSPITALITY,
    SAINTS,
    SPORTS,
    SURNAMES,
    TECH_STEMS,
    TECH_WORDS,
    TRADES,
)
from quadhelix.demo.org import PARTICIPATION, ROOT, SILOS, Unit, walk
from quadhelix.demo.phrases import theme_sentence
from quadhelix.demo.places import (
    CITY_NAME,
    DISTRICTS,
    NEIGHBOURHOODS,
    Neighbourhood,
    postal_code,
    where,
)
from quadhelix.demo.storage import add_in_order
from quadhelix.demo.timeline import WINDOW_END, WINDOW_START, day_between, stamps
from quadhelix.registry.model import Actor, Area, Theme
from quadhelix.registry.names import fold, slug
from quadhelix.registry.vocab import ActorKind, HelixSector

ARCHETYPES: tuple[Archetype, ...] = (
    CIVIL_ARCHETYPES + BUSINESS_ARCHETYPES + KNOWLEDGE_ARCHETYPES + CITIZEN_ARCHETYPES
)
KEY_ACTORS: tuple[KeyActor, ...] = (
    PARTNER_GOVERNMENTS + CIVIL_KEYS + BUSINESS_KEYS + KNOWLEDGE_KEYS + CITIZEN_KEYS
)

# The inner city and the 19th-century belt are denser, so more actors live there.
_DISTRICT_WEIGHT = {
    "Binnenstad": 1.5,
    "Leiemonde-Noord": 1.3,
    "Sint-Amaarsberg": 0.9,
    "Westerlede": 0.7,
    "Zuidbroek": 0.9,
    "Ter Leie": 0.7,
}
# Few people live in the canal zone: it holds industry, which prefers it explicitly.
_HOOD_WEIGHTS = [
    _DISTRICT_WEIGHT[hood.district] * (0.2 if hood.name == "Kanaalzone" else 1.0)
    for hood in NEIGHBOURHOODS
]
CITY_HALL = ("Stadhuisplein 1", "Sint-Jacobs")
ADMIN_CENTRE = ("Leiekaai 100", "Vismarkt")
# Units that were set up during the five years; the rest date from the 2019 integration.
NEW_UNITS = {"Team Data en Open Data": date(2021, 6, 1), "Team Klimaatadaptatie": date(2022, 9, 1)}


class _Registry:
    """Keeps names, enterprise numbers and association codes unique across the whole city."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.names: set[str] = set()
        self.numbers: set[str] = set()

    def claim(self, name: str) -> bool:
        key = fold(name)
        if key in self.names:
            return False
        self.names.add(key)
        return True

    def kbo(self) -> str:
        """A check-digit-valid enterprise number in the 09 range, recognisable as demo data."""
        while True:
            first = f"09{self.rng.randrange(10**6):06d}"
            number = f"{first}{97 - int(first) % 97:02d}"
            if number not in self.numbers:
                self.numbers.add(number)
                return number

    def vcode(self) -> str:
        while True:
            code = f"V9{self.rng.randrange(10**6):06d}"
            if code not in self.numbers:
                self.numbers.add(code)
                return code


def build_actors(
    session: Session, rng: random.Random, areas: dict[str, Area], themes: dict[str, Theme]
) -> Cast:
    """Create every actor of the demo city and flush them; returns the cast in build order."""
    cast = Cast()
    registry = _Registry(rng)
    _add_city(cast, registry, areas, themes, rng)
    for key_actor in KEY_ACTORS:
        _add_key_actor(cast, registry, key_actor, areas, themes)
    for archetype in ARCHETYPES:
        for number in range(archetype.count):
            _add_drawn(cast, registry, archetype, number, areas, themes, rng)
    add_in_order(
        session, [(p.actor, cast[p.parent].actor if p.parent else None) for p in cast.players]
    )
    return cast


def _add_city(
    cast: Cast,
    registry: _Registry,
    areas: dict[str, Area],
    themes: dict[str, Theme],
    rng: random.Random,
) -> None:
    departments: dict[str, str] = {}
    silos: dict[str, str] = {}
    for unit, parent in walk():
        registry.claim(unit.name)
        if parent is not None and parent.name != ROOT:
            departments[unit.name] = departments[parent.name]
        else:
            departments[unit.name] = unit.name
        silo = unit.name if unit.name in SILOS else silos.get(parent.name if parent else "")
        if silo is not None:
            silos[unit.name] = silo
        street, hood = CITY_HALL if parent is None or parent.name == ROOT else ADMIN_CENTRE
        start = date(1977, 1, 1) if parent is None else NEW_UNITS.get(unit.name, date(2019, 1, 1))
        actor = Actor(
            **stamps(start),
            name=unit.name,
            helix=HelixSector.GOVERNMENT,
            kind=unit.kind,
            kbo=registry.kbo() if parent is None else None,
            website="https://www.leiemonde.example" if parent is None else None,
            street=street,
            postal_code=postal_code(hood),
            municipality=CITY_NAME,
            area=areas[hood],
            description=unit.duty,
            start_date=start,
            themes=[themes[code] for code in unit.themes],
        )
        cast.add(
            Player(
                actor,
                unit.name,
                "city",
                HelixSector.GOVERNMENT,
                frozenset(unit.themes),
                hood,
                _unit_activity(unit, silo, rng),
                start,
                None,
                parent=parent.name if parent is not None else None,
                department=departments[unit.name] if parent is not None else None,
                silo=silo,
                city=True,
            )
        )


def _unit_activity(unit: Unit, silo: str | None, rng: random.Random) -> float:
    """City units are busy in proportion to their scope; silos and the top stay quiet."""
    if unit.name == PARTICIPATION:
        return 5.0
    if silo is not None:
        return 0.5
    if unit.name == ROOT:
        return 0.8
    base = {ActorKind.TEAM: 1.0, ActorKind.DEPARTMENT: 1.6}[unit.kind]
    if unit.name.startswith("Departement"):
        base = 1.2
    return base * rng.uniform(0.8, 1.3)


def _add_key_actor(
    cast: Cast,
    registry: _Registry,
    key_actor: KeyActor,
    areas: dict[str, Area],
    themes: dict[str, Theme],
) -> None:
    if not registry.claim(key_actor.name):
        raise ValueError(f"duplicate demo actor name {key_actor.name!r}")
    start = date(key_actor.founded, 1, 1)
    hood = key_actor.area
    in_city = hood is not None
    actor = Actor(
        **stamps(start),
        name=key_actor.name,
        helix=key_actor.helix,
        kind=key_actor.kind,
        kbo=registry.kbo() if key_actor.kbo else None,
        website=f"https://{slug(key_actor.name)}.example",
        street=_street(hood, len(cast.players)) if hood else None,
        postal_code=postal_code(hood) if hood else None,
        municipality=CITY_NAME if in_city else key_actor.municipality,
        area=areas[hood] if hood else None,
        description=key_actor.description,
        start_date=start,
        themes=[themes[code] for code in key_actor.themes],
    )
    player = Player(
        actor,
        key_actor.key,
        "key",
        key_actor.helix,
        frozenset(key_actor.themes),
        hood,
        key_actor.activity,
        start,
        None,
        parent=key_actor.parent,
    )
    cast.add(player)


def _street(hood: str, seed: int) -> str:
    """A fixed address for a key actor, derived from its position so that it never moves."""
    streets = next(n.streets for n in NEIGHBOURHOODS if n.name == hood)
    return f"{streets[seed % len(streets)]} {seed % 97 + 1}"


def _add_drawn(
    cast: Cast,
    registry: _Registry,
    archetype: Archetype,
    number: int,
    areas: dict[str, Area],
    themes: dict[str, Theme],
    rng: random.Random,
) -> None:
    for _attempt in range(50):
        hood = _pick_hood(rng, archetype)
        slots = _slots(rng, hood)
        pattern, _bar, own_intro = rng.choice(archetype.names).partition(" | ")
        name = pattern.format(**slots)
        if registry.claim(name):
            break
    else:  # pragma: no cover - the name material is ample
        raise RuntimeError(f"no free name for {archetype.key}")
    codes = _pick_themes(rng, archetype.themes, hood.themes)
    start = _founded(rng, archetype)
    end = _ended(rng, archetype, start)
    person = archetype.kind is ActorKind.PERSON
    intro = (own_intro or rng.choice(archetype.intros)).format(**slots)
    description = f"{intro} {_second_sentence(rng, archetype, codes, themes)}"
    legal = archetype.kind in (ActorKind.ORGANISATION, ActorKind.NETWORK)
    actor = Actor(
        **stamps(start),
        name=name,
        helix=archetype.helix,
        kind=archetype.kind,
        kbo=registry.kbo() if legal and rng.random() < archetype.kbo else None,
        association_code=registry.vcode() if rng.random() < archetype.vcode else None,
        website=f"https://{slug(name)}.example" if rng.random() < archetype.web else None,
        street=None if person else f"{slots['street']} {rng.randint(1, 180)}",
        postal_code=None if person else DISTRICTS[hood.district],
        municipality=CITY_NAME,
        area=areas[hood.name],
        description=description,
        start_date=start,
        end_date=end,
        themes=[themes[code] for code in sorted(codes)],
    )
    activity = archetype.activity * min(rng.paretovariate(1.7), 12.0)
    cast.add(
        Player(
            actor,
            f"{archetype.key}-{number + 1}",
            archetype.key,
            archetype.helix,
            frozenset(codes),
            hood.name,
            activity,
            start,
            end,
        )
    )


def _second_sentence(
    rng: random.Random, archetype: Archetype, codes: list[str], themes: dict[str, Theme]
) -> str:
    """What the actor works on: a full sentence for a core theme of its kind, else a mention.

    The theme words end up in the description, where the coalition builder's search finds them.
    """
    core = [code for code in codes if code in archetype.themes[:3]]
    if core and archetype.kind is not ActorKind.PERSON:
        return theme_sentence(core[0], rng.randrange(3))
    focus = " en ".join(themes[code].name_nl.lower() for code in codes[:2])
    if archetype.kind is ActorKind.PERSON:
        return f"Zet zich vooral in rond {focus}."
    return f"Werkt ook rond {focus}."


def _pick_hood(rng: random.Random, archetype: Archetype) -> Neighbourhood:
    if archetype.hoods and rng.random() < 0.75:
        name = rng.choice(archetype.hoods)
        return next(n for n in NEIGHBOURHOODS if n.name == name)
    return rng.choices(NEIGHBOURHOODS, weights=_HOOD_WEIGHTS)[0]


def _slots(rng: random.Random, hood: Neighbourhood) -> dict[str, str]:
    club, sport = rng.choice(SPORTS)
    surname, surname2 = rng.sample(SURNAMES, 2)
    return {
        "hood": hood.name,
        "district": hood.district,
        "where": where(hood.district),
        "street": rng.choice(hood.streets),
        "city": CITY_NAME,
        "emblem": rng.choice(EMBLEMS),
        "surname": surname,
        "surname2": surname2,
        "first": rng.choice(FIRST_NAMES),
        "saint": rng.choice(SAINTS),
        "club": club,
        "sport": sport,
        "trade": rng.choice(TRADES),
        "hosp": rng.choice(HOSPITALITY),
        "builder": rng.choice(BUILDERS),
        "tech": rng.choice(TECH_WORDS),
        "stem": rng.choice(TECH_STEMS),
        "word": rng.choice(COMMUNITY_WORDS),
    }


def _pick_themes(rng: random.Random, pool: tuple[str, ...], local: tuple[str, ...]) -> list[str]:
    """One to three themes, the archetype's first ones and the neighbourhood's own more likely."""
    weights = [(2.0 if code in local else 1.0) / (1 + 0.3 * i) for i, code in enumerate(pool)]
    wanted = rng.choices((1, 2, 3), weights=(3, 5, 2))[0]
    chosen: list[str] = []
    candidates = list(pool)
    while candidates and len(chosen) < wanted:
        pick = rng.choices(range(len(candidates)), weights=weights)[0]
        chosen.append(candidates.pop(pick))
        weights.pop(pick)
    return chosen


def _founded(rng: random.Random, archetype: Archetype) -> date:
    if archetype.kind is ActorKind.PERSON:
        return day_between(rng, WINDOW_START, WINDOW_END, 0.4)
    low, high = archetype.founded
    return date(rng.randint(low, high), rng.randint(1, 12), rng.randint(1, 28))


def _ended(rng: random.Random, archetype: Archetype, start: date) -> date | None:
    """Some shops, firms and initiatives stop during the five years (never within half a year)."""
    if rng.random() >= archetype.ended:
        return None
    earliest = max(start, WINDOW_START) + timedelta(days=180)
    if earliest >= WINDOW_END:
        return None
    return day_between(rng, earliest, WINDOW_END)
