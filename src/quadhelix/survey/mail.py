"""Sending invitation links and reminders by e-mail through a configured SMTP server.

Optional: links can always be exported as CSV for a mail merge instead. Settings come from
``QUADHELIX_SMTP_*`` environment variables (or arguments); nothing is read at import time.
"""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Sequence
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from quadhelix.survey.invitations import Invitation
from quadhelix.survey.model import SurveyWave


class SmtpSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="QUADHELIX_SMTP_", extra="forbid", frozen=True)

    host: str = Field(description="SMTP server name.")
    port: int = Field(default=587, ge=1, le=65535)
    security: Literal["starttls", "ssl", "none"] = Field(
        default="starttls", description="starttls (port 587), ssl (port 465) or none (local)."
    )
    username: str | None = None
    password: SecretStr | None = None
    sender: str = Field(description="From address, e.g. 'Stad Gent <samenwerken@stad.gent>'.")
    timeout: float = Field(default=30.0, gt=0)


_TEXT = {
    "nl": (
        "Beste {name},\n\n"
        "{org} neemt deel aan {title}. We vragen u hoe de samenwerking met de andere partners "
        "verloopt. Uw antwoorden worden bewaard terwijl u invult.\n\n"
        "Uw persoonlijke link (deel die niet): {link}\n\n"
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
    sent: list[int] = field(default_factory=list)
    no_email: list[int] = field(default_factory=list)
    failed: dict[int, str] = field(default_factory=dict)


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


def send_invitations(
    settings: SmtpSettings,
    wave: SurveyWave,
    invitations: Sequence[Invitation],
    base_url: str,
    *,
    reminder: bool = False,
) -> SendReport:
    """Mail each invitation over one SMTP connection; report by respondent id what happened."""
    report = SendReport()
    to_send = [i for i in invitations if i.respondent.email]
    report.no_email = [i.respondent.id for i in invitations if not i.respondent.email]
    if not to_send:
        return report
    with _connect(settings) as client:
        if settings.username and settings.password:
            client.login(settings.username, settings.password.get_secret_value())
        for invitation in to_send:
            message = invitation_message(wave, invitation, base_url, settings.sender, reminder)
            try:
                client.send_message(message)
            except smtplib.SMTPRecipientsRefused as error:
                report.failed[invitation.respondent.id] = str(error.recipients)
            else:
                report.sent.append(invitation.respondent.id)
    return report
