"""What goes into and comes out of the survey services, in the registry's naming family."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Self

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from quadhelix.registry.errors import InvalidValue
from quadhelix.registry.identifiers import parse_date
from quadhelix.survey.questions import RATING_ITEMS, Frequency, Level, QuestionBank, WaveStatus

Rating = Annotated[int, Field(ge=1, le=4)]
COMMENTS_MAX = 5000  # characters of a respondent's comments; the form's textarea says the same


def _day(value: Any, field: str) -> Any:
    """A date, or the domain's reason why not (kept as the cause, for translated pages)."""
    try:
        if value is None or (isinstance(value, str) and not value.strip()):
            raise InvalidValue(field, value, "expected a date as YYYY-MM-DD")
        return parse_date(value, field) if isinstance(value, str) else value
    except InvalidValue as error:
        raise ValueError(error.reason) from error


class WaveCreate(BaseModel):
    """A new wave: of a coalition's members, or of a roster of actors (or both)."""

    model_config = ConfigDict(extra="forbid")

    coalition: str | None = Field(default=None, description="Coalition id, external id or name.")
    actors: list[str] = Field(default_factory=list, description="Extra or only roster members.")
    title: str | None = Field(default=None, max_length=300)
    opens_on: date
    closes_on: date
    language: str = Field(default="nl", pattern="^(nl|en)$")
    consent_nl: str | None = Field(default=None, max_length=5000)
    consent_en: str | None = Field(default=None, max_length=5000)
    questions: QuestionBank | None = None

    @field_validator("opens_on", "closes_on", mode="before")
    @classmethod
    def _date(cls, value: Any, info: ValidationInfo) -> Any:
        return _day(value, str(info.field_name))

    @field_validator("closes_on")
    @classmethod
    def _period(cls, value: date, info: ValidationInfo) -> date:
        opens_on = info.data.get("opens_on")
        if opens_on is not None and value < opens_on:
            error = InvalidValue("closes_on", value, "must not lie before opens_on")
            raise ValueError(error.reason) from error
        return value

    @model_validator(mode="after")
    def _check(self) -> Self:
        if self.coalition is None and not self.actors:
            raise ValueError("a wave needs a coalition or a roster of actors")
        return self


class WaveUpdate(BaseModel):
    """Only the fields that are set change; the roster is changed through respondents."""

    model_config = ConfigDict(extra="forbid")

    title: str | None = Field(default=None, max_length=300)
    opens_on: date | None = None
    closes_on: date | None = None
    consent_nl: str | None = Field(default=None, max_length=5000)
    consent_en: str | None = Field(default=None, max_length=5000)
    questions: QuestionBank | None = None


class WavePublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    coalition_id: int | None
    title: str
    opens_on: date
    closes_on: date
    status: WaveStatus
    closed_at: datetime | None
    language: str
    respondents: int
    submitted: int
    created_at: datetime
    updated_at: datetime


class RespondentUpdate(BaseModel):
    """The contact person who answers for a member."""

    model_config = ConfigDict(extra="forbid")

    contact_name: str | None = Field(default=None, max_length=200)
    email: str | None = Field(
        default=None, max_length=320, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", description="E-mail."
    )


class RespondentPublic(BaseModel):
    """A respondent's state, never their answers or token."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    wave_id: int
    actor_id: int
    actor: str
    contact_name: str | None
    email: str | None
    invited_at: datetime | None
    reminded_at: datetime | None
    revoked_at: datetime | None
    started_at: datetime | None
    submitted_at: datetime | None


class AnswerIn(BaseModel):
    """What a respondent says about one other member; unset fields are left as they are."""

    model_config = ConfigDict(extra="forbid")

    target_actor_id: int
    level: Level | None = None
    frequency: Frequency | None = None
    reliability: Rating | None = None
    mission_support: Rating | None = None
    openness: Rating | None = None
    power_influence: Rating | None = None
    involvement: Rating | None = None
    resource_contribution: Rating | None = None


class AnswersUpdate(BaseModel):
    """A batch of answers: some relationships and, optionally, the own-organisation items."""

    model_config = ConfigDict(extra="forbid")

    answers: list[AnswerIn] = Field(default_factory=list, max_length=500)
    resources: list[str] | None = Field(default=None, max_length=30)
    outcomes: list[str] | None = Field(default=None, max_length=30)
    success: Rating | None = None
    comments: str | None = Field(default=None, max_length=COMMENTS_MAX)


def answer_dict(answer: Any) -> dict[str, Any]:
    """A stored answer as plain data (for the respondent's own view and GDPR export)."""
    return {
        "target_actor_id": answer.target_actor_id,
        "target": answer.target.name,
        "level": answer.level.value if answer.level else None,
        "frequency": answer.frequency.value if answer.frequency else None,
        **{item: getattr(answer, item) for item in RATING_ITEMS},
    }
