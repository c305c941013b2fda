"""Survey pages for signed-in users: waves, a wave's results (charts and the network coloured by
trust), comparison of two waves; editors make, hand out (CSV or e-mail) and close waves.

Like the API, these pages show aggregates to everyone signed in and who rated whom only to
survey analysts (``docs/survey.md``); anonymous visitors never see survey data.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from quadhelix.accounts.model import Role, User
from quadhelix.registry.errors import InvalidValue, QuadhelixError
from quadhelix.registry.model import Coalition
from quadhelix.survey.invitations import links_csv, new_links
from quadhelix.survey.mail import MailFailed, MailNotConfigured, due_mail, mail_links
from quadhelix.survey.model import SurveyRespondent
from quadhelix.survey.questions import QuestionBank
from quadhelix.survey.schemas import WaveCreate
from quadhelix.survey.scoring import WaveScores, hide_small_cells
from quadhelix.survey.service import (
    check_closing_day,
    close_wave,
    compare_waves,
    create_wave,
    get_wave,
    list_waves,
    respondents_of,
    surveyable_coalition,
    surveyable_coalitions,
    wave_phase,
    wave_public,
    wave_results,
)
from quadhelix.web.charts import bars
from quadhelix.web.deps import MAX_ID, CheckedForm, CurrentUser, SessionDep, public_base_url
from quadhelix.web.messages import message_of, reason_of
from quadhelix.web.pages.forms import FormErrors, form_errors, form_values
from quadhelix.web.pages.rendering import EditorView, PublicView, View
from quadhelix.web.translations import N_

log = logging.getLogger(__name__)
router = APIRouter()
MAX_CHOICES = 300  # coalitions in the new wave's list; beyond that, a text field
WaveId = Annotated[int, Path(ge=1, le=MAX_ID)]
LEVEL_LABELS = {
    "awareness": N_("Awareness"),
    "cooperation": N_("Cooperation"),
    "coordination": N_("Coordination"),
    "integration": N_("Integration"),
}
# The domain's refusal of a closed wave, shown translated on the error page.
WAVE_CLOSED = N_("wave #%(id)s is closed: invitations and reminders can no longer be sent")
MailKind = Literal["invitations", "reminders"]
MAX_NAMED = 50  # respondents named after a mailing that failed for them; the rest are counted
MailError = Literal["not_configured", "failed"]


def member_view(view: PublicView, _user: CurrentUser) -> View:
    """Survey pages need a signed-in user, even when the registry is public."""
    return view


MemberView = Annotated[View, Depends(member_view)]


def _may_edit(view: View) -> bool:
    role = view.principal.role
    return role is not None and role.allows(Role.EDITOR)


def _visible(scores: WaveScores, user: User) -> WaveScores:
    return scores if user.survey_analyst else hide_small_cells(scores)


def _choices(session: Session) -> list[tuple[str, str]] | None:
    """The coalitions to choose from, or None when there are too many for a list (after a large
    import): the page then asks for a name, #id or external id instead."""
    found = surveyable_coalitions(session, limit=MAX_CHOICES + 1)
    if len(found) > MAX_CHOICES:
        return None
    return [(str(id_), name) for id_, name in found]


def _list_page(
    view: View,
    session: Session,
    coalition: int | None,
    chosen: str = "",
    errors: FormErrors | None = None,
) -> HTMLResponse:
    wave_rows = list_waves(session, coalition)
    waves = [wave_public(session, w) for w in wave_rows]
    wanted = {w.coalition_id for w in waves if w.coalition_id}
    rows = session.execute(select(Coalition.id, Coalition.name).where(Coalition.id.in_(wanted)))
    names: dict[int, str] = dict(rows.all())
    errors = errors or FormErrors()
    return view.render(
        "survey/list.html",
        status_code=errors.status if errors else 200,
        waves=waves,
        phases={w.id: wave_phase(w) for w in wave_rows},
        names=names,
        coalition=coalition,
        choices=_choices(session) if _may_edit(view) else [],
        chosen=chosen or (str(coalition) if coalition else ""),
        errors=errors,
    )


@router.get("/surveys")
def survey_list(
    view: MemberView,
    session: SessionDep,
    coalition: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
) -> HTMLResponse:
    return _list_page(view, session, coalition)


@router.get("/surveys/new")
def new_survey_form(
    view: EditorView,
    session: SessionDep,
    coalition: Annotated[str, Query(max_length=300)] = "",
) -> HTMLResponse:
    """Make a wave for a coalition: its members become the respondents. Without a coalition
    that can be surveyed, the list page's choice comes back with the reason."""
    try:
        found = surveyable_coalition(session, coalition)
    except QuadhelixError as error:
        return _list_page(view, session, None, coalition, _coalition_error(error))
    today = date.today()
    values = {
        "coalition": str(found.id),
        "title": f"{found.name} {today.year}",
        "opens_on": today.isoformat(),
        "closes_on": (today + timedelta(days=28)).isoformat(),
        "language": view.language,
    }
    return view.render("survey/new.html", coalition=found, values=values, errors=FormErrors())


def _coalition_error(error: QuadhelixError) -> FormErrors:
    """A coalition that cannot be surveyed, as a message on the list page's choice."""
    if isinstance(error, InvalidValue):
        return FormErrors({"coalition": reason_of(error)})
    return FormErrors({"coalition": message_of(error)})


@router.post("/surveys")
def create_survey(view: EditorView, session: SessionDep, form: CheckedForm) -> Response:
    values = form_values(form)
    try:
        found = surveyable_coalition(session, values.get("coalition") or "")
    except QuadhelixError as error:
        chosen = values.get("coalition") or ""
        return _list_page(view, session, None, chosen, _coalition_error(error))
    data = {k: v or None for k, v in values.items()}
    data.setdefault("opens_on", None)  # a missing date is refused like an empty one
    data.setdefault("closes_on", None)
    try:
        checked = WaveCreate.model_validate(data)
        check_closing_day(checked.closes_on)
        wave = create_wave(session, checked)
    except (QuadhelixError, ValidationError) as error:
        return view.render(
            "survey/new.html",
            status_code=422,
            coalition=found,
            values=values,
            errors=form_errors(error),
        )
    return RedirectResponse(f"/surveys/{wave.id}", status_code=303)


@router.post("/surveys/{wave_id}/close")
def close_survey(
    _view: EditorView, session: SessionDep, wave_id: WaveId, _form: CheckedForm
) -> Response:
    close_wave(session, get_wave(session, wave_id))
    return RedirectResponse(f"/surveys/{wave_id}", status_code=303)


@router.post("/surveys/{wave_id}/links")
def download_links(
    view: EditorView, session: SessionDep, wave_id: WaveId, form: CheckedForm
) -> Response:
    """A CSV of new links for a mail merge; only respondents without a link get one (or all,
    when 'replace' is ticked)."""
    wave = get_wave(session, wave_id)
    reissue = form.get("reissue") == "1"
    invitations = new_links(session, wave, respondents_of(session, wave), reissue=reissue)
    base = public_base_url(view.request)
    return Response(
        links_csv(invitations, base),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="survey-{wave.id}-links.csv"'},
    )


def _send_by_mail(view: View, session: Session, wave_id: int, kind: MailKind) -> Response:
    """Mail, then redirect to the wave page with the outcome in the query (POST-redirect-GET).

    Only counts, a few respondent ids and an error code travel in the URL, never a link or a
    server message; the page looks names up again, and finds who has no address from the
    respondents as they now stand (a mailing leaves them as they were)."""
    wave = get_wave(session, wave_id)
    outcome: dict[str, str | int] = {"mailed": kind}
    try:
        base = public_base_url(view.request)
        report = mail_links(session, wave, base, reminder=kind == "reminders")
    except MailNotConfigured as error:
        log.warning("survey mail for wave #%s: %s", wave_id, error)
        outcome["mail_error"] = "not_configured"
    except MailFailed as error:
        log.warning("survey mail for wave #%s: %s", wave_id, error)
        outcome["mail_error"] = "failed"
    else:
        outcome["sent"] = len(report.sent)
        if report.failed:
            outcome["failed"] = len(report.failed)
            outcome["refused"] = ",".join(map(str, list(report.failed)[:MAX_NAMED]))
    return RedirectResponse(f"/surveys/{wave_id}?{urlencode(outcome)}#mail-result", 303)


@router.post("/surveys/{wave_id}/send-invitations")
def send_invitations_page(
    view: EditorView, session: SessionDep, wave_id: WaveId, _form: CheckedForm
) -> Response:
    """Invitations by e-mail to respondents with an address and no link yet."""
    return _send_by_mail(view, session, wave_id, "invitations")


@router.post("/surveys/{wave_id}/send-reminders")
def send_reminders_page(
    view: EditorView, session: SessionDep, wave_id: WaveId, _form: CheckedForm
) -> Response:
    """Reminders by e-mail: a new link to those who have not submitted (the old one dies)."""
    return _send_by_mail(view, session, wave_id, "reminders")


@dataclass(frozen=True)
class MailOutcome:
    """The result of a mailing as the wave page shows it after the redirect."""

    kind: MailKind
    error: MailError | None
    sent: int
    no_email: list[str]
    failed: int
    refused: list[str]


def _mail_outcome(
    kind: MailKind | None,
    error: MailError | None,
    counts: tuple[int | None, int | None],
    refused: str | None,
    respondents: list[SurveyRespondent],
) -> MailOutcome | None:
    if kind is None or not respondents:
        return None
    sent, failed = counts
    named = {int(x) for x in (refused or "").split(",")[:MAX_NAMED] if x.isdigit() and len(x) < 10}
    due = due_mail(respondents, reminder=kind == "reminders")
    return MailOutcome(
        kind,
        error,
        sent or 0,
        [r.actor.name for r in due if not r.email],
        failed or 0,
        [r.actor.name for r in respondents if r.id in named],
    )


@router.get("/surveys/compare")
def compare_page(
    view: MemberView,
    session: SessionDep,
    user: CurrentUser,
    before: Annotated[int, Query(ge=1, le=MAX_ID)],
    after: Annotated[int, Query(ge=1, le=MAX_ID)],
) -> HTMLResponse:
    first, second = get_wave(session, before), get_wave(session, after)
    if (second.opens_on, second.id) < (first.opens_on, first.id):
        first, second = second, first
    change = compare_waves(session, first, second)
    if not user.survey_analyst:
        hidden_before = hide_small_cells(wave_results(session, first))
        hidden_after = hide_small_cells(wave_results(session, second))
        shown = {a.actor_id: a for a in hidden_after.actors}
        kept = {a.actor_id: a for a in hidden_before.actors}
        actors = [
            (
                a.name,
                kept[a.actor_id].trust,
                shown[a.actor_id].trust,
                kept[a.actor_id].value,
                shown[a.actor_id].value,
            )
            for a in change.actors
        ]
    else:
        actors = [
            (a.name, a.trust_before, a.trust_after, a.value_before, a.value_after)
            for a in change.actors
        ]
    return view.render(
        "survey/compare.html", first=first, second=second, change=change, actors=actors
    )


def _trust_bars(scores: WaveScores, field: str) -> list[Any]:
    rated = [(a.name, getattr(a, field), "") for a in scores.actors]
    return bars([(n, v, c) for n, v, c in rated if v is not None], maximum=4.0)


@router.get("/surveys/{wave_id}")
def survey_results_page(
    view: MemberView,
    session: SessionDep,
    user: CurrentUser,
    wave_id: WaveId,
    mailed: MailKind | None = None,
    mail_error: MailError | None = None,
    sent: Annotated[int | None, Query(ge=0, le=MAX_ID)] = None,
    failed: Annotated[int | None, Query(ge=0, le=MAX_ID)] = None,
    refused: Annotated[str | None, Query(max_length=MAX_NAMED * 11)] = None,
) -> HTMLResponse:
    wave = get_wave(session, wave_id)
    respondents = respondents_of(session, wave) if _may_edit(view) else []
    scores = _visible(wave_results(session, wave), user)
    names = {a.actor_id: a.name for a in scores.actors}
    others = [w for w in list_waves(session, wave.coalition_id) if w.id != wave.id]
    bank = QuestionBank.model_validate(wave.questions)
    return view.render(
        "survey/results.html",
        wave=wave,
        phase=wave_phase(wave),
        level_names={level: text.text(view.language) for level, text in bank.levels.items()},
        public=wave_public(session, wave),
        scores=scores,
        names=names,
        analyst=user.survey_analyst,
        trust_bars=_trust_bars(scores, "trust"),
        value_bars=_trust_bars(scores, "value"),
        density_bars=bars(
            [
                (view.gettext(text), scores.density[level] or 0.0, "")
                for level, text in LEVEL_LABELS.items()
            ],
            maximum=1.0,
        ),
        respondents=respondents,
        others=others,
        mail=_mail_outcome(mailed, mail_error, (sent, failed), refused, respondents),
    )
