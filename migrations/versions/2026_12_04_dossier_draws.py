"""Random draws of dossiers: the log of each draw (seed, the list's checksum and rows, sizes per unit,
when and by whom), each invitation linked to the draw that chose it, and the audit action.

Revision ID: 2026_12_04_dossier_draws
Revises: 2026_11_28_export_error_ref
Create Date: 2026-12-04 23:50:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "2026_12_04_dossier_draws"
down_revision: str | None = "2026_11_28_export_error_ref"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")
BEFORE = (
    "user_created", "role_changed", "units_changed", "user_disabled", "user_enabled", "password_reset",
    "questionnaire_imported", "questionnaire_published", "units_imported", "unit_deactivated", "unit_reactivated",
    "campaign_created", "campaign_updated", "campaign_opened", "campaign_closed", "campaign_cloned",
    "invitations_created", "api_token_created", "api_token_revoked", "webhook_added", "webhook_removed",
)
AFTER = BEFORE + ("dossiers_drawn",)


def upgrade() -> None:
    op.create_table(
        "dossier_draws",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("replacement", sa.Boolean(), nullable=False),
        sa.Column("seed", sa.BigInteger(), nullable=False),
        sa.Column("list_checksum", sa.String(length=64), nullable=False),
        sa.Column("list_rows", sa.Integer(), nullable=False),
        sa.Column("sizes", DOCUMENT, nullable=False),
        sa.Column("drawn_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("drawn_by_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("seed >= 0", name=op.f("ck_dossier_draws_seed_not_negative")),
        sa.CheckConstraint("list_rows >= 0", name=op.f("ck_dossier_draws_list_rows_not_negative")),
        sa.ForeignKeyConstraint(["campaign_id"], ["campaigns.id"], name=op.f("fk_dossier_draws_campaign_id_campaigns"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["drawn_by_id"], ["users.id"], name=op.f("fk_dossier_draws_drawn_by_id_users"),
                                ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dossier_draws")),
    )
    with op.batch_alter_table("dossier_draws", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dossier_draws_campaign_id"), ["campaign_id"], unique=False)
    with op.batch_alter_table("invitations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("draw_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_invitations_draw_id"), ["draw_id"], unique=False)
        batch_op.create_foreign_key(batch_op.f("fk_invitations_draw_id_dossier_draws"), "dossier_draws",
                                    ["draw_id"], ["id"], ondelete="SET NULL")
    replace_check(AFTER)


def downgrade() -> None:
    op.execute(sa.text(f"DELETE FROM audit_log WHERE action NOT IN {BEFORE}"))
    replace_check(BEFORE)
    with op.batch_alter_table("invitations", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_invitations_draw_id_dossier_draws"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_invitations_draw_id"))
        batch_op.drop_column("draw_id")
    op.drop_table("dossier_draws")


def replace_check(actions: tuple[str, ...]) -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_audit_log_action_known"), type_="check")
        batch_op.create_check_constraint("action_known", f"action IN {actions}")
