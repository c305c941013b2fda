"""Users: adding, listing, changing roles and passwords, removing, and checking a password.

The rule that keeps an installation manageable: there is always at least one active admin.
"""

from __future__ import annotations

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from quadhelix.accounts.model import Role, User
from quadhelix.accounts.passwords import (
    check_password_rules,
    generate_password,
    hash_password,
    needs_rehash,
    verify_password,
    waste_time_like_a_check,
)
from quadhelix.accounts.schemas import UserCreate, UserUpdate, normalise_username
from quadhelix.registry.database import transaction
from quadhelix.registry.errors import Conflict, InvalidValue, NotFound
from quadhelix.registry.model import utcnow

DEMO_ADMIN = "demo-admin"


def _username(value: str) -> str:
    try:
        return normalise_username(value)
    except ValueError as error:
        raise InvalidValue("username", value, str(error)) from None


def find_user(session: Session, ref: str | int) -> User | None:
    """By user name (any case) or by database id (``12`` or ``#12``)."""
    text = str(ref).strip()
    user = session.scalar(select(User).where(User.username == text.lower()))
    if user is not None:
        return user
    digits = text.removeprefix("#")
    return session.get(User, int(digits)) if digits.isdigit() and len(digits) < 10 else None


def get_user(session: Session, ref: str | int) -> User:
    user = find_user(session, ref)
    if user is None:
        raise NotFound("user", ref)
    return user


def list_users(session: Session) -> list[User]:
    return list(session.scalars(select(User).order_by(User.username)))


def create_user(session: Session, data: UserCreate) -> User:
    if session.scalar(select(User).where(User.username == data.username)) is not None:
        raise Conflict(template="username: %(name)r is already taken", name=data.username)
    user = User(
        username=data.username,
        password_hash=hash_password(data.password),
        role=data.role,
        is_active=True,
        survey_analyst=data.survey_analyst,
    )
    session.add(user)
    session.flush()
    return user


def add_user(
    session: Session,
    username: str,
    password: str,
    role: Role | str,
    *,
    survey_analyst: bool = False,
) -> User:
    """The same as ``create_user``, with the checks reported under the CLI's own words."""
    check_password_rules(password)
    return create_user(
        session,
        UserCreate(
            username=_username(username),
            password=password,
            role=Role(role),
            survey_analyst=survey_analyst,
        ),
    )


def _active_admins(session: Session) -> int:
    return (
        session.scalar(
            select(func.count()).where(User.role == Role.ADMIN, User.is_active.is_(True))
        )
        or 0
    )


def _keep_an_admin(session: Session, user: User) -> None:
    if user.role == Role.ADMIN and user.is_active and _active_admins(session) <= 1:
        raise Conflict(
            template="user: %(name)r is the last active admin; make another first",
            name=user.username,
        )


def update_user(session: Session, user: User, data: UserUpdate) -> User:
    changes = data.model_dump(exclude_unset=True)
    if changes.get("role") not in (None, Role.ADMIN) or changes.get("is_active") is False:
        _keep_an_admin(session, user)
    for key, value in changes.items():
        if value is None:
            raise InvalidValue(key, value, "cannot be cleared")
        if key == "password":
            user.password_hash = hash_password(value)
        else:
            setattr(user, key, value)
    user.updated_at = utcnow()
    session.flush()
    return user


def set_role(session: Session, user: User, role: Role | str) -> User:
    return update_user(session, user, UserUpdate(role=Role(role)))


def set_survey_analyst(session: Session, user: User, allowed: bool) -> User:
    """Let a user see who rated whom in partner surveys (or stop it); no role implies it."""
    return update_user(session, user, UserUpdate(survey_analyst=allowed))


def set_password(session: Session, user: User, password: str) -> User:
    check_password_rules(password)
    return update_user(session, user, UserUpdate(password=password))


def remove_user(session: Session, user: User) -> None:
    """Delete a user with its tokens and sessions; the last active admin cannot go."""
    _keep_an_admin(session, user)
    session.delete(user)
    session.flush()


def authenticate(session: Session, username: str, password: str) -> User | None:
    """The active user with this name and password, or None; as slow for unknown names."""
    user = session.scalar(select(User).where(User.username == username.strip().lower()))
    if user is None or not user.is_active:
        waste_time_like_a_check(password)
        return None
    if not verify_password(user.password_hash, password):
        return None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.last_login_at = utcnow()
    session.flush()
    return user


def create_demo_admin(engine: Engine) -> tuple[str, str]:
    """Make (or reset) the demo admin with a fresh random password; returns the credentials.

    Meant for ``quadhelix demo`` on a generated database: the password is printed once. The demo
    admin is also a survey analyst, so that the demo shows the partner survey in full.
    """
    password = generate_password()
    with transaction(engine) as session:
        user = find_user(session, DEMO_ADMIN)
        if user is None:
            add_user(session, DEMO_ADMIN, password, Role.ADMIN, survey_analyst=True)
        else:
            user.role = Role.ADMIN
            user.survey_analyst = True
            user.is_active = True
            user.password_hash = hash_password(password)
            user.updated_at = utcnow()
    return DEMO_ADMIN, password
