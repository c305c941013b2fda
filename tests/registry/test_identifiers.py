"""Enterprise numbers, association codes and dates, checked on real numbers."""

from __future__ import annotations

import json
from datetime import date

import pytest

from quadhelix.registry.errors import InvalidValue
from quadhelix.registry.identifiers import (
    check_period,
    format_kbo,
    normalise_association_code,
    normalise_kbo,
    parse_date,
)
from tests.shared_data import DATA

BENEFICIARY_KBO = "Le numéro de BCE du bénéficiaire de la subvention"


@pytest.mark.parametrize(
    "written",
    [
        "0417.497.106",
        "0417497106",
        "0417 497 106",
        "BE0417497106",
        "be 0417.497.106",
        "417497106",
        "0417-497-106",
    ],
)
def test_kbo_forms_normalise_to_ten_digits(written: str) -> None:
    assert normalise_kbo(written) == "0417497106"


def test_kbo_format_round_trip() -> None:
    assert format_kbo(normalise_kbo("BE0442528054")) == "0442.528.054"


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("0417.497.107", "check digits should be 06"),
        ("0417.497.1O6", "only digits"),
        ("041749710", "check digits"),
        ("04174971066", "10 digits"),
        ("2417497106", "starts with 0 or 1"),
        ("", "only digits"),
    ],
)
def test_invalid_kbo_names_field_value_and_reason(written: str, reason: str) -> None:
    with pytest.raises(InvalidValue) as raised:
        normalise_kbo(written, "kbo")
    assert raised.value.field == "kbo"
    assert raised.value.value == written
    assert reason in str(raised.value)


def test_real_enterprise_numbers_from_a_city_subsidy_register() -> None:
    """673 real beneficiaries: all but two numbers pass; those two have wrong check digits."""
    records = json.loads(
        (DATA / "flanders" / "brussels_city_subsidies_2022_beneficiaries.json").read_text("utf-8")
    )
    numbers = [str(record[BENEFICIARY_KBO]) for record in records]
    rejected = {}
    for number in numbers:
        try:
            assert len(normalise_kbo(number)) == 10
        except InvalidValue as error:
            rejected[number] = error.reason
    assert len(numbers) == 673
    assert rejected == {
        "0108.141.257": "check digits should be 41",
        "0625.915.512": "check digits should be 61",
    }


def test_real_numbers_from_the_kbo_mutation_file() -> None:
    lines = (DATA / "flanders" / "vkbo_mutation_file_sample_20240219.csv").read_text().splitlines()
    numbers = [line.split(",")[1] for line in lines[1:]]
    assert [normalise_kbo(n) for n in numbers] == ["0442528054", "0000000097"]


def test_association_codes() -> None:
    assert normalise_association_code(" v0001234 ") == "V0001234"
    with pytest.raises(InvalidValue, match="V0001234"):
        normalise_association_code("0001234")


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2024-02-29", date(2024, 2, 29)),
        ("29/02/2024", date(2024, 2, 29)),
        ("1/3/2022", date(2022, 3, 1)),
        ("01.03.2022", date(2022, 3, 1)),
    ],
)
def test_dates(written: str, expected: date) -> None:
    assert parse_date(written, "start") == expected


@pytest.mark.parametrize(
    "written", ["2023-02-29", "31/04/2022", "2022/01/01", "gisteren", "2022-1-1"]
)
def test_bad_dates(written: str) -> None:
    with pytest.raises(InvalidValue) as raised:
        parse_date(written, "start")
    assert raised.value.field == "start"


def test_period_must_not_run_backwards() -> None:
    check_period(date(2022, 1, 1), date(2022, 1, 1))
    check_period(None, date(2022, 1, 1))
    with pytest.raises(InvalidValue, match="ends before it starts"):
        check_period(date(2022, 1, 2), date(2022, 1, 1))
