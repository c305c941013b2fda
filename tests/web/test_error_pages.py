"""Error pages say in the visitor's language what went wrong, and which parameter it was."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from quadhelix.web.pages import home
from tests.web.conftest import PASSWORD, Browser, Site


def test_an_unknown_address_is_not_found_in_dutch_and_english(site: Site) -> None:
    browser = site.browser("viewer")
    dutch = browser.http.get("/no-such-page")
    assert dutch.status_code == 404
    assert "Niet gevonden" in dutch.text and "Foutcode 404" in dutch.text
    assert "Not Found" not in dutch.text  # neither Starlette's detail nor the status phrase
    assert 'href="/account"' in dutch.text  # still signed in: the menu and the name stay
    assert "Aanmelden</a>" not in dutch.text
    english = browser.http.get("/no-such-page", params={"lang": "en"})
    assert "Not found" in english.text and "Error code 404" in english.text


def test_a_page_for_another_role_names_both_roles_by_their_label(site: Site) -> None:
    viewer = site.browser("viewer")
    dutch = viewer.http.get("/actors/new")
    assert dutch.status_code == 403
    assert "hiervoor is de rol redacteur nodig; je bent lezer" in dutch.text
    english = viewer.http.get("/actors/new", params={"lang": "en"})
    assert "this needs the editor role; you are viewer" in english.text
    api = site.client(token=site.tokens[next(iter(site.tokens))]).get("/api/v1/actors")
    assert api.status_code == 200  # the API is unaffected by the page's wording


def test_a_wrong_parameter_in_the_address_is_named_with_the_reason(site: Site) -> None:
    browser = site.browser("viewer")
    wrong = browser.http.get("/actors/abc")
    assert wrong.status_code == 422
    assert "Ongeldige invoer" in wrong.text
    assert "<li><code>actor_id</code>: verwacht een geheel getal</li>" in wrong.text
    english = browser.http.get("/actors/abc", params={"lang": "en"})
    assert "<li><code>actor_id</code>: expected a whole number</li>" in english.text


def test_an_unexpected_error_is_a_page_with_the_security_headers(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(home, "dashboard", broken)
    browser = Browser(TestClient(site.app, follow_redirects=False, raise_server_exceptions=False))
    assert browser.sign_in("viewer", PASSWORD).status_code == 303
    page = browser.http.get("/")
    assert page.status_code == 500
    assert "Er ging iets mis" in page.text and "a bug" not in page.text
    assert page.headers["Content-Security-Policy"] and page.headers["Cache-Control"] == "no-store"
    assert page.headers["X-Content-Type-Options"] == "nosniff"


def test_an_old_form_and_a_missing_wave_are_said_in_dutch(site: Site) -> None:
    editor = site.browser("editor")
    stale = editor.http.post("/actors/new", data={"csrf_token": "old", "name": "X"})
    assert stale.status_code == 403
    assert "het formulier is verlopen of kwam niet van deze site" in stale.text
    missing = editor.http.get("/surveys/99999")
    assert missing.status_code == 404 and "bevragingsronde niet gevonden: 99999" in missing.text


def test_one_result_is_singular(site: Site) -> None:
    editor = site.browser("editor")
    token = editor.csrf("/actors/new")
    made = {"csrf_token": token, "name": "Enige", "helix": "business", "kind": "organisation"}
    assert editor.http.post("/actors/new", data=made).status_code == 303
    assert "1 resultaat" in editor.http.get("/actors").text
    assert "1 result<" in editor.http.get("/actors", params={"lang": "en"}).text
