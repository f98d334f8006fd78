"""The audit actions of the questionnaire texts edited in the browser and of a campaign moved to
the newest version of its questionnaire.

Revision ID: 2026_12_06_admin_edit_audit
Revises: 2026_12_05_reorganisations
Create Date: 2026-12-06 09:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "2026_12_06_admin_edit_audit"
down_revision: str | None = "2026_12_05_reorganisations"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BEFORE = (
    "user_created", "role_changed", "units_changed", "user_disabled", "user_enabled", "password_reset",
    "questionnaire_imported", "questionnaire_published", "units_imported", "unit_deactivated", "unit_reactivated",
    "campaign_created", "campaign_updated", "campaign_opened", "campaign_closed", "campaign_cloned",
    "invitations_created", "api_token_created", "api_token_revoked", "webhook_added", "webhook_removed",
    "dossiers_drawn", "units_reorganised",
)
AFTER = BEFORE + ("questionnaire_texts_edited", "campaign_version_moved")


def upgrade() -> None:
    replace_check(AFTER)


def downgrade() -> None:
    op.execute(sa.text(f"DELETE FROM audit_log WHERE action NOT IN {BEFORE}"))
    replace_check(BEFORE)


def replace_check(actions: tuple[str, ...]) -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_audit_log_action_known"), type_="check")
        batch_op.create_check_constraint("action_known", f"action IN {actions}")
