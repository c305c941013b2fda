"""Filters from what a user typed: one parser for the CLI, the pages and the API."""

from __future__ import annotations

from datetime import date

import pytest

from quadhelix.analytics.filters import GraphFilters
from quadhelix.registry.errors import InvalidValue
from quadhelix.registry.vocab import CoalitionKind, TieSource, TieType


def test_parse_drops_blanks_and_reads_choices_in_either_language() -> None:
    filters = GraphFilters.parse(
        as_of=date(2024, 1, 1),
        themes=[" armoede ", "", "  "],
        areas=["Rabot"],
        tie_types=["Collaboration", "samenwerking", " funding "],
        tie_sources=["manual"],
        coalition_kinds=["project", " "],
    )
    assert filters.as_of == date(2024, 1, 1)
    assert filters.themes == ("armoede",)
    assert filters.areas == ("Rabot",)
    assert filters.tie_types == (TieType.COLLABORATION, TieType.COLLABORATION, TieType.FUNDING)
    assert filters.tie_sources == (TieSource.MANUAL,)
    assert filters.coalition_kinds == (CoalitionKind.PROJECT,)


@pytest.mark.parametrize(
    ("option", "parameter"),
    [
        ("tie_types", "tie_type"),
        ("tie_sources", "tie_source"),
        ("coalition_kinds", "coalition_kind"),
    ],
)
def test_parse_names_the_parameter_of_a_wrong_choice(option: str, parameter: str) -> None:
    with pytest.raises(InvalidValue) as error:
        GraphFilters.parse(**{option: ["nonsense"]})
    assert error.value.field == parameter
    assert error.value.value == "nonsense"


def test_parse_keeps_the_period_checks() -> None:
    with pytest.raises(InvalidValue, match="ends before it starts"):
        GraphFilters.parse(date_from=date(2024, 2, 1), date_to=date(2024, 1, 1))
    with pytest.raises(InvalidValue, match="either a date or a period"):
        GraphFilters.parse(as_of=date(2024, 1, 1), date_from=date(2023, 1, 1))
