"""The respondent's side of a partner survey: ``/survey/{token}``, no account needed.

The token in the path is the respondent's only credential: it opens their own answers in one
wave and nothing else. Unknown tokens are counted per client with the sign-in throttle, so that
guessing is slowed down as password guessing is; a throttled client is refused even with a good
link, so the answer does not tell which links exist. Forms here carry no CSRF token: a forged
request would need the secret link itself.
"""

from __future__ import annotations

from datetime import UTC
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from quadhelix.accounts.throttle import is_throttled, record_failure
from quadhelix.registry.database import transaction
from quadhelix.registry.errors import InvalidValue, validation_messages
from quadhelix.survey.answering import (
    NotAnswerable,
    answer_state,
    has_answers,
    own_answers,
    partners,
    save_answers,
    submit,
    write_retrying,
)
from quadhelix.survey.invitations import LinkInvalid, respondent_for_token
from quadhelix.survey.model import SurveyRespondent
from quadhelix.survey.questions import RATING_ITEMS, Frequency, Level, QuestionBank
from quadhelix.survey.schemas import COMMENTS_MAX, AnswersUpdate
from quadhelix.web.deps import Principal, StateDep
from quadhelix.web.messages import Text
from quadhelix.web.pages.forms import FormErrors, form_errors
from quadhelix.web.pages.rendering import View
from quadhelix.web.security import client_address
from quadhelix.web.state import AppState
from quadhelix.web.translations import N_, pick_language

router = APIRouter(include_in_schema=False)
THROTTLE_NAME = "#survey-link"
POINTS = ("1", "2", "3", "4")  # the rating scale as a form sends it
OWN_FIELDS = ("resources", "outcomes", "success", "comments")
# Why an empty form is not handed in (``answering.submit`` refuses one too).
EMPTY_FORM = N_(
    "Answer at least one question about a partner before you submit. For a partner your "
    "organisation does not work with, choose the first level of collaboration."
)


class Throttled(Exception):
    """Too many unknown links from this client."""


def _view(request: Request, state: AppState, language: str | None = None) -> View:
    chosen = pick_language(request.query_params.get("lang"), language)
    return View(request, Principal(None), state, chosen)


def _respondent(session: Session, request: Request, state: AppState, token: str) -> Any:
    client = client_address(request)
    if is_throttled(session, client, THROTTLE_NAME, state.login_limits):
        raise Throttled
    try:
        return respondent_for_token(session, token)
    except LinkInvalid:
        record_failure(session, client, THROTTLE_NAME, state.login_limits)
        raise


def _refusal(request: Request, state: AppState, error: Exception) -> Response:
    view = _view(request, state)
    if isinstance(error, Throttled):
        response = view.render("survey/link_invalid.html", status_code=429, throttled=True)
        response.headers["Retry-After"] = str(int(state.login_limits.window.total_seconds()))
        return response
    return view.render("survey/link_invalid.html", status_code=404, throttled=False)


def _check_link(request: Request, state: AppState, token: str) -> Exception | None:
    """Check a link in a transaction of its own, so that a failed guess is recorded."""
    with transaction(state.engine) as session:
        try:
            _respondent(session, request, state, token)
        except (LinkInvalid, Throttled) as error:
            return error
    return None


def _form_context(session: Session, respondent: SurveyRespondent) -> dict[str, Any]:
    wave = respondent.wave
    stored = {a.target_actor_id: a for a in respondent.answers}
    own = {field: getattr(respondent, field) for field in OWN_FIELDS}
    return {
        "wave": wave,
        "respondent": respondent,
        "bank": QuestionBank.model_validate(wave.questions),
        "partners": partners(session, respondent),
        "stored": stored,
        "own": own,
        "items": RATING_ITEMS,
        "reason": answer_state(respondent),
        "comments_max": COMMENTS_MAX,
        "errors": FormErrors(),
        "labels": {},
    }


def _typed(form: FormData, partner_ids: list[int]) -> tuple[dict[int, Any], dict[str, Any]]:
    """What the form held, as the form shows it again (values it cannot show are left out)."""
    stored: dict[int, Any] = {}
    for actor_id in partner_ids:
        answer: dict[str, Any] = {"level": None, "frequency": None}
        for field, choices in (("level", Level), ("frequency", Frequency)):
            value = form.get(f"{field}-{actor_id}")
            answer[field] = value if value in set(choices) else None
        for rating in RATING_ITEMS:
            value = form.get(f"{rating}-{actor_id}")
            answer[rating] = int(value) if value in POINTS else None
        stored[actor_id] = answer
    success = form.get("success")
    comments = form.get("comments")
    own = {
        "resources": [v for v in form.getlist("resources") if isinstance(v, str)],
        "outcomes": [v for v in form.getlist("outcomes") if isinstance(v, str)],
        "success": int(success) if success in POINTS else None,
        "comments": comments if isinstance(comments, str) else None,
    }
    return stored, own


def _labels(context: dict[str, Any], language: str) -> dict[str, str]:
    """Each form field's name -> what the form calls it (a partner's name and the question)."""
    bank: QuestionBank = context["bank"]
    questions = {"level": bank.level, "frequency": bank.frequency, **bank.ratings}
    labels = {
        f"{key}-{partner.actor_id}": f"{partner.name}: {wording.text(language)}"
        for partner in context["partners"]
        for key, wording in questions.items()
    }
    for field in OWN_FIELDS:
        labels[field] = getattr(bank, field).text(language)
    return labels


@router.get("/survey/{token}")
def respondent_form(request: Request, state: StateDep, token: str) -> Response:
    """The form (or, once submitted or closed, the respondent's own answers and why)."""
    with transaction(state.engine) as session:
        try:
            respondent = _respondent(session, request, state, token)
        except (LinkInvalid, Throttled) as error:
            refusal = error
        else:
            view = _view(request, state, respondent.wave.language)
            context = _form_context(session, respondent)
            saved = request.query_params.get("saved") == "1"
            return view.render("survey/respond.html", token=token, saved=saved, **context)
    return _refusal(request, state, refusal)


def _ints(form: FormData, name: str) -> int | None:
    value = form.get(name)
    if not isinstance(value, str) or not value.strip():
        return None
    if value.strip() not in POINTS:
        raise InvalidValue(name, value, "must be a number from 1 to 4")
    return int(value)


def answers_from_form(form: FormData, partner_ids: list[int]) -> AnswersUpdate:
    """Field names: ``level-ID``, ``frequency-ID``, ``reliability-ID`` ...; checklists come with
    a ``*-shown`` marker so that unticking every box is saved as an empty list."""
    answers = []
    for actor_id in partner_ids:
        item: dict[str, Any] = {"target_actor_id": actor_id}
        for field, choices in (("level", Level), ("frequency", Frequency)):
            value = form.get(f"{field}-{actor_id}")
            if isinstance(value, str) and value:
                if value not in set(choices):
                    allowed = ", ".join(choices)
                    raise InvalidValue(
                        f"{field}-{actor_id}", value, "must be one of %(allowed)s", allowed=allowed
                    )
                item[field] = value
        for rating in RATING_ITEMS:
            number = _ints(form, f"{rating}-{actor_id}")
            if number is not None:
                item[rating] = number
        if len(item) > 1:
            answers.append(item)
    data: dict[str, Any] = {"answers": answers}
    for checklist in ("resources", "outcomes"):
        if form.get(f"{checklist}-shown"):
            data[checklist] = [v for v in form.getlist(checklist) if isinstance(v, str)]
    success = _ints(form, "success")
    if success is not None:
        data["success"] = success
    comments = form.get("comments")
    if isinstance(comments, str) and "comments" in form:
        text = comments.strip()
        if len(text) > COMMENTS_MAX:
            raise InvalidValue(
                "comments", len(text), "is longer than %(most)s characters", most=COMMENTS_MAX
            )
        data["comments"] = text or None
    return AnswersUpdate.model_validate(data)


def _wants_json(request: Request) -> bool:
    return request.headers.get("X-Autosave") == "1"


@router.post("/survey/{token}/save")
async def save(request: Request, state: StateDep, token: str) -> Response:
    """Save as you go: JavaScript posts each change (JSON answer); without it, the Save button."""
    return await _store(request, state, token, hand_in=False)


@router.post("/survey/{token}/submit")
async def hand_in(request: Request, state: StateDep, token: str) -> Response:
    """Save what the form holds and submit: the answers count from now on and are final."""
    return await _store(request, state, token, hand_in=True)


async def _store(request: Request, state: StateDep, token: str, *, hand_in: bool) -> Response:
    form = await request.form()
    refusal = _check_link(request, state, token)
    if refusal is not None:
        if _wants_json(request):
            status = 429 if isinstance(refusal, Throttled) else 404
            return JSONResponse({"saved": False, "reason": "link"}, status_code=status)
        return _refusal(request, state, refusal)

    def work(session: Session) -> str | None:
        """Save; hand in too when asked. None when the hand-in was refused as empty: what was
        typed is kept (committed) all the same, and the form says what is missing."""
        respondent = respondent_for_token(session, token)
        ids = [p.actor_id for p in partners(session, respondent)]
        save_answers(session, respondent, answers_from_form(form, ids))
        if hand_in:
            if not has_answers(session, respondent):
                return None
            submit(session, respondent)
        saved = respondent.updated_at.astimezone(UTC)
        return saved.isoformat(timespec="seconds")

    try:
        saved_at = write_retrying(state.engine, work)
    except LinkInvalid as error:  # revoked a moment ago
        if _wants_json(request):
            return JSONResponse({"saved": False, "reason": "link"}, status_code=404)
        return _refusal(request, state, error)
    except NotAnswerable as error:
        if _wants_json(request):
            return JSONResponse({"saved": False, "reason": error.reason}, status_code=409)
        return RedirectResponse(f"/survey/{token}", status_code=303)
    except (InvalidValue, ValidationError) as error:
        if _wants_json(request):
            messages = (
                validation_messages(error) if isinstance(error, ValidationError) else [str(error)]
            )
            return JSONResponse({"saved": False, "errors": messages}, status_code=422)
        return _form_again(request, state, token, form, form_errors(error))
    if saved_at is None:
        if _wants_json(request):
            return JSONResponse({"saved": True, "submitted": False, "reason": "empty"}, 422)
        return _form_again(request, state, token, None, FormErrors(general=Text(EMPTY_FORM)))
    if _wants_json(request):
        return JSONResponse({"saved": True, "saved_at": saved_at})
    target = f"/survey/{token}" if hand_in else f"/survey/{token}?saved=1"
    return RedirectResponse(target, status_code=303)


def _form_again(
    request: Request, state: AppState, token: str, form: FormData | None, errors: FormErrors
) -> Response:
    """The form with the messages: with what was typed (``form``), else as now saved."""
    with transaction(state.engine) as session:
        try:
            respondent = respondent_for_token(session, token)
        except LinkInvalid as error:
            return _refusal(request, state, error)
        view = _view(request, state, respondent.wave.language)
        context = _form_context(session, respondent)
        if form is not None:
            ids = [p.actor_id for p in context["partners"]]
            context["stored"], context["own"] = _typed(form, ids)
        context["errors"] = errors
        context["labels"] = _labels(context, view.language)
        return view.render(
            "survey/respond.html", status_code=422, token=token, saved=False, **context
        )


@router.get("/survey/{token}/answers.json")
def my_answers(request: Request, state: StateDep, token: str) -> Response:
    """A copy of everything stored about this respondent, and nobody else's."""
    with transaction(state.engine) as session:
        try:
            respondent = _respondent(session, request, state, token)
        except (LinkInvalid, Throttled) as error:
            refusal = error
        else:
            body = own_answers(respondent)
            return JSONResponse(_jsonable(body))
    status = 429 if isinstance(refusal, Throttled) else 404
    return JSONResponse({"detail": str(refusal) or "too many attempts"}, status_code=status)


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
