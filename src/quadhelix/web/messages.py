"""Error messages of the registry, the builder and accounts in the page's language.

The domain raises errors in English (the command line prints them as they are) and keeps the
message id and its parameters (``QuadhelixError.template``/``params``, ``InvalidValue``'s
``reason_template``/``reason_params``). Pages turn an error into a ``Text``: the English words
(so code and logs that treat it as a string keep working) plus what a catalogue needs. Templates
show it through the ``tr`` filter (``web.pages.rendering``), which looks the id up in the page's
catalogue and fills in the parameters; an id the catalogue lacks stays English.

The ids below are the domain's messages that people meet on pages; they are listed here, in the
web layer, so that ``pybabel extract`` finds them (the domain never imports the web).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Any

from quadhelix.registry.errors import InvalidValue, NotFound, QuadhelixError
from quadhelix.web.labels import in_sentence
from quadhelix.web.translations import N_

NOT_FOUND = N_("%(what)s not found: %(ref)s")
WITH_VALUE = N_("%(field)s: %(reason)s (got %(value)s)")

# Things that can be missing or wrong, as ``NotFound`` and ``InvalidValue`` name them.
SUBJECTS = (
    N_("actor"),
    N_("coalition"),
    N_("membership"),
    N_("tie"),
    N_("theme"),
    N_("area"),
    N_("user"),
    N_("token"),
    N_("upload"),
    N_("lead"),
    N_("include"),
    N_("exclude"),
    N_("parent"),
)

# Reasons of the registry, the coalition builder, imports and accounts shown on pages.
REASONS = (
    N_("describe the challenge, or give at least one theme or area"),
    N_("has no words to search for (only stop words or punctuation)"),
    N_("none of its words occur in the registry; rephrase it or give themes or areas"),
    N_("expected a whole number"),
    N_("expected a date as YYYY-MM-DD"),
    N_("expected an actor's id, external id or name"),
    N_("expected a non-empty name or code"),
    N_("must be 1 or more"),
    N_("cannot be negative"),
    N_("is the lead"),
    N_("is also in include"),
    N_("unknown theme; see `quadhelix themes list`"),
    N_("unknown area; see `quadhelix areas list`"),
    N_("choose the actor to add"),
    N_("choose at least one partner"),
    N_("expected an actor's id"),
    N_("choose a CSV or XLSX file"),
    N_("the file is empty"),
    N_("unreadable: expected a JSON object or a two-column CSV (UTF-8)"),
    N_("the file differs from the one checked; upload again"),
    N_("this is not your current password"),
    N_("the two new passwords differ"),
    N_("a token needs a name saying what it is for"),
    N_("expected viewer, editor or admin"),
    N_("cannot be cleared"),
    # Choices, sizes and limits; the parameters are filled in after translation.
    N_("must be one of %(allowed)s"),
    N_("expected one of %(kinds)s"),
    N_("must be between 1 and %(most)s"),
    N_("the count for %(sector)s must be 0 or more"),
    N_("asks for more than %(size)s"),
    N_("had not started before %(as_of)s"),
    N_("expected a file ending in %(suffixes)s"),
    N_("larger than %(size)s MB"),
    N_("larger than %(size)s kB"),
    N_("expected 1 to %(most)s days"),
    N_("a password has at least %(least)s characters"),
    N_("a password has at most %(most)s characters"),
    N_("must lie in the future"),
    # Identifiers, dates and periods.
    N_("an enterprise number has only digits, e.g. 0417.497.106"),
    N_("an enterprise number has 10 digits, e.g. 0417.497.106"),
    N_("an enterprise number starts with 0 or 1"),
    N_("check digits should be %(digits)s"),
    N_("an association code looks like V0001234"),
    N_("not a real calendar date"),
    N_("dates are written YYYY-MM-DD or DD/MM/YYYY"),
    N_("ends before it starts (%(start)s)"),
    N_("ends before the actor starts"),
    N_("ends before the coalition starts"),
    N_("give either a date or a period, not both"),
    N_("the period ends before it starts"),
    # The shape of the registry and of surveys.
    N_("would make the org tree a loop"),
    N_("would make a programme contain itself"),
    N_("cannot merge an actor into itself"),
    N_("a tie needs two different actors"),
    N_("an area needs a name with letters or digits"),
    N_("a survey needs at least two members"),
    N_("must not lie before opens_on"),
    N_("is not another member of this survey"),
    N_("must be a number from 1 to 4"),
    # Checks of the registry's schemas (Pydantic), shown next to the field.
    N_("a name cannot be empty"),
    N_("a website is an http(s) address"),
    N_("a website is an http(s) address with a host name"),
)

# Clashes with what the registry already holds (``Conflict``), shown above the form.
CONFLICTS = (
    N_("actor: %(text)r names several actors (%(listed)s); use an id"),
    N_("%(field)s: %(text)r names several actors (%(listed)s); use an id"),
    N_("coalition: %(text)r names several coalitions (%(listed)s); use an id"),
    N_("%(column)s: %(value)r is already used by actor #%(id)s %(name)r"),
    N_("%(column)s: %(value)r belonged to an actor merged into #%(id)s %(name)r"),
    N_("external_id: %(value)r is already used by coalition #%(id)s %(name)r"),
    N_(
        "actor #%(id)s %(name)r has %(memberships)s memberships, %(ties)s ties and "
        "%(children)s sub-units; use --cascade to delete them too"
    ),
    N_("coalition #%(id)s %(name)r has %(members)s memberships; use --cascade to delete them too"),
    N_("member: %(actor)r is already %(role)s of %(coalition)r (membership #%(id)s)"),
    N_("code: theme %(code)r already exists"),
    N_("code: area %(code)r already exists"),
    N_("wave: #%(id)s already has answers; its questions cannot change"),
    N_("username: %(name)r is already taken"),
    N_("user: %(name)r is the last active admin; make another first"),
)


class Text(str):
    """An English message that also knows its message id and parameters."""

    template: str
    params: Mapping[str, object]

    def __new__(cls, template: str, params: Mapping[str, object] | None = None) -> Text:
        params = dict(params or {})
        text = super().__new__(cls, template % params if params else template)
        text.template = template
        text.params = params
        return text


def _reference(value: object) -> str:
    return repr(value) if isinstance(value, str) else str(value)


def message_of(error: Exception) -> Text:
    """The whole message of an error, translatable."""
    if isinstance(error, InvalidValue):
        reason = reason_of(error)
        return Text(
            WITH_VALUE, {"field": error.field, "reason": reason, "value": repr(error.value)}
        )
    if isinstance(error, NotFound):
        return Text(NOT_FOUND, {"what": Text(error.what), "ref": _reference(error.ref)})
    if isinstance(error, QuadhelixError):
        return Text(error.template, error.params)
    return Text(str(error))


def reason_of(error: InvalidValue) -> Text:
    """What is wrong with the field, without the field's name (shown next to the field)."""
    return Text(error.reason_template, error.reason_params)


def translate(value: Any, gettext: Callable[[str], str]) -> Any:
    """A ``Text`` in the catalogue's language (parameters that are ``Text`` too); else as is."""
    if not isinstance(value, Text):
        return value
    if not value.template:
        return ""
    params = {key: _parameter(param, gettext) for key, param in value.params.items()}
    template = gettext(value.template)
    try:
        return template % params if params else template
    except (KeyError, ValueError, TypeError):  # a translation that lost a placeholder
        return str(value)


def _parameter(value: object, gettext: Callable[[str], str]) -> object:
    """A controlled value (a role, a helix sector) says its label: "is al trekker van"."""
    if isinstance(value, StrEnum):
        return in_sentence(value, gettext)
    return translate(value, gettext)
