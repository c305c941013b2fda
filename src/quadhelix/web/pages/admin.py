"""Administration pages (admin role): users, their roles and passwords, and site settings.

Every change goes through ``quadhelix.accounts.service``, so the rules of the command line hold
here too: argon2 hashes, and the last active admin can be neither demoted nor deactivated. A
user whose role, activity or password changes is signed out of every browser. A password made
by the server is shown once, on the page that answers the change, and never stored in clear.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from quadhelix.accounts.model import Role, User
from quadhelix.accounts.passwords import check_password_rules, generate_password
from quadhelix.accounts.schemas import UserCreate, UserUpdate
from quadhelix.accounts.service import create_user, list_users, update_user
from quadhelix.accounts.tokens import end_all_web_sessions
from quadhelix.registry.errors import InvalidValue, NotFound
from quadhelix.web.deps import MAX_ID, AdminUser, CheckedForm, SessionDep
from quadhelix.web.pages.forms import FormErrors, FormRejected, form_errors, form_text
from quadhelix.web.pages.rendering import PublicView, View
from quadhelix.web.site_settings import store_public_read_only, stored_public_read_only

router = APIRouter()
UserId = Annotated[int, Path(ge=1, le=MAX_ID)]


def admin_view(view: PublicView, _admin: AdminUser) -> View:
    return view


AdminView = Annotated[View, Depends(admin_view)]


def _user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("user", user_id)
    return user


def _users_page(
    view: View,
    session: Session,
    errors: FormErrors | None = None,
    message: str | None = None,
    secret: tuple[str, str] | None = None,
) -> HTMLResponse:
    """The users list; ``secret`` is a (user name, password) shown this once."""
    errors = errors or FormErrors()
    return view.render(
        "admin/users.html",
        status_code=errors.status if errors else 200,
        users=list_users(session),
        errors=errors,
        message=message,
        secret=secret,
    )


@router.get("/admin/users")
def users(view: AdminView, session: SessionDep) -> HTMLResponse:
    return _users_page(view, session)


def _new_form(view: View, values: dict[str, Any], errors: FormErrors | None = None) -> HTMLResponse:
    errors = errors or FormErrors()
    return view.render(
        "admin/user_form.html",
        status_code=errors.status if errors else 200,
        values=values,
        errors=errors,
    )


@router.get("/admin/users/new")
def new_user_form(view: AdminView) -> HTMLResponse:
    return _new_form(view, {"role": "viewer"})


@router.post("/admin/users/new")
def new_user(view: AdminView, session: SessionDep, form: CheckedForm) -> Response:
    """Add a user with the password given, or a generated one that is shown once."""
    values = {
        "username": form_text(form, "username"),
        "role": form_text(form, "role"),
        "survey_analyst": form_text(form, "survey_analyst") == "yes",
    }
    typed = form_text(form, "password")
    password = typed or generate_password()
    try:
        if typed:
            check_password_rules(typed)
        user = create_user(session, UserCreate.model_validate(values | {"password": password}))
    except Exception as error:
        raise FormRejected(_new_form(view, values, form_errors(error))) from error
    message = view.gettext("User %(name)s was added.") % {"name": user.username}
    shown = None if typed else (user.username, password)
    return _users_page(view, session, message=message, secret=shown)


def _apply(view: View, session: Session, user: User, data: UserUpdate) -> bool:
    """Apply a change with the accounts rules and sign the user out everywhere.

    Returns whether the admin changed their own account (and so must sign in again).
    """
    try:
        with session.begin_nested():
            update_user(session, user, data)
            end_all_web_sessions(session, user)
    except Exception as error:
        raise FormRejected(_users_page(view, session, form_errors(error))) from error
    return user.username == view.principal.username


def _done(view: View, session: Session, user: User, own: bool, message: str) -> Response:
    if own:
        return RedirectResponse("/login", status_code=303)
    return _users_page(view, session, message=message % {"name": user.username})


@router.post("/admin/users/{user_id}/role")
def change_role(
    user_id: UserId, view: AdminView, session: SessionDep, form: CheckedForm
) -> Response:
    """The role, and the survey analyst permission that goes with no role."""
    user = _user(session, user_id)
    role = form_text(form, "role")
    if role not in {r.value for r in Role}:
        error = InvalidValue("role", role, "expected viewer, editor or admin")
        raise FormRejected(_users_page(view, session, form_errors(error)))
    data = UserUpdate(role=Role(role), survey_analyst=form_text(form, "survey_analyst") == "yes")
    own = _apply(view, session, user, data)
    return _done(view, session, user, own, view.gettext("The role of %(name)s was changed."))


@router.post("/admin/users/{user_id}/active")
def change_active(
    user_id: UserId, view: AdminView, session: SessionDep, form: CheckedForm
) -> Response:
    user = _user(session, user_id)
    active = form_text(form, "active") == "yes"
    own = _apply(view, session, user, UserUpdate(is_active=active))
    message = (
        view.gettext("%(name)s can sign in again.")
        if active
        else view.gettext("%(name)s was deactivated and signed out.")
    )
    return _done(view, session, user, own, message)


@router.post("/admin/users/{user_id}/password")
def reset_password(
    user_id: UserId, view: AdminView, session: SessionDep, form: CheckedForm
) -> Response:
    """A new, generated password, shown once; the user is signed out everywhere."""
    user = _user(session, user_id)
    if user.username == view.principal.username:
        general = view.gettext("Change your own password on your account page.")
        raise FormRejected(_users_page(view, session, FormErrors(general=general)))
    password = generate_password()
    _apply(view, session, user, UserUpdate(password=password))
    message = view.gettext("The password of %(name)s was reset.") % {"name": user.username}
    return _users_page(view, session, message=message, secret=(user.username, password))


def _settings_page(view: View, session: Session, message: str | None = None) -> HTMLResponse:
    return view.render(
        "admin/settings.html",
        stored=stored_public_read_only(session),
        forced=view.state.settings.public_read_only,
        message=message,
    )


@router.get("/admin/settings")
def settings(view: AdminView, session: SessionDep) -> HTMLResponse:
    return _settings_page(view, session)


@router.post("/admin/settings")
def save_settings(view: AdminView, session: SessionDep, form: CheckedForm) -> HTMLResponse:
    store_public_read_only(session, form_text(form, "public_read_only") == "yes")
    return _settings_page(view, session, view.gettext("The settings were saved."))
