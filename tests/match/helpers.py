"""A tiny snapshot whose scores can be checked by hand."""

from __future__ import annotations

from datetime import date

import numpy as np

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
)
from quadhelix.registry.vocab import HelixSector

G, C, B, K, Z = (
    HelixSector.GOVERNMENT,
    HelixSector.CIVIL_SOCIETY,
    HelixSector.BUSINESS,
    HelixSector.KNOWLEDGE,
    HelixSector.CITIZENS,
)


def d(text: str) -> int:
    return date.fromisoformat(text).toordinal()


def tiny() -> MatchData:
    """Six actors and three coalitions.

    0 Dienst Klimaat (lead)  -- coalition 0 (2020) with 1 and 2
    1 Groenpunt vzw          -- coalition 1 (2023) with 3
    2 KlimaatLab (knowledge)
    3 Buurtcomité Rabot (citizens), tie with 4 (weight 2, 2024)
    4 Bakkerij Zon (business)
    5 Nieuwkomer bv: started 2025, no links
    """
    names = ["Dienst Klimaat", "Groenpunt vzw", "KlimaatLab", "Buurtcomité Rabot", "Bakkerij Zon"]
    names.append("Nieuwkomer bv")
    descriptions = [
        "De stadsdienst voor klimaat en milieu.",
        "Vereniging die speelplaatsen vergroent tegen hittestress.",
        "Onderzoek naar hittestress en klimaatadaptatie in steden.",
        "Bewoners van Rabot die hun straat vergroenen.",
        "Bakkerij met brood en taart.",
        "Advies over heat stress in schoolyards.",
    ]
    actors = Actors(
        id=np.arange(1, 7, dtype=np.int64),
        key=["A0", "A1", "A2", "A3", "A4", "A5"],
        name=names,
        helix=[G, C, K, Z, B, B],
        kind=[
            "department",
            "organisation",
            "organisation",
            "citizen_initiative",
            *["organisation"] * 2,
        ],
        parent=np.full(6, -1, dtype=np.int64),
        area=[None, "rabot", None, "rabot", "binnenstad", None],
        themes=[("climate",), ("heat",), ("heat",), (), (), ()],
        description=descriptions,
        start=np.array([NO_START] * 5 + [d("2025-01-01")], dtype=np.int64),
    )
    coalitions = Coalitions(
        id=np.arange(1, 4, dtype=np.int64),
        key=["C0", "C1", "C2"],
        name=["Koele Speelplaatsen", "Groene Straten Rabot", "Broodfeest"],
        kind=["project", "project", "event"],
        status=["closed", "active", "closed"],
        text=["Speelplaatsen ontharden tegen hittestress.", "Geveltuinen in Rabot.", "Feest."],
        themes=[("heat",), ("greenery",), ()],
        areas=[(), ("rabot",), ("binnenstad",)],
        start=np.array([d("2020-01-01"), d("2023-01-01"), d("2024-06-01")], dtype=np.int64),
        end=np.array([d("2021-12-31"), NO_END, d("2024-06-02")], dtype=np.int64),
    )
    memberships = Memberships(
        actor=np.array([0, 1, 2, 1, 3, 4], dtype=np.int64),
        coalition=np.array([0, 0, 0, 1, 1, 2], dtype=np.int64),
        role=["lead", "partner", "partner", "lead", "partner", "lead"],
        start=np.full(6, NO_START, dtype=np.int64),
        end=np.full(6, NO_END, dtype=np.int64),
    )
    ties = Ties(
        source=np.array([3], dtype=np.int64),
        target=np.array([4], dtype=np.int64),
        weight=np.array([2.0]),
        start=np.array([d("2024-01-01")], dtype=np.int64),
        end=np.array([NO_END], dtype=np.int64),
    )
    themes = {
        "climate": ThemeInfo("climate", "Klimaat", "Climate"),
        "heat": ThemeInfo("heat", "Hittestress", "Heat stress", "climate"),
        "greenery": ThemeInfo("greenery", "Groen en natuur", "Greenery and nature", "climate"),
    }
    areas = {
        "leiemonde": AreaInfo("leiemonde", "Leiemonde"),
        "rabot": AreaInfo("rabot", "Rabot", "leiemonde"),
        "binnenstad": AreaInfo("binnenstad", "Binnenstad", "leiemonde"),
    }
    return MatchData(actors, coalitions, memberships, ties, themes, areas)
