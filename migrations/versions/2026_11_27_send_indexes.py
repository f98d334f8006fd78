"""Indexes for the burst counts of every web send: recent responses by device and by unit.

Revision ID: 2026_11_27_send_indexes
Revises: 2026_11_27_export_jobs
Create Date: 2026-11-27 03:20:00
"""
from collections.abc import Sequence

from alembic import op

revision: str = "2026_11_27_send_indexes"
down_revision: str | None = "2026_11_27_export_jobs"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("responses", schema=None) as batch_op:
        batch_op.create_index("ix_responses_campaign_device_time", ["campaign_id", "device_hash", "submitted_at"])
        batch_op.create_index("ix_responses_campaign_unit_time", ["campaign_id", "unit_id", "submitted_at"])


def downgrade() -> None:
    with op.batch_alter_table("responses", schema=None) as batch_op:
        batch_op.drop_index("ix_responses_campaign_unit_time")
        batch_op.drop_index("ix_responses_campaign_device_time")
