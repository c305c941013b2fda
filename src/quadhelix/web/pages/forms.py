"""Reading HTML forms into the registry's schemas, and errors back into per-field messages."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from sqlalchemy.exc import DataError, IntegrityError
from starlette.datastructures import FormData
from starlette.responses import Response

from quadhelix.registry.errors import Conflict, InvalidValue, NotFound, QuadhelixError
from quadhelix.web.messages import message_of, reason_of, validation_reason
from quadhelix.web.security import CSRF_FIELD
from quadhelix.web.versioning import EditConflict, PreconditionRequired


def form_values(form: FormData, multi: Iterable[str] = ()) -> dict[str, Any]:
    """Single fields as stripped text, ``multi`` fields as lists of non-empty values."""
    many = set(multi)
    values: dict[str, Any] = {}
    for key in {k for k, _ in form.multi_items()}:
        if key in (CSRF_FIELD, "version"):
            continue
        texts = [v.strip() for v in form.getlist(key) if isinstance(v, str)]
        values[key] = [t for t in texts if t] if key in many else (texts[0] if texts else "")
    for key in many:
        values.setdefault(key, [])
    return values


def form_text(form: FormData, name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


@dataclass
class FormErrors:
    """What went wrong with a submitted form: per field, and for the form as a whole."""

    fields: dict[str, str] = field(default_factory=dict)
    general: str | None = None
    status: int = 422

    def __bool__(self) -> bool:
        return bool(self.fields or self.general)


def form_errors(error: Exception) -> FormErrors:
    """Turn a validation or registry error into messages shown next to the fields."""
    if isinstance(error, ValidationError):
        fields: dict[str, str] = {}
        for problem in error.errors():
            loc = problem.get("loc", ())
            name = str(loc[0]) if loc else "form"
            message: str = validation_reason(problem)
            cause = getattr(problem.get("ctx", {}).get("error"), "__cause__", None)
            if isinstance(cause, InvalidValue):  # a domain error: keep it translatable
                message = reason_of(cause)
                if not loc:  # a check of the whole record ("ends before it starts")
                    name = cause.field  # belongs to the field it names
            fields.setdefault(name, message)
        return FormErrors(fields)
    if isinstance(error, InvalidValue):
        return FormErrors({error.field: reason_of(error)})
    if isinstance(error, EditConflict):
        return FormErrors(general=str(error), status=409)
    if isinstance(error, PreconditionRequired):
        return FormErrors(general="the form lacks the record's version; reload it", status=428)
    if isinstance(error, NotFound):
        return FormErrors({error.what: message_of(error)})
    if isinstance(error, Conflict | QuadhelixError):
        return FormErrors(general=message_of(error), status=409)
    if isinstance(error, IntegrityError):
        return FormErrors(general="the change clashes with data in the registry", status=409)
    if isinstance(error, DataError):
        return FormErrors(general="a value is too long or holds characters that cannot be stored")
    raise error


class FormRejected(Exception):
    """Carries the re-rendered form out of the handler, so the request's transaction rolls back
    (nothing half-saved) while the visitor sees their input with the messages."""

    def __init__(self, response: Response) -> None:
        self.response = response
        super().__init__("form rejected")
