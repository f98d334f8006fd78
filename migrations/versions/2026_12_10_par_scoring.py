"""The PAR index scoring workflow: scoring rounds on a published definition, each unit's assessment
with its values per sub-criterion and its evidence files, the agency officer's role and the
workflow's audit actions (issue 20).

Going down deletes the rounds, the agency officers' accounts' role (they become surveyors with no
unit) and the workflow's audit entries: the old checks know none of them.

Revision ID: 2026_12_10_par_scoring
Revises: 2026_12_09_repeats
Create Date: 2026-12-10 09:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "2026_12_10_par_scoring"
down_revision: str | None = "2026_12_09_repeats"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ROLES_BEFORE = ("admin", "supervisor", "surveyor", "analyst")
ROLES_AFTER = (*ROLES_BEFORE, "agency_officer")
ACTIONS_BEFORE = (
    "user_created", "role_changed", "units_changed", "user_disabled", "user_enabled", "password_reset",
    "questionnaire_imported", "questionnaire_published", "units_imported", "unit_deactivated", "unit_reactivated",
    "campaign_created", "campaign_updated", "campaign_opened", "campaign_closed", "campaign_cloned",
    "invitations_created", "api_token_created", "api_token_revoked", "webhook_added", "webhook_removed",
    "dossiers_drawn", "units_reorganised", "questionnaire_texts_edited", "campaign_version_moved",
)
ACTIONS_AFTER = (
    *ACTIONS_BEFORE, "par_round_opened", "par_self_assessed", "par_evidence_added", "par_evidence_removed",
    "par_submitted", "par_appraised", "par_answered", "par_finalised",
)
STATUSES = ("self_assessing", "submitted", "appraised", "answered", "final")


def upgrade() -> None:
    create_rounds()
    create_assessments()
    create_values()
    create_evidence()
    replace_checks(ROLES_AFTER, ACTIONS_AFTER)


def downgrade() -> None:
    op.execute(sa.text(f"DELETE FROM audit_log WHERE action NOT IN {ACTIONS_BEFORE}"))
    op.execute(sa.text("DELETE FROM user_units WHERE user_id IN (SELECT id FROM users WHERE role = 'agency_officer')"))
    op.execute(sa.text("UPDATE users SET role = 'surveyor' WHERE role = 'agency_officer'"))
    replace_checks(ROLES_BEFORE, ACTIONS_BEFORE)
    for table in ("par_evidence", "par_assessment_values", "par_assessments", "par_scoring_rounds"):
        op.drop_table(table)


def create_rounds() -> None:
    op.create_table(
        "par_scoring_rounds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("definition_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("year BETWEEN 2000 AND 2100", name=op.f("ck_par_scoring_rounds_year_plausible")),
        sa.ForeignKeyConstraint(["definition_id"], ["par_index_definitions.id"],
                                name=op.f("fk_par_scoring_rounds_definition_id_par_index_definitions"),
                                ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_par_scoring_rounds")),
        sa.UniqueConstraint("definition_id", "year", name="uq_par_scoring_rounds_definition_year"),
    )


def create_assessments() -> None:
    op.create_table(
        "par_assessments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("answer", sa.Text(), nullable=True),
        *(sa.Column(f"{step}_at", sa.DateTime(timezone=True), nullable=True)
          for step in ("submitted", "appraised", "answered", "finalised")),
        sa.CheckConstraint(f"status IN {STATUSES}", name=op.f("ck_par_assessments_status_known")),
        sa.ForeignKeyConstraint(["round_id"], ["par_scoring_rounds.id"],
                                name=op.f("fk_par_assessments_round_id_par_scoring_rounds"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_par_assessments_unit_id_units"),
                                ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_par_assessments")),
        sa.UniqueConstraint("round_id", "unit_id", name="uq_par_assessments_round_unit"),
    )
    op.create_index(op.f("ix_par_assessments_round_id"), "par_assessments", ["round_id"], unique=False)
    op.create_index(op.f("ix_par_assessments_unit_id"), "par_assessments", ["unit_id"], unique=False)


def create_values() -> None:
    op.create_table(
        "par_assessment_values",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("sub_criterion", sa.String(length=64), nullable=False),
        sa.Column("claimed", sa.String(length=64), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("appraised", sa.String(length=64), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["assessment_id"], ["par_assessments.id"],
                                name=op.f("fk_par_assessment_values_assessment_id_par_assessments"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_par_assessment_values")),
        sa.UniqueConstraint("assessment_id", "sub_criterion", name="uq_par_assessment_values_item"),
    )
    op.create_index(op.f("ix_par_assessment_values_assessment_id"), "par_assessment_values", ["assessment_id"],
                    unique=False)


def create_evidence() -> None:
    op.create_table(
        "par_evidence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("sub_criterion", sa.String(length=64), nullable=False),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("content_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("size > 0", name=op.f("ck_par_evidence_size_positive")),
        sa.CheckConstraint("length(sha256) = 64", name=op.f("ck_par_evidence_sha256_hex")),
        sa.ForeignKeyConstraint(["assessment_id"], ["par_assessments.id"],
                                name=op.f("fk_par_evidence_assessment_id_par_assessments"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_par_evidence")),
    )
    op.create_index(op.f("ix_par_evidence_assessment_id"), "par_evidence", ["assessment_id"], unique=False)


def replace_checks(roles: tuple[str, ...], actions: tuple[str, ...]) -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_users_role_known"), type_="check")
        batch_op.create_check_constraint("role_known", f"role IN {roles}")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_audit_log_action_known"), type_="check")
        batch_op.create_check_constraint("action_known", f"action IN {actions}")
