"""Mailing links (``survey.mail.mail_links``, used by the CLI, pages and API): who gets a mail,
and that a respondent whose mail fails keeps the link they had."""

from __future__ import annotations

import socket
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine

from quadhelix.registry.database import transaction
from quadhelix.survey.invitations import LinkInvalid, issue_invitations, respondent_for_token
from quadhelix.survey.mail import (
    MailFailed,
    MailNotConfigured,
    SendReport,
    SmtpSettings,
    WaveClosed,
    mail_links,
)
from quadhelix.survey.schemas import WaveCreate
from quadhelix.survey.service import close_wave, create_wave, get_wave, respondents_of
from tests.survey.helpers import CLOSES, OPENS, make_coalition
from tests.survey.smtp_server import Mailbox, clear_smtp_environment, smtp_server

BASE = "https://qh.example"


def _wave(engine: Engine, emails: list[str | None], csv_links: tuple[int, ...] = ()) -> int:
    """A wave whose respondents have these addresses; those at ``csv_links`` already hold a
    link handed out as CSV."""
    coalition = make_coalition(engine, len(emails))
    with transaction(engine) as session:
        wave = create_wave(
            session, WaveCreate(coalition=str(coalition), opens_on=OPENS, closes_on=CLOSES)
        )
        respondents = respondents_of(session, wave)
        for respondent, email in zip(respondents, emails, strict=True):
            respondent.email = email
        issue_invitations(session, [respondents[i] for i in csv_links])
        return wave.id


def _settings(port: int) -> SmtpSettings:
    return SmtpSettings(host="127.0.0.1", port=port, security="none", sender="s@example.org")


def _mail(engine: Engine, wave_id: int, port: int, *, reminder: bool = False) -> SendReport:
    with transaction(engine) as session:
        wave = get_wave(session, wave_id)
        return mail_links(session, wave, BASE, reminder=reminder, settings=_settings(port))


def _ids(engine: Engine, wave_id: int) -> list[int]:
    with transaction(engine) as session:
        return [r.id for r in respondents_of(session, get_wave(session, wave_id))]


def _state(engine: Engine, wave_id: int) -> list[tuple[object, ...]]:
    with transaction(engine) as session:
        return [
            (r.token_hash, r.invited_at, r.reminded_at, r.revoked_at)
            for r in respondents_of(session, get_wave(session, wave_id))
        ]


def _opens(engine: Engine, link: str) -> int | None:
    """The respondent a link opens, or None when it no longer works."""
    with transaction(engine) as session:
        try:
            return respondent_for_token(session, link.rsplit("/", 1)[1]).id
        except LinkInvalid:
            return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _invite_all(engine: Engine, wave_id: int, mailbox: Mailbox, port: int) -> dict[str, str]:
    _mail(engine, wave_id, port)
    links = mailbox.links()
    mailbox.messages.clear()
    mailbox.recipients.clear()
    return links


def test_invitations_go_to_respondents_with_an_address_and_no_link(engine: Engine) -> None:
    wave = _wave(engine, ["a@x.org", "b@x.org", None, "d@x.org"], csv_links=(1,))
    a, _b, c, d = _ids(engine, wave)
    with smtp_server() as (port, mailbox):
        report = _mail(engine, wave, port)
        assert sorted(report.sent) == [a, d]
        assert report.no_email == [c] and report.failed == {}
        links = mailbox.links()
        assert sorted(links) == ["a@x.org", "d@x.org"]
        assert all(link.startswith(f"{BASE}/survey/sv_") for link in links.values())
        assert mailbox.messages[0]["Subject"].startswith("Bevraging")
        assert _opens(engine, links["a@x.org"]) == a and _opens(engine, links["d@x.org"]) == d
        again = _mail(engine, wave, port)
        assert again.sent == [] and again.no_email == [c] and len(mailbox.messages) == 2
    with transaction(engine) as session:
        c_row = respondents_of(session, get_wave(session, wave))[2]
        assert c_row.token_hash is None and c_row.invited_at is None  # still due a CSV link


def test_reminders_replace_the_links_of_those_who_have_not_submitted(engine: Engine) -> None:
    wave = _wave(engine, ["a@x.org", "b@x.org", None])
    a, b, c = _ids(engine, wave)
    with transaction(engine) as session:
        c_link = issue_invitations(session, respondents_of(session, get_wave(session, wave))[2:])
        c_token = c_link[0].token  # c holds a link from a CSV and has no address
    with smtp_server() as (port, mailbox):
        first = _invite_all(engine, wave, mailbox, port)
        with transaction(engine) as session:
            respondents_of(session, get_wave(session, wave))[0].submitted_at = datetime.now(UTC)
        report = _mail(engine, wave, port, reminder=True)
        assert report.sent == [b] and report.no_email == [c]
        assert mailbox.messages[0]["Subject"].startswith("Herinnering")
        new = mailbox.links()["b@x.org"]
    assert _opens(engine, first["b@x.org"]) is None  # replaced
    assert _opens(engine, new) == b
    assert _opens(engine, first["a@x.org"]) == a  # submitted: not reminded, link unchanged
    assert _opens(engine, f"{BASE}/survey/{c_token}") == c  # no address: link kept


def test_without_mail_settings_nothing_changes(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    wave = _wave(engine, ["a@x.org", "b@x.org"])
    clear_smtp_environment(monkeypatch)
    before = _state(engine, wave)
    with transaction(engine) as session, pytest.raises(MailNotConfigured) as raised:
        mail_links(session, get_wave(session, wave), BASE)
    assert "QUADHELIX_SMTP_HOST" in str(raised.value)
    assert "QUADHELIX_SMTP_SENDER" in str(raised.value)
    assert _state(engine, wave) == before
    monkeypatch.setenv("QUADHELIX_SMTP_HOST", "mail.example.org")
    monkeypatch.setenv("QUADHELIX_SMTP_SENDER", "s@example.org")
    monkeypatch.setenv("QUADHELIX_SMTP_PORT", "many")
    with transaction(engine) as session, pytest.raises(MailNotConfigured) as raised:
        mail_links(session, get_wave(session, wave), BASE)
    assert "QUADHELIX_SMTP_PORT (" in str(raised.value)


def test_an_unreachable_server_leaves_every_link_as_it_was(engine: Engine) -> None:
    wave = _wave(engine, ["a@x.org", "b@x.org"])
    with smtp_server() as (port, mailbox):
        links = _invite_all(engine, wave, mailbox, port)
    before = _state(engine, wave)
    dead_port = _free_port()
    # The caller catches the error and commits, as the wave page does: the restored state is
    # what gets written.
    with transaction(engine) as session, pytest.raises(MailFailed) as raised:
        mail_links(
            session, get_wave(session, wave), BASE, reminder=True, settings=_settings(dead_port)
        )
    assert f"127.0.0.1:{dead_port}" in str(raised.value)
    assert _state(engine, wave) == before
    assert all(_opens(engine, link) is not None for link in links.values())


def test_a_refused_address_or_a_dropped_connection_keeps_those_links(engine: Engine) -> None:
    wave = _wave(engine, ["a@x.org", "b@x.org", "c@x.org", "d@x.org"])
    a, b, c, d = _ids(engine, wave)
    with smtp_server() as (port, mailbox):
        first = _invite_all(engine, wave, mailbox, port)
        mailbox.refuse = {"a@x.org"}
        mailbox.hang_up_after = 1  # b's reminder goes out, then the server falls over
        report = _mail(engine, wave, port, reminder=True)
        assert report.sent == [b]
        assert sorted(report.failed) == [a, c, d] and "a@x.org" in report.failed[a]
        second = mailbox.links()
    assert list(second) == ["b@x.org"]
    assert _opens(engine, first["b@x.org"]) is None and _opens(engine, second["b@x.org"]) == b
    for email, respondent in (("a@x.org", a), ("c@x.org", c), ("d@x.org", d)):
        assert _opens(engine, first[email]) == respondent


def test_a_closed_wave_mails_nothing(engine: Engine) -> None:
    wave = _wave(engine, ["a@x.org", "b@x.org"])
    with transaction(engine) as session:
        close_wave(session, get_wave(session, wave))
    with smtp_server() as (port, mailbox):
        with transaction(engine) as session, pytest.raises(WaveClosed, match="is closed"):
            mail_links(session, get_wave(session, wave), BASE, settings=_settings(port))
        assert mailbox.messages == []
    assert all(token is None for token, *_ in _state(engine, wave))
