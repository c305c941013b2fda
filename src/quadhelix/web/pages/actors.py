"""Actor pages: the searchable list, the profile, and the add/edit forms."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from quadhelix.registry.actors import (
    actor_public,
    create_actor,
    delete_actor,
    namesakes,
    update_actor,
)
from quadhelix.registry.errors import NotFound, QuadhelixError
from quadhelix.registry.filters import actor_filter
from quadhelix.registry.identifiers import format_kbo
from quadhelix.registry.model import Actor
from quadhelix.registry.names import fold
from quadhelix.registry.queries import ActorFilter, Page
from quadhelix.registry.schemas import ActorCreate, ActorUpdate
from quadhelix.registry.vocabulary import list_areas, list_themes
from quadhelix.web.deps import MAX_ID, CheckedForm, SessionDep
from quadhelix.web.listing import (
    ACTOR_ORDER,
    actor_names,
    actor_ties,
    actors_page,
    department_choices,
    memberships_page,
    numbered_page,
    page_count,
)
from quadhelix.web.pages.filters import FilterErrors, given, read_page
from quadhelix.web.pages.forms import (
    FormErrors,
    FormRejected,
    form_errors,
    form_text,
    form_values,
)
from quadhelix.web.pages.rendering import EditorView, ReaderView, View
from quadhelix.web.versioning import PreconditionRequired, check_version, etag

router = APIRouter()
PAGE_SIZE = 25
ActorId = Annotated[int, Path(ge=1, le=MAX_ID)]
Many = Annotated[list[str], Query(max_length=50)]


@dataclass(frozen=True)
class ActorChoices:
    """The filters as chosen on the page, to fill the form in again."""

    search: str | None
    helix: list[str]
    kind: list[str]
    area: str | None
    theme: str | None
    parent: str | None


def _options(session: Session) -> dict[str, Any]:
    return {
        "areas": list_areas(session),
        "themes": list_themes(session),
        "departments": department_choices(session),
    }


@router.get("/actors")
def actor_list(
    view: ReaderView,
    session: SessionDep,
    search: Annotated[str | None, Query(max_length=200)] = None,
    helix: Many = [],  # noqa: B006  (FastAPI copies defaults)
    kind: Many = [],  # noqa: B006
    area: Annotated[str | None, Query(max_length=200)] = None,
    theme: Annotated[str | None, Query(max_length=200)] = None,
    parent: Annotated[str | None, Query(max_length=200)] = None,
    sort: Annotated[str, Query(max_length=20)] = "name",
    page: str | None = None,
) -> HTMLResponse:
    """Empty fields are "not given"; a wrong filter is named next to its field; a page number
    that is not one is page 1, and one past the end is the last page."""
    chosen = ActorChoices(
        search=given(search),
        helix=[h for h in helix if h],
        kind=[k for k in kind if k],
        area=given(area),
        theme=given(theme),
        parent=given(parent),
    )
    if sort.removeprefix("-") not in ACTOR_ORDER:
        sort = "name"
    number = read_page(page)
    errors = FilterErrors()
    result: Page[Actor] | None = None
    try:
        filters = actor_filter(
            session,
            search=chosen.search,
            helix=chosen.helix,
            kind=chosen.kind,
            area=[chosen.area] if chosen.area else [],
            theme=[chosen.theme] if chosen.theme else [],
            parent=chosen.parent,
        )
        result, number = numbered_page(
            lambda offset: actors_page(session, filters, sort, PAGE_SIZE, offset, table_only=True),
            number,
            PAGE_SIZE,
        )
    except QuadhelixError as problem:
        errors.add(problem)
    context: dict[str, Any] = {
        "result": result,
        "pages": page_count(result.total, PAGE_SIZE) if result else 0,
        "page": number,
        "sort": sort,
        "chosen": chosen,
        "errors": errors,
    }
    if view.is_htmx and view.request.headers.get("HX-Target") == "results":
        return view.render("actors/_results.html", **context)
    return view.render("actors/list.html", **context, **_options(session))


def _get(session: Session, actor_id: int) -> Actor:
    actor = session.get(Actor, actor_id)
    if actor is None:
        raise NotFound("actor", actor_id)
    return actor


def _profile(
    view: View, session: Session, actor: Actor, status_code: int = 200, error: str | None = None
) -> HTMLResponse:
    children = actor_names(session, ActorFilter(parent_id=actor.id))
    return view.render(
        "actors/detail.html",
        status_code=status_code,
        actor=actor,
        public=actor_public(actor),
        kbo=format_kbo(actor.kbo) if actor.kbo else None,
        memberships=memberships_page(session, actor_id=actor.id, limit=None).items,
        ties=actor_ties(session, actor.id),
        children=children,
        version=etag(actor),
        error=error,
    )


@router.get("/actors/new")
def new_actor_form(view: EditorView, session: SessionDep) -> HTMLResponse:
    return _form(view, None, {"kind": "organisation", "themes": []}, _options(session))


@router.post("/actors/new")
def new_actor(view: EditorView, session: SessionDep, form: CheckedForm) -> Response:
    values = form_values(form, multi=("themes",))
    confirmed = values.pop("same_name", "") == "yes"
    options = _options(session)
    try:
        data = ActorCreate.model_validate(values)
        if not confirmed:
            _ask_about_namesakes(view, session, None, values, options, data.name)
        actor = create_actor(session, data).actor
    except FormRejected:
        raise
    except Exception as error:
        raise FormRejected(_form(view, None, values, options, form_errors(error))) from error
    return RedirectResponse(f"/actors/{actor.id}", status_code=303)


def _ask_about_namesakes(
    view: View,
    session: Session,
    actor: Actor | None,
    values: dict[str, Any],
    options: dict[str, Any],
    name: str | None,
    version: str | None = None,
) -> None:
    """Show the form again when another actor has this name, until the editor confirms."""
    if name is None:
        return
    if actor is not None and fold(name) == actor.name_key:
        return  # the actor keeps its own name
    found = namesakes(session, name, other_than=actor.id if actor else None)
    if found:
        page = _form(view, actor, values, options, version=version, namesakes=found)
        raise FormRejected(page)


@router.get("/actors/{actor_id}")
def actor_profile(actor_id: ActorId, view: ReaderView, session: SessionDep) -> HTMLResponse:
    return _profile(view, session, _get(session, actor_id))


def _values(actor: Actor) -> dict[str, Any]:
    public = actor_public(actor).model_dump(mode="json")
    public["parent"] = f"#{actor.parent_id}" if actor.parent_id else ""
    return public


def _form(
    view: View,
    actor: Actor | None,
    values: dict[str, Any],
    options: dict[str, Any],
    errors: FormErrors | None = None,
    version: str | None = None,
    namesakes: list[Actor] | None = None,
) -> HTMLResponse:
    errors = errors or FormErrors()
    return view.render(
        "actors/form.html",
        status_code=errors.status if errors else (409 if namesakes else 200),
        actor=actor,
        values=values,
        errors=errors,
        version=version or (etag(actor) if actor else ""),
        namesakes=namesakes or [],
        **options,
    )


@router.get("/actors/{actor_id}/edit")
def edit_actor_form(actor_id: ActorId, view: EditorView, session: SessionDep) -> HTMLResponse:
    actor = _get(session, actor_id)
    return _form(view, actor, _values(actor), _options(session))


@router.post("/actors/{actor_id}/edit")
def edit_actor(
    actor_id: ActorId, view: EditorView, session: SessionDep, form: CheckedForm
) -> Response:
    actor = _get(session, actor_id)
    version = etag(actor)
    values = form_values(form, multi=("themes",))
    confirmed = values.pop("same_name", "") == "yes"
    options = _options(session)
    try:
        check_version(session, actor, form_text(form, "version"))
        data = ActorUpdate.model_validate(values)
        if not confirmed:
            _ask_about_namesakes(view, session, actor, values, options, data.name, version)
        update_actor(session, actor, data)
        session.flush()
    except FormRejected:
        raise
    except Exception as error:
        errors = form_errors(error)
        raise FormRejected(_form(view, actor, values, options, errors, version)) from error
    return RedirectResponse(f"/actors/{actor.id}", status_code=303)


@router.post("/actors/{actor_id}/delete")
def remove_actor(
    actor_id: ActorId, view: EditorView, session: SessionDep, form: CheckedForm
) -> Response:
    actor = _get(session, actor_id)
    try:
        check_version(session, actor, form_text(form, "version"))
        delete_actor(session, actor, cascade=form_text(form, "cascade") == "yes")
    except (QuadhelixError, PreconditionRequired) as error:
        errors = form_errors(error)
        raise FormRejected(_profile(view, session, actor, errors.status, errors.general)) from error
    return RedirectResponse("/actors", status_code=303)
