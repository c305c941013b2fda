"""Account administration (admin), site settings, and every user's own account page."""

from __future__ import annotations

import re

from quadhelix.accounts.model import Role, User
from quadhelix.accounts.service import find_user
from quadhelix.registry.database import transaction
from tests.web.conftest import PASSWORD, Browser, Site

NEW_PASSWORD = "a brand new passphrase 42"


def _user(site: Site, username: str) -> User | None:
    with transaction(site.engine) as session:
        user = find_user(session, username)
        if user is not None:
            session.expunge(user)
        return user


def _id(site: Site, username: str) -> int:
    user = _user(site, username)
    assert user is not None
    return user.id


def _post(browser: Browser, path: str, **data: str) -> object:
    return browser.http.post(path, data={"csrf_token": browser.csrf("/account"), **data})


def _signed_in(browser: Browser) -> bool:
    return bool(browser.http.get("/account").status_code == 200)


def test_only_admins_reach_administration(site: Site) -> None:
    assert site.browser().http.get("/admin/users").status_code == 303
    for role in ("viewer", "editor"):
        browser = site.browser(role)
        assert browser.http.get("/admin/users").status_code == 403
        assert browser.http.get("/admin/settings").status_code == 403
        assert 'href="/admin/users"' not in browser.http.get("/actors").text
        assert _post(browser, "/admin/users/new", username="x1", role="admin").status_code == 403  # type: ignore[attr-defined]
    admin = site.browser("admin")
    page = admin.http.get("/admin/users")
    assert page.status_code == 200 and 'href="/admin/users"' in admin.http.get("/actors").text
    assert re.findall(r'<th scope="row">(\w+)', page.text) == ["admin", "editor", "viewer"]
    forged = admin.http.post("/admin/users/new", data={"csrf_token": "x", "username": "x2"})
    assert forged.status_code == 403 and _user(site, "x2") is None


def test_add_users_with_a_given_or_a_generated_password(site: Site) -> None:
    admin = site.browser("admin")
    given = _post(
        admin,
        "/admin/users/new",
        username="Bert",
        role="editor",
        password=NEW_PASSWORD,
        survey_analyst="yes",
    )
    assert given.status_code == 200 and 'id="new-password"' not in given.text  # type: ignore[attr-defined]
    bert = _user(site, "bert")
    assert bert is not None and bert.role == Role.EDITOR and bert.survey_analyst
    assert NEW_PASSWORD not in bert.password_hash
    assert site.browser().sign_in("bert", NEW_PASSWORD).status_code == 303

    made = _post(admin, "/admin/users/new", username="carla", role="viewer")
    html = made.text  # type: ignore[attr-defined]
    shown = re.search(r'id="new-password".*?<code class="secret">([^<]+)</code>', html, re.S)
    assert shown is not None
    assert site.browser().sign_in("carla", shown.group(1)).status_code == 303
    assert shown.group(1) not in admin.http.get("/admin/users").text  # shown once

    taken = _post(admin, "/admin/users/new", username="carla", role="viewer")
    assert taken.status_code == 409  # type: ignore[attr-defined]
    short = _post(admin, "/admin/users/new", username="dirk", role="viewer", password="short")
    assert short.status_code == 422 and 'aria-describedby="password-error"' in short.text  # type: ignore[attr-defined]
    bad = _post(admin, "/admin/users/new", username="<b>", role="viewer")
    assert bad.status_code == 422 and "<b>" not in bad.text.split("<main", 1)[1]  # type: ignore[attr-defined]
    assert _user(site, "dirk") is None


def test_change_role_deactivate_and_reset_sign_the_user_out(site: Site) -> None:
    admin = site.browser("admin")
    editor = site.browser("editor")
    editor_id = _id(site, "editor")
    changed = _post(admin, f"/admin/users/{editor_id}/role", role="viewer", survey_analyst="yes")
    assert changed.status_code == 200  # type: ignore[attr-defined]
    user = _user(site, "editor")
    assert user is not None and user.role == Role.VIEWER and user.survey_analyst
    assert not _signed_in(editor)

    viewer_id = _id(site, "viewer")
    assert _post(admin, f"/admin/users/{viewer_id}/active", active="no").status_code == 200  # type: ignore[attr-defined]
    assert site.browser().sign_in("viewer", PASSWORD).status_code != 303
    assert _post(admin, f"/admin/users/{viewer_id}/active", active="yes").status_code == 200  # type: ignore[attr-defined]
    assert site.browser().sign_in("viewer", PASSWORD).status_code == 303

    reset = _post(admin, f"/admin/users/{viewer_id}/password")
    shown = re.search(r'<code class="secret">([^<]+)</code>', reset.text)  # type: ignore[attr-defined]
    assert shown is not None
    assert site.browser().sign_in("viewer", PASSWORD).status_code != 303
    assert site.browser().sign_in("viewer", shown.group(1)).status_code == 303
    assert _post(admin, "/admin/users/999999/password").status_code == 404  # type: ignore[attr-defined]
    wrong = _post(admin, f"/admin/users/{viewer_id}/role", role="superuser")
    assert wrong.status_code == 422  # type: ignore[attr-defined]


def test_the_last_active_admin_stays(site: Site) -> None:
    admin = site.browser("admin")
    admin_id = _id(site, "admin")
    demoted = _post(admin, f"/admin/users/{admin_id}/role", role="editor")
    assert demoted.status_code == 409 and "laatste actieve beheerder" in demoted.text  # type: ignore[attr-defined]
    deactivated = _post(admin, f"/admin/users/{admin_id}/active", active="no")
    assert deactivated.status_code == 409  # type: ignore[attr-defined]
    user = _user(site, "admin")
    assert user is not None and user.role == Role.ADMIN and user.is_active
    assert _signed_in(admin)
    own_reset = _post(admin, f"/admin/users/{admin_id}/password")
    assert own_reset.status_code == 422  # type: ignore[attr-defined]
    # With a second admin, an admin may step down, and must then sign in again.
    editor_id = _id(site, "editor")
    assert _post(admin, f"/admin/users/{editor_id}/role", role="admin").status_code == 200  # type: ignore[attr-defined]
    stepped_down = _post(admin, f"/admin/users/{admin_id}/role", role="editor")
    assert stepped_down.status_code == 303 and stepped_down.headers["location"] == "/login"  # type: ignore[attr-defined]
    assert not _signed_in(admin)


def test_public_read_only_setting(site: Site) -> None:
    anonymous = site.browser()
    assert anonymous.http.get("/actors").status_code == 303
    admin = site.browser("admin")
    page = admin.http.get("/admin/settings")
    assert page.status_code == 200 and 'name="public_read_only"' in page.text
    assert _post(admin, "/admin/settings", public_read_only="yes").status_code == 200  # type: ignore[attr-defined]
    assert anonymous.http.get("/actors").status_code == 200
    assert site.client().get("/api/v1/actors").status_code == 200
    assert site.client().get("/api/v1/users").status_code == 401  # never the users
    assert anonymous.http.get("/builder").status_code == 200
    assert _post(admin, "/admin/settings").status_code == 200  # type: ignore[attr-defined]
    assert anonymous.http.get("/actors").status_code == 303


def test_my_account_changes_my_password(site: Site) -> None:
    browser = site.browser("viewer")
    page = browser.http.get("/account")
    assert page.status_code == 200 and "Mijn account" in page.text
    assert site.browser().http.get("/account").status_code == 303
    wrong = _post(
        browser,
        "/account/password",
        current_password="not it at all",
        new_password=NEW_PASSWORD,
        new_password_again=NEW_PASSWORD,
    )
    assert wrong.status_code == 422 and 'aria-describedby="current_password-error"' in wrong.text  # type: ignore[attr-defined]
    differ = _post(
        browser,
        "/account/password",
        current_password=PASSWORD,
        new_password=NEW_PASSWORD,
        new_password_again=NEW_PASSWORD + "!",
    )
    assert differ.status_code == 422  # type: ignore[attr-defined]
    short = _post(
        browser,
        "/account/password",
        current_password=PASSWORD,
        new_password="short",
        new_password_again="short",
    )
    assert short.status_code == 422 and 'aria-describedby="new_password-error"' in short.text  # type: ignore[attr-defined]
    done = _post(
        browser,
        "/account/password",
        current_password=PASSWORD,
        new_password=NEW_PASSWORD,
        new_password_again=NEW_PASSWORD,
    )
    assert done.status_code == 303  # type: ignore[attr-defined]
    assert not _signed_in(browser)
    assert site.browser().sign_in("viewer", PASSWORD).status_code != 303
    assert site.browser().sign_in("viewer", NEW_PASSWORD).status_code == 303


def test_my_tokens_are_shown_once_listed_and_revoked(site: Site) -> None:
    browser = site.browser("editor")
    made = _post(browser, "/account/tokens", name="nightly export", expires_in_days="30")
    html = made.text  # type: ignore[attr-defined]
    token = re.search(r'id="new-token".*?<code class="secret">([^<]+)</code>', html, re.S)
    assert token is not None and token.group(1).startswith("qh_")
    api = site.client(token=token.group(1))
    assert api.get("/api/v1/me").json()["username"] == "editor"
    listing = browser.http.get("/account").text
    assert "nightly export" in listing and token.group(1) not in listing
    assert token.group(1)[:10] in listing
    bad = _post(browser, "/account/tokens", name="", expires_in_days="-1")
    assert bad.status_code == 422  # type: ignore[attr-defined]
    ids = re.findall(r'action="/account/tokens/(\d+)/revoke"', listing)
    other = site.browser("viewer")
    for token_id in ids:  # someone else's token is not found
        assert _post(other, f"/account/tokens/{token_id}/revoke").status_code == 404  # type: ignore[attr-defined]
    newest = max(ids, key=int)
    assert _post(browser, f"/account/tokens/{newest}/revoke").status_code == 200  # type: ignore[attr-defined]
    assert api.get("/api/v1/me").status_code == 401
