"""In a real browser: an admin adds a user with a generated password; a user makes a token."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.conftest import PASSWORD, WAIT_MS, LiveSite, Tab

pytestmark = pytest.mark.browser


@pytest.fixture
def admin_tab(chromium: Any, live_site: LiveSite) -> Iterator[Tab]:
    context = chromium.new_context(viewport={"width": 1280, "height": 800}, locale="nl-BE")
    context.set_default_timeout(WAIT_MS)
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(f"{live_site.url}/login", timeout=WAIT_MS)
    page.fill("#f-username", "beheerder")
    page.fill("#f-password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_site.url}/", timeout=WAIT_MS)
    yield Tab(page, live_site, problems)
    context.close()


def test_admin_adds_a_user_who_can_then_sign_in(admin_tab: Tab, chromium: Any) -> None:
    page = admin_tab.page
    page.click('.account a[href="/admin/users"]')
    page.wait_for_url(re.compile(r"/admin/users$"), timeout=WAIT_MS)
    page.click("text=Een gebruiker toevoegen")
    page.fill("#f-username", "nieuwe.collega")
    page.select_option("#f-role", "viewer")
    page.click("form.record-form button[type=submit]")
    secret = page.locator("#new-password code.secret").inner_text()
    assert len(secret) >= 10
    assert page.locator("tr", has_text="nieuwe.collega").count() == 1
    admin_tab.shoot("admin-users")
    context = chromium.new_context()
    other = context.new_page()
    other.goto(f"{admin_tab.site.url}/login", timeout=WAIT_MS)
    other.fill("#f-username", "nieuwe.collega")
    other.fill("#f-password", secret)
    other.click("button[type=submit]")
    other.wait_for_url(f"{admin_tab.site.url}/", timeout=WAIT_MS)
    assert other.locator(".who").inner_text().startswith("nieuwe.collega")
    context.close()
    assert admin_tab.problems == []


def test_make_and_revoke_an_api_token(tab: Tab) -> None:
    page = tab.page
    page.click(".who")
    page.wait_for_url(re.compile(r"/account$"), timeout=WAIT_MS)
    page.fill("#f-name", "wekelijkse export")
    page.click("form[action='/account/tokens'] button[type=submit]")
    token = page.locator("#new-token code.secret").inner_text()
    assert token.startswith("qh_")
    answer = page.request.get(
        f"{tab.site.url}/api/v1/me", headers={"Authorization": f"Bearer {token}"}
    )
    assert answer.ok and answer.json()["username"] == "editor"
    tab.shoot("account")
    assert tab.problems == []
