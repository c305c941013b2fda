"""The registry's tables: actors, coalitions, memberships, ties, themes and areas.

One declarative model serves SQLite and PostgreSQL. Controlled values are stored as their English
identifiers with a CHECK constraint; timestamps are stored in UTC.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import StrEnum

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Dialect,
    Enum,
    Float,
    ForeignKey,
    Index,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, validates

from quadhelix.registry.names import fold
from quadhelix.registry.vocab import (
    ActorKind,
    AreaKind,
    CoalitionKind,
    CoalitionStatus,
    HelixSector,
    MemberRole,
    TieSource,
    TieType,
)

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out, on SQLite (no time zones) and PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def choice(enum: type[StrEnum], name: str) -> Enum:
    """A vocabulary column: a VARCHAR holding the enum's value, guarded by a CHECK constraint."""
    return Enum(
        enum,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=20,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Timestamped:
    """Every record says when it was created and last changed."""

    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class Setting(Base):
    """Small key/value facts about this database (e.g. that it holds the demo city)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Area(Timestamped, Base):
    """A place: country > city > district > neighbourhood (countries come from EU project data)."""

    __tablename__ = "area"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[AreaKind] = mapped_column(choice(AreaKind, "area_kind"))
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("area.id", ondelete="SET NULL"), index=True
    )

    parent: Mapped[Area | None] = relationship(remote_side=[id])


class Theme(Timestamped, Base):
    """A policy theme; themes form a tree (e.g. climate > heat)."""

    __tablename__ = "theme"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(100), unique=True)
    name_nl: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("theme.id", ondelete="SET NULL"), index=True
    )

    parent: Mapped[Theme | None] = relationship(remote_side=[id])


actor_theme = Table(
    "actor_theme",
    Base.metadata,
    Column("actor_id", ForeignKey("actor.id", ondelete="CASCADE"), primary_key=True),
    Column("theme_id", ForeignKey("theme.id", ondelete="CASCADE"), primary_key=True, index=True),
)

coalition_theme = Table(
    "coalition_theme",
    Base.metadata,
    Column("coalition_id", ForeignKey("coalition.id", ondelete="CASCADE"), primary_key=True),
    Column("theme_id", ForeignKey("theme.id", ondelete="CASCADE"), primary_key=True, index=True),
)

coalition_area = Table(
    "coalition_area",
    Base.metadata,
    Column("coalition_id", ForeignKey("coalition.id", ondelete="CASCADE"), primary_key=True),
    Column("area_id", ForeignKey("area.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Actor(Timestamped, Base):
    """An organisation, city department or team, person, citizen initiative or network."""

    __tablename__ = "actor"
    __table_args__ = (
        CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date", name="period"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    external_id: Mapped[str | None] = mapped_column(String(200), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    name_key: Mapped[str] = mapped_column(String(300), index=True)
    helix: Mapped[HelixSector] = mapped_column(choice(HelixSector, "helix"), index=True)
    kind: Mapped[ActorKind] = mapped_column(choice(ActorKind, "actor_kind"))
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("actor.id", ondelete="SET NULL"), index=True
    )
    kbo: Mapped[str | None] = mapped_column(String(10), unique=True)
    association_code: Mapped[str | None] = mapped_column(String(8), unique=True)
    website: Mapped[str | None] = mapped_column(String(500))
    street: Mapped[str | None] = mapped_column(String(300))
    postal_code: Mapped[str | None] = mapped_column(String(10))
    municipality: Mapped[str | None] = mapped_column(String(200))
    area_id: Mapped[int | None] = mapped_column(
        ForeignKey("area.id", ondelete="SET NULL"), index=True
    )
    description: Mapped[str | None] = mapped_column(Text)
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    # Where the record came from and which rule set its helix sector, e.g.
    # "kbo: juridical form 017 (kbo-nonprofit-form)"; None for records typed by hand.
    provenance: Mapped[str | None] = mapped_column(String(500))

    parent: Mapped[Actor | None] = relationship(remote_side=[id])
    area: Mapped[Area | None] = relationship()
    themes: Mapped[list[Theme]] = relationship(secondary=actor_theme, order_by=Theme.code)
    memberships: Mapped[list[Membership]] = relationship(
        back_populates="actor", passive_deletes=True
    )
    # Loaded with the actor (one query per batch of actors): every view of an actor shows them.
    aliases: Mapped[list[ActorAlias]] = relationship(
        back_populates="actor",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="ActorAlias.id",
        lazy="selectin",
    )

    @validates("name")
    def _fold_name(self, _key: str, value: str) -> str:
        """Keep the folded search key in step with the name, however the record is made."""
        self.name_key = fold(value)
        return value


class ActorAlias(Timestamped, Base):
    """An identifier of an actor that was merged into this one.

    Imports resolve external ids and KBO numbers through aliases, so a file that still names the
    merged actor updates the survivor instead of bringing the duplicate back.
    """

    __tablename__ = "actor_alias"
    __table_args__ = (
        CheckConstraint("external_id IS NOT NULL OR kbo IS NOT NULL", name="some_identifier"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actor.id", ondelete="CASCADE"), index=True)
    external_id: Mapped[str | None] = mapped_column(String(200), unique=True)
    kbo: Mapped[str | None] = mapped_column(String(10), unique=True)

    actor: Mapped[Actor] = relationship(back_populates="aliases")


class Coalition(Timestamped, Base):
    """A project, programme, partnership, network, citizen initiative, covenant or event."""

    __tablename__ = "coalition"
    __table_args__ = (
        CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date", name="period"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    external_id: Mapped[str | None] = mapped_column(String(200), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    name_key: Mapped[str] = mapped_column(String(300), index=True)
    kind: Mapped[CoalitionKind] = mapped_column(choice(CoalitionKind, "coalition_kind"))
    status: Mapped[CoalitionStatus] = mapped_column(choice(CoalitionStatus, "coalition_status"))
    description: Mapped[str | None] = mapped_column(Text)
    goals: Mapped[str | None] = mapped_column(Text)
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("coalition.id", ondelete="SET NULL"), index=True
    )

    parent: Mapped[Coalition | None] = relationship(remote_side=[id])
    themes: Mapped[list[Theme]] = relationship(secondary=coalition_theme, order_by=Theme.code)
    areas: Mapped[list[Area]] = relationship(secondary=coalition_area, order_by=Area.code)
    links: Mapped[list[CoalitionLink]] = relationship(
        back_populates="coalition", cascade="all, delete-orphan", order_by="CoalitionLink.id"
    )
    memberships: Mapped[list[Membership]] = relationship(
        back_populates="coalition", passive_deletes=True, order_by="Membership.id"
    )

    @validates("name")
    def _fold_name(self, _key: str, value: str) -> str:
        """Keep the folded search key in step with the name, however the record is made."""
        self.name_key = fold(value)
        return value


class CoalitionLink(Timestamped, Base):
    """A document or web page that belongs to a coalition (a plan, a seminar's presentation)."""

    __tablename__ = "coalition_link"

    id: Mapped[int] = mapped_column(primary_key=True)
    coalition_id: Mapped[int] = mapped_column(
        ForeignKey("coalition.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(300))
    url: Mapped[str] = mapped_column(String(1000))

    coalition: Mapped[Coalition] = relationship(back_populates="links")


class Membership(Timestamped, Base):
    """An actor's part in a coalition, with its role and period."""

    __tablename__ = "membership"
    __table_args__ = (
        CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date", name="period"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    coalition_id: Mapped[int] = mapped_column(
        ForeignKey("coalition.id", ondelete="CASCADE"), index=True
    )
    actor_id: Mapped[int] = mapped_column(ForeignKey("actor.id", ondelete="CASCADE"), index=True)
    role: Mapped[MemberRole] = mapped_column(choice(MemberRole, "member_role"))
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    contribution: Mapped[str | None] = mapped_column(Text)

    coalition: Mapped[Coalition] = relationship(back_populates="memberships")
    actor: Mapped[Actor] = relationship(back_populates="memberships")


class Tie(Timestamped, Base):
    """A typed, weighted, dated relation between two actors, with where it came from."""

    __tablename__ = "tie"
    __table_args__ = (
        CheckConstraint("source_actor_id <> target_actor_id", name="no_loop"),
        CheckConstraint("weight > 0", name="positive_weight"),
        CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date", name="period"
        ),
        Index("ix_tie_pair", "source_actor_id", "target_actor_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    source_actor_id: Mapped[int] = mapped_column(ForeignKey("actor.id", ondelete="CASCADE"))
    target_actor_id: Mapped[int] = mapped_column(
        ForeignKey("actor.id", ondelete="CASCADE"), index=True
    )
    type: Mapped[TieType] = mapped_column(choice(TieType, "tie_type"))
    directed: Mapped[bool] = mapped_column(Boolean, default=False)
    weight: Mapped[float] = mapped_column(Float, default=1.0)
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    source: Mapped[TieSource] = mapped_column(choice(TieSource, "tie_source"))
    provenance: Mapped[str | None] = mapped_column(String(500))

    source_actor: Mapped[Actor] = relationship(foreign_keys=[source_actor_id])
    target_actor: Mapped[Actor] = relationship(foreign_keys=[target_actor_id])


def table_names() -> list[str]:
    return sorted(Base.metadata.tables)


__all__: list[str] = [
    "Actor",
    "ActorAlias",
    "Area",
    "Base",
    "Coalition",
    "CoalitionLink",
    "Membership",
    "Setting",
    "Theme",
    "Tie",
    "table_names",
]
