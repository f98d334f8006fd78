"""Reorganisations of units (merge, split, replace from a date) and their old-to-new links, and the
audit action that records them.

Revision ID: 2026_12_05_reorganisations
Revises: 2026_12_04_dossier_draws
Create Date: 2026-12-05 10:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "2026_12_05_reorganisations"
down_revision: str | None = "2026_12_04_dossier_draws"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BEFORE = (
    "user_created", "role_changed", "units_changed", "user_disabled", "user_enabled", "password_reset",
    "questionnaire_imported", "questionnaire_published", "units_imported", "unit_deactivated", "unit_reactivated",
    "campaign_created", "campaign_updated", "campaign_opened", "campaign_closed", "campaign_cloned",
    "invitations_created", "api_token_created", "api_token_revoked", "webhook_added", "webhook_removed",
    "dossiers_drawn",
)
AFTER = BEFORE + ("units_reorganised",)


def upgrade() -> None:
    op.create_table(
        "reorganisations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("effective_on", sa.Date(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("kind IN ('merge', 'split', 'replace')", name=op.f("ck_reorganisations_kind_known")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reorganisations")),
    )
    with op.batch_alter_table("reorganisations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reorganisations_effective_on"), ["effective_on"], unique=False)
    op.create_table(
        "reorganisation_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reorganisation_id", sa.Integer(), nullable=False),
        sa.Column("old_unit_id", sa.Integer(), nullable=False),
        sa.Column("new_unit_id", sa.Integer(), nullable=False),
        sa.Column("share", sa.Float(), nullable=True),
        sa.CheckConstraint("share IS NULL OR (share > 0 AND share <= 1)",
                           name=op.f("ck_reorganisation_links_share_fraction")),
        sa.ForeignKeyConstraint(["reorganisation_id"], ["reorganisations.id"],
                                name=op.f("fk_reorganisation_links_reorganisation_id_reorganisations"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["old_unit_id"], ["units.id"],
                                name=op.f("fk_reorganisation_links_old_unit_id_units"), ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["new_unit_id"], ["units.id"],
                                name=op.f("fk_reorganisation_links_new_unit_id_units"), ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reorganisation_links")),
        sa.UniqueConstraint("reorganisation_id", "old_unit_id", "new_unit_id",
                            name="uq_reorganisation_links_once"),
    )
    with op.batch_alter_table("reorganisation_links", schema=None) as batch_op:
        for column in ("reorganisation_id", "old_unit_id", "new_unit_id"):
            batch_op.create_index(batch_op.f(f"ix_reorganisation_links_{column}"), [column], unique=False)
    replace_check(AFTER)


def downgrade() -> None:
    op.execute(sa.text(f"DELETE FROM audit_log WHERE action NOT IN {BEFORE}"))
    replace_check(BEFORE)
    op.drop_table("reorganisation_links")
    op.drop_table("reorganisations")


def replace_check(actions: tuple[str, ...]) -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_audit_log_action_known"), type_="check")
        batch_op.create_check_constraint("action_known", f"action IN {actions}")
