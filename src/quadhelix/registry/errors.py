"""Errors a user can cause and fix. The CLI prints them as one line; the API maps them to 4xx."""

from __future__ import annotations

from pydantic import ValidationError


class QuadhelixError(Exception):
    """Base class for user-facing errors: the message names the field and the offending value."""


class InvalidValue(QuadhelixError):
    """A field got a value that cannot be accepted."""

    def __init__(self, field: str, value: object, reason: str) -> None:
        self.field = field
        self.value = value
        self.reason = reason
        super().__init__(f"{field}: {reason} (got {value!r})")


class NotFound(QuadhelixError):
    """A referenced record does not exist."""

    def __init__(self, what: str, ref: object) -> None:
        self.what = what
        self.ref = ref
        super().__init__(f"{what} not found: {ref!r}")


class Conflict(QuadhelixError):
    """The change clashes with data already in the registry (duplicate key, record still in use)."""


def validation_messages(error: ValidationError) -> list[str]:
    """One line per problem in a Pydantic error, naming the field and the value given."""
    lines = []
    for problem in error.errors():
        field = ".".join(str(part) for part in problem["loc"]) or "value"
        reason = problem["msg"].removeprefix("Value error, ")
        lines.append(f"{field}: {reason} (got {problem.get('input')!r})")
    return lines
