"""What goes into and comes out of the registry, validated the same way for CLI, API and imports.

Names follow one family per concept: ``ActorCreate``, ``ActorUpdate``, ``ActorPublic``.
References to other records (parent, area, themes, actors in a tie) are given as text that the
services resolve: an external id, a database id, a KBO number or a name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any, Self, TypeVar
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from quadhelix.registry.errors import InvalidValue
from quadhelix.registry.identifiers import (
    check_period,
    normalise_association_code,
    normalise_kbo,
    parse_date,
)
from quadhelix.registry.vocab import (
    ActorKind,
    CoalitionKind,
    CoalitionStatus,
    HelixSector,
    MemberRole,
    TieSource,
    TieType,
    parse_choice,
)

T = TypeVar("T")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:(?!\d)")
E = TypeVar("E", bound=StrEnum)


def _reason_only(parse: Callable[[Any], T]) -> Callable[[Any], T]:
    """Adapt a domain parser so Pydantic reports its reason under the field's own name."""

    def validator(value: Any) -> T:
        try:
            return parse(value)
        except InvalidValue as error:  # the cause keeps the message id for translated pages
            raise ValueError(error.reason) from error

    return validator


def _choice(enum: type[E]) -> Callable[[Any], E]:
    return _reason_only(lambda value: parse_choice(enum, value, "value"))


def _optional_date(value: Any) -> Any:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return parse_date(value, "value") if isinstance(value, str) else value


def _blank_to_none(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _name(value: str) -> str:
    value = " ".join(value.split())
    if not value:
        raise ValueError("a name cannot be empty")
    return value


def _website(value: str) -> str:
    """An http(s) address; ``example.org`` gets ``https://``, other schemes are refused."""
    if _SCHEME.match(value) and not value.lower().startswith(("http://", "https://")):
        raise ValueError("a website is an http(s) address")
    if "://" not in value:
        value = "https://" + value
    host = urlsplit(value).hostname or ""
    if " " in value or "." not in host:
        raise ValueError("a website is an http(s) address with a host name")
    return value


Helix = Annotated[HelixSector, BeforeValidator(_choice(HelixSector))]
Kind = Annotated[ActorKind, BeforeValidator(_choice(ActorKind))]
CKind = Annotated[CoalitionKind, BeforeValidator(_choice(CoalitionKind))]
CStatus = Annotated[CoalitionStatus, BeforeValidator(_choice(CoalitionStatus))]
Role = Annotated[MemberRole, BeforeValidator(_choice(MemberRole))]
TType = Annotated[TieType, BeforeValidator(_choice(TieType))]
TSource = Annotated[TieSource, BeforeValidator(_choice(TieSource))]
Day = Annotated[date | None, BeforeValidator(_reason_only(_optional_date))]
Name = Annotated[str, AfterValidator(_name), Field(max_length=300)]
Text = Annotated[str | None, BeforeValidator(_blank_to_none)]
ShortText = Annotated[
    Annotated[str, StringConstraints(max_length=200)] | None, BeforeValidator(_blank_to_none)
]
Kbo = Annotated[
    Annotated[str, AfterValidator(_reason_only(normalise_kbo))] | None,
    BeforeValidator(_blank_to_none),
]
AssociationCode = Annotated[
    Annotated[str, AfterValidator(_reason_only(normalise_association_code))] | None,
    BeforeValidator(_blank_to_none),
]
Website = Annotated[
    Annotated[str, StringConstraints(max_length=500), AfterValidator(_website)] | None,
    BeforeValidator(_blank_to_none),
]
PostalCode = Annotated[
    Annotated[str, StringConstraints(pattern=r"^\d{4}$")] | None,
    BeforeValidator(_blank_to_none),
]


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @model_validator(mode="after")
    def _period(self) -> Self:
        start = getattr(self, "start_date", None)
        end = getattr(self, "end_date", None)
        try:
            check_period(start, end, "end_date")
        except InvalidValue as error:  # the cause keeps the message id for translated pages
            raise ValueError(str(error)) from error
        return self


class ActorCreate(_Input):
    name: Name
    helix: Helix
    kind: Kind = ActorKind.ORGANISATION
    external_id: ShortText = None
    parent: ShortText = None
    kbo: Kbo = None
    association_code: AssociationCode = None
    website: Website = None
    street: ShortText = None
    postal_code: PostalCode = None
    municipality: ShortText = None
    area: ShortText = None
    themes: list[str] = Field(default_factory=list)
    description: Text = None
    start_date: Day = None
    end_date: Day = None


class ActorUpdate(_Input):
    """Only the fields that are set change; set a field to ``None`` to clear it."""

    name: Name | None = None
    helix: Helix | None = None
    kind: Kind | None = None
    external_id: ShortText = None
    parent: ShortText = None
    kbo: Kbo = None
    association_code: AssociationCode = None
    website: Website = None
    street: ShortText = None
    postal_code: PostalCode = None
    municipality: ShortText = None
    area: ShortText = None
    themes: list[str] | None = None
    description: Text = None
    start_date: Day = None
    end_date: Day = None


class LinkIn(BaseModel):
    title: Annotated[str, AfterValidator(_name)]
    url: Annotated[str, AfterValidator(_website)]


class CoalitionCreate(_Input):
    name: Name
    kind: CKind = CoalitionKind.PROJECT
    status: CStatus = CoalitionStatus.ACTIVE
    external_id: ShortText = None
    description: Text = None
    goals: Text = None
    themes: list[str] = Field(default_factory=list)
    areas: list[str] = Field(default_factory=list)
    start_date: Day = None
    end_date: Day = None
    parent: ShortText = None
    links: list[LinkIn] = Field(default_factory=list)


class CoalitionUpdate(_Input):
    name: Name | None = None
    kind: CKind | None = None
    status: CStatus | None = None
    external_id: ShortText = None
    description: Text = None
    goals: Text = None
    themes: list[str] | None = None
    areas: list[str] | None = None
    start_date: Day = None
    end_date: Day = None
    parent: ShortText = None
    links: list[LinkIn] | None = None


class MembershipCreate(_Input):
    role: Role = MemberRole.PARTNER
    start_date: Day = None
    end_date: Day = None
    contribution: Text = None


class TieCreate(_Input):
    source_actor: Annotated[str, AfterValidator(_name)]
    target_actor: Annotated[str, AfterValidator(_name)]
    type: TType = TieType.COLLABORATION
    directed: bool = False
    weight: float = Field(default=1.0, gt=0, allow_inf_nan=False)
    start_date: Day = None
    end_date: Day = None
    source: TSource = TieSource.MANUAL
    provenance: ShortText = None


class _Public(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class ActorAliasPublic(_Public):
    """An identifier of an actor that was merged into this one; imports still find it."""

    external_id: str | None
    kbo: str | None


class ActorPublic(_Public):
    id: int
    external_id: str | None
    name: str
    helix: HelixSector
    kind: ActorKind
    parent_id: int | None
    kbo: str | None
    association_code: str | None
    website: str | None
    street: str | None
    postal_code: str | None
    municipality: str | None
    area: str | None
    themes: list[str]
    description: str | None
    start_date: date | None
    end_date: date | None
    provenance: str | None = None
    aliases: list[ActorAliasPublic] = Field(default_factory=list)
    created_at: datetime
    updated_at: datetime


class LinkPublic(_Public):
    title: str
    url: str


class MembershipPublic(_Public):
    id: int
    coalition_id: int
    actor_id: int
    role: MemberRole
    start_date: date | None
    end_date: date | None
    contribution: str | None


class CoalitionPublic(_Public):
    id: int
    external_id: str | None
    name: str
    kind: CoalitionKind
    status: CoalitionStatus
    description: str | None
    goals: str | None
    themes: list[str]
    areas: list[str]
    start_date: date | None
    end_date: date | None
    parent_id: int | None
    links: list[LinkPublic]
    created_at: datetime
    updated_at: datetime


class TiePublic(_Public):
    id: int
    source_actor_id: int
    target_actor_id: int
    type: TieType
    directed: bool
    weight: float
    start_date: date | None
    end_date: date | None
    source: TieSource
    provenance: str | None
    created_at: datetime
    updated_at: datetime
