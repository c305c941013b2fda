"""My account: change my own password, and make, list and revoke my own API tokens.

A new token is shown once, on the page that answers its creation; only its digest is kept. A new
password signs the user out of every browser, this one included, so that a stolen session ends.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from quadhelix.accounts.model import User
from quadhelix.accounts.passwords import verify_password
from quadhelix.accounts.service import set_password
from quadhelix.accounts.tokens import (
    create_api_token,
    end_all_web_sessions,
    list_api_tokens,
    revoke_api_token,
)
from quadhelix.registry.errors import InvalidValue
from quadhelix.registry.model import utcnow
from quadhelix.web.deps import MAX_ID, CheckedForm, CurrentUser, SessionDep
from quadhelix.web.pages.forms import FormErrors, FormRejected, form_errors, form_text
from quadhelix.web.pages.rendering import PublicView, View

router = APIRouter()
TokenId = Annotated[int, Path(ge=1, le=MAX_ID)]
MAX_DAYS = 3650


def signed_in_view(view: PublicView, _user: CurrentUser) -> View:
    return view


SignedInView = Annotated[View, Depends(signed_in_view)]


def _page(
    view: View,
    session: Session,
    user: User,
    *,
    password_errors: FormErrors | None = None,
    token_errors: FormErrors | None = None,
    token_values: dict[str, Any] | None = None,
    new_token: str | None = None,
    message: str | None = None,
) -> HTMLResponse:
    errors = password_errors or token_errors
    return view.render(
        "admin/account.html",
        status_code=errors.status if errors else 200,
        account=user,
        tokens=list_api_tokens(session, user),
        password_errors=password_errors or FormErrors(),
        token_errors=token_errors or FormErrors(),
        token_values=token_values or {},
        new_token=new_token,
        message=message,
        now=utcnow(),
    )


@router.get("/account")
def account(view: SignedInView, session: SessionDep, user: CurrentUser) -> HTMLResponse:
    return _page(view, session, user)


@router.post("/account/password")
def change_password(
    view: SignedInView, session: SessionDep, user: CurrentUser, form: CheckedForm
) -> Response:
    current = form.get("current_password")
    new = form.get("new_password")
    again = form.get("new_password_again")
    try:
        if not isinstance(current, str) or not verify_password(user.password_hash, current):
            raise InvalidValue("current_password", "…", "this is not your current password")
        if not isinstance(new, str) or new != again:
            raise InvalidValue("new_password_again", "…", "the two new passwords differ")
        set_password(session, user, new)
    except Exception as error:
        errors = form_errors(error)
        if "password" in errors.fields:
            errors.fields["new_password"] = errors.fields.pop("password")
        raise FormRejected(_page(view, session, user, password_errors=errors)) from error
    end_all_web_sessions(session, user)
    return RedirectResponse("/login", status_code=303)


@router.post("/account/tokens")
def create_token(
    view: SignedInView, session: SessionDep, user: CurrentUser, form: CheckedForm
) -> HTMLResponse:
    values = {
        "name": form_text(form, "name"),
        "expires_in_days": form_text(form, "expires_in_days"),
    }
    try:
        days = values["expires_in_days"]
        expires = None
        if days:
            if not days.isdigit() or not 1 <= int(days) <= MAX_DAYS:
                raise InvalidValue(
                    "expires_in_days", days, "expected 1 to %(most)s days", most=MAX_DAYS
                )
            expires = utcnow() + timedelta(days=int(days))
        issued = create_api_token(session, user, values["name"], expires)
    except Exception as error:
        errors = form_errors(error)
        raise FormRejected(
            _page(view, session, user, token_errors=errors, token_values=values)
        ) from error
    return _page(view, session, user, new_token=issued.token)


@router.post("/account/tokens/{token_id}/revoke")
def revoke_token(
    token_id: TokenId, view: SignedInView, session: SessionDep, user: CurrentUser
) -> HTMLResponse:
    """Revoke one of my tokens (the page router checks the form's CSRF token)."""
    revoke_api_token(session, user, token_id)
    return _page(view, session, user, message=view.gettext("The token was revoked."))
