"""The GET filter forms of the pages (map, silos, start page, actor and coalition lists).

A browser sends every field of such a form, the ones left open as empty values: an empty value
means "not given". A wrong value (``as_of=zz``, ``by=zz``, a theme that does not exist) does not
end in an error page: the page is shown again with the form as it was typed and a message next
to the field, in the page's language, and without the command-line hints the CLI prints.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.orm import Session
from starlette.datastructures import QueryParams

from quadhelix.analytics.filters import GraphView
from quadhelix.registry.errors import InvalidValue, QuadhelixError, shown
from quadhelix.registry.identifiers import parse_date
from quadhelix.registry.vocabulary import find_area, find_theme
from quadhelix.web.analysis import NetworkQuery
from quadhelix.web.messages import (
    PAGE_REASONS,
    UNKNOWN_AREA,
    UNKNOWN_THEME,
    WITH_VALUE,
    Text,
    message_of,
    reason_of,
)
from quadhelix.web.translations import N_

ONE_OF = N_("must be one of %(allowed)s")

MAX_PAGE = 100_000

# The name the domain gives a field, where the form's parameter has another name.
PARAMETERS: Mapping[str, str] = {
    "date_from": "from",
    "date_to": "to",
    "themes": "theme",
    "areas": "area",
    "tie_types": "tie_type",
    "tie_sources": "tie_source",
    "coalition_kinds": "coalition_kind",
}

_NETWORK_LISTS = ("theme", "area", "tie_type", "tie_source", "coalition_kind")
_NETWORK_PARAMETERS = ("as_of", "from", "to", "view", *_NETWORK_LISTS)


@dataclass
class FilterErrors:
    """What is wrong with a filter form: per parameter, and for the form as a whole.

    Shaped like ``forms.FormErrors`` so that the ``field_error`` macro shows it next to a field.
    """

    fields: dict[str, str] = field(default_factory=dict)
    general: str | None = None

    def __bool__(self) -> bool:
        return bool(self.fields or self.general)

    def add(self, error: QuadhelixError) -> None:
        """A domain error, next to its field when the form has one by that name."""
        if isinstance(error, InvalidValue):
            name = PARAMETERS.get(error.field, error.field)
            self.fields.setdefault(name, reason_of(error))
        else:
            self.general = page_message(error)


def page_message(error: QuadhelixError) -> Text:
    """The whole message of an error, as a page says it (no CLI commands)."""
    if isinstance(error, InvalidValue) and error.reason_template in PAGE_REASONS:
        field = PARAMETERS.get(error.field, error.field)
        reason = reason_of(error)
        return Text(WITH_VALUE, {"field": field, "reason": reason, "value": shown(error.value)})
    return message_of(error)


def given(value: str | None) -> str | None:
    """A typed value, or None when left empty."""
    return value.strip() or None if value else None


def typed(params: QueryParams, names: Iterable[str], lists: Iterable[str] = ()) -> dict[str, Any]:
    """The form's values as typed: a text per single field, the non-empty texts of lists."""
    many = set(lists)
    values: dict[str, Any] = {}
    for name in names:
        texts = [v.strip() for v in params.getlist(name)]
        values[name] = [t for t in texts if t] if name in many else (texts[0] if texts else "")
    return values


def read_date(text: str, name: str, errors: FilterErrors) -> date | None:
    """A date field: None when empty; a wrong one gets a message next to the field."""
    if not text:
        return None
    try:
        return parse_date(text, name)
    except InvalidValue as problem:
        errors.fields.setdefault(name, reason_of(problem))
        return None


def read_choice(text: str, name: str, allowed: Iterable[str], errors: FilterErrors) -> str | None:
    """One of ``allowed``: None when empty; another value gets a message next to the field."""
    choices = list(allowed)
    if not text:
        return None
    if text in choices:
        return text
    errors.fields.setdefault(name, Text(ONE_OF, {"allowed": ", ".join(choices)}))
    return None


def read_page(text: str | None) -> int:
    """A page number from the address; anything that is not one (``abc``, ``0``) is page 1."""
    try:
        number = int((text or "").strip())
    except ValueError:
        return 1
    return number if 1 <= number <= MAX_PAGE else 1


@dataclass
class NetworkForm:
    """The network filters as typed, the query they make, and what is wrong with them."""

    values: dict[str, Any]
    query: NetworkQuery
    errors: FilterErrors


def network_form(params: QueryParams, session: Session) -> NetworkForm:
    """The map and silo pages' filters (the names of ``quadhelix analyze``'s options).

    Wrong values are left out of ``query`` and named in ``errors``; themes and areas are looked up
    here, so that an unknown one is named next to its field before any analysis runs.
    """
    values = typed(params, _NETWORK_PARAMETERS, _NETWORK_LISTS)
    errors = FilterErrors()
    days = {name: read_date(values[name], name, errors) for name in ("as_of", "from", "to")}
    view = read_choice(values["view"], "view", [v.value for v in GraphView], errors)
    for ref in values["theme"]:
        if find_theme(session, ref) is None:
            errors.fields.setdefault("theme", Text(UNKNOWN_THEME))
    for ref in values["area"]:
        if find_area(session, ref) is None:
            errors.fields.setdefault("area", Text(UNKNOWN_AREA))
    data: dict[str, Any] = {
        "as_of": days["as_of"],
        "from": days["from"],
        "to": days["to"],
        "view": view or GraphView.TIES,
    }
    data |= {name: values[name] for name in _NETWORK_LISTS if name not in errors.fields}
    try:
        query = NetworkQuery.model_validate(data)
        query.filters()  # choices and the period, named by their parameter
    except QuadhelixError as problem:
        errors.add(problem)
    if errors:
        query = NetworkQuery()
    return NetworkForm(values, query, errors)
