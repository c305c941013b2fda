"""Official identifiers: Belgian enterprise numbers (KBO/BCE) and Flemish association codes."""

from __future__ import annotations

import re
from datetime import date

from quadhelix.registry.errors import InvalidValue

_KBO_SEPARATORS = re.compile(r"[\s.\-/]")
_VCODE = re.compile(r"^V\d{7}$")


def normalise_kbo(value: str, field: str = "kbo") -> str:
    """Return the 10-digit enterprise number, or raise naming the problem.

    Accepts ``0417.497.106``, ``0417 497 106``, ``BE0417497106`` and the old 9-digit form.
    The last two digits are 97 minus the first eight modulo 97 (KBO/BCE rule, also used for VAT).
    """
    text = _KBO_SEPARATORS.sub("", value.strip()).upper()
    text = text.removeprefix("BE")
    if not text.isdigit():
        raise InvalidValue(field, value, "an enterprise number has only digits, e.g. 0417.497.106")
    if len(text) == 9:
        text = "0" + text
    if len(text) != 10:
        raise InvalidValue(field, value, "an enterprise number has 10 digits, e.g. 0417.497.106")
    if text[0] not in "01":
        raise InvalidValue(field, value, "an enterprise number starts with 0 or 1")
    expected = 97 - int(text[:8]) % 97
    if int(text[8:]) != expected:
        raise InvalidValue(
            field, value, "check digits should be %(digits)s", digits=f"{expected:02d}"
        )
    return text


def format_kbo(number: str) -> str:
    """Show a normalised enterprise number the way Belgians write it: 0417.497.106."""
    return f"{number[:4]}.{number[4:7]}.{number[7:]}"


def normalise_association_code(value: str, field: str = "association_code") -> str:
    """Flemish association register code (vCode): ``V`` followed by seven digits."""
    text = value.strip().upper()
    if not _VCODE.match(text):
        raise InvalidValue(field, value, "an association code looks like V0001234")
    return text


def parse_date(value: str | date, field: str) -> date:
    """Dates as ISO ``YYYY-MM-DD`` or Belgian ``DD/MM/YYYY``."""
    if isinstance(value, date):
        return value
    text = value.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return date.fromisoformat(text)
        match = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", text)
        if match:
            day, month, year = (int(g) for g in match.groups())
            return date(year, month, day)
    except ValueError:
        raise InvalidValue(field, value, "not a real calendar date") from None
    raise InvalidValue(field, value, "dates are written YYYY-MM-DD or DD/MM/YYYY")


def check_period(start: date | None, end: date | None, field: str = "end") -> None:
    if start is not None and end is not None and end < start:
        raise InvalidValue(
            field, end.isoformat(), "ends before it starts (%(start)s)", start=start.isoformat()
        )
