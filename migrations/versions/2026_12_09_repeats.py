"""Answers of a repeat (a household roster) stored per instance: `answers.instance` is 0 outside a
repeat and 1..n for the n-th instance, and joins the answers' primary key (issue 17).

Going down keeps only the answers outside repeats (instance 0): the old key holds one answer per
question, so the instances of a repeat cannot be kept there.

Revision ID: 2026_12_09_repeats
Revises: 2026_12_08_officials
Create Date: 2026-12-09 09:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "2026_12_09_repeats"
down_revision: str | None = "2026_12_08_officials"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("answers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("instance", sa.Integer(), server_default="0", nullable=False))
        batch_op.drop_constraint(batch_op.f("pk_answers"), type_="primary")
        batch_op.create_primary_key("pk_answers", ["response_id", "question_key", "instance"])
        batch_op.create_check_constraint("instance_not_negative", "instance >= 0")


def downgrade() -> None:
    op.execute(sa.text("DELETE FROM answers WHERE instance <> 0"))
    with op.batch_alter_table("answers", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_answers_instance_not_negative"), type_="check")
        batch_op.drop_constraint(batch_op.f("pk_answers"), type_="primary")
        batch_op.create_primary_key("pk_answers", ["response_id", "question_key"])
        batch_op.drop_column("instance")
