"""Leiemonde's map: the fictional city, its six districts and their neighbourhoods.

Postal codes (9350-9355) and street names are invented for the demo; they may coincide with real
ones elsewhere but locate nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from quadhelix.demo.timeline import stamps
from quadhelix.registry.model import Area
from quadhelix.registry.vocab import AreaKind
from quadhelix.registry.vocabulary import add_area

CITY_NAME = "Leiemonde"


@dataclass(frozen=True)
class Neighbourhood:
    """A neighbourhood with the themes that its actors and coalitions lean towards."""

    name: str
    district: str
    streets: tuple[str, ...]
    themes: tuple[str, ...]


# District -> postal code. The Binnenstad holds the 19th-century belt (Rabot, Stationskwartier).
DISTRICTS: dict[str, str] = {
    "Binnenstad": "9350",
    "Leiemonde-Noord": "9351",
    "Sint-Amaarsberg": "9352",
    "Westerlede": "9353",
    "Zuidbroek": "9354",
    "Ter Leie": "9355",
}

NEIGHBOURHOODS: tuple[Neighbourhood, ...] = (
    Neighbourhood(
        "Rabot",
        "Binnenstad",
        ("Rabotstraat", "Vlasstraat", "Wevershof", "Sluisweg"),
        ("poverty", "child-poverty", "diversity", "neighbourhood-work", "housing"),
    ),
    Neighbourhood(
        "Begijnhof",
        "Binnenstad",
        ("Begijnenstraat", "Hoogpoort", "Lange Munt", "Kapelsteeg"),
        ("heritage", "culture", "retail", "elderly-care"),
    ),
    Neighbourhood(
        "Sint-Jacobs",
        "Binnenstad",
        ("Jacobijnenstraat", "Vrijdagmarkt", "Kammerstraat", "Lakenhalle"),
        ("retail", "culture", "public-space", "safety"),
    ),
    Neighbourhood(
        "Vismarkt",
        "Binnenstad",
        ("Vismarkt", "Leiekaai", "Korenlei", "Zoutstraat"),
        ("retail", "heritage", "public-space"),
    ),
    Neighbourhood(
        "Stationskwartier",
        "Binnenstad",
        ("Stationsplein", "Spoorweglaan", "Koningin Astridlaan", "Perronstraat"),
        ("mobility", "safety", "homelessness", "diversity"),
    ),
    Neighbourhood(
        "Blekerij",
        "Leiemonde-Noord",
        ("Blekerijstraat", "Lijnwaadstraat", "Spinnerijstraat", "Garenkaai"),
        ("poverty", "renovation", "social-housing", "diversity", "youth"),
    ),
    Neighbourhood(
        "Dokwijk",
        "Leiemonde-Noord",
        ("Dokkaai", "Schipperstraat", "Zeilstraat", "Havenlaan"),
        ("housing", "youth", "diversity", "public-space"),
    ),
    Neighbourhood(
        "Kanaalzone",
        "Leiemonde-Noord",
        ("Kanaaldijk", "Industrieweg", "Vlasvezelstraat", "Pakhuislaan"),
        ("economy", "circular-economy", "energy", "work"),
    ),
    Neighbourhood(
        "Nieuwe Molens",
        "Leiemonde-Noord",
        ("Molenaarsstraat", "Maalderijstraat", "Nieuwe Molenweg", "Graanstraat"),
        ("social-housing", "childcare", "greenery"),
    ),
    Neighbourhood(
        "Kerkakker",
        "Sint-Amaarsberg",
        ("Kerkakkerstraat", "Pastoriestraat", "Kosterstraat", "Sint-Amaarsplein"),
        ("elderly-care", "loneliness", "sport"),
    ),
    Neighbourhood(
        "Heidekant",
        "Sint-Amaarsberg",
        ("Heidestraat", "Brembosstraat", "Zandweg", "Dennenlaan"),
        ("greenery", "youth", "sport"),
    ),
    Neighbourhood(
        "Meersen",
        "Sint-Amaarsberg",
        ("Meersstraat", "Beemdweg", "Weidestraat", "Hooiweg"),
        ("greenery", "heat", "food"),
    ),
    Neighbourhood(
        "Westerlede-Dorp",
        "Westerlede",
        ("Dorpsstraat", "Kerkstraat", "Schoolstraat", "Gemeenteplein"),
        ("elderly-care", "loneliness", "culture"),
    ),
    Neighbourhood(
        "Molenhoek",
        "Westerlede",
        ("Molenstraat", "Windmolenlaan", "Wiekstraat", "Akkerweg"),
        ("food", "greenery", "mobility"),
    ),
    Neighbourhood(
        "Kouterbos",
        "Westerlede",
        ("Kouterlaan", "Boslaan", "Eikenstraat", "Beukendreef"),
        ("greenery", "sport", "childcare"),
    ),
    Neighbourhood(
        "Zuidbroek-Centrum",
        "Zuidbroek",
        ("Broekstraat", "Marktplein", "Nieuwstraat", "Brouwerijstraat"),
        ("retail", "culture", "mobility"),
    ),
    Neighbourhood(
        "Watersportwijk",
        "Zuidbroek",
        ("Roeiersstraat", "Regattalaan", "Vaartstraat", "Jachthavenkaai"),
        ("sport", "heat", "public-space"),
    ),
    Neighbourhood(
        "Hoogkamer",
        "Zuidbroek",
        ("Hoogkamerstraat", "Tuinwijk", "Lindenlaan", "Pleintjesstraat"),
        ("social-housing", "loneliness", "health"),
    ),
    Neighbourhood(
        "Ter Leie-Dorp",
        "Ter Leie",
        ("Leiestraat", "Veerstraat", "Jaagpad", "Kaaiplein"),
        ("heritage", "elderly-care", "cycling"),
    ),
    Neighbourhood(
        "Vlasbloem",
        "Ter Leie",
        ("Vlasbloemstraat", "Roterijstraat", "Zwingelstraat", "Vezelhof"),
        ("energy", "renovation", "childcare"),
    ),
    Neighbourhood(
        "Oude Vaart",
        "Ter Leie",
        ("Oude Vaartstraat", "Sasstraat", "Trekweg", "Bruggenhoek"),
        ("greenery", "cycling", "food"),
    ),
)

NEIGHBOURHOOD_BY_NAME: dict[str, Neighbourhood] = {n.name: n for n in NEIGHBOURHOODS}


def where(district: str) -> str:
    """The district as it reads after 'in' or 'uit': 'in de binnenstad', 'in Westerlede'."""
    return "de binnenstad" if district == "Binnenstad" else district


def postal_code(neighbourhood: str) -> str:
    return DISTRICTS[NEIGHBOURHOOD_BY_NAME[neighbourhood].district]


def build_areas(session: Session) -> dict[str, Area]:
    """Add the city, its districts and neighbourhoods; returns them by name.

    ``add_area`` stamps the wall clock; the stamps are reset to the window start so that two builds
    stay identical.
    """
    areas = {CITY_NAME: add_area(session, CITY_NAME, AreaKind.CITY)}
    for district in DISTRICTS:
        areas[district] = add_area(session, district, AreaKind.DISTRICT, parent=CITY_NAME)
    for hood in NEIGHBOURHOODS:
        areas[hood.name] = add_area(
            session, hood.name, AreaKind.NEIGHBOURHOOD, parent=hood.district
        )
    for area in areas.values():
        for column, moment in stamps(None).items():
            setattr(area, column, moment)
    return areas
