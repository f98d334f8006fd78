"""The exclusion log's detail as data the supervisors' page says in its reader's language: a key of
their catalogue (`detail_key`) and its parameters (`detail_params`), instead of English text written
by the code (which named an internal endpoint for rate limits). Entries logged before keep their
text in `detail`, shown as it is: they are history. Every entry has the one or the other.

Revision ID: 2026_12_12_exclusion_detail
Revises: 2026_12_11_answers_key_check
Create Date: 2026-12-12 09:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "2026_12_12_exclusion_detail"
down_revision: str | None = "2026_12_11_answers_key_check"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    with op.batch_alter_table("exclusions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("detail_key", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("detail_params", DOCUMENT, nullable=True))
        batch_op.alter_column("detail", existing_type=sa.Text(), nullable=True)
        batch_op.create_check_constraint("detail_text_or_key", "(detail_key IS NULL) <> (detail IS NULL)")


def downgrade() -> None:
    # The older schema holds text only: an entry logged as data keeps its key there.
    op.execute("UPDATE exclusions SET detail = detail_key WHERE detail IS NULL")
    with op.batch_alter_table("exclusions", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_exclusions_detail_text_or_key"), type_="check")
        batch_op.alter_column("detail", existing_type=sa.Text(), nullable=False)
        batch_op.drop_column("detail_params")
        batch_op.drop_column("detail_key")
