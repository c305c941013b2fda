"""A respondent answers through their link: the form, saving as they go, submitting, and the
refusals (forged, revoked, guessed, closed, someone else's)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import Engine

from quadhelix.registry.database import transaction
from quadhelix.survey.invitations import issue_invitations, respondent_for_token, revoke
from quadhelix.survey.schemas import COMMENTS_MAX, WaveCreate
from quadhelix.survey.service import close_wave, create_wave, get_wave, respondents_of
from tests.survey.helpers import make_coalition
from tests.web.conftest import Site


def make_wave(engine: Engine, members: int = 3, language: str = "en") -> tuple[int, dict[int, str]]:
    coalition = make_coalition(engine, members)
    today = date.today()
    with transaction(engine) as session:
        wave = create_wave(
            session,
            WaveCreate(
                coalition=str(coalition),
                opens_on=today - timedelta(days=1),
                closes_on=today + timedelta(days=30),
                language=language,
            ),
        )
        issued = issue_invitations(session, respondents_of(session, wave))
        return wave.id, {i.respondent.actor_id: i.token for i in issued}


def test_answer_save_resume_and_submit(site: Site) -> None:
    _, tokens = make_wave(site.engine)
    a, b, c = sorted(tokens)
    http = site.client()
    page = http.get(f"/survey/{tokens[a]}")
    assert page.status_code == 200
    assert "Partner 2" in page.text and "Partner 3" in page.text
    assert "You answer for Partner 1" in page.text
    saved = http.post(
        f"/survey/{tokens[a]}/save",
        data={
            f"level-{b}": "integration",
            f"reliability-{b}": "4",
            "resources-shown": "1",
            "resources": ["funding", "data"],
        },
    )
    assert saved.status_code == 303 and saved.headers["location"].endswith("?saved=1")
    auto = http.post(
        f"/survey/{tokens[a]}/save",
        data={f"openness-{c}": "2", "comments": "Goed bezig"},
        headers={"X-Autosave": "1"},
    )
    assert auto.status_code == 200 and auto.json()["saved"] is True
    resumed = http.get(f"/survey/{tokens[a]}")
    assert 'value="integration" checked' in resumed.text
    assert 'value="funding" checked' in resumed.text and "Goed bezig" in resumed.text
    mine = http.get(f"/survey/{tokens[a]}/answers.json").json()
    assert [x["target_actor_id"] for x in mine["answers"]] == [b, c]
    assert mine["answers"][0]["reliability"] == 4 and mine["answers"][1]["openness"] == 2
    theirs = http.get(f"/survey/{tokens[b]}/answers.json").json()
    assert theirs["answers"] == [] and theirs["member"]["actor_id"] == b
    done = http.post(f"/survey/{tokens[a]}/submit", data={"success": "3"})
    assert done.status_code == 303
    after = http.get(f"/survey/{tokens[a]}")
    assert "your answers were submitted" in after.text and "<form" not in after.text
    late = http.post(
        f"/survey/{tokens[a]}/save", data={"success": "1"}, headers={"X-Autosave": "1"}
    )
    assert late.status_code == 409 and late.json()["reason"] == "submitted"
    with transaction(site.engine) as session:
        respondent = respondent_for_token(session, tokens[a])
        assert respondent.submitted_at is not None and respondent.success == 3


def test_bad_answers_are_refused_with_the_field_named(site: Site) -> None:
    _, tokens = make_wave(site.engine)
    a, b, _ = sorted(tokens)
    http = site.client()
    bad = http.post(
        f"/survey/{tokens[a]}/save", data={f"reliability-{b}": "9"}, headers={"X-Autosave": "1"}
    )
    assert bad.status_code == 422
    assert any(f"reliability-{b}: must be a number from 1 to 4" in e for e in bad.json()["errors"])
    page = http.post(
        f"/survey/{tokens[a]}/save", data={f"level-{b}": "best friends", f"openness-{b}": "3"}
    )
    assert page.status_code == 422 and "must be one of none, awareness" in page.text
    assert f'href="#f-level-{b}">Partner 2: How does your organisation' in page.text
    assert 'id="survey-form"' in page.text  # the form again, with what was typed
    assert f'name="openness-{b}" value="3" checked' in page.text


def test_an_empty_form_is_not_handed_in_and_what_was_typed_stays(site: Site) -> None:
    _, tokens = make_wave(site.engine, language="nl")
    a, b, _ = sorted(tokens)
    http = site.client()
    empty = http.post(
        f"/survey/{tokens[a]}/submit",
        data={"resources-shown": "1", "resources": ["data"], "comments": "Nog te bekijken"},
    )
    assert empty.status_code == 422
    assert "Beantwoord minstens één vraag over een partner voor je indient" in empty.text
    assert "Ze kunnen niet meer gewijzigd" not in empty.text and "Je kunt ze niet" not in empty.text
    assert 'value="data" checked' in empty.text and "Nog te bekijken" in empty.text
    with transaction(site.engine) as session:
        respondent = respondent_for_token(session, tokens[a])
        assert respondent.submitted_at is None  # not locked, not counted
        assert respondent.resources == ["data"]  # but saved, like the Save button does
    done = http.post(f"/survey/{tokens[a]}/submit", data={f"level-{b}": "none"})
    assert done.status_code == 303
    assert "Bedankt: je antwoorden zijn ingediend" in http.get(f"/survey/{tokens[a]}").text


def test_an_over_long_comment_keeps_the_form_and_says_why_next_to_it(site: Site) -> None:
    _, tokens = make_wave(site.engine, language="nl")
    a, b, _ = sorted(tokens)
    http = site.client()
    form = http.get(f"/survey/{tokens[a]}").text
    assert f'maxlength="{COMMENTS_MAX}"' in form
    long = "x" * (COMMENTS_MAX + 1)
    data = {f"level-{b}": "coordination", f"reliability-{b}": "2", "comments": long}
    refused = http.post(f"/survey/{tokens[a]}/submit", data=data)
    assert refused.status_code == 422
    assert long not in refused.text.replace(f">{long}</textarea>", "")  # not echoed elsewhere
    assert f">{long}</textarea>" in refused.text  # kept in the box, to be shortened
    assert '<p class="field-error" id="comments-error">is langer dan 5000 tekens</p>' in (
        refused.text
    )
    assert 'aria-describedby="comments-error"' in refused.text
    assert f'name="level-{b}" value="coordination" checked' in refused.text
    assert f'name="reliability-{b}" value="2" checked' in refused.text
    with transaction(site.engine) as session:
        respondent = respondent_for_token(session, tokens[a])
        assert respondent.submitted_at is None and respondent.answers == []


def test_forged_revoked_and_closed_links_fail_cleanly(site: Site) -> None:
    wave_id, tokens = make_wave(site.engine, language="nl")
    _, b, c = sorted(tokens)
    http = site.client()
    forged = http.get("/survey/sv_" + "x" * 43)
    assert forged.status_code == 404 and "link naar de bevraging is niet geldig" in forged.text
    with transaction(site.engine) as session:
        revoke(session, respondent_for_token(session, tokens[b]))
    assert http.get(f"/survey/{tokens[b]}").status_code == 404
    assert http.post(f"/survey/{tokens[b]}/submit", data={}).status_code == 404
    with transaction(site.engine) as session:
        close_wave(session, get_wave(session, wave_id))
    closed = http.get(f"/survey/{tokens[c]}?lang=en")
    assert closed.status_code == 200 and "This survey is closed" in closed.text
    refused = http.post(f"/survey/{tokens[c]}/submit", data={}, headers={"X-Autosave": "1"})
    assert refused.status_code == 409 and refused.json()["reason"] == "closed"


def test_guessing_links_is_throttled_even_for_a_real_link(site: Site) -> None:
    _, tokens = make_wave(site.engine)
    http = site.client()
    for attempt in range(5):
        assert http.get(f"/survey/sv_guess{attempt}").status_code == 404
    throttled = http.get(f"/survey/{min(tokens.values())}")
    assert throttled.status_code == 429 and "Retry-After" in throttled.headers
    assert http.post(f"/survey/{min(tokens.values())}/save", data={}).status_code == 429
