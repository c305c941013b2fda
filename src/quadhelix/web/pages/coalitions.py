"""Coalition pages: list, detail with members by sector, add/edit forms, member management."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from quadhelix.analytics.reports import AnalysisSpec, coalition_report
from quadhelix.registry.actors import get_actor
from quadhelix.registry.coalitions import (
    add_member,
    coalition_public,
    create_coalition,
    delete_coalition,
    members_of,
    update_coalition,
)
from quadhelix.registry.errors import InvalidValue, NotFound, QuadhelixError
from quadhelix.registry.filters import coalition_filter
from quadhelix.registry.model import Coalition, Membership
from quadhelix.registry.queries import Page
from quadhelix.registry.schemas import CoalitionCreate, CoalitionUpdate, MembershipCreate
from quadhelix.registry.vocab import HelixSector
from quadhelix.registry.vocabulary import list_areas, list_themes
from quadhelix.web.charts import bars
from quadhelix.web.deps import MAX_ID, CheckedForm, SessionDep
from quadhelix.web.listing import COALITION_ORDER, coalitions_page, numbered_page, page_count
from quadhelix.web.pages.filters import given, page_message, read_page
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
RecordId = Annotated[int, Path(ge=1, le=MAX_ID)]
Many = Annotated[list[str], Query(max_length=50)]
_MULTI = ("themes", "areas")


@dataclass(frozen=True)
class CoalitionChoices:
    """The filters as chosen on the page, to fill the form in again."""

    search: str | None
    kind: list[str]
    status: list[str]
    area: str | None
    theme: str | None


def _options(session: Session) -> dict[str, Any]:
    return {"areas": list_areas(session), "themes": list_themes(session)}


@router.get("/coalitions")
def coalition_list(
    view: ReaderView,
    session: SessionDep,
    search: Annotated[str | None, Query(max_length=200)] = None,
    kind: Many = [],  # noqa: B006  (FastAPI copies defaults)
    status: Many = [],  # noqa: B006
    area: Annotated[str | None, Query(max_length=200)] = None,
    theme: Annotated[str | None, Query(max_length=200)] = None,
    sort: Annotated[str, Query(max_length=20)] = "name",
    page: str | None = None,
) -> HTMLResponse:
    """Empty fields are "not given"; a wrong filter is named above the list, as a page says it
    (no command-line hints); a page number that is not one is page 1, one past the end the last.
    """
    chosen = CoalitionChoices(
        search=given(search),
        kind=[k for k in kind if k],
        status=[s for s in status if s],
        area=given(area),
        theme=given(theme),
    )
    if sort.removeprefix("-") not in COALITION_ORDER:
        sort = "name"
    number = read_page(page)
    error = None
    result: Page[Coalition] | None
    try:
        filters = coalition_filter(
            session,
            search=chosen.search,
            kind=chosen.kind,
            status=chosen.status,
            area=[chosen.area] if chosen.area else [],
            theme=[chosen.theme] if chosen.theme else [],
        )
        result, number = numbered_page(
            lambda offset: coalitions_page(session, filters, sort, PAGE_SIZE, offset),
            number,
            PAGE_SIZE,
        )
    except QuadhelixError as problem:
        error = page_message(problem)
        result = None
    context: dict[str, Any] = {
        "result": result,
        "pages": page_count(result.total, PAGE_SIZE) if result else 0,
        "page": number,
        "sort": sort,
        "chosen": chosen,
        "error": error,
    }
    if view.is_htmx and view.request.headers.get("HX-Target") == "results":
        return view.render("coalitions/_results.html", **context)
    return view.render("coalitions/list.html", **context, **_options(session))


def _get(session: Session, coalition_id: int) -> Coalition:
    coalition = session.get(Coalition, coalition_id)
    if coalition is None:
        raise NotFound("coalition", coalition_id)
    return coalition


def _detail(
    view: View,
    session: Session,
    coalition: Coalition,
    status_code: int = 200,
    errors: FormErrors | None = None,
    member_values: dict[str, Any] | None = None,
) -> HTMLResponse:
    members = members_of(session, coalition)
    by_sector = {
        sector.value: [m for m in members if m.actor.helix == sector] for sector in HelixSector
    }
    analysis = view.state.results.current(
        session,
        ("coalition", coalition.id),
        lambda: coalition_report(session, str(coalition.id), AnalysisSpec()),
    )
    counts = analysis.composition.sector_counts
    return view.render(
        "coalitions/detail.html",
        status_code=status_code,
        coalition=coalition,
        public=coalition_public(coalition),
        members=members,
        by_sector=by_sector,
        version=etag(coalition),
        etag=etag,
        errors=errors or FormErrors(),
        member_values=member_values or {"role": "partner"},
        analysis=analysis,
        balance=bars(
            [
                (view.label("helix", s), counts.get(s.value, 0), f"helix-{s.value}")
                for s in HelixSector
            ]
        ),
    )


def _links(text: str) -> list[dict[str, str]]:
    """Documents typed one per line as ``title | address`` (or just the address)."""
    links = []
    for line in text.splitlines():
        if not line.strip():
            continue
        title, _, url = line.rpartition("|")
        links.append({"title": title.strip() or url.strip(), "url": url.strip()})
    return links


def _data(values: dict[str, Any]) -> dict[str, Any]:
    data = dict(values)
    data["links"] = _links(data.pop("links_text", ""))
    return data


def _form(
    view: View,
    coalition: Coalition | None,
    values: dict[str, Any],
    options: dict[str, Any],
    errors: FormErrors | None = None,
    version: str | None = None,
) -> HTMLResponse:
    errors = errors or FormErrors()
    return view.render(
        "coalitions/form.html",
        status_code=errors.status if errors else 200,
        coalition=coalition,
        values=values,
        errors=errors,
        version=version or (etag(coalition) if coalition else ""),
        **options,
    )


@router.get("/coalitions/new")
def new_coalition_form(view: EditorView, session: SessionDep) -> HTMLResponse:
    values = {"kind": "project", "status": "active", "themes": [], "areas": []}
    return _form(view, None, values, _options(session))


@router.post("/coalitions/new")
def new_coalition(view: EditorView, session: SessionDep, form: CheckedForm) -> Response:
    values = form_values(form, multi=_MULTI)
    options = _options(session)
    try:
        coalition = create_coalition(session, CoalitionCreate.model_validate(_data(values)))
    except Exception as error:
        raise FormRejected(_form(view, None, values, options, form_errors(error))) from error
    return RedirectResponse(f"/coalitions/{coalition.coalition.id}", status_code=303)


@router.get("/coalitions/{coalition_id}")
def coalition_detail(coalition_id: RecordId, view: ReaderView, session: SessionDep) -> HTMLResponse:
    return _detail(view, session, _get(session, coalition_id))


def _values(coalition: Coalition) -> dict[str, Any]:
    values = coalition_public(coalition).model_dump(mode="json")
    values["parent"] = f"#{coalition.parent_id}" if coalition.parent_id else ""
    values["links_text"] = "\n".join(f"{link.title} | {link.url}" for link in coalition.links)
    return values


@router.get("/coalitions/{coalition_id}/edit")
def edit_coalition_form(
    coalition_id: RecordId, view: EditorView, session: SessionDep
) -> HTMLResponse:
    coalition = _get(session, coalition_id)
    return _form(view, coalition, _values(coalition), _options(session))


@router.post("/coalitions/{coalition_id}/edit")
def edit_coalition(
    coalition_id: RecordId, view: EditorView, session: SessionDep, form: CheckedForm
) -> Response:
    coalition = _get(session, coalition_id)
    version = etag(coalition)
    values = form_values(form, multi=_MULTI)
    options = _options(session)
    try:
        check_version(session, coalition, form_text(form, "version"))
        update_coalition(session, coalition, CoalitionUpdate.model_validate(_data(values)))
        session.flush()
    except Exception as error:
        errors = form_errors(error)
        raise FormRejected(_form(view, coalition, values, options, errors, version)) from error
    return RedirectResponse(f"/coalitions/{coalition.id}", status_code=303)


@router.post("/coalitions/{coalition_id}/delete")
def remove_coalition(
    coalition_id: RecordId, view: EditorView, session: SessionDep, form: CheckedForm
) -> Response:
    coalition = _get(session, coalition_id)
    try:
        check_version(session, coalition, form_text(form, "version"))
        delete_coalition(session, coalition, cascade=form_text(form, "cascade") == "yes")
    except (QuadhelixError, PreconditionRequired) as error:
        errors = form_errors(error)
        raise FormRejected(_detail(view, session, coalition, errors.status, errors)) from error
    return RedirectResponse("/coalitions", status_code=303)


@router.post("/coalitions/{coalition_id}/members")
def add_coalition_member(
    coalition_id: RecordId, view: EditorView, session: SessionDep, form: CheckedForm
) -> Response:
    coalition = _get(session, coalition_id)
    values = form_values(form)
    try:
        actor_ref = values.pop("actor", "")
        if not actor_ref:
            raise InvalidValue("actor", actor_ref, "choose the actor to add")
        actor = get_actor(session, actor_ref)
        add_member(session, coalition, actor, MembershipCreate.model_validate(values))
    except Exception as error:
        errors = form_errors(error)
        values["actor"] = form_text(form, "actor")
        raise FormRejected(
            _detail(view, session, coalition, errors.status, errors, values)
        ) from error
    return RedirectResponse(f"/coalitions/{coalition.id}#members", status_code=303)


@router.post("/coalitions/{coalition_id}/members/{membership_id}/delete")
def remove_coalition_member(
    coalition_id: RecordId,
    membership_id: RecordId,
    view: EditorView,
    session: SessionDep,
    form: CheckedForm,
) -> Response:
    coalition = _get(session, coalition_id)
    membership = session.get(Membership, membership_id)
    if membership is None or membership.coalition_id != coalition.id:
        raise NotFound("membership", membership_id)
    try:
        check_version(session, membership, form_text(form, "version"))
    except (QuadhelixError, PreconditionRequired) as error:
        errors = form_errors(error)
        raise FormRejected(_detail(view, session, coalition, errors.status, errors)) from error
    session.delete(membership)
    return RedirectResponse(f"/coalitions/{coalition.id}#members", status_code=303)
