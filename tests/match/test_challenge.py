from __future__ import annotations

from datetime import date

import pytest

from quadhelix.match.challenge import Challenge
from quadhelix.registry.errors import InvalidValue
from quadhelix.registry.vocab import HelixSector


def test_a_challenge_normalises_its_fields() -> None:
    challenge = Challenge("  Hitte  op\nspeelplaatsen ", themes=["heat", "heat"], lead=" A0 ")
    assert challenge.text == "Hitte op speelplaatsen"
    assert challenge.themes == ("heat",)
    assert challenge.lead == "A0"
    assert challenge.size == 8


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"text": ""}, "text"),
        ({"text": "   "}, "text"),
        ({"text": "de het een, of the and ..."}, "text"),
        ({"text": "hitte", "size": 0}, "size"),
        ({"text": "hitte", "size": 51}, "size"),
        ({"text": "hitte", "include": ["A1"], "exclude": ["A1"]}, "exclude"),
        ({"text": "hitte", "lead": "A0", "exclude": ["A0"]}, "exclude"),
        ({"text": "hitte", "helix_mix": {"knowledge": 9}}, "helix_mix"),
        ({"text": "hitte", "helix_mix": {"wizards": 1}}, "helix_mix"),
        ({"text": "hitte", "max_active": 0}, "max_active"),
        ({"text": "hitte", "themes": [""]}, "themes"),
    ],
)
def test_bad_input_is_an_error_naming_the_field(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        Challenge(**kwargs)  # type: ignore[arg-type]
    assert caught.value.field == field


def test_themes_alone_are_enough() -> None:
    assert Challenge(themes=("SC5",)).text == ""


def test_from_mapping_reads_a_batch_line() -> None:
    challenge = Challenge.from_mapping(
        {"title": "Hitte", "description": "op speelplaatsen", "as_of": "2019-07-01",
         "helix_mix": {"kennis": 2}}
    )  # fmt: skip
    assert challenge.text == "Hitte op speelplaatsen"
    assert challenge.as_of == date(2019, 7, 1)
    assert challenge.mix == {HelixSector.KNOWLEDGE: 2}


@pytest.mark.parametrize(
    ("values", "field"),
    [({"text": "hitte", "colour": "red"}, "colour"), ({"text": "hitte", "as_of": "July"}, "as_of")],
)
def test_from_mapping_rejects_unknown_fields_and_bad_dates(
    values: dict[str, object], field: str
) -> None:
    with pytest.raises(InvalidValue) as caught:
        Challenge.from_mapping(values)
    assert caught.value.field == field
