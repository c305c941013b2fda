"""``/api/v1/surveys``: partner survey waves, their links, results and comparisons.

Everyone signed in reads aggregates (a member's score from a single rater is left out);
who rated whom (answers, disagreeing pairs, a respondent's export) needs the survey analyst
permission. Editors make waves, hand out (or mail) and revoke links, close waves and erase answers.
Survey data is never shown to anonymous visitors, even in public read-only mode.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response, status
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from quadhelix.accounts.model import User
from quadhelix.registry.errors import NotFound
from quadhelix.survey.answering import erase, own_answers
from quadhelix.survey.invitations import (
    links_csv,
    new_links,
    revoke,
)
from quadhelix.survey.mail import MailFailed, MailNotConfigured, mail_links
from quadhelix.survey.model import SurveyRespondent, SurveyWave
from quadhelix.survey.schemas import (
    RespondentPublic,
    RespondentUpdate,
    WaveCreate,
    WavePublic,
    WaveUpdate,
    answer_dict,
)
from quadhelix.survey.scoring import WaveScores, hide_small_cells, network
from quadhelix.survey.service import (
    check_closing_day,
    close_wave,
    compare_waves,
    create_wave,
    list_waves,
    respondents_of,
    update_wave,
    wave_data,
    wave_public,
    wave_results,
)
from quadhelix.web.api.common import (
    CHANGE,
    CREATE,
    READ,
    READ_ONE,
    Id,
    record,
    references,
)
from quadhelix.web.deps import (
    MAX_ID,
    CurrentUser,
    EditorUser,
    NotAllowed,
    SessionDep,
    public_base_url,
)
from quadhelix.web.problems import error_responses

router = APIRouter(prefix="/surveys", tags=["surveys"])
ANALYST = {**READ_ONE, **error_responses(403)}


def survey_analyst(user: CurrentUser) -> User:
    if not user.survey_analyst:
        raise NotAllowed("who rated whom needs the survey analyst permission")
    return user


AnalystUser = Annotated[User, Depends(survey_analyst)]


def _wave(session: SessionDep, wave_id: Id) -> SurveyWave:
    return record(session, SurveyWave, wave_id, "wave")


WaveDep = Annotated[SurveyWave, Depends(_wave)]


def _respondent(session: Session, wave: SurveyWave, respondent_id: int) -> SurveyRespondent:
    """A respondent of this wave only: another wave's id is as unknown as a made-up one."""
    found = record(session, SurveyRespondent, respondent_id, "respondent")
    if found.wave_id != wave.id:
        raise NotFound("respondent", respondent_id)
    return found


def respondent_public(r: SurveyRespondent) -> RespondentPublic:
    return RespondentPublic.model_validate({**vars(r), "actor": r.actor.name})


@router.get("", response_model=list[WavePublic], responses=READ, summary="List survey waves")
def list_surveys(
    session: SessionDep,
    _user: CurrentUser,
    coalition: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="Only this coalition's.")
    ] = None,
) -> list[WavePublic]:
    return [wave_public(session, w) for w in list_waves(session, coalition)]


@router.post(
    "",
    response_model=WavePublic,
    status_code=status.HTTP_201_CREATED,
    responses=CREATE,
    summary="Make a wave",
)
def add_survey(
    data: WaveCreate, request: Request, response: Response, session: SessionDep, _u: EditorUser
) -> WavePublic:
    """One respondent per member of the coalition (plus any ``actors``); no links yet. A closing
    day in the past is refused: nobody could answer."""
    check_closing_day(data.closes_on)
    with references():
        wave = create_wave(session, data)
    response.headers["Location"] = str(request.url_for("read_survey", wave_id=wave.id))
    return wave_public(session, wave)


@router.get("/compare", responses=READ_ONE, summary="Compare two waves")
def compare_surveys(
    session: SessionDep,
    _user: CurrentUser,
    before: Annotated[int, Query(ge=1, le=MAX_ID, description="One wave's id.")],
    after: Annotated[int, Query(ge=1, le=MAX_ID, description="The other wave's id.")],
) -> dict[str, Any]:
    """Later minus earlier for every headline score, and per member trust and value."""
    first = record(session, SurveyWave, before, "wave")
    second = record(session, SurveyWave, after, "wave")
    change = compare_waves(session, first, second)
    return {
        "before": change.before,
        "after": change.after,
        "change": change.changes,
        "actors": [vars(a) for a in change.actors],
    }


@router.get("/{wave_id}", response_model=WavePublic, responses=READ_ONE, summary="Read a wave")
def read_survey(wave: WaveDep, session: SessionDep, _user: CurrentUser) -> WavePublic:
    return wave_public(session, wave)


@router.patch("/{wave_id}", response_model=WavePublic, responses=CHANGE, summary="Change a wave")
def change_survey(
    wave: WaveDep, data: WaveUpdate, session: SessionDep, _u: EditorUser
) -> WavePublic:
    """Dates, title, consent text; the questions only until someone has answered. A new
    closing day may not lie in the past (the wave would close the moment it changed)."""
    if data.closes_on is not None and data.closes_on != wave.closes_on:
        check_closing_day(data.closes_on)  # a client may send the whole wave back unchanged
    return wave_public(session, update_wave(session, wave, data))


@router.post("/{wave_id}/close", response_model=WavePublic, responses=CHANGE, summary="Close")
def close_survey(wave: WaveDep, session: SessionDep, _u: EditorUser) -> WavePublic:
    """Stop taking answers; the submitted answers become survey ties in the registry."""
    close_wave(session, wave)
    return wave_public(session, wave)


@router.get(
    "/{wave_id}/respondents",
    response_model=list[RespondentPublic],
    responses={**READ_ONE, **error_responses(403)},
    summary="Respondents and where they stand",
)
def list_respondents(wave: WaveDep, session: SessionDep, _u: EditorUser) -> list[RespondentPublic]:
    return [respondent_public(r) for r in respondents_of(session, wave)]


@router.patch(
    "/{wave_id}/respondents/{respondent_id}",
    response_model=RespondentPublic,
    responses=CHANGE,
    summary="Set a respondent's contact",
)
def change_respondent(
    wave: WaveDep, respondent_id: Id, data: RespondentUpdate, session: SessionDep, _u: EditorUser
) -> RespondentPublic:
    respondent = _respondent(session, wave, respondent_id)
    for key, value in data.model_dump(exclude_unset=True).items():
        setattr(respondent, key, value)
    session.flush()
    return respondent_public(respondent)


class LinksRequest(BaseModel):
    reissue: bool = Field(default=False, description="Replace links already handed out too.")
    reminder: bool = Field(
        default=False, description="New links for invited respondents who have not submitted."
    )
    format: Literal["json", "csv"] = "json"


@router.post("/{wave_id}/links", responses=CHANGE, summary="Issue invitation links")
def issue_links(
    wave: WaveDep, data: LinksRequest, request: Request, session: SessionDep, _u: EditorUser
) -> Any:
    """The links exist only in this answer (kept as digests): store or send them now."""
    respondents = respondents_of(session, wave)
    invitations = new_links(
        session, wave, respondents, reminder=data.reminder, reissue=data.reissue
    )
    base = public_base_url(request)
    if data.format == "csv":
        return Response(links_csv(invitations, base), media_type="text/csv; charset=utf-8")
    return [
        {"respondent_id": i.respondent.id, "actor_id": i.respondent.actor_id, "link": i.link(base)}
        for i in invitations
    ]


class MailReport(BaseModel):
    """What a mailing did, by respondent id; the links themselves went only into the mails."""

    sent: list[int] = Field(description="Respondents mailed a new link.")
    no_email: list[int] = Field(description="Respondents due a mail but without an address.")
    failed: dict[int, str] = Field(
        description="Addresses the server refused: those respondents keep the link they had."
    )


MAIL_ERRORS = {**CHANGE, **error_responses(502, 503)}


def _mail(wave: SurveyWave, request: Request, session: Session, reminder: bool) -> MailReport:
    """503 without mail settings, 502 when the server fails; both change no link."""
    try:
        report = mail_links(session, wave, public_base_url(request), reminder=reminder)
    except MailNotConfigured as error:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, str(error)) from None
    except MailFailed as error:
        raise HTTPException(status.HTTP_502_BAD_GATEWAY, str(error)) from None
    return MailReport(sent=report.sent, no_email=report.no_email, failed=report.failed)


@router.post(
    "/{wave_id}/send-invitations",
    response_model=MailReport,
    responses=MAIL_ERRORS,
    summary="Mail invitations",
)
def send_invitations(
    wave: WaveDep, request: Request, session: SessionDep, _u: EditorUser
) -> MailReport:
    """A link by e-mail to each respondent with an address and no link yet (``QUADHELIX_SMTP_*``
    settings of the server); a closed wave is refused (409)."""
    return _mail(wave, request, session, reminder=False)


@router.post(
    "/{wave_id}/send-reminders",
    response_model=MailReport,
    responses=MAIL_ERRORS,
    summary="Mail reminders",
)
def send_reminders(
    wave: WaveDep, request: Request, session: SessionDep, _u: EditorUser
) -> MailReport:
    """A new link by e-mail to invited respondents who have not submitted; their old link stops
    working (saved answers stay). Whoever's mail fails keeps the old link."""
    return _mail(wave, request, session, reminder=True)


@router.post(
    "/{wave_id}/respondents/{respondent_id}/revoke",
    response_model=RespondentPublic,
    responses=CHANGE,
    summary="Withdraw a link",
)
def revoke_link(
    wave: WaveDep, respondent_id: Id, session: SessionDep, _u: EditorUser
) -> RespondentPublic:
    respondent = _respondent(session, wave, respondent_id)
    revoke(session, respondent)
    return respondent_public(respondent)


@router.delete(
    "/{wave_id}/respondents/{respondent_id}/answers",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=CHANGE,
    summary="Erase a respondent's answers (GDPR)",
)
def erase_answers(wave: WaveDep, respondent_id: Id, session: SessionDep, _u: EditorUser) -> None:
    """Answers and contact details go; a closed wave's survey ties are redone without them."""
    erase(session, _respondent(session, wave, respondent_id))


@router.get(
    "/{wave_id}/respondents/{respondent_id}/export",
    responses=ANALYST,
    summary="Everything stored about a respondent (GDPR)",
)
def export_respondent(
    wave: WaveDep, respondent_id: Id, session: SessionDep, _a: AnalystUser
) -> dict[str, Any]:
    return own_answers(_respondent(session, wave, respondent_id))


def visible_results(scores: WaveScores, user: User) -> dict[str, Any]:
    """Aggregates for everyone; single-rater scores and pairs only for survey analysts."""
    if user.survey_analyst:
        return scores.as_dict(pairwise=True)
    return hide_small_cells(scores).as_dict(pairwise=False)


@router.get("/{wave_id}/results", responses=READ_ONE, summary="Scores of a wave")
def survey_results(wave: WaveDep, session: SessionDep, user: CurrentUser) -> dict[str, Any]:
    """Trust and value per member (with rater counts) and of the coalition, density per level,
    centralisation, reciprocity, disagreements, response rate (docs/survey.md)."""
    return {
        "wave_id": wave.id,
        "status": wave.status.value,
        **visible_results(wave_results(session, wave), user),
    }


@router.get("/{wave_id}/network", responses=READ_ONE, summary="The wave's network")
def survey_network(wave: WaveDep, session: SessionDep, user: CurrentUser) -> dict[str, Any]:
    """Members coloured by the trust they received, pairs by their level (for the map)."""
    data = wave_data(session, wave)
    scores = wave_results(session, wave)
    return network(data, scores if user.survey_analyst else hide_small_cells(scores))


@router.get("/{wave_id}/answers", responses=ANALYST, summary="Who rated whom")
def survey_answers(wave: WaveDep, session: SessionDep, _a: AnalystUser) -> list[dict[str, Any]]:
    """Every relationship answer with its rater: survey analysts only."""
    answers = []
    for respondent in respondents_of(session, wave):
        for answer in respondent.answers:
            answers.append(
                {
                    "rater_actor_id": respondent.actor_id,
                    "submitted": respondent.submitted_at is not None,
                    **answer_dict(answer),
                }
            )
    return answers
