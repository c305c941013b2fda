"""The partner survey: waves, respondents, answers, the ties they produce; survey analysts.

Revision ID: 0004_survey
Revises: 0003_provenance
Create Date: 2026-11-29 01:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_survey"
down_revision = "0003_provenance"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "survey_wave",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("coalition_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("opens_on", sa.Date(), nullable=False),
        sa.Column("closes_on", sa.Date(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "closed",
                name="survey_wave_status",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("consent_nl", sa.Text(), nullable=False),
        sa.Column("consent_en", sa.Text(), nullable=False),
        sa.Column("questions", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("closes_on >= opens_on", name=op.f("ck_survey_wave_period")),
        sa.ForeignKeyConstraint(
            ["coalition_id"],
            ["coalition.id"],
            name=op.f("fk_survey_wave_coalition_id_coalition"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_wave")),
    )
    with op.batch_alter_table("survey_wave", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_survey_wave_coalition_id"), ["coalition_id"], unique=False
        )

    op.create_table(
        "survey_respondent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("wave_id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("contact_name", sa.String(length=200), nullable=True),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("token_hash", sa.String(length=64), nullable=True),
        sa.Column("invited_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reminded_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resources", sa.JSON(), nullable=False),
        sa.Column("outcomes", sa.JSON(), nullable=False),
        sa.Column("success", sa.Integer(), nullable=True),
        sa.Column("comments", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "success IS NULL OR (success >= 1 AND success <= 4)",
            name=op.f("ck_survey_respondent_success"),
        ),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actor.id"],
            name=op.f("fk_survey_respondent_actor_id_actor"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["wave_id"],
            ["survey_wave.id"],
            name=op.f("fk_survey_respondent_wave_id_survey_wave"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_respondent")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_survey_respondent_token_hash")),
        sa.UniqueConstraint(
            "wave_id", "actor_id", name=op.f("uq_survey_respondent_wave_id_actor_id")
        ),
    )
    with op.batch_alter_table("survey_respondent", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_survey_respondent_actor_id"), ["actor_id"], unique=False
        )

    op.create_table(
        "survey_answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("respondent_id", sa.Integer(), nullable=False),
        sa.Column("target_actor_id", sa.Integer(), nullable=False),
        sa.Column(
            "level",
            sa.Enum(
                "none",
                "awareness",
                "cooperation",
                "coordination",
                "integration",
                name="survey_level",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=True,
        ),
        sa.Column(
            "frequency",
            sa.Enum(
                "never",
                "yearly",
                "quarterly",
                "monthly",
                "weekly",
                "daily",
                name="survey_frequency",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=True,
        ),
        sa.Column("reliability", sa.Integer(), nullable=True),
        sa.Column("mission_support", sa.Integer(), nullable=True),
        sa.Column("openness", sa.Integer(), nullable=True),
        sa.Column("power_influence", sa.Integer(), nullable=True),
        sa.Column("involvement", sa.Integer(), nullable=True),
        sa.Column("resource_contribution", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "involvement IS NULL OR (involvement >= 1 AND involvement <= 4)",
            name=op.f("ck_survey_answer_involvement"),
        ),
        sa.CheckConstraint(
            "mission_support IS NULL OR (mission_support >= 1 AND mission_support <= 4)",
            name=op.f("ck_survey_answer_mission_support"),
        ),
        sa.CheckConstraint(
            "openness IS NULL OR (openness >= 1 AND openness <= 4)",
            name=op.f("ck_survey_answer_openness"),
        ),
        sa.CheckConstraint(
            "power_influence IS NULL OR (power_influence >= 1 AND power_influence <= 4)",
            name=op.f("ck_survey_answer_power_influence"),
        ),
        sa.CheckConstraint(
            "reliability IS NULL OR (reliability >= 1 AND reliability <= 4)",
            name=op.f("ck_survey_answer_reliability"),
        ),
        sa.CheckConstraint(
            "resource_contribution IS NULL OR "
            "(resource_contribution >= 1 AND resource_contribution <= 4)",
            name=op.f("ck_survey_answer_resource_contribution"),
        ),
        sa.ForeignKeyConstraint(
            ["respondent_id"],
            ["survey_respondent.id"],
            name=op.f("fk_survey_answer_respondent_id_survey_respondent"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["target_actor_id"],
            ["actor.id"],
            name=op.f("fk_survey_answer_target_actor_id_actor"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_answer")),
        sa.UniqueConstraint(
            "respondent_id",
            "target_actor_id",
            name=op.f("uq_survey_answer_respondent_id_target_actor_id"),
        ),
    )
    with op.batch_alter_table("survey_answer", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_survey_answer_target_actor_id"), ["target_actor_id"], unique=False
        )

    op.create_table(
        "survey_tie",
        sa.Column("tie_id", sa.Integer(), nullable=False),
        sa.Column("wave_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tie_id"], ["tie.id"], name=op.f("fk_survey_tie_tie_id_tie"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["wave_id"],
            ["survey_wave.id"],
            name=op.f("fk_survey_tie_wave_id_survey_wave"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tie_id", name=op.f("pk_survey_tie")),
    )
    with op.batch_alter_table("survey_tie", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_survey_tie_wave_id"), ["wave_id"], unique=False)

    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("survey_analyst", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.drop_column("survey_analyst")

    with op.batch_alter_table("survey_tie", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_survey_tie_wave_id"))

    op.drop_table("survey_tie")
    with op.batch_alter_table("survey_answer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_survey_answer_target_actor_id"))

    op.drop_table("survey_answer")
    with op.batch_alter_table("survey_respondent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_survey_respondent_actor_id"))

    op.drop_table("survey_respondent")
    with op.batch_alter_table("survey_wave", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_survey_wave_coalition_id"))

    op.drop_table("survey_wave")
