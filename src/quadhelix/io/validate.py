"""Column-wise validation of imported rows, with the registry's own parsing rules.

Per-row Pydantic models are too slow for 145,000 rows, so each column is parsed once per distinct
value (a column of dates or sectors has few) with the same functions the schemas use. Every problem
names its file, row and column.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from pydantic import TypeAdapter, ValidationError

from quadhelix.io.report import Problem
from quadhelix.io.spreadsheet import Sheet
from quadhelix.registry.errors import InvalidValue
from quadhelix.registry.identifiers import normalise_kbo, parse_date
from quadhelix.registry.messages import Message, message
from quadhelix.registry.schemas import Website
from quadhelix.registry.vocab import (
    ActorKind,
    CoalitionKind,
    CoalitionStatus,
    HelixSector,
    MemberRole,
    TieType,
    parse_choice,
)

PROVENANCE_LENGTH = 500  # the column's size
EARLIEST = date(1800, 1, 1)
LATEST = date(2100, 12, 31)
_HTML = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")
_FORMULA_GUARD = re.compile(r"^'(?=[=+\-@\t\r])")
_DECIMAL_COMMA = re.compile(r"^[+-]?\d{1,3}(\.\d{3})*,\d+$|^[+-]?\d+,\d+$")
_TRUE = {"true", "yes", "ja", "waar", "1", "x", "y", "j", "oui", "vrai"}
_FALSE = {"false", "no", "nee", "onwaar", "0", "n", "non", "faux"}
_website = TypeAdapter(Website)
GOT = "%(reason)s (got %(value)s)"  # a registry rule's reason and the cell that broke it


class Invalid(ValueError):
    """A cell that cannot be read; the message is shown after ``file:row:column:``."""

    def __init__(self, template: str, **params: object) -> None:
        self.message = message(template, **params)
        super().__init__(self.message)


def _reason(error: InvalidValue) -> Message:
    """A registry error's reason, translatable like the error itself."""
    return Message(error.reason_template, error.reason_params)


def shown(value: str, limit: int = 60) -> str:
    """A value quoted for a message, shortened so a 1 MB cell does not flood the terminal."""
    return repr(value if len(value) <= limit else value[:limit] + "…")


def text(max_length: int | None = None, *, html: bool = True) -> Callable[[str], str]:
    """Plain text; a leading ``'`` that our exports put before ``=+-@`` is taken off again."""

    def parse(value: str) -> str:
        value = _FORMULA_GUARD.sub("", value)
        if max_length is not None and len(value) > max_length:
            raise Invalid(
                "at most %(most)s characters (got %(length)s)",
                most=max_length,
                length=f"{len(value):,}",
            )
        if not html and _HTML.search(value):
            raise Invalid("HTML is not accepted here (got %(value)s)", value=shown(value))
        return value

    return parse


def name(value: str) -> str:
    value = " ".join(text(300, html=False)(value).split())
    if not value:
        raise Invalid("a name cannot be empty")
    return value


def choice(enum: type[StrEnum]) -> Callable[[str], StrEnum]:
    def parse(value: str) -> StrEnum:
        try:
            return parse_choice(enum, value, "value")
        except InvalidValue as error:
            raise Invalid(GOT, reason=_reason(error), value=shown(value)) from None

    return parse


def day(value: str) -> date:
    """ISO or Belgian date, within 1800–2100 (a typo like 20244 or 1024 is caught)."""
    try:
        parsed = parse_date(value, "value")
    except InvalidValue as error:
        raise Invalid(GOT, reason=_reason(error), value=shown(value)) from None
    if not EARLIEST <= parsed <= LATEST:
        raise Invalid(
            "date out of range %(earliest)s–%(latest)s (got %(value)s)",
            earliest=EARLIEST.year,
            latest=LATEST.year,
            value=shown(value),
        )
    return parsed


def kbo(value: str) -> str:
    try:
        return normalise_kbo(value)
    except InvalidValue as error:
        raise Invalid(GOT, reason=_reason(error), value=shown(value)) from None


def website(value: str) -> str:
    try:
        result = _website.validate_python(value)
    except ValidationError as error:
        reason = error.errors()[0]["msg"].removeprefix("Value error, ")
        raise Invalid(GOT, reason=Message(reason), value=shown(value)) from None
    assert result is not None
    return result


def postal_code(value: str) -> str:
    if not re.fullmatch(r"\d{4}", value):
        raise Invalid("a Belgian postal code has 4 digits (got %(value)s)", value=shown(value))
    return value


def number(value: str) -> float:
    """A number, also with a decimal comma (``0,5``, ``1.234,5``) as Belgian Excel writes it."""
    cleaned = value.replace(" ", "").replace("\u00a0", "")
    if _DECIMAL_COMMA.match(cleaned):
        cleaned = cleaned.replace(".", "").replace(",", ".")
    try:
        result = float(cleaned)
    except ValueError:
        raise Invalid("not a number (got %(value)s)", value=shown(value)) from None
    if not math.isfinite(result):
        raise Invalid("not a finite number (got %(value)s)", value=shown(value))
    return result


def positive(value: str) -> float:
    result = number(value)
    if result <= 0:
        raise Invalid("must be greater than 0 (got %(value)s)", value=shown(value))
    return result


def boolean(value: str) -> bool:
    folded = value.strip().lower()
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return False
    raise Invalid("write true/false or ja/nee (got %(value)s)", value=shown(value))


_SHORT_TEXT = text(200)


def listing(item: Callable[[str], str] = _SHORT_TEXT) -> Callable[[str], tuple[str, ...]]:
    """Several values in one cell, separated by ``|``."""

    def parse(value: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(item(part.strip()) for part in value.split("|") if part.strip()))

    return parse


@dataclass(frozen=True)
class Field:
    column: str
    parse: Callable[[str], Any]
    required: bool = False
    default: Any = None


FIELDS: dict[str, tuple[Field, ...]] = {
    "actors": (
        Field("id", text(200), required=True),
        Field("name", name, required=True),
        Field("helix", choice(HelixSector), required=True),
        Field("kind", choice(ActorKind), default=ActorKind.ORGANISATION),
        Field("parent_id", text(200)),
        Field("kbo", kbo),
        Field("website", website),
        Field("postal_code", postal_code),
        Field("area", text(200, html=False)),
        Field("themes", listing(), default=()),
        Field("description", text()),
        Field("start", day),
        Field("end", day),
        Field("provenance", text(PROVENANCE_LENGTH)),
    ),
    "coalitions": (
        Field("id", text(200), required=True),
        Field("name", name, required=True),
        Field("kind", choice(CoalitionKind), default=CoalitionKind.PROJECT),
        Field("status", choice(CoalitionStatus), default=CoalitionStatus.ACTIVE),
        Field("description", text()),
        Field("themes", listing(), default=()),
        Field("areas", listing(text(200, html=False)), default=()),
        Field("start", day),
        Field("end", day),
        Field("parent_id", text(200)),
    ),
    "members": (
        Field("coalition_id", text(200), required=True),
        Field("actor_id", text(200), required=True),
        Field("role", choice(MemberRole), default=MemberRole.PARTNER),
        Field("start", day),
        Field("end", day),
        Field("contribution", text()),
    ),
    "ties": (
        Field("source_id", text(200), required=True),
        Field("target_id", text(200), required=True),
        Field("type", choice(TieType), default=TieType.COLLABORATION),
        Field("directed", boolean, default=False),
        Field("weight", positive, default=1.0),
        Field("start", day),
        Field("end", day),
    ),
}


@dataclass
class Batch:
    """Validated columns of one file; ``bad`` maps a row index to what is wrong with it."""

    source: str
    kind: str
    row_numbers: list[int]
    values: dict[str, list[Any]]
    bad: dict[int, list[Problem]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.row_numbers)

    def reject(self, index: int, column: str, reason: str, **params: object) -> None:
        """Refuse a row; ``reason`` is a message id (a ``Message`` is kept as it is)."""
        text = reason if isinstance(reason, Message) else Message(reason, params)
        problem = Problem(self.source, self.row_numbers[index], column, text)
        problems = self.bad.setdefault(index, [])
        if problem not in problems:  # checks that run again after skipping rows find it again
            problems.append(problem)

    @property
    def problems(self) -> list[Problem]:
        return sorted(p for problems in self.bad.values() for p in problems)

    def good(self) -> list[int]:
        return [i for i in range(len(self)) if i not in self.bad]


def parse_column(batch: Batch, spec: Field, cells: Sequence[str]) -> list[Any]:
    """Parse one column, each distinct value once; failures are recorded on the batch."""
    parsed: dict[str, Any] = {"": spec.default}
    failed: dict[str, Message] = {}
    distinct = set(cells)
    for cell in distinct:
        if cell:
            try:
                parsed[cell] = spec.parse(cell)
            except Invalid as error:
                failed[cell] = error.message
                parsed[cell] = spec.default
    if failed or (spec.required and "" in distinct):
        for index, cell in enumerate(cells):
            if cell in failed:
                batch.reject(index, spec.column, failed[cell])
            elif not cell and spec.required:
                batch.reject(index, spec.column, "required value is empty")
    return list(map(parsed.__getitem__, cells))


def unique(batch: Batch, column: str, template: str) -> None:
    """A key may appear only once in a file: a second row would silently overwrite the first."""
    first: dict[Any, int] = {}
    for index, value in enumerate(batch.values[column]):
        if value is None or value == "":
            continue
        if value in first:
            row = batch.row_numbers[first[value]]
            batch.reject(index, column, template, value=shown(str(value)), row=row)
        else:
            first[value] = index


def check_periods(batch: Batch) -> None:
    for index, (start, end) in enumerate(
        zip(batch.values["start"], batch.values["end"], strict=True)
    ):
        if start is not None and end is not None and end < start:
            batch.reject(
                index, "end", "ends before it starts (%(end)s < %(start)s)", end=end, start=start
            )


def validate_sheet(sheet: Sheet, kind: str) -> Batch:
    """Parse and check every cell of a sheet; the rules that need no database."""
    batch = Batch(sheet.source, kind, sheet.row_numbers, {})
    for problem in sheet.problems:
        index = sheet.row_numbers.index(problem.row)
        batch.bad.setdefault(index, []).append(problem)
    for spec in FIELDS[kind]:
        batch.values[spec.column] = parse_column(batch, spec, sheet.column(spec.column))
    check_periods(batch)
    if kind in ("actors", "coalitions"):
        unique(batch, "id", "duplicate id %(value)s (also on row %(row)s)")
    if kind == "actors":
        unique(batch, "kbo", "duplicate KBO number %(value)s (also on row %(row)s)")
        for index, (own, parent) in enumerate(
            zip(batch.values["id"], batch.values["parent_id"], strict=True)
        ):
            if own is not None and own == parent:
                batch.reject(index, "parent_id", "an actor cannot be its own parent")
    if kind == "ties":
        for index, (source, target) in enumerate(
            zip(batch.values["source_id"], batch.values["target_id"], strict=True)
        ):
            if source is not None and source == target:
                batch.reject(index, "target_id", "a tie needs two different actors")
    return batch
