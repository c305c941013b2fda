"""``quadhelix survey ...`` end to end: a wave is made, answered through its links, closed,
scored and compared; links are exported, mailed, revoked and erased."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine

from quadhelix.cli import app
from quadhelix.registry.database import transaction
from quadhelix.survey.answering import save_answers, submit
from quadhelix.survey.invitations import LinkInvalid, respondent_for_token
from quadhelix.survey.schemas import AnswersUpdate
from tests.cli.helpers import Quadhelix
from tests.survey.helpers import make_coalition
from tests.survey.smtp_server import smtp_server

TODAY = date(2026, 3, 1)


def _answer(engine: Engine, link: str, targets: dict[int, tuple[str, int]]) -> None:
    token = link.rsplit("/", 1)[1]
    with transaction(engine) as session:
        respondent = respondent_for_token(session, token)
        body = {
            "answers": [
                {
                    "target_actor_id": t,
                    "level": level,
                    "reliability": score,
                    "openness": score,
                    "involvement": score,
                }
                for t, (level, score) in targets.items()
            ]
        }
        save_answers(session, respondent, AnswersUpdate.model_validate(body), TODAY)
        submit(session, respondent, TODAY)


def _links(path: Path) -> dict[int, str]:
    with path.open(newline="") as handle:
        return {int(row["actor_id"]): row["link"] for row in csv.DictReader(handle)}


def test_a_wave_from_creation_to_comparison(qh: Quadhelix, engine: Engine, tmp_path: Path) -> None:
    coalition = make_coalition(engine, 3)
    made = qh(
        "survey",
        "create",
        str(coalition),
        "--opens",
        "2026-01-01",
        "--closes",
        "2026-12-31",
        "--json",
    ).json()
    assert made["respondents"] == 3 and made["status"] == "open"
    wave = str(made["id"])
    out = tmp_path / "links.csv"
    qh("survey", "invite", wave, "--csv", str(out), "--base-url", "https://qh.example")
    links = _links(out)
    assert len(links) == 3 and all(
        k.startswith("https://qh.example/survey/sv_") for k in links.values()
    )
    again = qh("survey", "invite", wave)
    assert "No new links" in again.stderr
    a, b, c = sorted(links)
    _answer(engine, links[a], {b: ("integration", 4), c: ("cooperation", 2)})
    _answer(engine, links[b], {a: ("coordination", 4)})
    results = qh("survey", "results", wave, "--json").json()
    assert results["submitted"] == 2 and results["response_rate"] == pytest.approx(2 / 3)
    assert results["disagreements"] is None  # pairwise only with --pairs
    by_name = {x["actor_id"]: x for x in results["actors"]}
    assert by_name[a]["trust"] == 4.0 and by_name[a]["trust_raters"] == 1
    assert by_name[c]["trust"] == 2.0
    assert results["density"]["integration"] == pytest.approx(1 / 3)
    table = qh("survey", "results", wave).stdout
    assert "trust density" in table and "Partner 3" in table
    assert "Closed wave" in qh("survey", "close", wave).stdout
    for handing_out in (("invite",), ("invite", "--reissue"), ("remind",)):
        assert "is closed" in qh.error("survey", *handing_out, wave)
    ties = qh("ties", "list", "--json").json()
    assert {t["source"] for t in ties} == {"survey"} and len(ties) == 2
    listed = qh("survey", "list", "--json").json()
    assert [w["status"] for w in listed] == ["closed"]
    # A second wave a year later, then compare.
    second = qh(
        "survey",
        "create",
        str(coalition),
        "--opens",
        "2027-01-01",
        "--closes",
        "2027-02-01",
        "--json",
    ).json()["id"]
    comparison = qh("survey", "compare", wave, str(second), "--json").json()
    assert comparison["before"]["response_rate"] == pytest.approx(2 / 3)
    assert comparison["after"]["response_rate"] == 0.0
    assert comparison["change"]["response_rate"] == pytest.approx(-2 / 3)


def test_erase_export_revoke_and_errors(qh: Quadhelix, engine: Engine, tmp_path: Path) -> None:
    coalition = make_coalition(engine, 3)
    wave = str(
        qh(
            "survey",
            "create",
            str(coalition),
            "--opens",
            "2026-01-01",
            "--closes",
            "2026-12-31",
            "--json",
        ).json()["id"]
    )
    out = tmp_path / "links.csv"
    qh("survey", "invite", wave, "--csv", str(out))
    links = _links(out)
    a, b, c = sorted(links)
    _answer(engine, links[a], {b: ("integration", 4)})
    qh("survey", "close", wave)
    exported = qh("survey", "export-answers", wave, str(a)).stdout
    assert '"level": "integration"' in exported
    assert "Erased 1 answers" in qh("survey", "erase", wave, str(a), "--yes").stdout
    assert qh("ties", "list", "--json").json() == []
    qh("survey", "revoke", wave, str(c))
    with transaction(engine) as session, pytest.raises(LinkInvalid):
        respondent_for_token(session, links[c].rsplit("/", 1)[1])
    assert qh.error("survey", "results", "999") == "Error: wave not found: '999'"
    assert "closes_on" in qh.error(
        "survey", "create", str(coalition), "--opens", "2026-05-01", "--closes", "2026-04-01"
    )
    assert "--send" in qh.error("survey", "invite", wave, "--send")


def test_invitations_and_reminders_go_out_by_smtp(
    qh: Quadhelix, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    coalition = make_coalition(engine, 3)
    wave = str(
        qh(
            "survey",
            "create",
            str(coalition),
            "--opens",
            "2026-01-01",
            "--closes",
            "2026-12-31",
            "--language",
            "en",
            "--json",
        ).json()["id"]
    )
    qh("survey", "contact", wave, "Partner 1", "--name", "An", "--email", "an@example.org")
    qh("survey", "contact", wave, "Partner 2", "--email", "bo@example.org")
    assert "email" in qh.error("survey", "contact", wave, "Partner 3", "--email", "not-mail")
    with smtp_server() as (port, mailbox):
        monkeypatch.setenv("QUADHELIX_SMTP_HOST", "127.0.0.1")
        monkeypatch.setenv("QUADHELIX_SMTP_PORT", str(port))
        monkeypatch.setenv("QUADHELIX_SMTP_SECURITY", "none")
        monkeypatch.setenv("QUADHELIX_SMTP_SENDER", "Survey <survey@example.org>")
        sent = qh("survey", "invite", wave, "--send", "--base-url", "https://qh.example")
        assert "Mailed 2 links" in sent.stderr and "1 respondents have no e-mail" in sent.stderr
        assert sorted(r[0] for r in mailbox.recipients) == ["an@example.org", "bo@example.org"]
        first = mailbox.messages[0]
        assert first["Subject"].startswith("Survey: ")
        body = first.get_payload(decode=True).decode()  # type: ignore[union-attr]
        link = next(w for w in body.split() if w.startswith("https://qh.example/survey/sv_"))
        assert "Dear An" in body
        token = link.rsplit("/", 1)[1]
        with transaction(engine) as session:
            assert respondent_for_token(session, token).email == "an@example.org"
        reminded = qh("survey", "remind", wave, "--send")
        assert "Mailed 2 links" in reminded.stderr
        assert mailbox.messages[-1]["Subject"].startswith("Reminder")
        with transaction(engine) as session, pytest.raises(LinkInvalid):
            respondent_for_token(session, token)  # the reminder's link replaced it


def test_users_can_be_made_survey_analysts(qh: Quadhelix) -> None:
    added = qh.runner.invoke(
        app,
        ["users", "add", "sam", "--survey-analyst", "--password-stdin", "--db", qh.db_url],
        input="a long enough password\n",
    )
    assert added.exit_code == 0, added.output
    assert "survey analyst" in added.stdout
    users = {u["username"]: u for u in qh("users", "list", "--json").json()}
    assert users["sam"]["survey_analyst"] is True
    qh("users", "set-survey-analyst", "sam", "--off")
    users = {u["username"]: u for u in qh("users", "list", "--json").json()}
    assert users["sam"]["survey_analyst"] is False


def test_trust_density_of_the_latest_wave_feeds_the_governance_advice(
    qh: Quadhelix, engine: Engine, tmp_path: Path
) -> None:
    coalition = make_coalition(engine, 3)
    wave = str(
        qh(
            "survey",
            "create",
            str(coalition),
            "--opens",
            "2026-01-01",
            "--closes",
            "2026-12-31",
            "--json",
        ).json()["id"]
    )
    out = tmp_path / "links.csv"
    qh("survey", "invite", wave, "--csv", str(out))
    links = _links(out)
    a, b, c = sorted(links)
    _answer(engine, links[a], {b: ("integration", 4), c: ("integration", 4)})
    _answer(engine, links[b], {c: ("coordination", 3)})
    before = qh("analyze", "coalition", str(coalition), "--json").json()
    assert before["governance"]["trust_density"] is None  # the wave is still open
    qh("survey", "close", wave)
    after = qh("analyze", "coalition", str(coalition), "--json").json()
    # Pairs with mean trust >= 3: a-b (4), a-c (4), b-c (3): all three of three.
    assert after["governance"]["trust_density"] == pytest.approx(1.0)
    assert any("partner survey" in reason for reason in after["governance"]["reasons"])


def test_the_question_bank_can_be_edited_per_wave(
    qh: Quadhelix, engine: Engine, tmp_path: Path
) -> None:
    coalition = make_coalition(engine, 3)
    bank = qh("survey", "questions").json()
    assert set(bank["ratings"]) == {
        "reliability",
        "mission_support",
        "openness",
        "power_influence",
        "involvement",
        "resource_contribution",
    }
    bank["level"]["nl"] = "Hoe nauw werkt u samen met deze partner?"
    bank["resource_options"] = {"geld": {"nl": "Geld", "en": "Money"}}
    edited = tmp_path / "bank.json"
    edited.write_text(json.dumps(bank), encoding="utf-8")
    wave = qh("survey", "create", str(coalition), "--questions", str(edited), "--json").json()
    stored = qh("survey", "questions", str(wave["id"])).json()
    assert stored["level"]["nl"] == "Hoe nauw werkt u samen met deze partner?"
    assert list(stored["resource_options"]) == ["geld"]
    del bank["ratings"]["openness"]
    edited.write_text(json.dumps(bank), encoding="utf-8")
    assert "questions.ratings" in qh.error(
        "survey", "create", str(coalition), "--questions", str(edited)
    )
    edited.write_text("{not json", encoding="utf-8")
    assert "--questions" in qh.error("survey", "create", str(coalition), "--questions", str(edited))
    qh("survey", "contact", str(wave["id"]), "Partner 1", "--name", "An")
    shown = qh("survey", "contact", str(wave["id"]), "Partner 1", "--email", "an@example.org")
    assert "An <an@example.org>" in shown.stdout  # the name given earlier stays
