"""The REST API's contract: paging, the CLI's filters, problem details, edit conflicts, tokens."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from quadhelix.accounts.model import Role
from quadhelix.accounts.service import get_user
from quadhelix.accounts.tokens import create_api_token, user_for_api_token
from quadhelix.registry.database import transaction
from tests.web.conftest import Site
from tests.web.seed import seed

API = "/api/v1"


def _add(site: Site, path: str, body: dict[str, object]) -> dict[str, object]:
    response = site.client(Role.EDITOR).post(API + path, json=body)
    assert response.status_code == 201, response.text
    data: dict[str, object] = response.json()
    return data


def test_lists_are_paged_with_total_and_links(site: Site) -> None:
    for number in range(7):
        _add(site, "/actors", {"name": f"Actor {number}", "helix": "business"})
    api = site.client(Role.VIEWER)
    first = api.get(f"{API}/actors", params={"limit": 3}).json()
    assert first["total"] == 7 and len(first["data"]) == 3
    assert [a["name"] for a in first["data"]] == ["Actor 0", "Actor 1", "Actor 2"]
    assert first["links"]["prev"] is None
    second = api.get(first["links"]["next"]).json()
    assert [a["name"] for a in second["data"]] == ["Actor 3", "Actor 4", "Actor 5"]
    last = api.get(f"{API}/actors", params={"limit": 3, "offset": 6}).json()
    assert len(last["data"]) == 1 and last["links"]["next"] is None
    assert "offset=3" in last["links"]["prev"]
    descending = api.get(f"{API}/actors", params={"sort": "-name", "limit": 1}).json()
    assert descending["data"][0]["name"] == "Actor 6"


def test_filters_use_the_cli_names_and_words(site: Site) -> None:
    _add(site, "/actors", {"name": "Café Zuid", "helix": "bedrijf", "themes": ["heat"]})
    _add(site, "/actors", {"name": "Buurtwerk", "helix": "middenveld", "kind": "netwerk"})
    _add(
        site,
        "/actors",
        {"name": "Oud Comité", "helix": "burgers", "end_date": "2019-12-31", "area": "Rabot"},
    )
    api = site.client(Role.VIEWER)

    def names(**params: object) -> list[str]:
        response = api.get(f"{API}/actors", params=params)
        assert response.status_code == 200, response.text
        return [a["name"] for a in response.json()["data"]]

    assert names(search="CAFE") == ["Café Zuid"]
    assert names(helix=["middenveld", "burgers"]) == ["Buurtwerk", "Oud Comité"]
    assert names(theme="climate") == ["Café Zuid"]  # a theme includes its sub-themes
    assert names(kind="network") == ["Buurtwerk"]
    assert names(area="rabot") == ["Oud Comité"]
    assert names(active_on="2024-01-01") == ["Buurtwerk", "Café Zuid"]


def test_coalition_membership_and_tie_filters(site: Site) -> None:
    records = seed(site.engine, "x")
    _add(site, "/coalitions", {"name": "Oud project", "status": "afgesloten"})
    api = site.client(Role.VIEWER)
    closed = api.get(f"{API}/coalitions", params={"status": "closed"}).json()
    assert [c["name"] for c in closed["data"]] == ["Oud project"]
    member = api.get(f"{API}/coalitions", params={"member": str(records.actor)}).json()
    assert [c["id"] for c in member["data"]] == [records.coalition]
    memberships = api.get(f"{API}/memberships", params={"coalition": records.coalition}).json()
    assert [m["actor_id"] for m in memberships["data"]] == [records.actor]
    ties = api.get(f"{API}/ties", params={"actor": str(records.partner)}).json()
    assert [t["id"] for t in ties["data"]] == [records.tie]
    assert api.get(f"{API}/ties", params={"type": "funding"}).json()["total"] == 0


def test_validation_errors_are_problem_details_naming_each_field(site: Site) -> None:
    api = site.client(Role.EDITOR)
    response = api.post(
        f"{API}/actors",
        json={"name": " ", "helix": "media", "kbo": "0417.497.107", "colour": "red"},
    )
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["type"].endswith(":validation") and problem["status"] == 422
    fields = {error["field"]: error for error in problem["errors"]}
    assert set(fields) == {"name", "helix", "kbo", "colour"}
    assert fields["kbo"]["pointer"] == "#/kbo"
    assert "check digits" in fields["kbo"]["detail"]

    bad_query = api.get(f"{API}/actors", params={"limit": 0, "helx": "x"}).json()
    assert {(e["location"], e["field"]) for e in bad_query["errors"]} == {
        ("query", "limit"),
        ("query", "helx"),
    }
    unknown_word = api.get(f"{API}/actors", params={"helix": "media"}).json()
    assert unknown_word["errors"][0] == {
        "location": "query",
        "field": "helix",
        "pointer": None,
        "detail": "must be one of government, civil_society, business, knowledge, citizens",
    }
    missing_parent = api.post(
        f"{API}/actors", json={"name": "A", "helix": "business", "parent": "nobody"}
    )
    assert missing_parent.status_code == 422
    assert missing_parent.json()["errors"][0]["field"] == "parent"


def test_missing_records_and_duplicates(site: Site) -> None:
    api = site.client(Role.EDITOR)
    assert api.get(f"{API}/actors/999").status_code == 404
    assert api.get(f"{API}/actors/0").status_code == 422
    assert api.get(f"{API}/themes/no-such-theme").status_code == 404
    _add(site, "/actors", {"name": "A", "helix": "business", "external_id": "a-1"})
    again = api.post(f"{API}/actors", json={"name": "B", "helix": "business", "external_id": "a-1"})
    assert again.status_code == 409
    assert again.json()["type"].endswith(":conflict")


def test_two_editors_cannot_overwrite_each_other(site: Site) -> None:
    actor = _add(site, "/actors", {"name": "Buurtwerk", "helix": "middenveld"})
    anna, bert = site.client(Role.EDITOR), site.client(Role.ADMIN)
    path = f"{API}/actors/{actor['id']}"
    seen = anna.get(path).headers["ETag"]
    assert bert.get(path).headers["ETag"] == seen

    assert anna.patch(path, json={"description": "no version"}).status_code == 428
    first = anna.patch(path, json={"themes": ["climate"]}, headers={"If-Match": seen})
    assert first.status_code == 200
    assert first.headers["ETag"] != seen  # a change of themes alone is a new version
    late = bert.patch(path, json={"description": "mine"}, headers={"If-Match": seen})
    assert late.status_code == 409
    assert late.json()["type"].endswith(":edit-conflict")
    assert late.headers["ETag"] == first.headers["ETag"]
    assert bert.delete(path, headers={"If-Match": seen}).status_code == 409
    assert anna.get(path).json()["themes"] == ["climate"]
    forced = bert.patch(path, json={"description": "on purpose"}, headers={"If-Match": "*"})
    assert forced.status_code == 200


def test_tokens_are_shown_once_and_can_be_revoked(site: Site) -> None:
    viewer = site.client(Role.VIEWER)
    made = viewer.post(f"{API}/tokens", json={"name": "nightly export"})
    assert made.status_code == 201
    token = made.json()["token"]
    assert token.startswith("qh_")
    listed = viewer.get(f"{API}/tokens").json()["data"]
    assert all("token" not in t for t in listed)
    assert made.json()["prefix"] in {t["prefix"] for t in listed}
    own = site.client(token=token)
    assert own.get(f"{API}/me").json()["username"] == "viewer"
    assert viewer.delete(f"{API}/tokens/{made.json()['id']}").status_code == 204
    assert own.get(f"{API}/me").status_code == 401
    assert site.client(Role.EDITOR).delete(f"{API}/tokens/{listed[0]['id']}").status_code == 404
    basic = {"Authorization": "Basic dXNlcjpwdw=="}
    bad = site.client().get(f"{API}/me", headers=basic)
    assert bad.status_code == 401 and bad.headers["WWW-Authenticate"].startswith("Bearer")


def test_expired_tokens_and_inactive_users_are_refused(site: Site) -> None:
    with transaction(site.engine) as session:
        user = get_user(session, "editor")
        soon = datetime.now(UTC) + timedelta(seconds=1)
        issued = create_api_token(session, user, "short", soon)
        issued.record.expires_at = datetime.now(UTC) - timedelta(seconds=1)
        token = issued.token
    with transaction(site.engine) as session:
        assert user_for_api_token(session, token) is None
    admin = site.client(Role.ADMIN)
    editor_id = admin.get(
        f"{API}/me", headers={"Authorization": f"Bearer {site.tokens[Role.EDITOR]}"}
    ).json()["id"]
    etag = admin.get(f"{API}/users/{editor_id}").headers["ETag"]
    off = admin.patch(
        f"{API}/users/{editor_id}", json={"is_active": False}, headers={"If-Match": etag}
    )
    assert off.status_code == 200
    assert site.client(Role.EDITOR).get(f"{API}/actors").status_code == 401


def test_the_last_admin_stays(site: Site) -> None:
    admin = site.client(Role.ADMIN)
    me = admin.get(f"{API}/me").json()
    etag = admin.get(f"{API}/users/{me['id']}").headers["ETag"]
    demote = admin.patch(
        f"{API}/users/{me['id']}", json={"role": "viewer"}, headers={"If-Match": etag}
    )
    assert demote.status_code == 409
    assert "last active admin" in demote.json()["detail"]
    taken = admin.post(f"{API}/users", json={"username": "Editor", "password": "long enough pw"})
    assert taken.status_code == 409
    short = admin.post(f"{API}/users", json={"username": "new", "password": "short"})
    assert short.status_code == 422 and short.json()["errors"][0]["field"] == "password"


def test_cookie_sessions_need_the_csrf_header_for_changes(site: Site) -> None:
    browser = site.browser("editor")
    assert browser.http.get(f"{API}/actors").status_code == 200
    body = {"name": "Via browser", "helix": "business"}
    refused = browser.http.post(f"{API}/actors", json=body)
    assert refused.status_code == 403
    token = browser.csrf()
    made = browser.http.post(f"{API}/actors", json=body, headers={"X-CSRF-Token": token})
    assert made.status_code == 201


def test_public_read_only_mode_lets_anonymous_visitors_read(
    db_url: str, password_hash: str
) -> None:
    from tests.web.conftest import make_site

    site = make_site(db_url, password_hash, public_read_only=True)
    try:
        anonymous = site.client()
        assert anonymous.get(f"{API}/actors").status_code == 200
        assert anonymous.get(f"{API}/themes").status_code == 200
        assert anonymous.get(f"{API}/users").status_code == 401
        assert anonymous.get(f"{API}/me").status_code == 401
        refused = anonymous.post(f"{API}/actors", json={"name": "A", "helix": "business"})
        assert refused.status_code == 401
        assert anonymous.get("/actors").status_code == 200
        assert anonymous.get("/actors/new").status_code == 303
    finally:
        site.engine.dispose()


def test_values_the_database_cannot_store_are_refused_not_crashed_on(site: Site) -> None:
    api = site.client(Role.EDITOR)
    search = api.get(f"{API}/actors", params={"search": "a\x00b"})
    assert search.status_code in (200, 422)  # SQLite stores NUL, PostgreSQL refuses it
    made = api.post(f"{API}/actors", json={"name": "a\u0000b", "helix": "business"})
    assert made.status_code in (201, 422)
    if made.status_code == 422:
        assert made.json()["type"].endswith(":unstorable-value")
