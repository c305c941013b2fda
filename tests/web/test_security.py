"""Signing in, sessions, CSRF, rate limits and the headers on every response."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from quadhelix.accounts.model import Role
from quadhelix.web.security import BodyLimit
from tests.web.conftest import PASSWORD, Site, csrf_in, make_site


def test_sign_in_sets_a_locked_down_session_cookie_and_sign_out_ends_it(site: Site) -> None:
    browser = site.browser()
    response = browser.sign_in("editor", PASSWORD, next_url="/coalitions")
    assert response.status_code == 303 and response.headers["location"] == "/coalitions"
    cookie = response.headers["set-cookie"]
    assert "qh_session=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    stolen = browser.http.cookies.get("qh_session")
    assert browser.http.get("/actors").status_code == 200
    token = browser.csrf()
    assert browser.http.post("/logout", data={"csrf_token": token}).status_code == 303
    replay = site.browser()
    replay.http.cookies.set("qh_session", stolen or "")
    assert replay.http.get("/actors").status_code == 303


def test_sign_in_refuses_wrong_passwords_and_foreign_redirects(site: Site) -> None:
    browser = site.browser()
    wrong = browser.sign_in("editor", "not the password")
    assert wrong.status_code == 401 and "Verkeerde gebruikersnaam" in wrong.text
    unknown = browser.sign_in("nobody", PASSWORD)
    assert unknown.status_code == 401
    away = browser.sign_in("editor", PASSWORD, next_url="https://evil.example/")
    assert away.headers["location"] == "/"


def test_sign_in_form_needs_its_csrf_token(site: Site) -> None:
    browser = site.browser()
    browser.http.get("/login")
    forged = browser.http.post("/login", data={"username": "editor", "password": PASSWORD})
    assert forged.status_code == 403
    other = site.browser()
    token = csrf_in(other.http.get("/login").text)
    crossed = browser.http.post(
        "/login", data={"username": "editor", "password": PASSWORD, "csrf_token": token}
    )
    assert crossed.status_code == 403  # a token belongs to its own cookie


def test_every_form_post_needs_the_session_csrf_token(site: Site) -> None:
    browser = site.browser("editor")
    data = {"name": "A", "helix": "business", "kind": "organisation"}
    assert browser.http.post("/actors/new", data=data).status_code == 403
    assert browser.http.post("/actors/new", data={**data, "csrf_token": "guess"}).status_code == 403
    assert browser.http.post("/logout").status_code == 403
    token = browser.csrf()
    assert browser.http.post("/actors/new", data={**data, "csrf_token": token}).status_code == 303


def test_login_attempts_are_rate_limited_per_client_and_user(site: Site) -> None:
    browser = site.browser()
    for _ in range(5):
        assert browser.sign_in("editor", "wrong password").status_code == 401
    blocked = browser.sign_in("editor", PASSWORD)
    assert blocked.status_code == 429 and int(blocked.headers["Retry-After"]) > 0
    assert browser.sign_in("admin", PASSWORD).status_code == 303  # other names are not blocked


@pytest.mark.parametrize(
    "path", ["/", "/login", "/actors", "/api/v1/actors", "/api/v1/nope", "/static/app/css/app.css"]
)
def test_security_headers_on_every_response(site: Site, path: str) -> None:
    response = site.browser("viewer").http.get(path)
    headers = response.headers
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    if not path.startswith("/static"):
        assert headers["Cache-Control"] == "no-store"


def test_pages_have_no_inline_scripts_or_styles(site: Site) -> None:
    html = site.browser("editor").http.get("/actors").text
    assert "<script>" not in html and "<style" not in html and " style=" not in html
    assert " on" + "click=" not in html


def test_front_end_libraries_come_from_node_modules_and_only_whitelisted(site: Site) -> None:
    http = site.browser().http
    htmx = http.get("/static/vendor/htmx.min.js")
    assert htmx.status_code == 200 and htmx.headers["content-type"].startswith("text/javascript")
    assert http.get("/static/vendor/package.json").status_code == 404
    assert http.get("/static/vendor/..%2F..%2Fpackage.json").status_code == 404


def test_secure_cookies_use_the_host_prefix(db_url: str, password_hash: str) -> None:
    site = make_site(db_url, password_hash, secure_cookies=True)
    try:
        browser = site.browser()
        browser.http.base_url = "https://testserver"  # type: ignore[assignment]
        login = browser.http.get("https://testserver/login")
        assert "__Host-qh_login=" in login.headers["set-cookie"]
        assert "Secure" in login.headers["set-cookie"]
        response = browser.http.post(
            "https://testserver/login",
            data={"username": "viewer", "password": PASSWORD, "csrf_token": csrf_in(login.text)},
        )
        assert response.status_code == 303
        cookie = response.headers["set-cookie"]
        assert "__Host-qh_session=" in cookie and "Secure" in cookie
        assert "Strict-Transport-Security" in response.headers
    finally:
        site.engine.dispose()


def test_a_role_change_signs_the_user_out(site: Site) -> None:
    browser = site.browser("editor")
    admin = site.client(Role.ADMIN)
    editor = site.client(Role.EDITOR).get("/api/v1/me").json()
    etag = admin.get(f"/api/v1/users/{editor['id']}").headers["ETag"]
    admin.patch(
        f"/api/v1/users/{editor['id']}", json={"role": "viewer"}, headers={"If-Match": etag}
    )
    assert browser.http.get("/actors").status_code == 303


def _limited_app(calls: list[int]) -> Any:
    async def endpoint(request: Request) -> PlainTextResponse:
        body = await request.body()
        calls.append(len(body))
        return PlainTextResponse("ok")

    return BodyLimit(Starlette(routes=[Route("/", endpoint, methods=["POST"])]), max_bytes=100)


@pytest.mark.parametrize("chunked", [False, True])
def test_bodies_over_the_limit_are_refused_while_they_arrive(chunked: bool) -> None:
    calls: list[int] = []
    client = TestClient(_limited_app(calls))

    def body(size: int) -> Any:
        if not chunked:
            return b"x" * size
        return iter([b"x" * 40] * (size // 40) + [b"x" * (size % 40)])

    assert client.post("/", content=body(100)).text == "ok"
    refused = client.post("/", content=body(141))
    assert refused.status_code == 413 and "larger than" in refused.text
    assert calls == [100]  # the endpoint never got the large body
