"""The audit trail of responses: every change of a status or an answer, who, when, old and new
value, and why.

Revision ID: 2026_11_27_response_changes
Revises: 2026_11_27_api_webhooks
Create Date: 2026-11-27 02:50:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "2026_11_27_response_changes"
down_revision: str | None = "2026_11_27_api_webhooks"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "response_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("response_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("question_key", sa.String(length=64), nullable=True),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.CheckConstraint("kind IN ('status', 'answer')", name=op.f("ck_response_changes_kind_known")),
        sa.CheckConstraint("(kind = 'answer') = (question_key IS NOT NULL)",
                           name=op.f("ck_response_changes_answer_names_question")),
        sa.ForeignKeyConstraint(["actor_id"], ["users.id"], name=op.f("fk_response_changes_actor_id_users"),
                                ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["response_id"], ["responses.id"],
                                name=op.f("fk_response_changes_response_id_responses"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_response_changes")),
    )
    with op.batch_alter_table("response_changes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_response_changes_actor_id"), ["actor_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_response_changes_response_id"), ["response_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("response_changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_response_changes_response_id"))
        batch_op.drop_index(batch_op.f("ix_response_changes_actor_id"))
    op.drop_table("response_changes")
