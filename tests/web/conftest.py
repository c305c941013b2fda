"""A running app per test, on the test's own database, with one user per role.

Users get a password hash computed once per session (argon2 is slow on purpose) and an API
token each, so most tests never go through the sign-in form.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from quadhelix.accounts.model import Role, User
from quadhelix.accounts.tokens import create_api_token
from quadhelix.registry.database import transaction
from quadhelix.web.app import create_app, create_state
from quadhelix.web.settings import Settings
from tests.accounts.cheap_hashing import CHEAP, cheap_password_hashing

PASSWORD = "correct horse battery staple"
ROLES = [Role.VIEWER, Role.EDITOR, Role.ADMIN]
_TOKEN_FIELD = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture(autouse=True)
def cheap_hashes() -> Iterator[None]:
    with cheap_password_hashing():
        yield


@pytest.fixture(scope="session")
def password_hash() -> str:
    return CHEAP.hash(PASSWORD)


@dataclass
class Site:
    """The app under test, its database and a bearer token per role."""

    app: FastAPI
    engine: Engine
    password_hash: str
    tokens: dict[Role, str] = field(default_factory=dict)

    def client(self, role: Role | None = None, token: str | None = None) -> TestClient:
        """An API client acting as ``role`` or with ``token`` (anonymous when neither)."""
        token = token or (self.tokens[role] if role else None)
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return TestClient(self.app, headers=headers, follow_redirects=False)

    def add_user(self, username: str, role: Role) -> User:
        with transaction(self.engine) as session:
            user = User(username=username, password_hash=self.password_hash, role=role)
            session.add(user)
        return user

    def browser(self, username: str | None = None) -> Browser:
        """A cookie-keeping client, signed in as ``username`` (e.g. ``"editor"``) if given."""
        browser = Browser(TestClient(self.app, follow_redirects=False))
        if username is not None:
            response = browser.sign_in(username, PASSWORD)
            assert response.status_code == 303, response.text
        return browser


@dataclass
class Browser:
    http: TestClient

    def sign_in(self, username: str, password: str, next_url: str = "/") -> Any:
        form = self.http.get("/login")
        token = csrf_in(form.text)
        return self.http.post(
            "/login",
            data={
                "username": username,
                "password": password,
                "csrf_token": token,
                "next": next_url,
            },
        )

    def csrf(self, path: str = "/actors") -> str:
        """The session's CSRF token, as a page hands it to its forms."""
        return csrf_in(self.http.get(path).text)


def csrf_in(html: str) -> str:
    found = _TOKEN_FIELD.search(html)
    assert found, "no csrf_token field in the page"
    return found.group(1)


_apps: dict[tuple[tuple[str, Any], ...], FastAPI] = {}


def make_site(db_url: str, password_hash: str, **settings: Any) -> Site:
    """The app for these settings on the database at ``db_url``.

    Building a FastAPI app costs about a second (route analysis), so one app per combination of
    settings is kept for the session and pointed at each test's database with ``create_state``.
    """
    options: dict[str, Any] = {"secure_cookies": False, **settings}
    key = tuple(sorted(options.items()))
    full = Settings(database_url=db_url, **options)
    app = _apps.get(key)
    if app is None:
        app = _apps[key] = create_app(full)
    else:
        app.state.quadhelix = create_state(full)
    site = Site(app, app.state.quadhelix.engine, password_hash)
    with transaction(site.engine) as session:
        for role in ROLES:
            user = User(username=role.value, password_hash=password_hash, role=role)
            session.add(user)
            session.flush()
            site.tokens[role] = create_api_token(session, user, "tests").token
    return site


@pytest.fixture
def site(db_url: str, password_hash: str) -> Iterator[Site]:
    made = make_site(db_url, password_hash)
    yield made
    made.engine.dispose()
