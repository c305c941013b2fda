"""Accounts without the web: users, roles, passwords, tokens, sessions and the login throttle."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import Engine, event, select

from quadhelix.accounts.model import ApiToken, Role, WebSession
from quadhelix.accounts.service import (
    add_user,
    authenticate,
    create_demo_admin,
    get_user,
    remove_user,
    set_role,
)
from quadhelix.accounts.throttle import LoginLimits, forget_failures, is_throttled, record_failure
from quadhelix.accounts.tokens import (
    create_api_token,
    end_web_session,
    start_web_session,
    user_for_api_token,
    web_session_for_cookie,
)
from quadhelix.registry.database import transaction
from quadhelix.registry.errors import Conflict, InvalidValue
from tests.accounts.cheap_hashing import cheap_password_hashing

PASSWORD = "a long enough password"


@pytest.fixture(autouse=True)
def cheap() -> Iterator[None]:
    with cheap_password_hashing():
        yield


def test_users_have_tidy_unique_names_and_real_passwords(engine: Engine) -> None:
    with transaction(engine) as session:
        user = add_user(session, "  Anna.Peeters@Gent ", PASSWORD, "editor")
        assert user.username == "anna.peeters@gent"
        assert user.password_hash.startswith("$argon2id$")
        assert PASSWORD not in user.password_hash
        with pytest.raises(Conflict):
            add_user(session, "ANNA.PEETERS@GENT", PASSWORD, "viewer")
        with pytest.raises(InvalidValue, match="at least 10"):
            add_user(session, "bert", "short", "viewer")
        with pytest.raises(InvalidValue, match="user name"):
            add_user(session, "bert smith", PASSWORD, "viewer")


def test_authenticate(engine: Engine) -> None:
    with transaction(engine) as session:
        add_user(session, "anna", PASSWORD, "viewer")
    with transaction(engine) as session:
        user = authenticate(session, "Anna", PASSWORD)
        assert user is not None and user.last_login_at is not None
        assert authenticate(session, "anna", PASSWORD + "x") is None
        assert authenticate(session, "nobody", PASSWORD) is None
        user.is_active = False
        assert authenticate(session, "anna", PASSWORD) is None


def test_there_is_always_an_active_admin(engine: Engine) -> None:
    with transaction(engine) as session:
        first = add_user(session, "first", PASSWORD, Role.ADMIN)
        with pytest.raises(Conflict, match="last active admin"):
            set_role(session, first, Role.VIEWER)
        with pytest.raises(Conflict):
            remove_user(session, first)
        add_user(session, "second", PASSWORD, Role.ADMIN)
        set_role(session, first, Role.VIEWER)
        remove_user(session, first)


def test_tokens_are_stored_as_digests_and_expire(engine: Engine) -> None:
    with transaction(engine) as session:
        user = add_user(session, "script-owner", PASSWORD, "editor")
        issued = create_api_token(session, user, "export")
        stored = session.scalar(select(ApiToken))
        assert stored is not None and issued.token not in (stored.token_hash, stored.prefix)
        assert user_for_api_token(session, issued.token) is user
        assert user_for_api_token(session, issued.token + "x") is None
        with pytest.raises(InvalidValue, match="future"):
            create_api_token(session, user, "old", stored.created_at - timedelta(days=1))


def test_a_request_finds_its_user_in_one_query(engine: Engine) -> None:
    with transaction(engine) as session:
        user = add_user(session, "script-owner", PASSWORD, "editor")
        issued = create_api_token(session, user, "export")
        started = start_web_session(session, user, timedelta(hours=1))
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(engine, "before_cursor_execute", count)
    try:
        for find in (
            lambda session: user_for_api_token(session, issued.token),
            lambda session: web_session_for_cookie(session, started.cookie).user,  # type: ignore[union-attr]
        ):
            statements.clear()
            with transaction(engine) as session:  # a fresh session, as each request has
                assert find(session).username == "script-owner"
                assert [s for s in statements if s.lstrip().upper().startswith("SELECT")] == [
                    statements[0]
                ], statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def test_web_sessions_end_on_logout_and_expiry(engine: Engine) -> None:
    with transaction(engine) as session:
        user = add_user(session, "anna", PASSWORD, "viewer")
        started = start_web_session(session, user, timedelta(hours=1))
        assert web_session_for_cookie(session, started.cookie) is started.record
        end_web_session(session, started.cookie)
        assert web_session_for_cookie(session, started.cookie) is None
        expired = start_web_session(session, user, timedelta(microseconds=1))
        assert web_session_for_cookie(session, expired.cookie) is None
        start_web_session(session, user, timedelta(hours=1))  # sweeps the expired one
        assert len(list(session.scalars(select(WebSession)))) == 1


def test_login_throttle_counts_per_client_and_name(engine: Engine) -> None:
    limits = LoginLimits(per_user=2, per_client=3, window=timedelta(minutes=5))
    with transaction(engine) as session:
        for _ in range(2):
            record_failure(session, "10.0.0.1", "anna", limits)
        assert is_throttled(session, "10.0.0.1", "ANNA", limits)
        assert not is_throttled(session, "10.0.0.2", "anna", limits)
        assert not is_throttled(session, "10.0.0.1", "bert", limits)
        record_failure(session, "10.0.0.1", "bert", limits)
        assert is_throttled(session, "10.0.0.1", "carl", limits)  # the client tried too many
        forget_failures(session, "10.0.0.1", "anna")
        assert not is_throttled(session, "10.0.0.2", "anna", limits)


def test_demo_admin_gets_fresh_working_credentials(engine: Engine) -> None:
    username, password = create_demo_admin(engine)
    again, new_password = create_demo_admin(engine)
    assert again == username and new_password != password
    with transaction(engine) as session:
        assert get_user(session, username).role == Role.ADMIN
        assert authenticate(session, username, new_password) is not None
        assert authenticate(session, username, password) is None
