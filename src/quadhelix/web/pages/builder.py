"""The coalition builder page: a challenge form, the proposal with its reasons, and a button that
turns the proposal into a coalition.

The challenge travels in the query string (``GET /builder?title=…&lead=…``), so every proposal
is a link that can be shared; answering reads the cached builder (``web.matching``). Creating the
coalition is a ``POST`` for editors that writes the coalition and its members in the request's one
transaction, through the registry's services.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import parse_qsl

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session
from starlette.datastructures import ImmutableMultiDict

from quadhelix.registry.actors import get_actor
from quadhelix.registry.coalitions import add_member, create_coalition
from quadhelix.registry.errors import InvalidValue, QuadhelixError
from quadhelix.registry.filters import actor_filter
from quadhelix.registry.model import Coalition
from quadhelix.registry.queries import list_actors
from quadhelix.registry.schemas import CoalitionCreate, MembershipCreate
from quadhelix.registry.vocab import HelixSector, MemberRole
from quadhelix.registry.vocabulary import list_areas, list_themes
from quadhelix.web.deps import CheckedForm, SessionDep
from quadhelix.web.matching import (
    COMPONENTS,
    FORM_FIELD,
    Answer,
    answer,
    challenge_from_form,
    current_builder,
)
from quadhelix.web.pages.forms import FormErrors, FormRejected, form_errors, form_values
from quadhelix.web.pages.rendering import EditorView, ReaderView, View

router = APIRouter()
_MULTI = ("themes", "areas")
_CHALLENGE_FIELDS = (
    "title",
    "description",
    "themes",
    "areas",
    "lead",
    "include",
    "exclude",
    "size",
    "as_of",
    "max_active",
    *(f"mix_{s.value}" for s in HelixSector),
)
SUGGESTIONS = 15


def _values(params: ImmutableMultiDict[str, str]) -> dict[str, Any]:
    """The challenge fields as typed: single fields stripped, themes and areas as lists."""
    values: dict[str, Any] = {}
    for key in _CHALLENGE_FIELDS:
        texts = [v.strip() for v in params.getlist(key)]
        values[key] = [t for t in texts if t] if key in _MULTI else (texts[0] if texts else "")
    return values


def _asked(params: ImmutableMultiDict[str, str]) -> bool:
    """Whether the form was sent (an empty one gets the builder's "describe the challenge")."""
    return any(key in params for key in _CHALLENGE_FIELDS)


def _challenge_errors(error: Exception) -> FormErrors:
    errors = form_errors(error)
    errors.fields = {FORM_FIELD.get(k, k): v for k, v in errors.fields.items()}
    if errors.status == 409 and errors.general:  # an ambiguous name: say which field
        errors.status = 422
    return errors


def _render(
    view: View,
    session: Session,
    query: str,
    create_values: dict[str, Any] | None = None,
    create_errors: FormErrors | None = None,
) -> HTMLResponse:
    """The page with the form and, when a challenge was asked, the proposal or the errors."""
    params = ImmutableMultiDict(parse_qsl(query, keep_blank_values=True))
    values = _values(params)
    errors = FormErrors()
    result: Answer | None = None
    if _asked(params):
        try:
            challenge = challenge_from_form(values)
            result = answer(current_builder(view.state, session), challenge)
        except QuadhelixError as error:
            errors = _challenge_errors(error)
    status = errors.status if errors else (create_errors.status if create_errors else 200)
    return view.render(
        "builder/page.html",
        status_code=status,
        values=values,
        errors=errors,
        result=result,
        query=query,
        components=COMPONENTS,
        sectors=[s.value for s in HelixSector],
        mix_labels={f"mix_{s.value}": view.label("helix", s.value) for s in HelixSector},
        themes=list_themes(session),
        areas=list_areas(session),
        create_values=create_values
        or {"name": values.get("title", ""), "kind": "project", "status": "idea"},
        create_errors=create_errors or FormErrors(),
    )


@router.get("/builder")
def builder_page(view: ReaderView, session: SessionDep) -> HTMLResponse:
    return _render(view, session, view.request.url.query)


@router.get("/builder/actors")
def actor_suggestions(
    view: ReaderView,
    session: SessionDep,
    lead: Annotated[str, Query(max_length=200)] = "",
) -> HTMLResponse:
    """``<option>``s for the lead field's list while someone types (htmx)."""
    actors = []
    if len(lead.strip()) >= 2:
        found = list_actors(session, actor_filter(session, search=lead.strip()), SUGGESTIONS)
        actors = list(found.items)
    return view.render("builder/_suggestions.html", actors=actors)


def _chosen_ids(form: CheckedForm) -> list[int]:
    ids: list[int] = []
    for value in form.getlist("member"):
        if not isinstance(value, str) or not value.isdigit():
            raise InvalidValue("member", value, "expected an actor's id")
        if int(value) not in ids:
            ids.append(int(value))
    if not ids:
        raise InvalidValue("member", "", "choose at least one partner")
    return ids


def _create(session: Session, values: dict[str, Any], members: list[int]) -> Coalition:
    lead_ref = values.get("lead", "")
    lead = get_actor(session, f"#{lead_ref}") if lead_ref else None
    data = {k: values.get(k) for k in ("name", "kind", "status", "description")}
    data |= {"themes": values["themes"], "areas": values["areas"]}
    coalition = create_coalition(session, CoalitionCreate.model_validate(data)).coalition
    if lead is not None:
        add_member(session, coalition, lead, MembershipCreate(role=MemberRole.LEAD))
    for actor_id in members:
        actor = get_actor(session, f"#{actor_id}")
        if lead is None or actor.id != lead.id:
            add_member(session, coalition, actor, MembershipCreate(role=MemberRole.PARTNER))
    session.flush()
    return coalition


@router.post("/builder/create")
def create_from_proposal(view: EditorView, session: SessionDep, form: CheckedForm) -> Response:
    """The coalition with the lead and the chosen partners, all in this request's transaction."""
    values = form_values(form, multi=_MULTI)
    query = values.pop("challenge", "")
    try:
        with session.begin_nested():  # on failure the page below can still read the registry
            coalition = _create(session, values, _chosen_ids(form))
    except Exception as error:
        errors = form_errors(error)
        page = _render(view, session, query, values, errors)
        raise FormRejected(page) from error
    return RedirectResponse(f"/coalitions/{coalition.id}", status_code=303)
