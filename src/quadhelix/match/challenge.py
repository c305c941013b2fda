"""A challenge put to the coalition builder, checked on the way in.

Bad input is a user error (``InvalidValue`` naming the field), never a traceback or an empty
answer: a challenge needs words to search for, or themes or areas.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from quadhelix.match.text import words
from quadhelix.registry.errors import InvalidValue
from quadhelix.registry.vocab import HelixSector, parse_choice

DEFAULT_SIZE = 8
MAX_SIZE = 50


def _strings(name: str, values: Iterable[str] | str | None) -> tuple[str, ...]:
    if values is None:
        return ()
    if isinstance(values, str):
        values = [values]
    cleaned: list[str] = []
    for value in values:
        if not isinstance(value, str) or not value.strip():
            raise InvalidValue(name, value, "expected a non-empty name or code")
        if value.strip() not in cleaned:
            cleaned.append(value.strip())
    return tuple(cleaned)


def _mix(value: Mapping[str, int] | Mapping[HelixSector, int] | None) -> dict[HelixSector, int]:
    if value is None:
        return {}
    mix: dict[HelixSector, int] = {}
    for sector, count in value.items():
        key = parse_choice(HelixSector, sector, "helix_mix")
        if not isinstance(count, int) or isinstance(count, bool) or count < 0:
            raise InvalidValue(
                "helix_mix", count, "the count for %(sector)s must be 0 or more", sector=key
            )
        mix[key] = count
    return mix


@dataclass(frozen=True)
class Challenge:
    """What the civil servant asks for.

    ``text`` is the title and description (Dutch or English); ``themes`` and ``areas`` are codes
    or names; ``lead`` is the actor that will lead the coalition (usually a city department);
    ``include`` and ``exclude`` force actors in or out; ``size`` is the number of partners to
    propose besides the lead; ``helix_mix`` asks for at least so many partners per sector (by
    default one of every sector that has a relevant candidate); ``as_of`` uses only what started
    before that day; ``max_active`` penalises actors already in more active coalitions than that.
    """

    text: str = ""
    themes: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    lead: str | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    size: int = DEFAULT_SIZE
    helix_mix: Mapping[str, int] | Mapping[HelixSector, int] | None = None
    as_of: date | None = None
    max_active: int | None = None
    mix: dict[HelixSector, int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise InvalidValue("text", self.text, "expected text")
        set_ = object.__setattr__
        set_(self, "text", " ".join(self.text.split()))
        for name in ("themes", "areas", "include", "exclude"):
            set_(self, name, _strings(name, getattr(self, name)))
        lead = self.lead.strip() if isinstance(self.lead, str) else self.lead
        if lead is not None and (not isinstance(lead, str) or not lead):
            raise InvalidValue("lead", self.lead, "expected an actor's id, external id or name")
        set_(self, "lead", lead)
        if not isinstance(self.size, int) or isinstance(self.size, bool):
            raise InvalidValue("size", self.size, "expected a whole number")
        if not 1 <= self.size <= MAX_SIZE:
            raise InvalidValue("size", self.size, "must be between 1 and %(most)s", most=MAX_SIZE)
        if self.max_active is not None and (
            not isinstance(self.max_active, int) or self.max_active < 1
        ):
            raise InvalidValue("max_active", self.max_active, "must be 1 or more")
        mix = _mix(self.helix_mix)
        if sum(mix.values()) > self.size:
            raise InvalidValue(
                "helix_mix", self.helix_mix, "asks for more than %(size)s", size=self.size
            )
        set_(self, "mix", mix)
        both = set(self.include) & set(self.exclude)
        if both:
            raise InvalidValue("exclude", sorted(both)[0], "is also in include")
        if lead is not None and lead in self.exclude:
            raise InvalidValue("exclude", lead, "is the lead")
        if not self.text and not self.themes and not self.areas:
            raise InvalidValue(
                "text", self.text, "describe the challenge, or give at least one theme or area"
            )
        if self.text and not words(self.text) and not self.themes and not self.areas:
            raise InvalidValue(
                "text", self.text, "has no words to search for (only stop words or punctuation)"
            )

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> Challenge:
        """A challenge from JSON-like values (a line of a batch file); unknown fields are errors."""
        known = {
            "text",
            "title",
            "description",
            "themes",
            "areas",
            "lead",
            "include",
            "exclude",
            "size",
            "helix_mix",
            "as_of",
            "max_active",
        }
        for key in values:
            if key not in known:
                raise InvalidValue(key, values[key], "unknown field")
        text = " ".join(
            str(values[k]) for k in ("title", "description", "text") if values.get(k) is not None
        )
        as_of = values.get("as_of")
        if as_of is not None and not isinstance(as_of, date):
            try:
                as_of = date.fromisoformat(str(as_of))
            except ValueError:
                raise InvalidValue("as_of", as_of, "expected a date as YYYY-MM-DD") from None
        return cls(
            text=text,
            themes=values.get("themes") or (),
            areas=values.get("areas") or (),
            lead=values.get("lead"),
            include=values.get("include") or (),
            exclude=values.get("exclude") or (),
            size=values.get("size", DEFAULT_SIZE),
            helix_mix=values.get("helix_mix"),
            as_of=as_of,
            max_active=values.get("max_active"),
        )
