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

import re
from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Any

from quadhelix.registry.errors import InvalidValue, NotFound, QuadhelixError, shown
from quadhelix.registry.messages import Figure, Message
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
    N_("wave"),
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
    N_("must not lie in the past"),
    N_("choose a coalition"),
    N_("is longer than %(most)s characters"),
    N_("answer at least one question about a partner before submitting"),
    N_("expected a JSON object of names"),
    N_("unknown column; expected some of %(columns)s (or give a column mapping)"),
    N_("column %(column)s appears twice"),
    N_("required column is missing"),
    N_("binary content; save it as CSV or XLSX"),
    N_("mixed encodings: this line is not UTF-8 but others are; save the whole file as UTF-8"),
    N_("neither UTF-8 nor Windows-1252 text"),
    N_("unreadable CSV (%(error)s); truncated?"),
    N_("unreadable XLSX workbook (%(error)s)"),
    N_(
        "has %(cells)s cells, the header has %(width)s (delimiter %(delimiter)s; truncated "
        "or wrong delimiter?)"
    ),
    N_("has %(cells)s cells, the header has %(width)s"),
    N_("cell has %(length)s characters; at most %(most)s are accepted"),
    N_("%(reason)s (got %(value)s)"),
    N_("at most %(most)s characters (got %(length)s)"),
    N_("HTML is not accepted here (got %(value)s)"),
    N_("date out of range %(earliest)s\u2013%(latest)s (got %(value)s)"),
    N_("a Belgian postal code has 4 digits (got %(value)s)"),
    N_("not a number (got %(value)s)"),
    N_("not a finite number (got %(value)s)"),
    N_("must be greater than 0 (got %(value)s)"),
    N_("write true/false or ja/nee (got %(value)s)"),
    N_("required value is empty"),
    N_("duplicate id %(value)s (also on row %(row)s)"),
    N_("duplicate KBO number %(value)s (also on row %(row)s)"),
    N_("ends before it starts (%(end)s < %(start)s)"),
    N_("an actor cannot be its own parent"),
    N_("%(value)s is already used by %(what)s #%(id)s %(name)s"),
    N_("%(value)s belonged to a %(what)s merged into #%(id)s"),
    N_("no %(what)s with id %(ref)s in the file or registry"),
    N_("the parents form a loop"),
    N_("unknown theme %(theme)s; see `quadhelix themes list`"),
    N_("unknown area %(area)s"),
    N_("no actor matches %(ref)s (id, #number, KBO number or exact name); import the actors first"),
    N_("no coalition matches %(ref)s (id, #number or exact name); import the coalitions first"),
    N_("%(ref)s names several actors (%(listed)s); use an id"),
    N_("%(ref)s names several coalitions (%(listed)s); use an id"),
    N_("duplicate %(what)s (also on row %(row)s)"),
    N_("same name"),
    N_("same words"),
    N_("similar names (%(score)s)"),
    N_("one name contains the other"),
    N_("same KBO number"),
    N_("%(members)s members: few enough to govern together (<= %(few)s)"),
    N_("%(members)s members: many participants, which favours a separate administration"),
    N_(
        "%(members)s members: a moderate number of participants, which favours a separate "
        "administration"
    ),
    N_("tie density (no survey data)"),
    N_("trust density"),
    N_("trust density (partner survey)"),
    N_("%(measure)s %(value)s: widely shared (>= %(high)s)"),
    N_("%(measure)s %(value)s: not widely shared (< %(high)s)"),
    N_("centralisation %(value)s: ties run through one member"),
    N_("centralisation %(value)s: no member dominates"),
    N_("%(leads)s member(s) in the lead role"),
    N_("applies to GEXF and GraphML only"),
    N_("applies to GEXF, GraphML and JSON-LD only"),
    N_("names several actors (%(listed)s); use an id"),
    N_("names several coalitions (%(listed)s); use an id"),
)

# Clashes with what the registry already holds (``Conflict``), shown above the form.
CONFLICTS = (
    N_("actor: %(text)r names several actors (%(listed)s); use an id"),
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


# The domain's reasons that send people to the command line, and what a page says instead.
UNKNOWN_THEME = N_("unknown theme")
UNKNOWN_AREA = N_("unknown area")
PAGE_REASONS: Mapping[str, str] = {
    "unknown theme; see `quadhelix themes list`": UNKNOWN_THEME,
    "unknown area; see `quadhelix areas list`": UNKNOWN_AREA,
    "unknown theme %(theme)s; see `quadhelix themes list`": N_(
        "unknown theme %(theme)s; see the list of themes, or tick 'Add unknown themes'"
    ),
}

# Pydantic's checks of query parameters and form fields, by the type of error it reports.
_A_DATE = N_("expected a date as YYYY-MM-DD")
_WHOLE = N_("expected a whole number")
_NUMBER = N_("expected a number")
_ONE_OF = N_("must be one of %(allowed)s")
VALIDATION = {
    "missing": N_("is required"),
    "int_parsing": _WHOLE,
    "int_type": _WHOLE,
    "int_from_float": _WHOLE,
    "float_parsing": _NUMBER,
    "float_type": _NUMBER,
    "date_parsing": _A_DATE,
    "date_type": _A_DATE,
    "date_from_datetime_parsing": _A_DATE,
    "date_from_datetime_inexact": _A_DATE,
    "bool_parsing": N_("expected yes or no"),
    "string_too_long": N_("has at most %(max_length)s characters"),
    "string_too_short": N_("has at least %(min_length)s characters"),
    "too_long": N_("has at most %(max_length)s items"),
    "too_short": N_("has at least %(min_length)s items"),
    "greater_than_equal": N_("must be %(ge)s or more"),
    "greater_than": N_("must be more than %(gt)s"),
    "less_than_equal": N_("must be %(le)s or less"),
    "less_than": N_("must be less than %(lt)s"),
    "enum": _ONE_OF,
    "literal_error": _ONE_OF,
}

# A form sent without this session's token (an old tab, another site).
FORM_EXPIRED = N_("the form has expired or did not come from this site; reload the page")

# Why a signed-in person may not do something (the roles are said by their label).
ROLE_NEEDED = N_("this needs the %(needed)s role; you are %(role)s")


class Text(Message):
    """A message the web layer writes itself; pages translate it like the domain's ``Message``."""


def _reference(value: object) -> str:
    return repr(value) if isinstance(value, str) else str(value)


def message_of(error: Exception) -> Text:
    """The whole message of an error, translatable."""
    if isinstance(error, InvalidValue):
        reason = reason_of(error)
        return Text(
            WITH_VALUE, {"field": error.field, "reason": reason, "value": shown(error.value)}
        )
    if isinstance(error, NotFound):
        return Text(NOT_FOUND, {"what": Text(error.what), "ref": _reference(error.ref)})
    if isinstance(error, QuadhelixError):
        return Text(error.template, error.params)
    return Text(str(error))


def reason_of(error: InvalidValue) -> Text:
    """What is wrong with the field, without the field's name (shown next to the field)."""
    return Text(error.reason_template, error.reason_params)


def validation_reason(problem: Mapping[str, Any]) -> Text:
    """What one of Pydantic's checks found, as a message id with parameters.

    Checks without an id here keep Pydantic's English (a domain error behind a check is
    translated by the caller, which knows its cause).
    """
    kind = str(problem.get("type", ""))
    context = problem.get("ctx") or {}
    if kind in ("too_long", "too_short") and isinstance(problem.get("input"), str):
        kind = f"string_{kind}"
    template = VALIDATION.get(kind)
    params: dict[str, object] = dict(context)
    if kind in ("enum", "literal_error"):  # Pydantic says "'a', 'b' or 'c'"
        expected = str(context.get("expected", ""))
        params = {"allowed": ", ".join(re.findall(r"'([^']*)'", expected)) or expected}
    if template is None or not set(re.findall(r"%\((\w+)\)s", template)) <= set(params):
        return _plain(problem)  # no id, or a context without the parameter
    return Text(template, params)


def _plain(problem: Mapping[str, Any]) -> Text:
    return Text(str(problem.get("msg", "")).removeprefix("Value error, "))


Numbers = Callable[[float, int], str]  # a figure with that many decimals, as a language writes it


def translate(value: Any, gettext: Callable[[str], str], number: Numbers | None = None) -> Any:
    """A ``Message`` (or ``Text``) in the catalogue's language, parameters too; else as is.

    ``number`` writes a ``Figure`` parameter as the language does ("0,46"); without it, as the
    English does.
    """
    if not isinstance(value, Message):
        return value
    if not value.template:
        return ""
    params = {key: _parameter(param, gettext, number) for key, param in value.params.items()}
    template = gettext(PAGE_REASONS.get(value.template, value.template))  # no CLI hints
    try:
        return template % params if params else template
    except (KeyError, ValueError, TypeError):  # a translation that lost a placeholder
        return str(value)


def _parameter(value: object, gettext: Callable[[str], str], number: Numbers | None) -> object:
    """A controlled value (a role, a helix sector) says its label: "is al trekker van"."""
    if isinstance(value, StrEnum):
        return in_sentence(value, gettext)
    if isinstance(value, Figure) and number is not None:
        return number(value, value.digits)
    return translate(value, gettext, number)
