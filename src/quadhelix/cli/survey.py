"""``quadhelix survey ...``: partner surveys of a coalition, wave after wave.

Invitation links are secrets: they are shown once (on screen, in a CSV file or by e-mail) and
only their digests are kept. ``invite`` again issues links only to those without one.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Annotated, Any

import typer
from sqlalchemy.orm import Session

from quadhelix.cli.common import DbOption, JsonOption, note, print_json, print_table, unit_of_work
from quadhelix.io.export_records import atomic_output
from quadhelix.registry.coalitions import get_coalition
from quadhelix.registry.errors import InvalidValue
from quadhelix.survey.answering import erase, own_answers
from quadhelix.survey.invitations import (
    Invitation,
    links_csv,
    new_links,
    revoke,
)
from quadhelix.survey.mail import (
    MailNotConfigured,
    SendReport,
    SmtpSettings,
    mail_links,
    smtp_settings,
)
from quadhelix.survey.model import SurveyWave
from quadhelix.survey.questions import default_bank
from quadhelix.survey.schemas import RespondentUpdate, WaveCreate
from quadhelix.survey.scoring import WaveComparison, WaveScores
from quadhelix.survey.service import (
    close_wave,
    compare_waves,
    create_wave,
    get_respondent,
    get_wave,
    list_waves,
    respondents_of,
    wave_public,
    wave_results,
)

app = typer.Typer(help="Partner surveys: trust, value and collaboration within a coalition.")

WaveArg = Annotated[str, typer.Argument(help="The wave's id (see `survey list`).")]
MemberArg = Annotated[str, typer.Argument(help="The member: actor id or name.")]
BaseUrlOption = Annotated[
    str,
    typer.Option(
        envvar="QUADHELIX_BASE_URL", help="Address of the web application, for the links."
    ),
]
CsvOption = Annotated[
    Path | None, typer.Option("--csv", help="Write the links to this CSV file (mail merge).")
]
SendOption = Annotated[
    bool, typer.Option("--send", help="Mail the links through QUADHELIX_SMTP_* settings.")
]
DEFAULT_BASE_URL = "http://127.0.0.1:8000"


def _fmt(value: float | None, digits: int = 2) -> str:
    return "" if value is None else f"{value:.{digits}f}"


@app.command("list")
def list_(
    coalition: Annotated[str | None, typer.Option(help="Only this coalition's waves.")] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """List survey waves, newest first, with how many have answered."""
    with unit_of_work(db) as session:
        coalition_id = get_coalition(session, coalition).id if coalition else None
        waves = [wave_public(session, w) for w in list_waves(session, coalition_id)]
        if as_json:
            print_json([w.model_dump(mode="json") for w in waves])
            return
        rows = [
            (
                w.id,
                w.title,
                w.coalition_id,
                w.status.value,
                w.opens_on,
                w.closes_on,
                f"{w.submitted}/{w.respondents}",
            )
            for w in waves
        ]
        print_table(rows, ["id", "title", "coalition", "status", "opens", "closes", "answered"])


@app.command("create")
def create(
    coalition: Annotated[str, typer.Argument(help="Coalition id, external id or exact name.")],
    opens: Annotated[
        str | None, typer.Option(help="First day (YYYY-MM-DD) [default: today].")
    ] = None,
    closes: Annotated[
        str | None, typer.Option(help="Last day (YYYY-MM-DD) [default: four weeks on].")
    ] = None,
    title: Annotated[str | None, typer.Option(help="[default: the coalition's name]")] = None,
    language: Annotated[str, typer.Option(help="Language of invitations: nl or en.")] = "nl",
    actor: Annotated[
        list[str] | None, typer.Option("--actor", help="Add an actor to the roster; repeatable.")
    ] = None,
    questions: Annotated[
        Path | None,
        typer.Option(help="Question bank as JSON (start from `survey questions`)."),
    ] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Make a wave with one respondent per member of the coalition."""
    first = opens or date.today().isoformat()
    last = closes or (date.fromisoformat(first) + timedelta(days=28)).isoformat()
    data = WaveCreate.model_validate(
        {
            "coalition": coalition,
            "actors": actor or [],
            "title": title,
            "opens_on": first,
            "closes_on": last,
            "language": language,
            "questions": _read_questions(questions) if questions else None,
        }
    )
    with unit_of_work(db) as session:
        wave = create_wave(session, data)
        public = wave_public(session, wave)
        if as_json:
            print_json(public.model_dump(mode="json"))
            return
        typer.echo(
            f"Made wave #{wave.id} {wave.title} ({wave.opens_on} – {wave.closes_on}) "
            f"with {public.respondents} respondents"
        )


def _read_questions(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InvalidValue("--questions", str(path), f"cannot be read ({error.strerror})") from None
    except json.JSONDecodeError as error:
        raise InvalidValue("--questions", str(path), f"is not JSON ({error})") from None


@app.command("questions")
def questions_(
    wave_id: Annotated[
        str | None, typer.Argument(help="A wave's id [default: the default question bank].")
    ] = None,
    db: DbOption = None,
) -> None:
    """Print a question bank as JSON, to edit and pass to `survey create --questions`."""
    if wave_id is None:
        print_json(default_bank().model_dump(mode="json"))
        return
    with unit_of_work(db) as session:
        print_json(get_wave(session, wave_id).questions)


@app.command("show")
def show(wave_id: WaveArg, db: DbOption = None, as_json: JsonOption = False) -> None:
    """Show a wave and where each respondent stands (never their answers)."""
    with unit_of_work(db) as session:
        wave = get_wave(session, wave_id)
        respondents = respondents_of(session, wave)
        if as_json:
            data = wave_public(session, wave).model_dump(mode="json")
            data["respondents"] = [_respondent_row(r) for r in respondents]
            print_json(data)
            return
        typer.echo(f"Wave #{wave.id} {wave.title} [{wave.status.value}]")
        print_table(
            [tuple(_respondent_row(r).values()) for r in respondents],
            [
                "actor id",
                "member",
                "contact",
                "email",
                "invited",
                "started",
                "submitted",
                "revoked",
            ],
        )


def _respondent_row(r: Any) -> dict[str, Any]:
    return {
        "actor_id": r.actor_id,
        "member": r.actor.name,
        "contact_name": r.contact_name,
        "email": r.email,
        "invited_at": r.invited_at,
        "started_at": r.started_at,
        "submitted_at": r.submitted_at,
        "revoked_at": r.revoked_at,
    }


@app.command("contact")
def contact(
    wave_id: WaveArg,
    member: MemberArg,
    name: Annotated[str | None, typer.Option(help="The contact person's name.")] = None,
    email: Annotated[str | None, typer.Option(help="Where the invitation goes.")] = None,
    db: DbOption = None,
) -> None:
    """Set who answers for a member, and their e-mail address."""
    given = {k: v for k, v in {"contact_name": name, "email": email}.items() if v is not None}
    data = RespondentUpdate.model_validate(given)
    with unit_of_work(db) as session:
        respondent = get_respondent(session, get_wave(session, wave_id), member)
        for key, value in data.model_dump(exclude_unset=True).items():
            setattr(respondent, key, value)
        session.flush()
        typer.echo(
            f"Contact for {respondent.actor.name}: {respondent.contact_name or '-'} "
            f"<{respondent.email or '-'}>"
        )


def _write_csv(invitations: list[Invitation], base_url: str, csv: Path) -> None:
    with atomic_output(csv) as handle:
        handle.write(links_csv(invitations, base_url).encode())
    note(f"Wrote {len(invitations)} links to {csv}")


def _smtp_settings() -> SmtpSettings:
    """Checked before the database is opened, like any other option."""
    try:
        return smtp_settings()
    except MailNotConfigured as error:
        raise InvalidValue("--send", True, str(error)) from None


def _mail(
    session: Session,
    wave: SurveyWave,
    base_url: str,
    settings: SmtpSettings,
    *,
    remind: bool,
    reissue: bool,
) -> SendReport:
    report = mail_links(
        session, wave, base_url, reminder=remind, reissue=reissue, settings=settings
    )
    note(f"Mailed {len(report.sent)} links")
    if report.no_email:
        note(
            f"{len(report.no_email)} respondents have no e-mail address and got no link "
            "(see `survey contact`, or `survey invite --csv`)"
        )
    for respondent_id, reason in report.failed.items():
        note(f"Not delivered to respondent #{respondent_id} (their link is unchanged): {reason}")
    return report


def _hand_out(
    wave_id: str,
    db: str | None,
    base_url: str,
    csv: Path | None,
    send: bool,
    *,
    remind: bool,
    reissue: bool = False,
) -> None:
    """Print, export or mail new links. Mailing goes through ``survey.mail.mail_links``, which
    leaves anyone whose mail failed with the link they had; its CSV is written after commit."""
    settings = _smtp_settings() if send else None
    with unit_of_work(db) as session:
        wave = get_wave(session, wave_id)
        if settings is not None:
            report = _mail(session, wave, base_url, settings, remind=remind, reissue=reissue)
            invitations = report.mailed
        else:
            respondents = respondents_of(session, wave)
            invitations = new_links(session, wave, respondents, reminder=remind, reissue=reissue)
            if csv is not None:
                _write_csv(invitations, base_url, csv)
            else:
                print_table(
                    [
                        (i.respondent.actor.name, i.respondent.email, i.link(base_url))
                        for i in invitations
                    ],
                    ["member", "email", "link"],
                )
    if send and csv is not None:
        _write_csv(invitations, base_url, csv)
    if not invitations and not send:
        note("No new links: everyone already has one (use --reissue to replace them)")


@app.command("invite")
def invite(
    wave_id: WaveArg,
    csv: CsvOption = None,
    send: SendOption = False,
    reissue: Annotated[
        bool, typer.Option(help="Replace every link, also those already handed out.")
    ] = False,
    base_url: BaseUrlOption = DEFAULT_BASE_URL,
    db: DbOption = None,
) -> None:
    """Issue invitation links to respondents without one; print, export or mail them."""
    _hand_out(wave_id, db, base_url, csv, send, remind=False, reissue=reissue)


@app.command("remind")
def remind(
    wave_id: WaveArg,
    csv: CsvOption = None,
    send: SendOption = False,
    base_url: BaseUrlOption = DEFAULT_BASE_URL,
    db: DbOption = None,
) -> None:
    """New links for invited respondents who have not submitted (old links stop working)."""
    _hand_out(wave_id, db, base_url, csv, send, remind=True)


@app.command("revoke")
def revoke_(wave_id: WaveArg, member: MemberArg, db: DbOption = None) -> None:
    """Withdraw a respondent's link at once; saved answers are kept."""
    with unit_of_work(db) as session:
        respondent = get_respondent(session, get_wave(session, wave_id), member)
        revoke(session, respondent)
        typer.echo(f"Revoked the link of {respondent.actor.name}")


@app.command("close")
def close(wave_id: WaveArg, db: DbOption = None) -> None:
    """Stop taking answers and turn the submitted answers into survey ties."""
    with unit_of_work(db) as session:
        wave = get_wave(session, wave_id)
        ties = close_wave(session, wave)
        typer.echo(f"Closed wave #{wave.id}; {ties} survey ties in the registry")


def _print_results(scores: WaveScores, pairs: bool) -> None:
    typer.echo(
        f"{scores.submitted} of {scores.roster_size} answered "
        f"(response rate {_fmt(scores.response_rate)})"
    )
    headline = [
        ("trust (1-4)", _fmt(scores.trust)),
        ("value (1-4)", _fmt(scores.value)),
        ("trust density", _fmt(scores.trust_density)),
        *((f"density: {level}", _fmt(v)) for level, v in scores.density.items()),
        ("degree centralisation", _fmt(scores.centralisation)),
        ("reciprocity", _fmt(scores.reciprocity)),
        ("pairs that disagree by 2+ levels", str(len(scores.disagreements))),
    ]
    print_table(headline, ["score", "value"])
    print_table(
        [
            (
                a.actor_id,
                a.name,
                "yes" if a.responded else "no",
                _fmt(a.trust),
                a.trust_raters,
                _fmt(a.value),
                a.value_raters,
            )
            for a in scores.actors
        ],
        ["id", "member", "answered", "trust", "raters", "value", "raters"],
    )
    if pairs:
        names = {a.actor_id: a.name for a in scores.actors}
        print_table(
            [
                (names[d.actor_a], d.level_a.value, names[d.actor_b], d.level_b.value)
                for d in scores.disagreements
            ],
            ["member", "says", "other member", "says"],
            title="Disagreements",
        )


@app.command("results")
def results(
    wave_id: WaveArg,
    pairs: Annotated[
        bool, typer.Option("--pairs", help="Also name the pairs that disagree (sensitive).")
    ] = False,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Scores of a wave: per member trust and value with rater counts, coalition scores,
    density per level, centralisation, reciprocity, disagreements, response rate."""
    with unit_of_work(db) as session:
        wave = get_wave(session, wave_id)
        scores = wave_results(session, wave)
        if as_json:
            print_json(
                {"wave_id": wave.id, "status": wave.status.value, **scores.as_dict(pairwise=pairs)}
            )
            return
        typer.echo(f"Wave #{wave.id} {wave.title} [{wave.status.value}]")
        _print_results(scores, pairs)


def _comparison_json(change: WaveComparison) -> dict[str, Any]:
    return {
        "before": change.before,
        "after": change.after,
        "change": change.changes,
        "actors": [vars(a) for a in change.actors],
    }


@app.command("compare")
def compare(
    wave1: WaveArg, wave2: WaveArg, db: DbOption = None, as_json: JsonOption = False
) -> None:
    """Change between two waves (the later minus the earlier)."""
    with unit_of_work(db) as session:
        first, second = get_wave(session, wave1), get_wave(session, wave2)
        change = compare_waves(session, first, second)
        if as_json:
            print_json(_comparison_json(change))
            return
        print_table(
            [
                (key, _fmt(change.before[key]), _fmt(change.after[key]), _fmt(change.changes[key]))
                for key in change.changes
            ],
            ["score", "before", "after", "change"],
        )
        print_table(
            [
                (
                    a.name,
                    _fmt(a.trust_before),
                    _fmt(a.trust_after),
                    _fmt(a.value_before),
                    _fmt(a.value_after),
                )
                for a in change.actors
            ],
            ["member", "trust before", "trust after", "value before", "value after"],
        )


@app.command("export-answers")
def export_answers(wave_id: WaveArg, member: MemberArg, db: DbOption = None) -> None:
    """Everything stored about one respondent, as JSON (a GDPR access request)."""
    with unit_of_work(db) as session:
        print_json(own_answers(get_respondent(session, get_wave(session, wave_id), member)))


@app.command("erase")
def erase_(
    wave_id: WaveArg,
    member: MemberArg,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
    db: DbOption = None,
) -> None:
    """Erase a respondent's answers and contact details (GDPR); survey ties are redone."""
    with unit_of_work(db) as session:
        respondent = get_respondent(session, get_wave(session, wave_id), member)
        if not yes:
            typer.confirm(f"Erase the answers given for {respondent.actor.name}?", abort=True)
        count = erase(session, respondent)
        typer.echo(f"Erased {count} answers of {respondent.actor.name}")
