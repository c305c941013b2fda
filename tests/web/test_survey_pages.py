"""Survey pages: an editor makes a wave and hands out links in the browser's forms; results and
comparison pages show aggregates; pairs only to survey analysts; anonymous visitors sign in."""

from __future__ import annotations

from quadhelix.accounts.model import Role, User
from quadhelix.registry.database import transaction
from tests.survey.helpers import make_coalition
from tests.web.conftest import Site
from tests.web.test_survey_api import run_wave


def test_editor_makes_a_wave_downloads_links_and_closes_it(site: Site) -> None:
    coalition = make_coalition(site.engine, 3)
    browser = site.browser("editor")
    form = browser.http.get(f"/surveys/new?coalition={coalition}")
    assert form.status_code == 200 and "Warme Buurt" in form.text
    token = browser.csrf(f"/surveys/new?coalition={coalition}")
    bad = browser.http.post(
        "/surveys",
        data={
            "csrf_token": token,
            "coalition": str(coalition),
            "opens_on": "2026-05-01",
            "closes_on": "2026-04-01",
            "language": "nl",
        },
    )
    assert bad.status_code == 422 and "closes_on" in bad.text
    made = browser.http.post(
        "/surveys",
        data={
            "csrf_token": token,
            "coalition": str(coalition),
            "title": "Ronde 1",
            "opens_on": "2026-01-01",
            "closes_on": "2099-01-01",
            "language": "nl",
        },
    )
    assert made.status_code == 303
    page_url = made.headers["location"]
    links = browser.http.post(f"{page_url}/links", data={"csrf_token": token})
    assert links.headers["content-type"].startswith("text/csv")
    assert len(links.text.strip().splitlines()) == 4  # header + three members
    assert "/survey/sv_" in links.text
    forged = browser.http.post(f"{page_url}/close", data={"csrf_token": "nope"})
    assert forged.status_code == 403
    closed = browser.http.post(f"{page_url}/close", data={"csrf_token": token})
    assert closed.status_code == 303
    page = browser.http.get(page_url)
    assert "Ronde 1" in page.text and "Download new invitation links" not in page.text


def test_results_and_comparison_pages_for_viewers_and_analysts(site: Site) -> None:
    wave, _ = run_wave(site)
    viewer = site.browser("viewer")
    page = viewer.http.get(f"/surveys/{wave}")
    assert page.status_code == 200
    assert 'id="member-scores"' in page.text and 'id="survey-network"' in page.text
    assert 'id="disagreements"' not in page.text  # who disagrees with whom: analysts only
    assert "Partner 2" in page.text and "<svg" in page.text
    assert "Respondents" not in page.text  # respondent details: editors only
    with transaction(site.engine) as session:
        session.add(
            User(
                username="ana",
                password_hash=site.password_hash,
                role=Role.VIEWER,
                survey_analyst=True,
            )
        )
    analyst = site.browser("ana")
    detail = analyst.http.get(f"/surveys/{wave}")
    assert 'id="disagreements"' in detail.text
    editor = site.client(Role.EDITOR)
    second = editor.post(
        "/api/v1/surveys",
        json={"coalition": "Warme Buurt", "opens_on": "2099-01-01", "closes_on": "2099-02-01"},
    ).json()["id"]
    compare = viewer.http.get(f"/surveys/compare?before={second}&after={wave}")
    assert compare.status_code == 200 and 'id="comparison"' in compare.text
    assert "-1.00" in compare.text  # response rate from 1.00 to 0.00
    listed = viewer.http.get("/surveys")
    assert f'href="/surveys/{wave}"' in listed.text
    assert viewer.http.get("/surveys/new?coalition=1").status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(site: Site) -> None:
    wave, _ = run_wave(site)
    anonymous = site.browser()
    for path in ("/surveys", f"/surveys/{wave}", f"/surveys/compare?before={wave}&after={wave}"):
        response = anonymous.http.get(path)
        assert response.status_code == 303 and response.headers["location"].startswith("/login")


def test_coalition_page_leads_to_its_surveys_and_shows_trust_density(site: Site) -> None:
    wave, _ = run_wave(site)
    editor = site.client(Role.EDITOR)
    detail = editor.get(f"/api/v1/surveys/{wave}").json()
    coalition = detail["coalition_id"]
    before = site.browser("viewer").http.get(f"/coalitions/{coalition}")
    assert f'href="/surveys?coalition={coalition}"' in before.text
    assert "/surveys/new?coalition=" not in before.text  # viewers do not run waves
    assert "Trust density" not in before.text and "Vertrouwensdichtheid" not in before.text
    assert editor.post(f"/api/v1/surveys/{wave}/close").status_code == 200
    after = site.browser("editor").http.get(f"/coalitions/{coalition}")
    assert f'href="/surveys/new?coalition={coalition}"' in after.text
    assert "Trust density" in after.text or "Vertrouwensdichtheid" in after.text


def test_a_record_id_beyond_any_database_id_is_refused_as_invalid(site: Site) -> None:
    viewer = site.browser("viewer")
    too_big = 2**63
    assert viewer.http.get(f"/surveys?coalition={too_big}").status_code == 422
    assert viewer.http.get(f"/surveys/compare?before=1&after={too_big}").status_code == 422
