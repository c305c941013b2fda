"""Citizen initiatives as coalitions: leefstraten, buurtfeesten, pluktuinen, burgerpanels.

Each is drawn in a neighbourhood and led by a citizen initiative or resident who lives there; the
city joins as advisor (wijkregie) or funder (burgerbudget) when ``coalitions.py`` adds members.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from quadhelix.demo.cast import Cast, Player
from quadhelix.demo.places import NEIGHBOURHOODS, Neighbourhood
from quadhelix.demo.plans import Plan
from quadhelix.demo.timeline import WINDOW_END, day_between
from quadhelix.registry.names import fold
from quadhelix.registry.vocab import CoalitionKind, HelixSector

INITIATIVE_COUNT = 36


@dataclass(frozen=True)
class _Pattern:
    name: str
    themes: tuple[str, ...]
    description: str
    months: tuple[int, int] | None  # None: open-ended
    summer: bool = False


_PATTERNS: tuple[_Pattern, ...] = (
    _Pattern(
        "Leefstraat {street} {year}",
        ("public-space", "mobility", "participation"),
        "Bewoners van de {street} maken van hun straat een zomer lang een leefstraat: geen "
        "doorgaand verkeer, wel groen, zitbanken en ontmoeting.",
        (2, 3),
        summer=True,
    ),
    _Pattern(
        "Speelstraat {street} {year}",
        ("youth", "public-space"),
        "Tijdens de zomervakantie wordt de {street} een speelstraat waar kinderen veilig buiten "
        "spelen.",
        (1, 2),
        summer=True,
    ),
    _Pattern(
        "Buurtfeest {hood} {year}",
        ("neighbourhood-work", "culture", "diversity"),
        "Buren uit {hood} organiseren samen het buurtfeest, met eten uit alle windstreken en "
        "een rommelmarkt.",
        (1, 3),
    ),
    _Pattern(
        "Geveltuinen {street}",
        ("greenery", "heat"),
        "Bewoners van de {street} breken tegels uit voor geveltuinen en klimplanten tegen de "
        "hitte.",
        (3, 12),
    ),
    _Pattern(
        "Wijkcompost {hood}",
        ("circular-economy", "greenery"),
        "Een gedeelde composthoek waar buren uit {hood} hun groenafval samen verwerken.",
        None,
    ),
    _Pattern(
        "Pluktuin {hood}",
        ("food", "greenery"),
        "Een pluktuin met fruitbomen en kruiden op een braakliggend terrein in {hood}, "
        "onderhouden door buren.",
        None,
    ),
    _Pattern(
        "Buurtpensioen {hood}",
        ("elderly-care", "loneliness", "volunteering"),
        "Bewoners uit {hood} wisselen diensten uit: boodschappen voor oudere buren, hulp in de "
        "tuin, een babbel.",
        None,
    ),
    _Pattern(
        "Energiedelen {street}",
        ("energy", "climate"),
        "Buren aan de {street} delen zonnestroom en kopen samen isolatie en warmtepompen aan.",
        (12, 30),
    ),
    _Pattern(
        "Straatbibliotheek {street}",
        ("culture", "education"),
        "Een boekenkast op straat aan de {street} waar buren boeken ruilen en kinderen voorlezen.",
        None,
    ),
    _Pattern(
        "Zwerfvuilactie {hood} {year}",
        ("public-space", "volunteering"),
        "Buren uit {hood} ruimen samen zwerfvuil op en adopteren elk een stuk straat.",
        (1, 2),
    ),
    _Pattern(
        "Burgerpanel {hood}",
        ("participation", "public-space"),
        "Een panel van gelote bewoners uit {hood} geeft advies over de heraanleg van hun wijk.",
        (4, 10),
    ),
    _Pattern(
        "Kookclub {hood}",
        ("food", "diversity", "loneliness"),
        "Buren uit {hood} koken om beurten voor elkaar, telkens uit een andere keuken.",
        None,
    ),
)


def initiative_plans(rng: random.Random, cast: Cast) -> list[Plan]:
    """Draw ``INITIATIVE_COUNT`` citizen initiatives, each with a local lead and fixed dates."""
    citizens = [p for p in cast.sector(HelixSector.CITIZENS) if p.hood is not None]
    weights = [_weight(hood) for hood in NEIGHBOURHOODS]
    plans: list[Plan] = []
    taken: set[str] = set()
    while len(plans) < INITIATIVE_COUNT:
        hood = rng.choices(NEIGHBOURHOODS, weights=weights)[0]
        pattern = rng.choice(_PATTERNS)
        start, end = _dates(rng, pattern)
        street = rng.choice(hood.streets)
        name = pattern.name.format(hood=hood.name, street=street, year=start.year)
        if fold(name) in taken:
            continue
        lead = _lead(rng, citizens, hood, pattern, start)
        if lead is None:
            continue
        taken.add(fold(name))
        plans.append(
            Plan(
                CoalitionKind.CITIZEN_INITIATIVE,
                name,
                pattern.themes,
                lead.key,
                pattern.description.format(hood=hood.name, street=street),
                areas=(hood.name,),
                draw=rng.randint(2, 6),
                sectors=(HelixSector.CITIZENS, HelixSector.CIVIL_SOCIETY),
                start=start,
                end=end,
            )
        )
    return plans


def _weight(hood: Neighbourhood) -> float:
    """Citizen initiatives cluster in the dense 19th-century belt; hardly any in the canal zone."""
    if hood.name == "Kanaalzone":
        return 0.1
    return 3.0 if hood.district in ("Binnenstad", "Leiemonde-Noord") else 1.0


def _dates(rng: random.Random, pattern: _Pattern) -> tuple[date, date | None]:
    if pattern.summer:
        year = rng.randint(2021, 2025)
        start = date(year, 7, 1) - timedelta(days=rng.randint(0, 20))
    else:
        start = day_between(rng, date(2021, 2, 1), date(2025, 10, 31), 0.6)
    if pattern.months is None:
        return start, None
    months = rng.randint(*pattern.months)
    end = start + timedelta(days=round(30.4 * months))
    return start, end if end <= WINDOW_END or rng.random() < 0.5 else None


def _lead(
    rng: random.Random, citizens: list[Player], hood: Neighbourhood, pattern: _Pattern, start: date
) -> Player | None:
    """A citizen from the neighbourhood, preferring one that works on the initiative's themes."""
    local = [p for p in citizens if p.hood == hood.name and p.active_between(start, start)]
    if not local:
        return None
    weights = [p.activity * (3.0 if p.works_on(pattern.themes) else 1.0) for p in local]
    return rng.choices(local, weights=weights)[0]
