"""Tables of the partner survey: waves, respondents, their answers, and the ties they produced.

They share the registry's metadata and migration chain (``0004_survey``). Invitation tokens are
kept only as SHA-256 digests, like API tokens: a copy of the database does not open any link.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quadhelix.registry.model import (
    Actor,
    Base,
    Coalition,
    Tie,
    Timestamped,
    UTCDateTime,
    choice,
)
from quadhelix.survey.questions import Frequency, Level, WaveStatus


def _rating(name: str) -> CheckConstraint:
    return CheckConstraint(f"{name} IS NULL OR ({name} >= 1 AND {name} <= 4)", name=name)


class SurveyWave(Timestamped, Base):
    """One round of the survey among a coalition's members (or a chosen roster)."""

    __tablename__ = "survey_wave"
    __table_args__ = (CheckConstraint("closes_on >= opens_on", name="period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    coalition_id: Mapped[int | None] = mapped_column(
        ForeignKey("coalition.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(300))
    opens_on: Mapped[date] = mapped_column(Date)
    closes_on: Mapped[date] = mapped_column(Date)
    status: Mapped[WaveStatus] = mapped_column(choice(WaveStatus, "survey_wave_status"))
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    language: Mapped[str] = mapped_column(String(2))
    consent_nl: Mapped[str] = mapped_column(Text)
    consent_en: Mapped[str] = mapped_column(Text)
    questions: Mapped[dict[str, Any]] = mapped_column(JSON)

    coalition: Mapped[Coalition | None] = relationship()
    respondents: Mapped[list[SurveyRespondent]] = relationship(
        back_populates="wave", passive_deletes=True, order_by="SurveyRespondent.id"
    )


class SurveyRespondent(Timestamped, Base):
    """The contact person who answers for one member, with the state of their invitation."""

    __tablename__ = "survey_respondent"
    __table_args__ = (UniqueConstraint("wave_id", "actor_id"), _rating("success"))

    id: Mapped[int] = mapped_column(primary_key=True)
    wave_id: Mapped[int] = mapped_column(ForeignKey("survey_wave.id", ondelete="CASCADE"))
    actor_id: Mapped[int] = mapped_column(ForeignKey("actor.id", ondelete="CASCADE"), index=True)
    contact_name: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320))
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    invited_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resources: Mapped[list[str]] = mapped_column(JSON, default=list)
    outcomes: Mapped[list[str]] = mapped_column(JSON, default=list)
    success: Mapped[int | None] = mapped_column(Integer)
    comments: Mapped[str | None] = mapped_column(Text)

    wave: Mapped[SurveyWave] = relationship(back_populates="respondents")
    actor: Mapped[Actor] = relationship()
    answers: Mapped[list[SurveyAnswer]] = relationship(
        back_populates="respondent", passive_deletes=True, order_by="SurveyAnswer.target_actor_id"
    )


class SurveyAnswer(Timestamped, Base):
    """What one respondent said about one other member."""

    __tablename__ = "survey_answer"
    __table_args__ = (
        UniqueConstraint("respondent_id", "target_actor_id"),
        _rating("reliability"),
        _rating("mission_support"),
        _rating("openness"),
        _rating("power_influence"),
        _rating("involvement"),
        _rating("resource_contribution"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    respondent_id: Mapped[int] = mapped_column(
        ForeignKey("survey_respondent.id", ondelete="CASCADE")
    )
    target_actor_id: Mapped[int] = mapped_column(
        ForeignKey("actor.id", ondelete="CASCADE"), index=True
    )
    level: Mapped[Level | None] = mapped_column(choice(Level, "survey_level"))
    frequency: Mapped[Frequency | None] = mapped_column(choice(Frequency, "survey_frequency"))
    reliability: Mapped[int | None] = mapped_column(Integer)
    mission_support: Mapped[int | None] = mapped_column(Integer)
    openness: Mapped[int | None] = mapped_column(Integer)
    power_influence: Mapped[int | None] = mapped_column(Integer)
    involvement: Mapped[int | None] = mapped_column(Integer)
    resource_contribution: Mapped[int | None] = mapped_column(Integer)

    respondent: Mapped[SurveyRespondent] = relationship(back_populates="answers")
    target: Mapped[Actor] = relationship()


class SurveyTie(Base):
    """Which registry tie a wave produced, so closing again or erasing answers can redo them."""

    __tablename__ = "survey_tie"

    tie_id: Mapped[int] = mapped_column(ForeignKey("tie.id", ondelete="CASCADE"), primary_key=True)
    wave_id: Mapped[int] = mapped_column(
        ForeignKey("survey_wave.id", ondelete="CASCADE"), index=True
    )

    tie: Mapped[Tie] = relationship()


__all__ = ["SurveyAnswer", "SurveyRespondent", "SurveyTie", "SurveyWave"]
