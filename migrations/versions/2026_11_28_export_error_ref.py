"""A failed export job keeps the reference of its logged exception: the analyst is told that
reference with a catalogue message, never the exception itself.

Revision ID: 2026_11_28_export_error_ref
Revises: 2026_11_27_min_seconds
Create Date: 2026-11-28 09:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "2026_11_28_export_error_ref"
down_revision: str | None = "2026_11_27_min_seconds"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("export_jobs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("error_reference", sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("export_jobs", schema=None) as batch_op:
        batch_op.drop_column("error_reference")
