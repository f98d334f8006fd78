"""Each campaign sets the interview time under which a timed response is flagged too short.

Revision ID: 2026_11_27_min_seconds
Revises: 2026_11_27_webhook_audit
Create Date: 2026-11-27 09:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "2026_11_27_min_seconds"
down_revision: str | None = "2026_11_27_webhook_audit"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("campaigns", schema=None) as batch_op:
        batch_op.add_column(sa.Column("min_seconds", sa.Integer(), server_default="60", nullable=False))
        batch_op.create_check_constraint(op.f("ck_campaigns_min_seconds_not_negative"), "min_seconds >= 0")


def downgrade() -> None:
    with op.batch_alter_table("campaigns", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_campaigns_min_seconds_not_negative"), type_="check")
        batch_op.drop_column("min_seconds")
