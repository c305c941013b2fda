"""Survey pages: an editor makes a wave and hands out links in the browser's forms (a CSV, or
invitations and reminders by e-mail); results and comparison pages show aggregates; pairs only to
survey analysts; anonymous visitors sign in."""

from __future__ import annotations

import re
from datetime import date
from typing import Any
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from quadhelix.accounts.model import Role, User
from quadhelix.registry.database import transaction
from quadhelix.survey.model import SurveyRespondent
from quadhelix.survey.schemas import WaveCreate
from quadhelix.survey.service import create_wave
from quadhelix.web.pages import survey as survey_pages
from tests.survey.helpers import make_coalition
from tests.survey.smtp_server import clear_smtp_environment, smtp_environment, smtp_server
from tests.web.conftest import Browser, Site, csrf_in
from tests.web.test_survey_api import mail_wave, run_wave

SEND_INVITATIONS = "Uitnodigingen per e-mail versturen"  # the pages speak Dutch by default
SEND_REMINDERS = "Herinneringen per e-mail versturen"


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
    assert bad.status_code == 422 and "closes_on must not" not in bad.text
    assert (
        '<p class="field-error" id="closes_on-error">mag niet vóór de openingsdag liggen</p>'
        in bad.text
    )
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
    # Partner 1 says integration about Partner 2, who says cooperation: the form's wording
    pair = detail.text.split('id="disagreements"')[1].split("</section>")[0]
    assert "<td>Integratie: we delen middelen en doelen</td>" in pair
    assert "<td>Samenwerking: we wisselen informatie uit</td>" in pair
    assert "<td>integration</td>" not in pair and "<td>cooperation</td>" not in pair
    english = analyst.http.get(f"/surveys/{wave}?lang=en").text.split('id="disagreements"')[1]
    assert "<td>Integration: we share resources and goals</td>" in english
    editor = site.client(Role.EDITOR)
    second = editor.post(
        "/api/v1/surveys",
        json={"coalition": "Warme Buurt", "opens_on": "2099-01-01", "closes_on": "2099-02-01"},
    ).json()["id"]
    compare = viewer.http.get(f"/surveys/compare?before={second}&after={wave}")
    assert compare.status_code == 200 and 'id="comparison"' in compare.text
    assert "-1,00" in compare.text  # response rate from 1,00 to 0,00, as Dutch writes it
    assert "alert warning" not in compare.text  # two waves of one coalition: nothing to warn
    itself = viewer.http.get(f"/surveys/compare?before={wave}&after={wave}")
    assert "Dit vergelijkt een ronde met zichzelf" in itself.text
    other = make_coalition(site.engine, 2, name="Andere Buurt")
    elsewhere = editor.post(
        "/api/v1/surveys",
        json={"coalition": f"#{other}", "opens_on": "2099-01-01", "closes_on": "2099-02-01"},
    ).json()["id"]
    mixed = viewer.http.get(f"/surveys/compare?before={elsewhere}&after={wave}")
    assert "Deze rondes bevragen verschillende coalities" in mixed.text
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


def _path(link: str) -> str:
    return urlsplit(link).path


def _tokens(site: Site, wave: int) -> list[str | None]:
    with transaction(site.engine) as session:
        query = select(SurveyRespondent.token_hash).where(SurveyRespondent.wave_id == wave)
        return list(session.scalars(query.order_by(SurveyRespondent.id)))


def test_editor_mails_invitations_and_reminders_from_the_wave_page(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    wave = mail_wave(site)
    browser = site.browser("editor")
    page = browser.http.get(f"/surveys/{wave}")
    assert SEND_INVITATIONS in page.text and SEND_REMINDERS in page.text
    assert 'id="mail-result"' not in page.text
    token = csrf_in(page.text)
    respondent = site.client()
    with smtp_server() as (port, mailbox):
        smtp_environment(monkeypatch, port)
        sent = browser.http.post(f"/surveys/{wave}/send-invitations", data={"csrf_token": token})
        assert sent.status_code == 303
        assert sent.headers["location"].startswith(f"/surveys/{wave}?mailed=invitations")
        shown = browser.http.get(sent.headers["location"])
        assert 'id="mail-result"' in shown.text
        assert "Uitnodigingen per e-mail verstuurd: 2." in shown.text
        assert "Geen e-mailadres, dus geen e-mail en geen nieuwe link voor: Partner 3" in shown.text
        first = mailbox.links()
        assert sorted(first) == ["an@example.org", "bo@example.org"]
        assert mailbox.messages[0]["Subject"] == "Survey: Ronde 1"  # the wave's language
        assert respondent.get(_path(first["an@example.org"])).status_code == 200
        again = browser.http.post(f"/surveys/{wave}/send-invitations", data={"csrf_token": token})
        assert "sent=0" in again.headers["location"] and len(mailbox.messages) == 2
        mailbox.refuse = {"bo@example.org"}
        reminded = browser.http.post(f"/surveys/{wave}/send-reminders", data={"csrf_token": token})
        shown = browser.http.get(reminded.headers["location"])
        result = shown.text.split('id="mail-result"')[1].split("</div>")[0]
        assert "Herinneringen per e-mail verstuurd: 1." in result
        assert "Niet bezorgd: 1; hun links zijn ongewijzigd. Partner 2" in result
        assert "Partner 3" not in result  # never invited, so not reminded either
        second = mailbox.links()
    assert second["an@example.org"] != first["an@example.org"]
    assert respondent.get(_path(first["an@example.org"])).status_code == 404  # replaced
    assert respondent.get(_path(second["an@example.org"])).status_code == 200
    assert respondent.get(_path(first["bo@example.org"])).status_code == 200  # refused: kept


def test_without_a_mail_server_the_page_says_so_and_no_link_changes(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    wave = mail_wave(site)
    browser = site.browser("editor")
    token = browser.csrf(f"/surveys/{wave}")
    with smtp_server() as (port, mailbox):
        smtp_environment(monkeypatch, port)
        browser.http.post(f"/surveys/{wave}/send-invitations", data={"csrf_token": token})
        links = mailbox.links()
    before = _tokens(site, wave)
    clear_smtp_environment(monkeypatch)
    for action in ("send-invitations", "send-reminders"):
        refused = browser.http.post(f"/surveys/{wave}/{action}", data={"csrf_token": token})
        assert "mail_error=not_configured" in refused.headers["location"]
        shown = browser.http.get(refused.headers["location"].replace("#", "&lang=en#"))
        assert "No mail server is configured, so nothing was sent and no link was changed" in (
            shown.text
        )
        assert 'role="alert"' in shown.text
    assert _tokens(site, wave) == before
    assert site.client().get(_path(links["an@example.org"])).status_code == 200
    monkeypatch.setenv("QUADHELIX_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("QUADHELIX_SMTP_PORT", "1")  # nothing listens there
    monkeypatch.setenv("QUADHELIX_SMTP_SECURITY", "none")
    monkeypatch.setenv("QUADHELIX_SMTP_SENDER", "s@example.org")
    failed = browser.http.post(f"/surveys/{wave}/send-reminders", data={"csrf_token": token})
    assert "mail_error=failed" in failed.headers["location"]
    shown = browser.http.get(failed.headers["location"])
    assert "De mailserver" in shown.text and "geen enkele link" in shown.text
    assert _tokens(site, wave) == before


def test_only_editors_mail_with_a_valid_form_and_never_for_a_closed_wave(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    wave = mail_wave(site)
    viewer = site.browser("viewer")
    page = viewer.http.get(f"/surveys/{wave}")
    assert SEND_INVITATIONS not in page.text and SEND_REMINDERS not in page.text
    assert 'id="mail-result"' not in viewer.http.get(f"/surveys/{wave}?mailed=invitations").text
    with smtp_server() as (port, mailbox):
        smtp_environment(monkeypatch, port)
        viewer_token = csrf_in(page.text)
        for action in ("send-invitations", "send-reminders"):
            refused = viewer.http.post(
                f"/surveys/{wave}/{action}", data={"csrf_token": viewer_token}
            )
            assert refused.status_code == 403
        editor = site.browser("editor")
        forged = editor.http.post(f"/surveys/{wave}/send-invitations", data={"csrf_token": "x"})
        assert forged.status_code == 403
        assert editor.http.post(f"/surveys/{wave}/send-invitations").status_code == 403
        assert mailbox.messages == [] and _tokens(site, wave) == [None, None, None]
        admin = site.browser("admin")
        admin_token = admin.csrf(f"/surveys/{wave}")
        sent = admin.http.post(
            f"/surveys/{wave}/send-invitations", data={"csrf_token": admin_token}
        )
        assert "sent=2" in sent.headers["location"] and len(mailbox.messages) == 2
        token = editor.csrf(f"/surveys/{wave}")
        assert (
            editor.http.post(f"/surveys/{wave}/close", data={"csrf_token": token}).status_code
            == 303
        )
        page = editor.http.get(f"/surveys/{wave}")
        assert SEND_INVITATIONS not in page.text and SEND_REMINDERS not in page.text
        before = _tokens(site, wave)
        closed = editor.http.post(
            f"/surveys/{wave}/send-reminders?lang=en", data={"csrf_token": token}
        )
        assert closed.status_code == 409
        assert "is closed: invitations and reminders can no longer be sent" in closed.text
        dutch = editor.http.post(f"/surveys/{wave}/send-invitations", data={"csrf_token": token})
        assert dutch.status_code == 409 and "is gesloten" in dutch.text
        assert len(mailbox.messages) == 2 and _tokens(site, wave) == before


def _new_wave(browser: Browser, coalition: int, **dates: str) -> Any:
    token = browser.csrf(f"/surveys/new?coalition={coalition}")
    form = {"csrf_token": token, "coalition": str(coalition), "language": "nl", **dates}
    return browser.http.post("/surveys", data=form)


def test_new_wave_dates_are_checked_in_dutch_next_to_their_field(site: Site) -> None:
    coalition = make_coalition(site.engine, 3)
    browser = site.browser("editor")
    empty = _new_wave(browser, coalition, opens_on="", closes_on="")
    assert empty.status_code == 422 and "Input should be" not in empty.text
    for field in ("opens_on", "closes_on"):
        assert (
            f'<p class="field-error" id="{field}-error">verwacht een datum als JJJJ-MM-DD</p>'
        ) in empty.text
    assert '<a href="#f-closes_on">Sluit op</a>: verwacht een datum' in empty.text
    missing = _new_wave(browser, coalition)  # no date fields at all
    assert missing.status_code == 422 and 'id="opens_on-error">verwacht een datum' in missing.text
    past = _new_wave(browser, coalition, opens_on="2020-01-01", closes_on="2020-02-01")
    assert past.status_code == 422
    assert '<p class="field-error" id="closes_on-error">mag niet in het verleden liggen</p>' in (
        past.text
    )
    assert 'value="2020-02-01"' in past.text  # what was typed stays
    today = date.today().isoformat()
    made = _new_wave(browser, coalition, opens_on="2020-01-01", closes_on=today)
    assert made.status_code == 303  # closing today still leaves today to answer


def test_the_list_page_offers_coalitions_to_survey_by_name(site: Site) -> None:
    two = make_coalition(site.engine, 2, name="Zorgzame Buurt")
    one = make_coalition(site.engine, 1, name="Eenling")
    browser = site.browser("editor")
    listed = browser.http.get("/surveys")
    assert "Id van de coalitie" not in listed.text and 'type="number"' not in listed.text
    assert f'<option value="{two}" >Zorgzame Buurt</option>' in listed.text
    assert "Eenling" not in listed.text  # one member: nothing to ask about each other
    for empty in ("/surveys/new?coalition=", "/surveys/new"):
        refused = browser.http.get(empty)
        assert refused.status_code == 422 and "Unprocessable" not in refused.text
        assert '<p class="field-error" id="coalition-error">kies een coalitie</p>' in refused.text
        assert 'action="/surveys/new"' in refused.text
    by_name = browser.http.get("/surveys/new", params={"coalition": "zorgzame buurt"})
    assert by_name.status_code == 200 and "Nieuwe bevragingsronde voor Zorgzame Buurt" in (
        by_name.text
    )
    assert browser.http.get(f"/surveys/new?coalition=%23{two}").status_code == 200
    unknown = browser.http.get("/surveys/new?coalition=Nergens")
    assert unknown.status_code == 422 and "coalitie niet gevonden: &#39;Nergens&#39;" in (
        unknown.text
    )
    alone = browser.http.get(f"/surveys/new?coalition={one}")
    assert alone.status_code == 422
    assert "een bevraging heeft minstens twee leden nodig" in alone.text
    huge = browser.http.get("/surveys/new", params={"coalition": "9" * 20})  # no INTEGER id
    assert huge.status_code == 422
    assert "coalitie niet gevonden" in huge.text
    # Sending the wave's form for a coalition that cannot be surveyed shows the choice again.
    token = re.search(r'name="csrf_token" value="([^"]+)"', by_name.text).group(1)  # type: ignore[union-attr]
    sent = {"csrf_token": token, "coalition": str(one), "opens_on": "2026-01-01"}
    refused = browser.http.post("/surveys", data=sent | {"closes_on": "2099-01-01"})
    assert refused.status_code == 422 and 'id="coalition-error"' in refused.text


def test_a_wave_past_its_closing_day_shows_as_expired(site: Site) -> None:
    coalition = make_coalition(site.engine, 3)
    with transaction(site.engine) as session:  # the command line may record an earlier wave
        wave = create_wave(
            session,
            WaveCreate(
                coalition=str(coalition),
                title="Vorig jaar",
                opens_on=date(2020, 1, 1),
                closes_on=date(2020, 2, 1),
            ),
        )
        wave_id = wave.id
    browser = site.browser("editor")
    page = browser.http.get(f"/surveys/{wave_id}")
    assert '<dd id="wave-status">Verlopen (sluitingsdag voorbij)</dd>' in page.text
    assert "De sluitingsdag is voorbij" in page.text
    assert "Uitnodigingen per e-mail versturen" not in page.text  # links would say too late
    assert f'action="/surveys/{wave_id}/close"' in page.text  # closing still makes the ties
    listed = browser.http.get("/surveys").text
    assert "<td>Verlopen (sluitingsdag voorbij)</td>" in listed and "<td>Open</td>" not in listed


def test_too_many_coalitions_for_a_list_are_chosen_by_name(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(survey_pages, "MAX_CHOICES", 1)
    make_coalition(site.engine, 2, name="Zorgzame Buurt")
    make_coalition(site.engine, 3, name="Warme Wijk")
    browser = site.browser("editor")
    listed = browser.http.get("/surveys")
    assert '<input id="f-coalition" name="coalition" type="text"' in listed.text
    assert "<option" not in listed.text.split('action="/surveys/new"')[1].split("</form>")[0]
    chosen = browser.http.get("/surveys/new", params={"coalition": "Warme Wijk"})
    assert chosen.status_code == 200 and "Nieuwe bevragingsronde voor Warme Wijk" in chosen.text
