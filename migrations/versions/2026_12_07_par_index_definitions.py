"""PAR index definitions: a year's tree of fields, criteria and sub-criteria under a name, as a
draft or published (immutable) document with its content hash (issue 20).

Revision ID: 2026_12_07_par_index_definitions
Revises: 2026_12_06_admin_edit_audit
Create Date: 2026-12-07 09:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "2026_12_07_par_index_definitions"
down_revision: str | None = "2026_12_06_admin_edit_audit"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "par_index_definitions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("document", DOCUMENT, nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("status IN ('draft', 'published')", name=op.f("ck_par_index_definitions_status_known")),
        sa.CheckConstraint("length(content_hash) = 64", name=op.f("ck_par_index_definitions_content_hash_sha256")),
        sa.CheckConstraint("year BETWEEN 2000 AND 2100", name=op.f("ck_par_index_definitions_year_plausible")),
        sa.CheckConstraint("(status = 'published') = (published_at IS NOT NULL)",
                           name=op.f("ck_par_index_definitions_published_when")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_par_index_definitions")),
        sa.UniqueConstraint("year", "name", name="uq_par_index_definitions_year_name"),
    )


def downgrade() -> None:
    op.drop_table("par_index_definitions")
