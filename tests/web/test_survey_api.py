"""``/api/v1/surveys``: editors run waves and mail links; everyone signed in sees aggregates;
only survey analysts see who rated whom; anonymous visitors see nothing, even in public
read-only mode."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest

from quadhelix.accounts.model import Role, User
from quadhelix.accounts.tokens import create_api_token
from quadhelix.registry.database import transaction
from quadhelix.survey.schemas import WaveCreate
from quadhelix.survey.service import create_wave
from quadhelix.web.settings import Settings
from tests.survey.helpers import make_coalition
from tests.survey.smtp_server import clear_smtp_environment, smtp_environment, smtp_server
from tests.web.conftest import Site, make_site


def analyst_token(site: Site) -> str:
    with transaction(site.engine) as session:
        user = User(
            username="analyst",
            password_hash=site.password_hash,
            role=Role.VIEWER,
            survey_analyst=True,
        )
        session.add(user)
        session.flush()
        return create_api_token(session, user, "tests").token


def run_wave(site: Site) -> tuple[int, dict[int, str]]:
    """A wave of three made, linked and answered through the API and the links."""
    coalition = make_coalition(site.engine, 3)
    editor = site.client(Role.EDITOR)
    made = editor.post(
        "/api/v1/surveys",
        json={"coalition": str(coalition), "opens_on": "2020-01-01", "closes_on": "2099-12-31"},
    )
    assert made.status_code == 201, made.text
    wave = made.json()["id"]
    links = editor.post(f"/api/v1/surveys/{wave}/links", json={}).json()
    by_actor = {x["actor_id"]: x["link"].split("/survey/")[1] for x in links}
    a, b, c = sorted(by_actor)
    http = site.client()
    ratings = {"reliability-{t}": "4", "openness-{t}": "4", "involvement-{t}": "3"}

    def answer(rater: int, target: int, level: str) -> None:
        form: dict[str, Any] = {k.format(t=target): v for k, v in ratings.items()}
        form[f"level-{target}"] = level
        assert http.post(f"/survey/{by_actor[rater]}/submit", data=form).status_code == 303

    answer(a, b, "integration")
    answer(b, a, "cooperation")
    answer(c, b, "coordination")
    return wave, by_actor


def mail_wave(site: Site) -> int:
    """An open English wave "Ronde 1" of three: Partner 1 and 2 have an address, 3 has none."""
    coalition = make_coalition(site.engine, 3)
    editor = site.client(Role.EDITOR)
    wave = editor.post(
        "/api/v1/surveys",
        json={
            "coalition": str(coalition),
            "title": "Ronde 1",
            "opens_on": "2020-01-01",
            "closes_on": "2099-12-31",
            "language": "en",
        },
    ).json()["id"]
    respondents = editor.get(f"/api/v1/surveys/{wave}/respondents").json()
    for respondent, email in zip(respondents, ["an@example.org", "bo@example.org"], strict=False):
        path = f"/api/v1/surveys/{wave}/respondents/{respondent['id']}"
        assert editor.patch(path, json={"email": email}).status_code == 200
    return int(wave)


def test_editor_runs_a_wave_and_readers_see_aggregates_only(site: Site) -> None:
    wave, actors = run_wave(site)
    a, b, c = sorted(actors)
    viewer = site.client(Role.VIEWER)
    results = viewer.get(f"/api/v1/surveys/{wave}/results").json()
    assert results["submitted"] == 3 and results["response_rate"] == 1.0
    scores = {x["actor_id"]: x for x in results["actors"]}
    assert scores[b]["trust"] == 4.0 and scores[b]["trust_raters"] == 2
    assert scores[a]["trust"] is None and scores[a]["trust_raters"] == 1  # one rater: hidden
    assert results["disagreements"] is None and results["disagreement_count"] == 1
    assert viewer.get(f"/api/v1/surveys/{wave}/answers").status_code == 403
    respondents = site.client(Role.EDITOR).get(f"/api/v1/surveys/{wave}/respondents").json()
    export = f"/api/v1/surveys/{wave}/respondents/{respondents[0]['id']}/export"
    assert viewer.get(export).status_code == 403
    assert viewer.get(f"/api/v1/surveys/{wave}/respondents").status_code == 403
    assert viewer.post(f"/api/v1/surveys/{wave}/close").status_code == 403
    network = viewer.get(f"/api/v1/surveys/{wave}/network").json()
    assert {(e["source"], e["target"], e["level"]) for e in network["edges"]} == {
        (a, b, "integration"),
        (b, c, "coordination"),
    }
    closed = site.client(Role.EDITOR).post(f"/api/v1/surveys/{wave}/close")
    assert closed.json()["status"] == "closed"
    ties = viewer.get("/api/v1/ties", params={"limit": 50}).json()
    assert {t["source"] for t in ties["data"]} == {"survey"} and ties["total"] == 2


def test_survey_analysts_see_who_rated_whom(site: Site) -> None:
    wave, actors = run_wave(site)
    a, b, _ = sorted(actors)
    analyst = site.client(token=analyst_token(site))
    results = analyst.get(f"/api/v1/surveys/{wave}/results").json()
    scores = {x["actor_id"]: x for x in results["actors"]}
    assert scores[a]["trust"] == 4.0  # one rater (b), shown to analysts: mean(4, 4)
    assert results["disagreements"] == [
        {"actor_a": a, "actor_b": b, "level_a": "integration", "level_b": "cooperation"}
    ]
    answers = analyst.get(f"/api/v1/surveys/{wave}/answers").json()
    assert {(x["rater_actor_id"], x["target_actor_id"]) for x in answers} == {
        (a, b),
        (b, a),
        (sorted(actors)[2], b),
    }
    respondents = site.client(Role.EDITOR).get(f"/api/v1/surveys/{wave}/respondents").json()
    first = next(r for r in respondents if r["actor_id"] == a)
    exported = analyst.get(f"/api/v1/surveys/{wave}/respondents/{first['id']}/export").json()
    assert [x["target_actor_id"] for x in exported["answers"]] == [b]


def test_anonymous_visitors_get_nothing_even_in_public_read_only_mode(
    db_url: str, password_hash: str
) -> None:
    site = make_site(db_url, password_hash, public_read_only=True)
    try:
        wave, _ = run_wave(site)
        anonymous = site.client()
        assert anonymous.get("/api/v1/actors").status_code == 200  # the registry is public
        for path in ("", f"/{wave}", f"/{wave}/results", f"/{wave}/network", f"/{wave}/answers"):
            assert anonymous.get(f"/api/v1/surveys{path}").status_code == 401, path
    finally:
        site.engine.dispose()


def test_erasure_links_csv_compare_and_errors(site: Site) -> None:
    wave, actors = run_wave(site)
    a, b, c = sorted(actors)
    editor = site.client(Role.EDITOR)
    csv_links = editor.post(
        f"/api/v1/surveys/{wave}/links", json={"reissue": True, "format": "csv"}
    )
    assert csv_links.headers["content-type"].startswith("text/csv")
    assert csv_links.text.splitlines()[0] == "wave_id,actor_id,actor,contact_name,email,link"
    editor.post(f"/api/v1/surveys/{wave}/close")
    respondents = {
        r["actor_id"]: r for r in editor.get(f"/api/v1/surveys/{wave}/respondents").json()
    }
    erased = editor.delete(f"/api/v1/surveys/{wave}/respondents/{respondents[a]['id']}/answers")
    assert erased.status_code == 204
    ties = editor.get("/api/v1/ties").json()["data"]
    # a's "integration" is gone; b's own "cooperation" about a keeps the pair, weaker.
    weights = {(t["source_actor_id"], t["target_actor_id"]): t["weight"] for t in ties}
    assert weights == {(a, b): 2.0, (b, c): 3.0}
    results = editor.get(f"/api/v1/surveys/{wave}/results").json()
    assert results["submitted"] == 2
    second = editor.post(
        "/api/v1/surveys",
        json={"coalition": "Warme Buurt", "opens_on": "2030-01-01", "closes_on": "2030-02-01"},
    ).json()["id"]
    change = editor.get("/api/v1/surveys/compare", params={"before": wave, "after": second})
    assert change.json()["change"]["response_rate"] == pytest.approx(-2 / 3)
    bad = editor.post(
        "/api/v1/surveys",
        json={"coalition": "Warme Buurt", "opens_on": "2030-02-01", "closes_on": "2030-01-01"},
    )
    assert bad.status_code == 422 and "closes_on" in bad.text
    assert editor.get("/api/v1/surveys/999/results").status_code == 404
    other = editor.get(f"/api/v1/surveys/{second}/respondents").json()[0]["id"]
    assert editor.post(f"/api/v1/surveys/{wave}/respondents/{other}/revoke").status_code == 404


# Every survey endpoint and who may use it: "viewer" (anyone signed in), "editor", "analyst".
SURVEY_ENDPOINTS = [
    ("GET", "/surveys", "viewer", 200),
    ("POST", "/surveys", "editor", 201),
    ("GET", "/surveys/compare?before={wave}&after={wave}", "viewer", 200),
    ("GET", "/surveys/{wave}", "viewer", 200),
    ("PATCH", "/surveys/{wave}", "editor", 200),
    ("POST", "/surveys/{wave}/send-invitations", "editor", 200),
    ("POST", "/surveys/{wave}/send-reminders", "editor", 200),
    ("POST", "/surveys/{wave}/links", "editor", 200),
    ("POST", "/surveys/{wave}/close", "editor", 200),
    ("GET", "/surveys/{wave}/respondents", "editor", 200),
    ("PATCH", "/surveys/{wave}/respondents/{respondent}", "editor", 200),
    ("POST", "/surveys/{wave}/respondents/{respondent}/revoke", "editor", 200),
    ("DELETE", "/surveys/{wave}/respondents/{respondent}/answers", "editor", 204),
    ("GET", "/surveys/{wave}/respondents/{respondent}/export", "analyst", 200),
    ("GET", "/surveys/{wave}/results", "viewer", 200),
    ("GET", "/surveys/{wave}/network", "viewer", 200),
    ("GET", "/surveys/{wave}/answers", "analyst", 200),
]
BODIES: dict[str, Any] = {
    "POST /surveys": {
        "coalition": "Warme Buurt",
        "opens_on": "2030-01-01",
        "closes_on": "2030-02-01",
    },
    "PATCH /surveys/{wave}": {"title": "Renamed"},
    "PATCH /surveys/{wave}/respondents/{respondent}": {"contact_name": "An"},
    "POST /surveys/{wave}/links": {},
}


def test_every_survey_endpoint_for_every_kind_of_user(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    documented = {
        (method.upper(), path.removeprefix("/api/v1"))
        for path, operations in site.client().get("/api/v1/openapi.json").json()["paths"].items()
        for method in operations
        if path.startswith("/api/v1/surveys")
    }
    declared = {
        (
            m,
            p.split("?")[0]
            .replace("{wave}", "{wave_id}")
            .replace("{respondent}", "{respondent_id}"),
        )
        for m, p, _, _ in SURVEY_ENDPOINTS
    }
    assert documented == declared
    wave, _ = run_wave(site)
    respondent = site.client(Role.EDITOR).get(f"/api/v1/surveys/{wave}/respondents").json()[0]
    clients = {
        "anonymous": site.client(),
        "viewer": site.client(Role.VIEWER),
        "editor": site.client(Role.EDITOR),
        "analyst": site.client(token=analyst_token(site)),
    }
    allowed = {
        "viewer": {"viewer", "editor", "analyst"},
        "editor": {"editor"},
        "analyst": {"analyst"},
    }
    with smtp_server() as (port, _mailbox):
        smtp_environment(monkeypatch, port)
        for method, template, needs, ok in SURVEY_ENDPOINTS:
            path = "/api/v1" + template.format(wave=wave, respondent=respondent["id"])
            body = BODIES.get(f"{method} {template}")
            for who, client in clients.items():
                response = client.request(method, path, json=body)
                expected = 401 if who == "anonymous" else ok if who in allowed[needs] else 403
                assert response.status_code == expected, (method, template, who, response.text)


def _opens(site: Site, link: str) -> int:
    return site.client().get(urlsplit(link).path).status_code


def test_editors_mail_invitations_and_reminders_through_the_api(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    wave = mail_wave(site)
    editor = site.client(Role.EDITOR)
    ids = [r["id"] for r in editor.get(f"/api/v1/surveys/{wave}/respondents").json()]
    with smtp_server() as (port, mailbox):
        smtp_environment(monkeypatch, port)
        sent = editor.post(f"/api/v1/surveys/{wave}/send-invitations")
        assert sent.status_code == 200, sent.text
        assert sent.json() == {"sent": ids[:2], "no_email": [ids[2]], "failed": {}}
        assert "sv_" not in sent.text  # the links went only into the mails
        first = mailbox.links()
        assert sorted(first) == ["an@example.org", "bo@example.org"]
        assert all(_opens(site, link) == 200 for link in first.values())
        mailbox.refuse = {"bo@example.org"}
        reminded = editor.post(f"/api/v1/surveys/{wave}/send-reminders").json()
        assert reminded["sent"] == [ids[0]] and list(reminded["failed"]) == [str(ids[1])]
        second = mailbox.links()
    assert _opens(site, first["an@example.org"]) == 404  # replaced by the reminder
    assert _opens(site, second["an@example.org"]) == 200
    assert _opens(site, first["bo@example.org"]) == 200  # refused: the old link still works
    clear_smtp_environment(monkeypatch)
    missing = editor.post(f"/api/v1/surveys/{wave}/send-reminders")
    assert missing.status_code == 503
    assert missing.headers["content-type"].startswith("application/problem+json")
    assert "QUADHELIX_SMTP_HOST" in missing.json()["detail"]
    assert _opens(site, second["an@example.org"]) == 200
    monkeypatch.setenv("QUADHELIX_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("QUADHELIX_SMTP_PORT", "1")  # nothing listens there
    monkeypatch.setenv("QUADHELIX_SMTP_SECURITY", "none")
    monkeypatch.setenv("QUADHELIX_SMTP_SENDER", "s@example.org")
    unreachable = editor.post(f"/api/v1/surveys/{wave}/send-reminders")
    assert unreachable.status_code == 502 and "no link was changed" in unreachable.text
    assert _opens(site, second["an@example.org"]) == 200
    assert editor.post(f"/api/v1/surveys/{wave}/close").status_code == 200
    closed = editor.post(f"/api/v1/surveys/{wave}/send-invitations")
    assert closed.status_code == 409 and "is closed" in closed.json()["detail"]
    for body in ({}, {"reissue": True, "format": "csv"}, {"reminder": True}):
        by_hand = editor.post(f"/api/v1/surveys/{wave}/links", json=body)
        assert by_hand.status_code == 409 and "is closed" in by_hand.json()["detail"]
    assert _opens(site, second["an@example.org"]) == 200  # no link replaced


def test_links_point_to_the_configured_public_address(db_url: str, password_hash: str) -> None:
    """Behind a proxy the request's own address may be internal: QUADHELIX_BASE_URL wins."""
    site = make_site(db_url, password_hash, base_url="https://samenwerken.stad.example/")
    coalition = make_coalition(site.engine, 2)
    editor = site.client(Role.EDITOR)
    wave = editor.post(
        "/api/v1/surveys",
        json={"coalition": str(coalition), "opens_on": "2020-01-01", "closes_on": "2099-12-31"},
    ).json()["id"]
    links = editor.post(f"/api/v1/surveys/{wave}/links", json={}).json()
    assert len(links) == 2
    assert all(x["link"].startswith("https://samenwerken.stad.example/survey/sv_") for x in links)


def test_a_base_url_must_be_absolute() -> None:
    with pytest.raises(ValueError, match="starts with https://"):
        Settings(base_url="samenwerken.stad.example")


def test_a_wave_that_closed_before_today_is_refused(site: Site) -> None:
    make_coalition(site.engine, 3)
    editor = site.client(Role.EDITOR)
    past = {"coalition": "Warme Buurt", "opens_on": "2020-01-01", "closes_on": "2020-02-01"}
    refused = editor.post("/api/v1/surveys", json=past)
    assert refused.status_code == 422 and "must not lie in the past" in refused.text
    assert "closes_on" in refused.text
    assert editor.get("/api/v1/surveys").json() == []
    future = past | {"closes_on": "2099-12-31"}
    made = editor.post("/api/v1/surveys", json=future)
    assert made.status_code == 201
    wave = made.json()
    moved = editor.patch(f"/api/v1/surveys/{wave['id']}", json={"closes_on": "2021-01-01"})
    assert moved.status_code == 422 and "must not lie in the past" in moved.text
    assert editor.get(f"/api/v1/surveys/{wave['id']}").json()["closes_on"] == "2099-12-31"
    with transaction(site.engine) as session:  # an earlier wave, recorded afterwards (CLI)
        data = WaveCreate.model_validate(past)
        earlier = create_wave(session, data).id
    resent = {"title": "Bevraging 2020", "opens_on": "2020-01-01", "closes_on": "2020-02-01"}
    renamed = editor.patch(f"/api/v1/surveys/{earlier}", json=resent)  # the wave sent back
    assert renamed.status_code == 200 and renamed.json()["title"] == "Bevraging 2020"
