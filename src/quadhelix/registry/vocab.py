"""Controlled vocabularies of the registry, with the Dutch words users type for them.

Values are stored as the English identifiers; labels in both languages serve output and input.
"""

from __future__ import annotations

import unicodedata
from enum import StrEnum
from typing import TypeVar

from quadhelix.registry.errors import InvalidValue


class HelixSector(StrEnum):
    """The quadruple helix plus the city itself (Carayannis & Campbell 2009; Leydesdorff 2012)."""

    GOVERNMENT = "government"
    CIVIL_SOCIETY = "civil_society"
    BUSINESS = "business"
    KNOWLEDGE = "knowledge"
    CITIZENS = "citizens"


class ActorKind(StrEnum):
    ORGANISATION = "organisation"
    DEPARTMENT = "department"
    TEAM = "team"
    PERSON = "person"
    CITIZEN_INITIATIVE = "citizen_initiative"
    NETWORK = "network"


class CoalitionKind(StrEnum):
    PROJECT = "project"
    PROGRAMME = "programme"
    PARTNERSHIP = "partnership"
    NETWORK = "network"
    CITIZEN_INITIATIVE = "citizen_initiative"
    COVENANT = "covenant"
    EVENT = "event"


class CoalitionStatus(StrEnum):
    IDEA = "idea"
    ACTIVE = "active"
    CLOSED = "closed"


class MemberRole(StrEnum):
    LEAD = "lead"
    PARTNER = "partner"
    FUNDER = "funder"
    ADVISOR = "advisor"
    PARTICIPANT = "participant"


class TieType(StrEnum):
    COLLABORATION = "collaboration"
    FUNDING = "funding"
    INFORMATION = "information"
    MEMBERSHIP = "membership"
    CONTRACT = "contract"
    OTHER = "other"


class TieSource(StrEnum):
    MANUAL = "manual"
    IMPORT = "import"
    SURVEY = "survey"
    DERIVED = "derived"


class AreaKind(StrEnum):
    COUNTRY = "country"
    CITY = "city"
    DISTRICT = "district"
    NEIGHBOURHOOD = "neighbourhood"


E = TypeVar("E", bound=StrEnum)

# Dutch (and a few common English) words accepted on input, mapped to the stored value.
_ALIASES: dict[type[StrEnum], dict[str, str]] = {
    HelixSector: {
        "overheid": "government",
        "stad": "government",
        "middenveld": "civil_society",
        "civil society": "civil_society",
        "civilsociety": "civil_society",
        "bedrijf": "business",
        "bedrijven": "business",
        "industrie": "business",
        "industry": "business",
        "kennisinstelling": "knowledge",
        "kennisinstellingen": "knowledge",
        "kennis": "knowledge",
        "academia": "knowledge",
        "burgers": "citizens",
        "burger": "citizens",
        "burgerinitiatief": "citizens",
    },
    ActorKind: {
        "organisatie": "organisation",
        "organization": "organisation",
        "dienst": "department",
        "departement": "department",
        "afdeling": "department",
        "persoon": "person",
        "burgerinitiatief": "citizen_initiative",
        "netwerk": "network",
    },
    CoalitionKind: {
        "programma": "programme",
        "program": "programme",
        "partnerschap": "partnership",
        "netwerk": "network",
        "burgerinitiatief": "citizen_initiative",
        "convenant": "covenant",
        "evenement": "event",
        "seminarie": "event",
    },
    CoalitionStatus: {
        "idee": "idea",
        "actief": "active",
        "lopend": "active",
        "afgesloten": "closed",
        "gesloten": "closed",
    },
    MemberRole: {
        "trekker": "lead",
        "coordinator": "lead",
        "coördinator": "lead",
        "financier": "funder",
        "adviseur": "advisor",
        "deelnemer": "participant",
    },
    TieType: {
        "samenwerking": "collaboration",
        "financiering": "funding",
        "subsidie": "funding",
        "informatie": "information",
        "lidmaatschap": "membership",
        "contract": "contract",
        "overeenkomst": "contract",
        "ander": "other",
        "andere": "other",
    },
    AreaKind: {
        "land": "country",
        "stad": "city",
        "district": "district",
        "wijk": "neighbourhood",
        "buurt": "neighbourhood",
        "deelgemeente": "district",
        "neighborhood": "neighbourhood",
    },
}

_DUTCH_LABELS: dict[str, str] = {
    "government": "overheid",
    "civil_society": "middenveld",
    "business": "bedrijven",
    "knowledge": "kennisinstellingen",
    "citizens": "burgers",
}


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("-", "_")


def parse_choice(enum: type[E], value: str | E, field: str) -> E:
    """Read a vocabulary value typed by a person: English id, Dutch word, any case or accents."""
    if isinstance(value, enum):
        return value
    folded = _fold(str(value))
    aliases = _ALIASES.get(enum, {})
    candidate = aliases.get(folded.replace("_", " "), aliases.get(folded, folded))
    try:
        return enum(candidate)
    except ValueError:
        allowed = ", ".join(m.value for m in enum)
        raise InvalidValue(field, value, "must be one of %(allowed)s", allowed=allowed) from None


def helix_label_nl(sector: HelixSector) -> str:
    return _DUTCH_LABELS[sector.value]
