"""``quadhelix users`` and ``quadhelix tokens``: accounts from the command line."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from quadhelix.accounts.service import authenticate
from quadhelix.accounts.tokens import user_for_api_token
from quadhelix.cli import app
from quadhelix.registry.database import transaction
from tests.accounts.cheap_hashing import cheap_password_hashing

PASSWORD = "a long enough password"


@pytest.fixture(autouse=True)
def cheap() -> Iterator[None]:
    with cheap_password_hashing():
        yield


def run(db_url: str, *args: str, stdin: str | None = None, ok: bool = True) -> tuple[str, str]:
    result = CliRunner().invoke(app, [*args, "--db", db_url], input=stdin)
    if ok:
        assert result.exit_code == 0, (args, result.stdout, result.stderr, result.exception)
    else:
        assert result.exit_code != 0, (args, result.stdout)
        assert "Traceback" not in result.output
    return result.stdout, result.stderr


def test_first_admin_from_stdin_and_the_user_list(db_url: str, engine: Engine) -> None:
    out, _ = run(
        db_url, "users", "add", "Anna", "--role", "admin", "--password-stdin", stdin=PASSWORD + "\n"
    )
    assert out.strip() == "Added user anna (admin)"
    run(db_url, "users", "add", "bert", "--password-stdin", stdin=PASSWORD + "\n")
    listed, _ = run(db_url, "users", "list", "--json")
    assert '"username": "anna"' in listed and '"role": "viewer"' in listed
    with transaction(engine) as session:
        assert authenticate(session, "anna", PASSWORD) is not None


def test_the_password_is_prompted_twice_and_never_an_option(db_url: str) -> None:
    out, _ = run(db_url, "users", "add", "anna", stdin=f"{PASSWORD}\n{PASSWORD}\n")
    assert "Added user anna (viewer)" in out
    run(db_url, "users", "add", "bert", "--password", PASSWORD, ok=False)
    _, err = run(db_url, "users", "add", "carl", "--password-stdin", stdin="short\n", ok=False)
    assert "at least 10 characters" in err


def test_roles_passwords_and_removal(db_url: str, engine: Engine) -> None:
    run(db_url, "users", "add", "anna", "--role", "admin", "--password-stdin", stdin=PASSWORD)
    run(db_url, "users", "add", "bert", "--role", "editor", "--password-stdin", stdin=PASSWORD)
    out, _ = run(db_url, "users", "set-role", "bert", "viewer")
    assert out.strip() == "User bert is now viewer"
    _, err = run(db_url, "users", "set-role", "anna", "viewer", ok=False)
    assert "last active admin" in err
    run(db_url, "users", "set-password", "bert", "--password-stdin", stdin="another long one\n")
    with transaction(engine) as session:
        assert authenticate(session, "bert", "another long one") is not None
    run(db_url, "users", "remove", "bert")
    _, err = run(db_url, "users", "remove", "bert", ok=False)
    assert "user not found" in err
    _, err = run(db_url, "users", "remove", "anna", ok=False)
    assert "last active admin" in err


def test_tokens_are_printed_once_and_work(db_url: str, engine: Engine) -> None:
    run(db_url, "users", "add", "robot", "--role", "editor", "--password-stdin", stdin=PASSWORD)
    out, err = run(db_url, "tokens", "create", "robot", "--name", "nightly")
    token = out.strip()
    assert token.startswith("qh_") and "not kept" in err
    with transaction(engine) as session:
        user = user_for_api_token(session, token)
        assert user is not None and user.username == "robot"
    listed, _ = run(db_url, "tokens", "list", "robot")
    assert token not in listed and token[:10] in listed
    run(db_url, "tokens", "revoke", "robot", "1")
    with transaction(engine) as session:
        assert user_for_api_token(session, token) is None
