"""Background exports: a job per export asked for on the analysis pages, with its state, progress,
heartbeat, file and error.

Revision ID: 2026_11_27_export_jobs
Revises: 2026_11_27_paper_entry
Create Date: 2026-11-27 03:00:13
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "2026_11_27_export_jobs"
down_revision: str | None = "2026_11_27_paper_entry"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")
INDEXED = ("campaign_id", "finished_at", "state", "user_id")


def upgrade() -> None:
    op.create_table(
        "export_jobs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("file_format", sa.String(length=8), nullable=False),
        sa.Column("layout", sa.String(length=8), nullable=False),
        sa.Column("weighting", sa.String(length=8), nullable=False),
        sa.Column("margins", sa.Text(), nullable=True),
        sa.Column("filters", DOCUMENT, nullable=False),
        sa.Column("state", sa.String(length=8), nullable=False),
        sa.Column("rows_done", sa.Integer(), nullable=False),
        sa.Column("rows_total", sa.Integer(), nullable=True),
        sa.Column("file_name", sa.String(length=200), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("worker", sa.String(length=120), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("(state = 'done') = (file_name IS NOT NULL)", name=op.f("ck_export_jobs_done_has_file")),
        sa.CheckConstraint("(weighting = 'raked') = (margins IS NOT NULL)",
                           name=op.f("ck_export_jobs_margins_for_raked")),
        sa.CheckConstraint("file_format IN ('csv', 'xlsx', 'sav', 'dta', 'parquet')",
                           name=op.f("ck_export_jobs_format_known")),
        sa.CheckConstraint("layout IN ('wide', 'long')", name=op.f("ck_export_jobs_layout_known")),
        sa.CheckConstraint("state <> 'failed' OR error IS NOT NULL", name=op.f("ck_export_jobs_failed_has_error")),
        sa.CheckConstraint("state IN ('queued', 'running', 'done', 'failed')", name=op.f("ck_export_jobs_state_known")),
        sa.CheckConstraint("weighting IN ('none', 'design', 'raked')", name=op.f("ck_export_jobs_weighting_known")),
        sa.CheckConstraint("rows_done >= 0", name=op.f("ck_export_jobs_rows_done_not_negative")),
        sa.ForeignKeyConstraint(["campaign_id"], ["campaigns.id"], name=op.f("fk_export_jobs_campaign_id_campaigns"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_export_jobs_user_id_users"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_export_jobs")),
    )
    with op.batch_alter_table("export_jobs", schema=None) as batch_op:
        for column in INDEXED:
            batch_op.create_index(batch_op.f(f"ix_export_jobs_{column}"), [column], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("export_jobs", schema=None) as batch_op:
        for column in INDEXED:
            batch_op.drop_index(batch_op.f(f"ix_export_jobs_{column}"))
    op.drop_table("export_jobs")
