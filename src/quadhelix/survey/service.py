"""Survey waves: making them, their roster, closing them, their scores and derived ties.

Closing a wave turns its answers into registry ties (``source = survey``), linked to the wave
through ``survey_tie``: closing again or erasing a respondent's answers replaces them, so the
map and every analytic see the survey as it now stands.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, delete, func, select
from sqlalchemy.orm import Session, selectinload

from quadhelix.registry.actors import get_actor
from quadhelix.registry.coalitions import get_coalition
from quadhelix.registry.errors import Conflict, InvalidValue, NotFound
from quadhelix.registry.model import Actor, Coalition, Membership, Tie, utcnow
from quadhelix.registry.vocab import TieSource, TieType
from quadhelix.survey.model import SurveyAnswer, SurveyRespondent, SurveyTie, SurveyWave
from quadhelix.survey.questions import (
    DEFAULT_CONSENT,
    RATING_ITEMS,
    Level,
    WaveStatus,
    default_bank,
)
from quadhelix.survey.schemas import WaveCreate, WavePublic, WaveUpdate
from quadhelix.survey.scoring import (
    Rating,
    WaveComparison,
    WaveData,
    WaveScores,
    compare_scores,
    pair_levels,
    score_wave,
)

# Level of a pair -> the registry tie it becomes: (type, weight). Awareness and cooperation are
# exchanges of information; coordination and integration are working together.
TIE_FOR_LEVEL = {
    Level.AWARENESS: (TieType.INFORMATION, 1.0),
    Level.COOPERATION: (TieType.INFORMATION, 2.0),
    Level.COORDINATION: (TieType.COLLABORATION, 3.0),
    Level.INTEGRATION: (TieType.COLLABORATION, 4.0),
}


def get_wave(session: Session, wave_id: int | str) -> SurveyWave:
    text = str(wave_id).strip().removeprefix("#")
    wave = session.get(SurveyWave, int(text)) if text.isdigit() and len(text) < 10 else None
    if wave is None:
        raise NotFound("wave", wave_id)
    return wave


def list_waves(session: Session, coalition_id: int | None = None) -> list[SurveyWave]:
    query = select(SurveyWave).order_by(SurveyWave.opens_on.desc(), SurveyWave.id.desc())
    if coalition_id is not None:
        query = query.where(SurveyWave.coalition_id == coalition_id)
    return list(session.scalars(query))


def wave_public(session: Session, wave: SurveyWave) -> WavePublic:
    counts = session.execute(
        select(func.count(), func.count(SurveyRespondent.submitted_at)).where(
            SurveyRespondent.wave_id == wave.id
        )
    ).one()
    return WavePublic.model_validate(
        {
            **{
                c: getattr(wave, c)
                for c in WavePublic.model_fields
                if c not in ("respondents", "submitted")
            },
            "respondents": counts[0],
            "submitted": counts[1],
        }
    )


MIN_MEMBERS = 2  # a survey asks members about each other


def _member_count() -> ColumnElement[int]:
    return func.count(func.distinct(Membership.actor_id))


def surveyable_coalitions(session: Session, limit: int | None = None) -> list[tuple[int, str]]:
    """(id, name) of the coalitions a wave can survey (two members or more), by name; at most
    ``limit`` of them."""
    rows = session.execute(
        select(Coalition.id, Coalition.name)
        .join(Membership, Membership.coalition_id == Coalition.id)
        .group_by(Coalition.id, Coalition.name)
        .having(_member_count() >= MIN_MEMBERS)
        .order_by(Coalition.name, Coalition.id)
        .limit(limit)
    )
    return [(id_, name) for id_, name in rows.all()]


def surveyable_coalition(session: Session, ref: str) -> Coalition:
    """The coalition a new wave is for, by id (``8``, ``#8``), external id or exact name; one
    with fewer than two members is refused before anyone fills in the wave's form."""
    if not ref.strip():
        raise InvalidValue("coalition", ref, "choose a coalition")
    found = get_coalition(session, ref)
    members = session.scalar(select(_member_count()).where(Membership.coalition_id == found.id))
    if (members or 0) < MIN_MEMBERS:
        raise InvalidValue("coalition", ref, "a survey needs at least two members")
    return found


def _roster(session: Session, data: WaveCreate) -> tuple[int | None, str, list[Actor]]:
    actors: dict[int, Actor] = {}
    coalition_id, title = None, data.title
    if data.coalition is not None:
        coalition = get_coalition(session, data.coalition)
        coalition_id, title = coalition.id, title or coalition.name
        members = session.scalars(
            select(Actor)
            .join(Membership, Membership.actor_id == Actor.id)
            .where(Membership.coalition_id == coalition.id)
            .order_by(Actor.id)
        )
        actors.update((a.id, a) for a in members)
    for ref in data.actors:
        actor = get_actor(session, ref, "actors")
        actors[actor.id] = actor
    if len(actors) < MIN_MEMBERS:
        raise InvalidValue("coalition", data.coalition, "a survey needs at least two members")
    return coalition_id, title or "Survey", list(actors.values())


def create_wave(session: Session, data: WaveCreate) -> SurveyWave:
    """A wave with one respondent per member; invitations are issued separately."""
    coalition_id, title, actors = _roster(session, data)
    bank = data.questions or default_bank()
    wave = SurveyWave(
        coalition_id=coalition_id,
        title=title,
        opens_on=data.opens_on,
        closes_on=data.closes_on,
        status=WaveStatus.OPEN,
        language=data.language,
        consent_nl=data.consent_nl or DEFAULT_CONSENT.nl,
        consent_en=data.consent_en or DEFAULT_CONSENT.en,
        questions=bank.model_dump(mode="json"),
    )
    session.add(wave)
    session.flush()
    session.add_all(SurveyRespondent(wave_id=wave.id, actor_id=a.id) for a in actors)
    session.flush()
    session.refresh(wave)
    return wave


def update_wave(session: Session, wave: SurveyWave, data: WaveUpdate) -> SurveyWave:
    changes = data.model_dump(exclude_unset=True)
    if "questions" in changes and wave_started(session, wave):
        raise Conflict(
            template="wave: #%(id)s already has answers; its questions cannot change", id=wave.id
        )
    if data.questions is not None:
        changes["questions"] = data.questions.model_dump(mode="json")
    for key, value in changes.items():
        if value is None:
            raise InvalidValue(key, value, "cannot be cleared")
        setattr(wave, key, value)
    if wave.closes_on < wave.opens_on:
        raise InvalidValue("closes_on", wave.closes_on, "must not lie before opens_on")
    wave.updated_at = utcnow()
    session.flush()
    return wave


def wave_started(session: Session, wave: SurveyWave) -> bool:
    started = select(func.count()).where(
        SurveyRespondent.wave_id == wave.id, SurveyRespondent.started_at.is_not(None)
    )
    return bool(session.scalar(started))


def get_respondent(session: Session, wave: SurveyWave, actor_ref: str | int) -> SurveyRespondent:
    """A wave's respondent by respondent id, or by the member's actor id or name."""
    text = str(actor_ref).strip().removeprefix("#")
    if text.isdigit() and len(text) < 10:
        found = session.scalar(
            select(SurveyRespondent).where(
                SurveyRespondent.wave_id == wave.id, SurveyRespondent.id == int(text)
            )
        )
        if found is not None:
            return found
    actor = get_actor(session, actor_ref, "respondent")
    found = session.scalar(
        select(SurveyRespondent).where(
            SurveyRespondent.wave_id == wave.id, SurveyRespondent.actor_id == actor.id
        )
    )
    if found is None:
        raise NotFound("respondent", actor_ref)
    return found


def respondents_of(
    session: Session, wave: SurveyWave, *, lock: bool = False
) -> list[SurveyRespondent]:
    """The wave's roster; with ``lock``, locked (PostgreSQL) and re-read from the database."""
    query = (
        select(SurveyRespondent)
        .where(SurveyRespondent.wave_id == wave.id)
        .options(selectinload(SurveyRespondent.actor))
        .order_by(SurveyRespondent.id)
    )
    if lock:
        query = query.with_for_update(of=SurveyRespondent).execution_options(populate_existing=True)
    return list(session.scalars(query))


def close_wave(session: Session, wave: SurveyWave) -> int:
    """Stop accepting answers and turn the submitted ones into ties; returns the tie count."""
    wave.status = WaveStatus.CLOSED
    wave.closed_at = wave.closed_at or utcnow()
    wave.updated_at = utcnow()
    session.flush()
    return recompute_ties(session, wave)


def is_accepting(wave: SurveyWave, today: date | None = None) -> str | None:
    """None when the wave takes answers today, else why not (closed, not yet open, expired)."""
    today = today or date.today()
    if wave.status == WaveStatus.CLOSED:
        return "closed"
    if today < wave.opens_on:
        return "not_open"
    if today > wave.closes_on:
        return "expired"
    return None


def wave_phase(wave: SurveyWave, today: date | None = None) -> str:
    """What the wave is today as respondents meet it: open, closed, expired or not_open.

    A wave whose closing day has passed still has status ``open`` until someone closes it
    (closing turns the answers into ties), but nobody can answer it any more."""
    return is_accepting(wave, today) or "open"


def check_closing_day(closes_on: date, today: date | None = None) -> None:
    """Refuse a new wave that nobody could answer: its closing day lies in the past.

    The web form and the API use it; the command line does not, so that an earlier wave (a
    paper survey, say) can still be recorded afterwards."""
    if closes_on < (today or date.today()):
        raise InvalidValue("closes_on", closes_on, "must not lie in the past")


def wave_data(session: Session, wave: SurveyWave) -> WaveData:
    """The roster and the submitted answers of a wave, as scoring wants them."""
    respondents = respondents_of(session, wave)
    roster = {r.actor_id: r.actor.name for r in respondents}
    submitted = {r.id: r.actor_id for r in respondents if r.submitted_at is not None}
    answers = session.scalars(
        select(SurveyAnswer).where(SurveyAnswer.respondent_id.in_(list(submitted)))
    )
    ratings = tuple(
        Rating(
            rater=submitted[a.respondent_id],
            target=a.target_actor_id,
            level=a.level,
            ratings={item: getattr(a, item) for item in RATING_ITEMS},
        )
        for a in answers
    )
    return WaveData(roster, frozenset(submitted.values()), ratings)


def wave_results(session: Session, wave: SurveyWave) -> WaveScores:
    return score_wave(wave_data(session, wave))


def compare_waves(session: Session, before: SurveyWave, after: SurveyWave) -> WaveComparison:
    """Change between two waves, the earlier first whatever the order given."""
    if (after.opens_on, after.id) < (before.opens_on, before.id):
        before, after = after, before
    return compare_scores(wave_results(session, before), wave_results(session, after))


def recompute_ties(session: Session, wave: SurveyWave) -> int:
    """Replace the ties this wave produced: one undirected tie per connected pair of a closed
    wave, typed and weighted by the pair's level and dated to the wave's period."""
    old = select(SurveyTie.tie_id).where(SurveyTie.wave_id == wave.id)
    session.execute(delete(Tie).where(Tie.id.in_(old)))
    session.execute(delete(SurveyTie).where(SurveyTie.wave_id == wave.id))
    if wave.status != WaveStatus.CLOSED:
        session.flush()
        return 0
    made = 0
    for (a, b), level in sorted(pair_levels(wave_data(session, wave)).items()):
        if level not in TIE_FOR_LEVEL:
            continue
        tie_type, weight = TIE_FOR_LEVEL[level]
        tie = Tie(
            source_actor_id=a,
            target_actor_id=b,
            type=tie_type,
            directed=False,
            weight=weight,
            start_date=wave.opens_on,
            end_date=wave.closes_on,
            source=TieSource.SURVEY,
            provenance=f"survey wave #{wave.id} ({level.value})",
        )
        session.add(tie)
        session.flush()
        session.add(SurveyTie(tie_id=tie.id, wave_id=wave.id))
        made += 1
    session.flush()
    return made


def delete_wave(session: Session, wave: SurveyWave) -> None:
    """Remove a wave with its respondents, answers and the ties it produced."""
    old = select(SurveyTie.tie_id).where(SurveyTie.wave_id == wave.id)
    session.execute(delete(Tie).where(Tie.id.in_(old)))
    session.delete(wave)
    session.flush()


def latest_trust_density(session: Session, coalition_id: int) -> float | None:
    """Trust density of the coalition's most recent closed wave, for the governance advice."""
    wave = session.scalar(
        select(SurveyWave)
        .where(SurveyWave.coalition_id == coalition_id, SurveyWave.status == WaveStatus.CLOSED)
        .order_by(SurveyWave.closes_on.desc(), SurveyWave.id.desc())
        .limit(1)
    )
    return wave_results(session, wave).trust_density if wave is not None else None
