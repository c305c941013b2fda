from __future__ import annotations

from datetime import date

import pytest

from quadhelix.io.validate import Invalid, boolean, day, kbo, name, number, positive, text


def test_decimal_commas_and_points() -> None:
    assert number("0,5") == 0.5
    assert number("1.234,5") == 1234.5
    assert number("2.5") == 2.5
    with pytest.raises(Invalid, match="greater than 0"):
        positive("-0,5")


def test_dates_both_ways_and_in_range() -> None:
    assert day("01/02/2020") == day("2020-02-01") == date(2020, 2, 1)
    with pytest.raises(Invalid, match="out of range"):
        day("1024-01-01")
    with pytest.raises(Invalid, match="not a real calendar date"):
        day("2020-02-30")


def test_names_refuse_html_and_keep_text() -> None:
    assert name("  Buurtwerk   Rabot ") == "Buurtwerk Rabot"
    with pytest.raises(Invalid, match="HTML"):
        name("<b>Rabot</b>")


def test_formula_guard_of_our_exports_is_taken_off() -> None:
    assert text()("'=SUM(A1)") == "=SUM(A1)"
    assert text()("'t Kasteeltje") == "'t Kasteeltje"


def test_kbo_check_digits_and_booleans() -> None:
    assert kbo("BE 0417.497.106") == "0417497106"
    with pytest.raises(Invalid, match="check digits should be 06"):
        kbo("0417.497.107")
    assert (boolean("ja"), boolean("Nee"), boolean("1")) == (True, False, True)
