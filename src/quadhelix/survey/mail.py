"""Sending invitation links and reminders by e-mail through a configured SMTP server.

Optional: links can always be exported as CSV for a mail merge instead. Settings come from
``QUADHELIX_SMTP_*`` environment variables (or arguments); nothing is read at import time.
``mail_links`` is what the CLI, the pages and the API call: a respondent ends up either with a
new link in their mailbox or exactly as before (a reminder that could not be sent must not have
killed the link they hold).
"""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from typing import Literal

from pydantic import Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy import select
from sqlalchemy.orm import Session

from quadhelix.registry.errors import QuadhelixError
from quadhelix.survey.invitations import (
    Invitation,
    WaveClosed,
    issue_invitations,
    issue_reminders,
    needs_invitation,
    needs_reminder,
)
from quadhelix.survey.model import SurveyRespondent, SurveyWave
from quadhelix.survey.questions import WaveStatus
from quadhelix.survey.service import respondents_of

ENV_PREFIX = "QUADHELIX_SMTP_"


class SmtpSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="forbid", frozen=True)

    host: str = Field(description="SMTP server name.")
    port: int = Field(default=587, ge=1, le=65535)
    security: Literal["starttls", "ssl", "none"] = Field(
        default="starttls", description="starttls (port 587), ssl (port 465) or none (local)."
    )
    username: str | None = None
    password: SecretStr | None = None
    sender: str = Field(description="From address, e.g. 'Stad Gent <samenwerken@stad.gent>'.")
    timeout: float = Field(default=30.0, gt=0)

    @property
    def server(self) -> str:
        return f"{self.host}:{self.port}"


class MailNotConfigured(QuadhelixError):
    """The ``QUADHELIX_SMTP_*`` settings are missing or invalid; nothing was sent or changed."""

    def __init__(self, variables: str) -> None:
        super().__init__(
            template="no mail server is configured: set %(variables)s", variables=variables
        )


class MailFailed(QuadhelixError):
    """The server could not be reached or refused every message; no link was changed."""

    def __init__(self, server: str, reason: str) -> None:
        super().__init__(
            template="the mail server %(server)s could not send (%(reason)s); no link was changed",
            server=server,
            reason=reason,
        )


def smtp_settings() -> SmtpSettings:
    """The SMTP settings from the environment, read when asked (CLI, pages and API alike)."""
    try:
        return SmtpSettings()  # fields come from the environment
    except ValidationError as error:
        names = []
        for problem in error.errors():
            name = ENV_PREFIX + str(problem["loc"][0]).upper()
            names.append(name if problem["type"] == "missing" else f"{name} ({problem['msg']})")
        raise MailNotConfigured(", ".join(names)) from None


_TEXT = {
    "nl": (
        "Beste {name},\n\n"
        "{org} neemt deel aan {title}. We vragen je hoe de samenwerking met de andere partners "
        "verloopt. Je antwoorden worden bewaard terwijl je invult.\n\n"
        "Je persoonlijke link (deel die niet): {link}\n\n"
        "De bevraging loopt tot {closes}.\n"
    ),
    "en": (
        "Dear {name},\n\n"
        "{org} takes part in {title}. We ask you how working with the other partners goes. "
        "Your answers are saved as you go.\n\n"
        "Your personal link (do not share it): {link}\n\n"
        "The survey is open until {closes}.\n"
    ),
}
_SUBJECT = {
    "nl": ("Bevraging: {title}", "Herinnering – bevraging: {title}"),
    "en": ("Survey: {title}", "Reminder – survey: {title}"),
}


def invitation_message(
    wave: SurveyWave, invitation: Invitation, base_url: str, sender: str, reminder: bool
) -> EmailMessage:
    respondent = invitation.respondent
    language = wave.language if wave.language in _TEXT else "en"
    message = EmailMessage()
    message["From"] = sender
    message["To"] = respondent.email or ""
    message["Subject"] = _SUBJECT[language][int(reminder)].format(title=wave.title)
    message.set_content(
        _TEXT[language].format(
            name=respondent.contact_name or respondent.actor.name,
            org=respondent.actor.name,
            title=wave.title,
            link=invitation.link(base_url),
            closes=wave.closes_on.isoformat(),
        )
    )
    return message


@dataclass
class SendReport:
    """What happened, by respondent id; ``mailed`` holds the invitations that went out."""

    sent: list[int] = field(default_factory=list)
    no_email: list[int] = field(default_factory=list)
    failed: dict[int, str] = field(default_factory=dict)
    mailed: list[Invitation] = field(default_factory=list)


def _connect(settings: SmtpSettings) -> smtplib.SMTP:
    if settings.security == "ssl":
        return smtplib.SMTP_SSL(
            settings.host,
            settings.port,
            timeout=settings.timeout,
            context=ssl.create_default_context(),
        )
    client = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
    if settings.security == "starttls":
        client.starttls(context=ssl.create_default_context())
    return client


def _open(settings: SmtpSettings) -> smtplib.SMTP:
    try:
        client = _connect(settings)
        if settings.username and settings.password:
            client.login(settings.username, settings.password.get_secret_value())
    except (OSError, smtplib.SMTPException) as error:
        raise MailFailed(settings.server, str(error) or type(error).__name__) from None
    return client


def _close(client: smtplib.SMTP) -> None:
    try:
        client.quit()
    except (OSError, smtplib.SMTPException):  # the messages are out; a failed goodbye is not news
        client.close()


def send_invitations(
    settings: SmtpSettings,
    wave: SurveyWave,
    invitations: Sequence[Invitation],
    base_url: str,
    *,
    reminder: bool = False,
) -> SendReport:
    """Mail each invitation over one SMTP connection; report by respondent id what happened.

    A refused address fails that message only; a broken connection fails it and all after it.
    Raises ``MailFailed`` when the server cannot be reached or nothing could be sent.
    """
    report = SendReport()
    to_send = [i for i in invitations if i.respondent.email]
    report.no_email = [i.respondent.id for i in invitations if not i.respondent.email]
    if not to_send:
        return report
    client = _open(settings)
    broken: str | None = None
    try:
        for invitation in to_send:
            respondent_id = invitation.respondent.id
            if broken is not None:
                report.failed[respondent_id] = broken
                continue
            message = invitation_message(wave, invitation, base_url, settings.sender, reminder)
            try:
                client.send_message(message)
            except smtplib.SMTPRecipientsRefused as error:
                report.failed[respondent_id] = str(error.recipients)
            except (OSError, smtplib.SMTPException) as error:
                broken = str(error) or type(error).__name__
                report.failed[respondent_id] = broken
            else:
                report.sent.append(respondent_id)
                report.mailed.append(invitation)
    finally:
        _close(client)
    if broken is not None and not report.sent:
        raise MailFailed(settings.server, broken)
    return report


@dataclass(frozen=True)
class _LinkState:
    """A respondent's link columns before a mailing, to put back if their mail fails."""

    token_hash: str | None
    invited_at: datetime | None
    reminded_at: datetime | None
    revoked_at: datetime | None

    @classmethod
    def of(cls, r: SurveyRespondent) -> _LinkState:
        return cls(r.token_hash, r.invited_at, r.reminded_at, r.revoked_at)

    def restore(self, r: SurveyRespondent) -> None:
        r.token_hash, r.invited_at = self.token_hash, self.invited_at
        r.reminded_at, r.revoked_at = self.reminded_at, self.revoked_at


def _locked_respondents(session: Session, wave: SurveyWave) -> list[SurveyRespondent]:
    """The wave and its roster, locked (PostgreSQL) and re-read: two editors pressing "send" at
    once mail each respondent once."""
    session.scalars(
        select(SurveyWave)
        .where(SurveyWave.id == wave.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).one()
    return respondents_of(session, wave, lock=True)


def due_mail(
    respondents: Sequence[SurveyRespondent], *, reminder: bool = False, reissue: bool = False
) -> list[SurveyRespondent]:
    """Who a mailing is for: without an address they are listed, not mailed."""
    if reminder:
        return [r for r in respondents if needs_reminder(r)]
    return [r for r in respondents if needs_invitation(r, reissue=reissue)]


def mail_links(
    session: Session,
    wave: SurveyWave,
    base_url: str,
    *,
    reminder: bool = False,
    reissue: bool = False,
    settings: SmtpSettings | None = None,
) -> SendReport:
    """Mail invitations (to respondents with an address and no link yet) or reminders (a new
    link to invited respondents who have not submitted; the old link stops working).

    ``reissue`` mails new invitations to everyone with an address (as ``invite --reissue``).
    Respondents without an address are listed, not given a link. Whoever's mail fails keeps the
    link they had; ``MailNotConfigured``, ``MailFailed`` and ``WaveClosed`` change nothing.
    Settings default to the environment (``smtp_settings``).
    """
    respondents = _locked_respondents(session, wave)  # and the wave re-read, as it is now
    if wave.status == WaveStatus.CLOSED:
        raise WaveClosed(wave.id)
    settings = settings or smtp_settings()
    due = due_mail(respondents, reminder=reminder, reissue=reissue)
    addressed = [r for r in due if r.email]
    before = {r.id: _LinkState.of(r) for r in addressed}
    # Issuing flushes, which on SQLite takes the write lock before any mail goes out.
    if reminder:
        invitations = issue_reminders(session, addressed)
    else:
        invitations = issue_invitations(session, addressed, reissue=reissue)
    try:
        report = send_invitations(settings, wave, invitations, base_url, reminder=reminder)
    except MailFailed:
        for r in addressed:
            before[r.id].restore(r)
        session.flush()
        raise
    for r in addressed:
        if r.id in report.failed:
            before[r.id].restore(r)
    session.flush()
    report.no_email = [r.id for r in due if not r.email]
    return report
