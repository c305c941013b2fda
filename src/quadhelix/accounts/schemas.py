"""What goes into and comes out of account management, in the registry's naming family."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field

from quadhelix.accounts.model import Role

_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._@-]{1,99}$")


def normalise_username(value: str) -> str:
    """User names are compared in lower case; letters, digits and ``. _ @ -`` only."""
    value = value.strip().lower()
    if not _USERNAME.match(value):
        raise ValueError(
            "a user name has 2-100 characters: letters, digits, '.', '_', '@' or '-', "
            "starting with a letter or digit"
        )
    return value


Username = Annotated[str, AfterValidator(normalise_username)]
Password = Annotated[str, Field(min_length=10, max_length=256)]


class UserCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    username: Username
    password: Password
    role: Role = Role.VIEWER
    survey_analyst: bool = False


class UserUpdate(BaseModel):
    """Only the fields that are set change."""

    model_config = ConfigDict(extra="forbid")

    role: Role | None = None
    is_active: bool | None = None
    password: Password | None = None
    survey_analyst: bool | None = None


class UserPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    username: str
    role: Role
    is_active: bool
    survey_analyst: bool
    last_login_at: datetime | None
    created_at: datetime
    updated_at: datetime


class TokenCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Annotated[str, Field(min_length=1, max_length=100)]
    expires_at: AwareDatetime | None = None


class TokenPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    expires_at: datetime | None


class TokenCreated(TokenPublic):
    """The token itself is in this answer only; it cannot be shown again."""

    token: str
