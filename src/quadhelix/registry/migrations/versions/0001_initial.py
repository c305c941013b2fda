"""Initial registry schema: actors, coalitions, memberships, ties, themes, areas.

Revision ID: 0001
Revises:
Create Date: 2026-11-28 21:41:03.003849
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "area",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=100), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "city",
                "district",
                "neighbourhood",
                name="area_kind",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["area.id"], name=op.f("fk_area_parent_id_area"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_area")),
        sa.UniqueConstraint("code", name=op.f("uq_area_code")),
    )
    with op.batch_alter_table("area", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_area_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "coalition",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("external_id", sa.String(length=200), nullable=True),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("name_key", sa.String(length=300), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "project",
                "programme",
                "partnership",
                "network",
                "citizen_initiative",
                "covenant",
                "event",
                name="coalition_kind",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "idea",
                "active",
                "closed",
                name="coalition_status",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("goals", sa.Text(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
            name=op.f("ck_coalition_period"),
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["coalition.id"],
            name=op.f("fk_coalition_parent_id_coalition"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coalition")),
        sa.UniqueConstraint("external_id", name=op.f("uq_coalition_external_id")),
    )
    with op.batch_alter_table("coalition", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_coalition_name_key"), ["name_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_coalition_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )
    op.create_table(
        "theme",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=100), nullable=False),
        sa.Column("name_nl", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["theme.id"], name=op.f("fk_theme_parent_id_theme"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_theme")),
        sa.UniqueConstraint("code", name=op.f("uq_theme_code")),
    )
    with op.batch_alter_table("theme", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_theme_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "actor",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("external_id", sa.String(length=200), nullable=True),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("name_key", sa.String(length=300), nullable=False),
        sa.Column(
            "helix",
            sa.Enum(
                "government",
                "civil_society",
                "business",
                "knowledge",
                "citizens",
                name="helix",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column(
            "kind",
            sa.Enum(
                "organisation",
                "department",
                "team",
                "person",
                "citizen_initiative",
                "network",
                name="actor_kind",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("kbo", sa.String(length=10), nullable=True),
        sa.Column("association_code", sa.String(length=8), nullable=True),
        sa.Column("website", sa.String(length=500), nullable=True),
        sa.Column("street", sa.String(length=300), nullable=True),
        sa.Column("postal_code", sa.String(length=10), nullable=True),
        sa.Column("municipality", sa.String(length=200), nullable=True),
        sa.Column("area_id", sa.Integer(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
            name=op.f("ck_actor_period"),
        ),
        sa.ForeignKeyConstraint(
            ["area_id"], ["area.id"], name=op.f("fk_actor_area_id_area"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["actor.id"], name=op.f("fk_actor_parent_id_actor"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actor")),
        sa.UniqueConstraint("association_code", name=op.f("uq_actor_association_code")),
        sa.UniqueConstraint("external_id", name=op.f("uq_actor_external_id")),
        sa.UniqueConstraint("kbo", name=op.f("uq_actor_kbo")),
    )
    with op.batch_alter_table("actor", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_actor_area_id"), ["area_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_actor_helix"), ["helix"], unique=False)
        batch_op.create_index(batch_op.f("ix_actor_name_key"), ["name_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_actor_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "coalition_area",
        sa.Column("coalition_id", sa.Integer(), nullable=False),
        sa.Column("area_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["area_id"],
            ["area.id"],
            name=op.f("fk_coalition_area_area_id_area"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["coalition_id"],
            ["coalition.id"],
            name=op.f("fk_coalition_area_coalition_id_coalition"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("coalition_id", "area_id", name=op.f("pk_coalition_area")),
    )
    with op.batch_alter_table("coalition_area", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_coalition_area_area_id"), ["area_id"], unique=False)

    op.create_table(
        "coalition_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("coalition_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("url", sa.String(length=1000), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["coalition_id"],
            ["coalition.id"],
            name=op.f("fk_coalition_link_coalition_id_coalition"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coalition_link")),
    )
    with op.batch_alter_table("coalition_link", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_coalition_link_coalition_id"), ["coalition_id"], unique=False
        )

    op.create_table(
        "coalition_theme",
        sa.Column("coalition_id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["coalition_id"],
            ["coalition.id"],
            name=op.f("fk_coalition_theme_coalition_id_coalition"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["theme_id"],
            ["theme.id"],
            name=op.f("fk_coalition_theme_theme_id_theme"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("coalition_id", "theme_id", name=op.f("pk_coalition_theme")),
    )
    with op.batch_alter_table("coalition_theme", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_coalition_theme_theme_id"), ["theme_id"], unique=False)

    op.create_table(
        "actor_theme",
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actor.id"],
            name=op.f("fk_actor_theme_actor_id_actor"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["theme_id"],
            ["theme.id"],
            name=op.f("fk_actor_theme_theme_id_theme"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("actor_id", "theme_id", name=op.f("pk_actor_theme")),
    )
    with op.batch_alter_table("actor_theme", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_actor_theme_theme_id"), ["theme_id"], unique=False)

    op.create_table(
        "membership",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("coalition_id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "lead",
                "partner",
                "funder",
                "advisor",
                "participant",
                name="member_role",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("contribution", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
            name=op.f("ck_membership_period"),
        ),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actor.id"],
            name=op.f("fk_membership_actor_id_actor"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["coalition_id"],
            ["coalition.id"],
            name=op.f("fk_membership_coalition_id_coalition"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_membership")),
    )
    with op.batch_alter_table("membership", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_membership_actor_id"), ["actor_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_membership_coalition_id"), ["coalition_id"], unique=False
        )

    op.create_table(
        "tie",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_actor_id", sa.Integer(), nullable=False),
        sa.Column("target_actor_id", sa.Integer(), nullable=False),
        sa.Column(
            "type",
            sa.Enum(
                "collaboration",
                "funding",
                "information",
                "membership",
                "contract",
                "other",
                name="tie_type",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("directed", sa.Boolean(), nullable=False),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column(
            "source",
            sa.Enum(
                "manual",
                "import",
                "survey",
                "derived",
                name="tie_source",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("provenance", sa.String(length=500), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
            name=op.f("ck_tie_period"),
        ),
        sa.CheckConstraint("source_actor_id <> target_actor_id", name=op.f("ck_tie_no_loop")),
        sa.CheckConstraint("weight > 0", name=op.f("ck_tie_positive_weight")),
        sa.ForeignKeyConstraint(
            ["source_actor_id"],
            ["actor.id"],
            name=op.f("fk_tie_source_actor_id_actor"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["target_actor_id"],
            ["actor.id"],
            name=op.f("fk_tie_target_actor_id_actor"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tie")),
    )
    with op.batch_alter_table("tie", schema=None) as batch_op:
        batch_op.create_index("ix_tie_pair", ["source_actor_id", "target_actor_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_tie_target_actor_id"), ["target_actor_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("tie", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tie_target_actor_id"))
        batch_op.drop_index("ix_tie_pair")

    op.drop_table("tie")
    with op.batch_alter_table("membership", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_membership_coalition_id"))
        batch_op.drop_index(batch_op.f("ix_membership_actor_id"))

    op.drop_table("membership")
    with op.batch_alter_table("actor_theme", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_actor_theme_theme_id"))

    op.drop_table("actor_theme")
    with op.batch_alter_table("coalition_theme", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_coalition_theme_theme_id"))

    op.drop_table("coalition_theme")
    with op.batch_alter_table("coalition_link", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_coalition_link_coalition_id"))

    op.drop_table("coalition_link")
    with op.batch_alter_table("coalition_area", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_coalition_area_area_id"))

    op.drop_table("coalition_area")
    with op.batch_alter_table("actor", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_actor_parent_id"))
        batch_op.drop_index(batch_op.f("ix_actor_name_key"))
        batch_op.drop_index(batch_op.f("ix_actor_helix"))
        batch_op.drop_index(batch_op.f("ix_actor_area_id"))

    op.drop_table("actor")
    with op.batch_alter_table("theme", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_theme_parent_id"))

    op.drop_table("theme")
    op.drop_table("setting")
    with op.batch_alter_table("coalition", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_coalition_parent_id"))
        batch_op.drop_index(batch_op.f("ix_coalition_name_key"))

    op.drop_table("coalition")
    with op.batch_alter_table("area", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_area_parent_id"))

    op.drop_table("area")
