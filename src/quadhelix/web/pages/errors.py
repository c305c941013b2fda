"""Errors on pages: a sign-in redirect for 401, an HTML page in the visitor's language otherwise."""

from __future__ import annotations

from http import HTTPStatus
from urllib.parse import quote

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.exc import DataError, IntegrityError
from starlette.exceptions import HTTPException

from quadhelix.registry.errors import Conflict, InvalidValue, NotFound, QuadhelixError
from quadhelix.web.deps import NotAllowed, NotSignedIn, Principal
from quadhelix.web.messages import message_of
from quadhelix.web.pages.forms import FormRejected
from quadhelix.web.pages.rendering import View, request_language
from quadhelix.web.security import safe_next
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
    principal = getattr(request.state, "principal", None) or Principal(None)
    state = request.app.state.quadhelix
    view = View(request, principal, state, request_language(request))
    detail = error.detail if isinstance(error, NotAllowed | HTTPException) else None
    if isinstance(error, QuadhelixError):
        detail = message_of(error)
    response: HTMLResponse = view.render(
        "error.html",
        status_code=status,
        status=status,
        title=HTTPStatus(status).phrase,
        detail=detail if isinstance(detail, str) else None,
    )
    return response
