"""The audit log knows the webhook subscriptions added and removed on the administration pages.

Revision ID: 2026_11_27_webhook_audit
Revises: 2026_11_27_send_indexes
Create Date: 2026-11-27 05:30:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "2026_11_27_webhook_audit"
down_revision: str | None = "2026_11_27_send_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BEFORE = (
    "user_created", "role_changed", "units_changed", "user_disabled", "user_enabled", "password_reset",
    "questionnaire_imported", "questionnaire_published", "units_imported", "unit_deactivated", "unit_reactivated",
    "campaign_created", "campaign_updated", "campaign_opened", "campaign_closed", "campaign_cloned",
    "invitations_created", "api_token_created", "api_token_revoked",
)
AFTER = BEFORE + ("webhook_added", "webhook_removed")


def upgrade() -> None:
    replace_check(AFTER)


def downgrade() -> None:
    op.execute(sa.text(f"DELETE FROM audit_log WHERE action NOT IN {BEFORE}"))
    replace_check(BEFORE)


def replace_check(actions: tuple[str, ...]) -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_audit_log_action_known"), type_="check")
        batch_op.create_check_constraint("action_known", f"action IN {actions}")
