"""Invitation links: one unguessable token per respondent, kept only as its SHA-256 digest.

A token opens one respondent's answers in one wave and nothing else. Because only the digest is
stored, a link cannot be shown twice: inviting again, or reminding, issues a new token and the
old link stops working (saved answers stay). Revoking clears the digest at once.
"""

from __future__ import annotations

import csv
import hashlib
import io
import secrets
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from quadhelix.registry.errors import Conflict, NotFound
from quadhelix.registry.model import utcnow
from quadhelix.survey.model import SurveyRespondent, SurveyWave
from quadhelix.survey.questions import WaveStatus

TOKEN_PREFIX = "sv_"  # noqa: S105  (a visible marker, not a secret)
TOKEN_BYTES = 32  # 256 bits: guessing one of a few thousand live links is hopeless
LINK_PATH = "/survey/"


class LinkInvalid(NotFound):
    """A survey link that is unknown, replaced by a newer one, or withdrawn."""

    def __init__(self) -> None:
        super().__init__("survey link", "(not shown)")

    def __str__(self) -> str:
        return "survey link not found: it is mistyped, was replaced by a newer one, or withdrawn"


class WaveClosed(Conflict):
    """A closed wave takes no answers, so mailing links for it would only mislead."""

    def __init__(self, wave_id: int) -> None:
        super().__init__(
            template="wave #%(id)s is closed: invitations and reminders can no longer be sent",
            id=wave_id,
        )


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class Invitation:
    """A respondent with their freshly issued token (the only time it exists in full)."""

    respondent: SurveyRespondent
    token: str

    def link(self, base_url: str) -> str:
        return base_url.rstrip("/") + LINK_PATH + self.token


def issue_token(respondent: SurveyRespondent) -> Invitation:
    token = TOKEN_PREFIX + secrets.token_urlsafe(TOKEN_BYTES)
    respondent.token_hash = digest(token)
    respondent.revoked_at = None
    return Invitation(respondent, token)


def needs_invitation(respondent: SurveyRespondent, *, reissue: bool = False) -> bool:
    """No link yet, not submitted and not revoked (anyone with ``reissue``)."""
    if reissue:
        return True
    return (
        respondent.submitted_at is None
        and respondent.token_hash is None
        and respondent.revoked_at is None
    )


def needs_reminder(respondent: SurveyRespondent) -> bool:
    """Invited, and neither submitted nor revoked."""
    return (
        respondent.invited_at is not None
        and respondent.submitted_at is None
        and respondent.revoked_at is None
    )


def issue_invitations(
    session: Session, respondents: Sequence[SurveyRespondent], *, reissue: bool = False
) -> list[Invitation]:
    """Tokens for respondents who have none yet (all of them with ``reissue``).

    Respondents who already submitted, or whose link was revoked, are skipped unless reissued.
    """
    now = utcnow()
    issued = []
    for respondent in respondents:
        if not needs_invitation(respondent, reissue=reissue):
            continue
        issued.append(issue_token(respondent))
        respondent.invited_at = now
    session.flush()
    return issued


def respondent_for_token(session: Session, token: str) -> SurveyRespondent:
    """The respondent a link belongs to; any unknown, replaced or revoked token is refused."""
    if not token.startswith(TOKEN_PREFIX) or len(token) > 100:
        raise LinkInvalid
    respondent = session.scalar(
        select(SurveyRespondent).where(SurveyRespondent.token_hash == digest(token))
    )
    if respondent is None or respondent.revoked_at is not None:
        raise LinkInvalid
    return respondent


def revoke(session: Session, respondent: SurveyRespondent) -> None:
    """Withdraw a respondent's link at once; answers already saved are kept."""
    respondent.token_hash = None
    respondent.revoked_at = utcnow()
    session.flush()


def links_csv(invitations: Sequence[Invitation], base_url: str) -> str:
    """One row per invitation, for a mail merge: who, for which member, and the link."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["wave_id", "actor_id", "actor", "contact_name", "email", "link"])
    for invitation in invitations:
        r = invitation.respondent
        writer.writerow(
            [
                r.wave_id,
                r.actor_id,
                r.actor.name,
                r.contact_name or "",
                r.email or "",
                invitation.link(base_url),
            ]
        )
    return out.getvalue()


def issue_reminders(session: Session, respondents: Sequence[SurveyRespondent]) -> list[Invitation]:
    """New links for invited respondents who have not submitted (their old link stops working,
    their saved answers stay); revoked respondents get none."""
    now = utcnow()
    issued = []
    for respondent in respondents:
        if not needs_reminder(respondent):
            continue
        issued.append(issue_token(respondent))
        respondent.reminded_at = now
    session.flush()
    return issued


def new_links(
    session: Session,
    wave: SurveyWave,
    respondents: Sequence[SurveyRespondent],
    *,
    reminder: bool = False,
    reissue: bool = False,
) -> list[Invitation]:
    """Links to hand out yourself (CSV, table): invitations, or reminders that replace the link
    of who has not submitted. A closed wave gets none: its links would open a closed form."""
    if wave.status == WaveStatus.CLOSED:
        raise WaveClosed(wave.id)
    if reminder:
        return issue_reminders(session, respondents)
    return issue_invitations(session, respondents, reissue=reissue)
