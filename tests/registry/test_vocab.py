"""Vocabularies accept the words users type, in Dutch or English."""

from __future__ import annotations

import pytest

from quadhelix.registry.errors import InvalidValue
from quadhelix.registry.names import fold, slug
from quadhelix.registry.vocab import (
    ActorKind,
    AreaKind,
    CoalitionKind,
    HelixSector,
    MemberRole,
    TieType,
    helix_label_nl,
    parse_choice,
)


@pytest.mark.parametrize(
    ("typed", "sector"),
    [
        ("overheid", HelixSector.GOVERNMENT),
        ("middenveld", HelixSector.CIVIL_SOCIETY),
        ("bedrijf", HelixSector.BUSINESS),
        ("Bedrijven", HelixSector.BUSINESS),
        ("kennisinstelling", HelixSector.KNOWLEDGE),
        ("kennis", HelixSector.KNOWLEDGE),
        ("burgers", HelixSector.CITIZENS),
        ("civil_society", HelixSector.CIVIL_SOCIETY),
        ("Civil Society", HelixSector.CIVIL_SOCIETY),
        ("civil-society", HelixSector.CIVIL_SOCIETY),
        (" GOVERNMENT ", HelixSector.GOVERNMENT),
    ],
)
def test_helix_sector_words(typed: str, sector: HelixSector) -> None:
    assert parse_choice(HelixSector, typed, "helix") is sector


def test_unknown_word_lists_the_allowed_values() -> None:
    with pytest.raises(InvalidValue) as raised:
        parse_choice(HelixSector, "media", "helix")
    message = str(raised.value)
    assert message.startswith("helix:")
    assert "'media'" in message
    assert "government, civil_society, business, knowledge, citizens" in message


def test_other_vocabularies_take_dutch() -> None:
    assert parse_choice(ActorKind, "dienst", "kind") is ActorKind.DEPARTMENT
    assert parse_choice(CoalitionKind, "seminarie", "kind") is CoalitionKind.EVENT
    assert parse_choice(MemberRole, "trekker", "role") is MemberRole.LEAD
    assert parse_choice(MemberRole, "coördinator", "role") is MemberRole.LEAD
    assert parse_choice(TieType, "subsidie", "type") is TieType.FUNDING
    assert parse_choice(AreaKind, "Land", "kind") is AreaKind.COUNTRY
    assert parse_choice(AreaKind, "country", "kind") is AreaKind.COUNTRY


def test_dutch_labels_cover_every_sector() -> None:
    assert [helix_label_nl(s) for s in HelixSector] == [
        "overheid",
        "middenveld",
        "bedrijven",
        "kennisinstellingen",
        "burgers",
    ]


def test_folding_and_slugs() -> None:
    assert fold("  Café   ZUID  vzw ") == "cafe zuid vzw"
    assert fold("Ærø Straße") == fold("ærø STRASSE")
    assert slug("Sluizeken-Tolhuis-Ham") == "sluizeken-tolhuis-ham"
    assert slug("Brugse Poort / Ekkergem") == "brugse-poort-ekkergem"
