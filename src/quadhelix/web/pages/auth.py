"""Signing in and out, and choosing the language.

The sign-in form has no session yet, so its CSRF token is an HMAC of a nonce kept in a short-lived
cookie. Failed attempts are counted per client and user name (``accounts.throttle``).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from quadhelix.accounts.service import authenticate
from quadhelix.accounts.throttle import forget_failures, is_throttled, record_failure
from quadhelix.accounts.tokens import end_web_session, start_web_session
from quadhelix.web.deps import CheckedForm, SessionDep, StateDep
from quadhelix.web.pages.rendering import PublicView, View
from quadhelix.web.security import (
    LANGUAGE_COOKIE,
    client_address,
    login_cookie_name,
    login_form_token,
    new_nonce,
    safe_next,
    session_cookie_name,
    tokens_match,
)
from quadhelix.web.translations import LANGUAGES

router = APIRouter(include_in_schema=False)


def _login_page(
    view: View, nonce: str, next_url: str, status_code: int = 200, error: str | None = None
) -> HTMLResponse:
    state = view.state
    response = view.render(
        "login.html",
        status_code=status_code,
        login_token=login_form_token(state.secret, nonce),
        next_url=next_url,
        error=error,
    )
    secure = state.settings.secure_cookies
    response.set_cookie(
        login_cookie_name(secure),
        nonce,
        max_age=3600,
        httponly=True,
        secure=secure,
        samesite="lax",
        path="/",
    )
    return response


@router.get("/login")
def login_form(view: PublicView, next: str | None = None) -> Response:
    if view.principal.user is not None:
        return RedirectResponse(safe_next(next), status_code=303)
    cookie = view.request.cookies.get(login_cookie_name(view.state.settings.secure_cookies))
    return _login_page(view, cookie or new_nonce(), safe_next(next))


@router.post("/login")
def login(
    view: PublicView,
    session: SessionDep,
    username: Annotated[str, Form(max_length=100)] = "",
    password: Annotated[str, Form(max_length=256)] = "",
    csrf_token: Annotated[str, Form(max_length=200)] = "",
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> Response:
    state = view.state
    secure = state.settings.secure_cookies
    target = safe_next(next)
    nonce = view.request.cookies.get(login_cookie_name(secure))
    expected = login_form_token(state.secret, nonce) if nonce else None
    if not tokens_match(expected, csrf_token):
        message = view.gettext("The form has expired. Please try again.")
        return _login_page(view, new_nonce(), target, 403, message)
    assert nonce is not None
    client = client_address(view.request)
    limits = state.login_limits
    if is_throttled(session, client, username, limits):
        message = view.gettext("Too many failed attempts. Wait a few minutes and try again.")
        response = _login_page(view, nonce, target, 429, message)
        response.headers["Retry-After"] = str(int(limits.window.total_seconds()))
        return response
    user = authenticate(session, username, password)
    if user is None:
        record_failure(session, client, username, limits)
        message = view.gettext("Wrong user name or password.")
        return _login_page(view, nonce, target, 401, message)
    forget_failures(session, client, username)
    started = start_web_session(session, user, state.settings.session_lifetime)
    redirect = RedirectResponse(target, status_code=303)
    redirect.set_cookie(
        session_cookie_name(secure),
        started.cookie,
        max_age=int(state.settings.session_lifetime.total_seconds()),
        httponly=True,
        secure=secure,
        samesite="lax",
        path="/",
    )
    redirect.delete_cookie(login_cookie_name(secure), path="/", secure=secure, httponly=True)
    return redirect


@router.post("/logout")
def logout(request: Request, session: SessionDep, state: StateDep, _form: CheckedForm) -> Response:
    secure = state.settings.secure_cookies
    cookie = request.cookies.get(session_cookie_name(secure))
    if cookie:
        end_web_session(session, cookie)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(session_cookie_name(secure), path="/", secure=secure, httponly=True)
    return response


@router.get("/language/{language}")
def choose_language(language: str, state: StateDep, next: str | None = None) -> Response:
    """Remember the language for a year; a link, so it works without JavaScript."""
    response = RedirectResponse(safe_next(next), status_code=303)
    if language in LANGUAGES:
        response.set_cookie(
            LANGUAGE_COOKIE,
            language,
            max_age=365 * 24 * 3600,
            secure=state.settings.secure_cookies,
            samesite="lax",
            path="/",
        )
    return response
