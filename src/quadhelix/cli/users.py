"""``quadhelix users ...`` and ``quadhelix tokens ...``: who may use the web application.

Passwords are never taken from the command line (where other users and shell history see them):
they are typed at a prompt, or read from standard input with ``--password-stdin``.
"""

from __future__ import annotations

import sys
from datetime import timedelta
from typing import Annotated

import typer

from quadhelix.accounts.model import Role
from quadhelix.accounts.service import (
    add_user,
    get_user,
    list_users,
    remove_user,
    set_role,
    set_survey_analyst,
)
from quadhelix.accounts.service import set_password as change_password
from quadhelix.accounts.tokens import (
    create_api_token,
    end_all_web_sessions,
    list_api_tokens,
    revoke_api_token,
)
from quadhelix.cli.common import DbOption, JsonOption, note, print_json, print_table, unit_of_work
from quadhelix.registry.errors import InvalidValue
from quadhelix.registry.model import utcnow

app = typer.Typer(help="Users of the web application and their roles (admin, editor, viewer).")
tokens_app = typer.Typer(help="API tokens that let scripts use the REST API as a user.")

UsernameArgument = Annotated[str, typer.Argument(help="User name (letters, digits, . _ @ -).")]
PasswordStdin = Annotated[
    bool,
    typer.Option("--password-stdin", help="Read the password from the first line of stdin."),
]

SurveyAnalystOption = Annotated[
    bool,
    typer.Option(
        "--survey-analyst",
        help="May see who rated whom in partner surveys (no role implies this).",
    ),
]


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise InvalidValue("password", "", "nothing was read from standard input")
        return password
    typed: str = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    return typed


@app.command("add")
def add(
    username: UsernameArgument,
    role: Annotated[Role, typer.Option(help="What the user may do.")] = Role.VIEWER,
    survey_analyst: SurveyAnalystOption = False,
    password_stdin: PasswordStdin = False,
    db: DbOption = None,
) -> None:
    """Add a user, e.g. the first admin: quadhelix users add anna --role admin."""
    password = _read_password(password_stdin)
    with unit_of_work(db) as session:
        user = add_user(session, username, password, role, survey_analyst=survey_analyst)
        analyst = ", survey analyst" if user.survey_analyst else ""
        typer.echo(f"Added user {user.username} ({user.role.value}{analyst})")


@app.command("list")
def list_(db: DbOption = None, as_json: JsonOption = False) -> None:
    """List users with their role and last sign-in."""
    with unit_of_work(db) as session:
        users = list_users(session)
        if as_json:
            print_json(
                [
                    {
                        "id": u.id,
                        "username": u.username,
                        "role": u.role.value,
                        "is_active": u.is_active,
                        "survey_analyst": u.survey_analyst,
                        "last_login_at": u.last_login_at,
                    }
                    for u in users
                ]
            )
            return
        rows = [
            (
                u.id,
                u.username,
                u.role.value,
                "yes" if u.is_active else "no",
                "yes" if u.survey_analyst else "no",
                u.last_login_at,
            )
            for u in users
        ]
        print_table(rows, ["id", "username", "role", "active", "survey analyst", "last sign-in"])


@app.command("set-role")
def set_role_(
    username: UsernameArgument,
    role: Annotated[Role, typer.Argument(help="admin, editor or viewer.")],
    db: DbOption = None,
) -> None:
    """Change a user's role; the user is signed out of the browser."""
    with unit_of_work(db) as session:
        user = set_role(session, get_user(session, username), role)
        end_all_web_sessions(session, user)
        typer.echo(f"User {user.username} is now {user.role.value}")


@app.command("set-survey-analyst")
def set_survey_analyst_(
    username: UsernameArgument,
    allowed: Annotated[
        bool, typer.Option("--on/--off", help="Grant or withdraw the permission.")
    ] = True,
    db: DbOption = None,
) -> None:
    """Let a user see who rated whom in partner surveys, or withdraw it (--off)."""
    with unit_of_work(db) as session:
        user = set_survey_analyst(session, get_user(session, username), allowed)
        end_all_web_sessions(session, user)
        state = "is now" if user.survey_analyst else "is no longer"
        typer.echo(f"User {user.username} {state} a survey analyst")


@app.command("set-password")
def set_password(
    username: UsernameArgument, password_stdin: PasswordStdin = False, db: DbOption = None
) -> None:
    """Give a user a new password; the user is signed out of the browser."""
    password = _read_password(password_stdin)
    with unit_of_work(db) as session:
        user = change_password(session, get_user(session, username), password)
        end_all_web_sessions(session, user)
        typer.echo(f"Changed the password of {user.username}")


@app.command("remove")
def remove(username: UsernameArgument, db: DbOption = None) -> None:
    """Remove a user with their tokens and sessions; the last admin cannot be removed."""
    with unit_of_work(db) as session:
        user = get_user(session, username)
        name = user.username
        remove_user(session, user)
        typer.echo(f"Removed user {name}")


@tokens_app.command("create")
def create_token(
    username: UsernameArgument,
    name: Annotated[str, typer.Option(help="What the token is for.")] = "script",
    expires_in_days: Annotated[
        int | None, typer.Option(help="Let the token expire after this many days.", min=1)
    ] = None,
    db: DbOption = None,
) -> None:
    """Make an API token for a user and print it; it cannot be shown again."""
    with unit_of_work(db) as session:
        user = get_user(session, username)
        expires = utcnow() + timedelta(days=expires_in_days) if expires_in_days else None
        issued = create_api_token(session, user, name, expires)
        note(f"Token #{issued.record.id} for {user.username}; store it now, it is not kept:")
        typer.echo(issued.token)


@tokens_app.command("list")
def list_tokens(username: UsernameArgument, db: DbOption = None) -> None:
    """List a user's tokens (their start only; the tokens themselves are not kept)."""
    with unit_of_work(db) as session:
        tokens = list_api_tokens(session, get_user(session, username))
        rows = [
            (t.id, t.name, t.prefix + "…", t.created_at, t.last_used_at, t.expires_at)
            for t in tokens
        ]
        print_table(rows, ["id", "name", "token", "created", "last used", "expires"])


@tokens_app.command("revoke")
def revoke(
    username: UsernameArgument,
    token_id: Annotated[int, typer.Argument(help="The token's id from `tokens list`.")],
    db: DbOption = None,
) -> None:
    """Revoke one of a user's tokens at once."""
    with unit_of_work(db) as session:
        revoke_api_token(session, get_user(session, username), token_id)
        typer.echo(f"Revoked token #{token_id}")
