"""Provenance: countries as areas, aliases of merged actors, where an actor record came from.

Revision ID: 0003_provenance
Revises: 0002
Create Date: 2026-11-29 00:45:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_provenance"
down_revision = "0002"
branch_labels = None
depends_on = None

_OLD_AREA_KINDS = ("city", "district", "neighbourhood")
# The countries earlier CORDIS imports stored as cities (code, name), as the importer named them.
_CORDIS_COUNTRIES = {
    "at": "Austria", "be": "Belgium", "bg": "Bulgaria", "ch": "Switzerland", "cy": "Cyprus",
    "cz": "Czechia", "de": "Germany", "dk": "Denmark", "ee": "Estonia", "el": "Greece",
    "es": "Spain", "fi": "Finland", "fr": "France", "hr": "Croatia", "hu": "Hungary",
    "ie": "Ireland", "il": "Israel", "is": "Iceland", "it": "Italy", "lt": "Lithuania",
    "lu": "Luxembourg", "lv": "Latvia", "mt": "Malta", "nl": "Netherlands", "no": "Norway",
    "pl": "Poland", "pt": "Portugal", "ro": "Romania", "rs": "Serbia", "se": "Sweden",
    "si": "Slovenia", "sk": "Slovakia", "tr": "Turkey", "ua": "Ukraine", "uk": "United Kingdom",
    "us": "United States",
}  # fmt: skip
_NEW_AREA_KINDS = ("country", *_OLD_AREA_KINDS)


def _area_kind(kinds: tuple[str, ...]) -> sa.Enum:
    return sa.Enum(*kinds, name="area_kind", native_enum=False, create_constraint=True, length=20)


def upgrade() -> None:
    # Batch mode copies the table on SQLite; the CHECK constraint of the enum is replaced on both.
    with op.batch_alter_table("area", schema=None) as batch_op:
        batch_op.alter_column(
            "kind",
            existing_type=_area_kind(_OLD_AREA_KINDS),
            type_=_area_kind(_NEW_AREA_KINDS),
            existing_nullable=False,
        )
    # Earlier CORDIS imports made countries cities: a lower-case two-letter code named after the
    # country, or its upper-case code when the importer had no name for it.
    area = sa.table(
        "area", sa.column("code", sa.String), sa.column("name", sa.String), sa.column("kind")
    )
    op.execute(
        area.update()
        .where(
            area.c.kind == "city",
            sa.func.length(area.c.code) == 2,
            sa.or_(
                area.c.name == sa.func.upper(area.c.code),
                *(
                    sa.and_(area.c.code == code, area.c.name == name)
                    for code, name in _CORDIS_COUNTRIES.items()
                ),
            ),
        )
        .values(kind="country")
    )

    with op.batch_alter_table("actor", schema=None) as batch_op:
        batch_op.add_column(sa.Column("provenance", sa.String(length=500), nullable=True))
    # KBO imports wrote their rule into the description: it moves to the provenance.
    actor = sa.table(
        "actor",
        sa.column("external_id", sa.String),
        sa.column("description", sa.Text),
        sa.column("provenance", sa.String),
    )
    op.execute(
        actor.update()
        .where(
            actor.c.external_id.like("kbo:%"),
            actor.c.description.like("KBO/BCE: juridical form %"),
            sa.func.length(actor.c.description) <= 500,
        )
        .values(provenance=actor.c.description, description=None)
    )

    op.create_table(
        "actor_alias",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("external_id", sa.String(length=200), nullable=True),
        sa.Column("kbo", sa.String(length=10), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "external_id IS NOT NULL OR kbo IS NOT NULL",
            name=op.f("ck_actor_alias_some_identifier"),
        ),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actor.id"],
            name=op.f("fk_actor_alias_actor_id_actor"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actor_alias")),
        sa.UniqueConstraint("external_id", name=op.f("uq_actor_alias_external_id")),
        sa.UniqueConstraint("kbo", name=op.f("uq_actor_alias_kbo")),
    )
    with op.batch_alter_table("actor_alias", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_actor_alias_actor_id"), ["actor_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("actor_alias", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_actor_alias_actor_id"))
    op.drop_table("actor_alias")

    with op.batch_alter_table("actor", schema=None) as batch_op:
        batch_op.drop_column("provenance")

    # Countries cannot be kept under the old constraint: they are removed with their links.
    op.execute(sa.text("DELETE FROM area WHERE kind = 'country'"))
    with op.batch_alter_table("area", schema=None) as batch_op:
        batch_op.alter_column(
            "kind",
            existing_type=_area_kind(_NEW_AREA_KINDS),
            type_=_area_kind(_OLD_AREA_KINDS),
            existing_nullable=False,
        )
