"""The survey's vocabulary and its default question bank, in Dutch and English.

The relational items follow the PARTNER tool (Varda, Chandra, Stern & Lurie 2008, "Core
dimensions of connectivity in public health collaboratives", JPHMP 14(5)): a level
of collaboration on Himmelman's continuum, frequency of contact, three items that make up
*trust* and three that make up *value*, each on a 1-4 scale. A wave may reword any item and
change the checklist options; the keys of the scored items stay fixed, because scoring reads them.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator


class Level(StrEnum):
    """Level of collaboration, from none to full integration (Himmelman 2002; PARTNER)."""

    NONE = "none"
    AWARENESS = "awareness"
    COOPERATION = "cooperation"
    COORDINATION = "coordination"
    INTEGRATION = "integration"

    @property
    def rank(self) -> int:
        """0 for none up to 4 for integration; densities count pairs at or above a rank."""
        return list(Level).index(self)


class Frequency(StrEnum):
    NEVER = "never"
    YEARLY = "yearly"
    QUARTERLY = "quarterly"
    MONTHLY = "monthly"
    WEEKLY = "weekly"
    DAILY = "daily"


class WaveStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


TRUST_ITEMS = ("reliability", "mission_support", "openness")
VALUE_ITEMS = ("power_influence", "involvement", "resource_contribution")
RATING_ITEMS = TRUST_ITEMS + VALUE_ITEMS
RATING_MIN, RATING_MAX = 1, 4

RESOURCES = (
    "funding",
    "staff_time",
    "volunteers",
    "expertise",
    "data",
    "space",
    "connections",
    "legitimacy",
    "other",
)
OUTCOMES = (
    "shared_knowledge",
    "new_services",
    "policy_change",
    "more_funding",
    "community_reach",
    "better_coordination",
    "other",
)


class Wording(BaseModel):
    """One text in both languages."""

    model_config = ConfigDict(extra="forbid")

    nl: str = Field(min_length=1, max_length=1000)
    en: str = Field(min_length=1, max_length=1000)

    def text(self, language: str) -> str:
        return self.nl if language == "nl" else self.en


class QuestionBank(BaseModel):
    """Everything a respondent reads: item wordings, scale labels and checklist options."""

    model_config = ConfigDict(extra="forbid")

    intro: Wording
    level: Wording
    levels: dict[Level, Wording]
    frequency: Wording
    frequencies: dict[Frequency, Wording]
    ratings: dict[str, Wording]
    scale: dict[int, Wording]
    resources: Wording
    resource_options: dict[str, Wording]
    outcomes: Wording
    outcome_options: dict[str, Wording]
    success: Wording
    comments: Wording

    @field_validator("levels")
    @classmethod
    def _all_levels(cls, value: dict[Level, Wording]) -> dict[Level, Wording]:
        if set(value) != set(Level):
            raise ValueError(f"needs a wording for each level: {', '.join(Level)}")
        return value

    @field_validator("frequencies")
    @classmethod
    def _all_frequencies(cls, value: dict[Frequency, Wording]) -> dict[Frequency, Wording]:
        if set(value) != set(Frequency):
            raise ValueError(f"needs a wording for each frequency: {', '.join(Frequency)}")
        return value

    @field_validator("ratings")
    @classmethod
    def _scored_items(cls, value: dict[str, Wording]) -> dict[str, Wording]:
        if set(value) != set(RATING_ITEMS):
            raise ValueError(f"needs exactly the scored items: {', '.join(RATING_ITEMS)}")
        return value

    @field_validator("scale")
    @classmethod
    def _four_points(cls, value: dict[int, Wording]) -> dict[int, Wording]:
        if set(value) != set(range(RATING_MIN, RATING_MAX + 1)):
            raise ValueError("needs a label for each point 1, 2, 3 and 4")
        return value

    @field_validator("resource_options", "outcome_options")
    @classmethod
    def _some_options(cls, value: dict[str, Wording]) -> dict[str, Wording]:
        if not value or len(value) > 30:
            raise ValueError("needs 1 to 30 options")
        return value


def _w(nl: str, en: str) -> dict[str, str]:
    return {"nl": nl, "en": en}


DEFAULT_BANK: dict[str, Any] = {
    "intro": _w(
        "Beantwoord de vragen voor elke partner waarmee je organisatie in deze coalitie "
        "samenwerkt. Je antwoorden worden bewaard terwijl je invult; je kunt later verdergaan.",
        "Answer the questions for every partner your organisation works with in this "
        "coalition. Your answers are saved as you go; you can come back later.",
    ),
    "level": _w(
        "Hoe werkt je organisatie samen met deze partner?",
        "How does your organisation work with this partner?",
    ),
    "levels": {
        "none": _w("Geen contact", "None"),
        "awareness": _w(
            "Kennen elkaar: we weten wat de ander doet", "Awareness: we know what they do"
        ),
        "cooperation": _w(
            "Samenwerking: we wisselen informatie uit", "Cooperation: we exchange information"
        ),
        "coordination": _w("Afstemming: we plannen samen", "Coordination: we plan together"),
        "integration": _w(
            "Integratie: we delen middelen en doelen", "Integration: we share resources and goals"
        ),
    },
    "frequency": _w("Hoe vaak heb je contact?", "How often are you in contact?"),
    "frequencies": {
        "never": _w("Nooit", "Never"),
        "yearly": _w("Eén keer per jaar", "Once a year"),
        "quarterly": _w("Elk kwartaal", "Every quarter"),
        "monthly": _w("Elke maand", "Every month"),
        "weekly": _w("Elke week", "Every week"),
        "daily": _w("Dagelijks", "Daily"),
    },
    "ratings": {
        "reliability": _w(
            "Betrouwbaarheid: doet wat het belooft", "Reliability: does what it promises"
        ),
        "mission_support": _w(
            "Steunt de missie van de coalitie", "Supports the coalition's mission"
        ),
        "openness": _w("Staat open voor overleg", "Is open to discussion"),
        "power_influence": _w("Macht en invloed", "Power and influence"),
        "involvement": _w("Betrokkenheid bij de coalitie", "Involvement in the coalition"),
        "resource_contribution": _w("Brengt middelen in", "Contributes resources"),
    },
    "scale": {
        1: _w("helemaal niet", "not at all"),
        2: _w("een beetje", "a small amount"),
        3: _w("redelijk", "a fair amount"),
        4: _w("sterk", "a great deal"),
    },
    "resources": _w(
        "Wat brengt je eigen organisatie in?", "What does your own organisation contribute?"
    ),
    "resource_options": {
        "funding": _w("Geld", "Funding"),
        "staff_time": _w("Tijd van medewerkers", "Staff time"),
        "volunteers": _w("Vrijwilligers", "Volunteers"),
        "expertise": _w("Expertise", "Expertise"),
        "data": _w("Gegevens", "Data"),
        "space": _w("Ruimte", "Space"),
        "connections": _w("Contacten", "Connections"),
        "legitimacy": _w("Legitimiteit", "Legitimacy"),
        "other": _w("Iets anders", "Other"),
    },
    "outcomes": _w(
        "Wat heeft de coalitie tot nu toe bereikt?", "What has the coalition achieved so far?"
    ),
    "outcome_options": {
        "shared_knowledge": _w("Gedeelde kennis", "Shared knowledge"),
        "new_services": _w("Nieuwe diensten of activiteiten", "New services or activities"),
        "policy_change": _w("Beleid dat veranderde", "Changed policy"),
        "more_funding": _w("Meer middelen", "More funding"),
        "community_reach": _w("Meer bewoners bereikt", "Reached more residents"),
        "better_coordination": _w("Betere afstemming", "Better coordination"),
        "other": _w("Iets anders", "Other"),
    },
    "success": _w(
        "Hoe succesvol is de coalitie tot nu toe?", "How successful is the coalition so far?"
    ),
    "comments": _w("Opmerkingen", "Comments"),
}

DEFAULT_CONSENT = Wording(
    nl="Je antwoorden worden alleen samengevat getoond. Wie wie beoordeelde ziet enkel een "
    "bevragingsanalist. Je kunt je antwoorden opvragen of laten wissen.",
    en="Your answers are shown only as summaries. Who rated whom is seen only by a survey "
    "analyst. You may ask for a copy of your answers or have them erased.",
)


def default_bank() -> QuestionBank:
    return QuestionBank.model_validate(DEFAULT_BANK)
