"""Errors a user can cause and fix. The CLI prints them as one line; the API maps them to 4xx."""

from __future__ import annotations

from datetime import date

from pydantic import ValidationError


class QuadhelixError(Exception):
    """Base class for user-facing errors: the message names the field and the offending value.

    ``str(error)`` is the English message the command line prints. Front ends that speak other
    languages translate ``template`` (an English message id with ``%(name)s`` placeholders) and
    fill in ``params``: ``QuadhelixError(template="%(name)r is taken", name="x")``. Errors made
    from a plain message have that message as their template and no parameters.
    """

    def __init__(self, message: str = "", *, template: str | None = None, **params: object):
        if template is not None:
            message = template % params
        super().__init__(message)
        self.template = template if template is not None else message
        self.params: dict[str, object] = dict(params)


def shown(value: object) -> str:
    """A value as a message quotes it: text in quotes, a date as 2024-05-01 (not its repr)."""
    if isinstance(value, date):  # also datetime
        return repr(value.isoformat())
    return repr(value)


class InvalidValue(QuadhelixError):
    """A field got a value that cannot be accepted."""

    def __init__(self, field: str, value: object, reason: str, **params: object) -> None:
        """``reason`` may be a template with ``%(name)s`` placeholders filled from ``params``."""
        self.field = field
        self.value = value
        self.reason_template = reason
        self.reason_params: dict[str, object] = dict(params)
        self.reason = reason % params if params else reason
        super().__init__(f"{field}: {self.reason} (got {shown(value)})")


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
