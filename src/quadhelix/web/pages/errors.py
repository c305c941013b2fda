"""Errors on pages: a sign-in redirect for 401, an HTML page in the visitor's language otherwise."""

from __future__ import annotations

from collections.abc import Iterable
from http import HTTPStatus
from urllib.parse import quote

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.exc import DataError, IntegrityError
from starlette.exceptions import HTTPException

from quadhelix.registry.errors import Conflict, InvalidValue, NotFound, QuadhelixError
from quadhelix.web.deps import NotAllowed, NotSignedIn, Principal, identify
from quadhelix.web.messages import message_of, validation_reason
from quadhelix.web.pages.forms import FormRejected
from quadhelix.web.pages.rendering import View, request_language
from quadhelix.web.security import safe_next, security_headers
from quadhelix.web.state import AppState
from quadhelix.web.versioning import PreconditionRequired


def _status(error: Exception) -> int:
    if isinstance(error, NotAllowed):
        return 403
    if isinstance(error, NotFound):
        return 404
    if isinstance(error, Conflict | IntegrityError):
        return 409
    if isinstance(error, InvalidValue | ValidationError | RequestValidationError | DataError):
        return 422
    if isinstance(error, PreconditionRequired):
        return 428
    if isinstance(error, HTTPException):
        return error.status_code
    if isinstance(error, QuadhelixError):
        return 400
    raise error


def login_redirect(request: Request) -> Response:
    target = safe_next(request.url.path + (f"?{request.url.query}" if request.url.query else ""))
    location = f"/login?next={quote(target, safe='')}"
    if request.headers.get("HX-Request") == "true":
        return Response(status_code=204, headers={"HX-Redirect": location})
    return RedirectResponse(location, status_code=303)


def page_error(request: Request, error: Exception) -> Response:
    if isinstance(error, FormRejected):
        return error.response
    if isinstance(error, NotSignedIn):
        return login_redirect(request)
    status = _status(error)
    state = request.app.state.quadhelix
    principal = _principal(request, state)
    view = View(request, principal, state, request_language(request))
    detail = error.detail if isinstance(error, NotAllowed | HTTPException) else None
    if isinstance(error, QuadhelixError):
        detail = message_of(error)
    if isinstance(detail, str) and detail == HTTPStatus(status).phrase:
        detail = None  # Starlette's "Not Found" says in English what the heading says
    problems = []
    if isinstance(error, RequestValidationError):  # which parameter of the address, and why
        problems = [(_parameter(p.get("loc", ())), validation_reason(p)) for p in error.errors()]
    response: HTMLResponse = view.render(
        "error.html",
        status_code=status,
        status=status,
        detail=detail if isinstance(detail, str) else None,
        problems=problems,
    )
    return response


def _principal(request: Request, state: AppState) -> Principal:
    """Who is asking, also when no route ran (an unknown address): the page keeps its menu."""
    found = getattr(request.state, "principal", None)
    if isinstance(found, Principal):
        return found
    try:
        with state.sessions() as session, session.begin():
            return identify(request, session, state)
    except Exception:  # a bad token or cookie: the error page is shown as to a visitor
        return Principal(None)


def _parameter(location: Iterable[object]) -> str:
    """A parameter's name from Pydantic's location: ("query", "page") -> "page"."""
    parts = [str(part) for part in location if part not in ("query", "path", "body")]
    return ".".join(parts) or "request"


def server_error(request: Request, error: Exception) -> Response:
    """An unexpected error: a page in the visitor's language (the server logs the traceback).

    Starlette answers it outside the other middleware, so the security headers are added here.
    """
    state = request.app.state.quadhelix
    response: Response
    if request.url.path.startswith("/api/"):
        response = JSONResponse(
            {"title": "Internal Server Error", "status": 500},
            status_code=500,
            media_type="application/problem+json",
        )
    else:
        view = View(request, _principal(request, state), state, request_language(request))
        response = view.render("error.html", status_code=500, status=500, detail=None, problems=[])
    response.headers.update(dict(security_headers(state.settings.secure_cookies)))
    response.headers["Cache-Control"] = "no-store"
    return response
