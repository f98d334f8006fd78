"""The audit log names what an action was on when it is not an account (a campaign, a unit,
a questionnaire, an API token), and knows the administrative actions of those pages.

Revision ID: 2026_11_27_audit_subjects
Revises: 2026_11_26_accounts
Create Date: 2026-11-27 02:45:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "2026_11_27_audit_subjects"
down_revision: str | None = "2026_11_26_accounts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BEFORE = ("user_created", "role_changed", "units_changed", "user_disabled", "user_enabled", "password_reset")
AFTER = BEFORE + (
    "questionnaire_imported", "questionnaire_published", "units_imported", "unit_deactivated", "unit_reactivated",
    "campaign_created", "campaign_updated", "campaign_opened", "campaign_closed", "campaign_cloned",
    "invitations_created", "api_token_created", "api_token_revoked",
)


def upgrade() -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("subject", sa.String(length=160), nullable=True))
        batch_op.drop_constraint(batch_op.f("ck_audit_log_action_known"), type_="check")
        batch_op.create_check_constraint("action_known", f"action IN {AFTER}")


def downgrade() -> None:
    op.execute(sa.text(f"DELETE FROM audit_log WHERE action NOT IN {BEFORE}"))
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_audit_log_action_known"), type_="check")
        batch_op.create_check_constraint("action_known", f"action IN {BEFORE}")
        batch_op.drop_column("subject")
