"""Paper entry: every keyed paper form (pass 1 or 2), and the discrepancies of double entry with
the supervisor's decisions.

Revision ID: 2026_11_27_paper_entry
Revises: 2026_11_27_response_changes
Create Date: 2026-11-27 03:10:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "2026_11_27_paper_entry"
down_revision: str | None = "2026_11_27_response_changes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "paper_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.Uuid(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("serial", sa.String(length=64), nullable=False),
        sa.Column("pass_number", sa.Integer(), nullable=False),
        sa.Column("keyed_by_id", sa.Integer(), nullable=False),
        sa.Column("keyed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("seconds", sa.Float(), nullable=True),
        sa.Column("answers", DOCUMENT, nullable=False),
        sa.Column("response_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("pass_number IN (1, 2)", name=op.f("ck_paper_entries_pass_known")),
        sa.CheckConstraint("serial <> ''", name=op.f("ck_paper_entries_serial_not_empty")),
        sa.CheckConstraint("seconds IS NULL OR seconds >= 0", name=op.f("ck_paper_entries_seconds_not_negative")),
        sa.ForeignKeyConstraint(["campaign_id", "unit_id"], ["campaign_units.campaign_id", "campaign_units.unit_id"],
                                name="fk_paper_entries_campaign_unit", ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["campaign_id"], ["campaigns.id"], name=op.f("fk_paper_entries_campaign_id_campaigns"),
                                ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["keyed_by_id"], ["users.id"], name=op.f("fk_paper_entries_keyed_by_id_users"),
                                ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["response_id"], ["responses.id"],
                                name=op.f("fk_paper_entries_response_id_responses"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_paper_entries_unit_id_units"),
                                ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_paper_entries")),
        sa.UniqueConstraint("campaign_id", "serial", "keyed_by_id", name="uq_paper_entries_keyer"),
        sa.UniqueConstraint("campaign_id", "serial", "pass_number", name="uq_paper_entries_pass"),
        sa.UniqueConstraint("uuid", name="uq_paper_entries_uuid"),
    )
    with op.batch_alter_table("paper_entries", schema=None) as batch_op:
        for column in ("campaign_id", "unit_id", "keyed_by_id", "keyed_at", "response_id"):
            batch_op.create_index(batch_op.f(f"ix_paper_entries_{column}"), [column], unique=False)
    op.create_table(
        "entry_discrepancies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("serial", sa.String(length=64), nullable=False),
        sa.Column("question_key", sa.String(length=64), nullable=False),
        sa.Column("first_value", sa.Text(), nullable=True),
        sa.Column("second_value", sa.Text(), nullable=True),
        sa.Column("choice", sa.String(length=16), nullable=True),
        sa.Column("chosen_value", sa.Text(), nullable=True),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("choice IN ('first', 'second', 'corrected')",
                           name=op.f("ck_entry_discrepancies_choice_known")),
        sa.CheckConstraint("(choice IS NULL) = (decided_at IS NULL) AND (choice IS NULL) = (decided_by_id IS NULL)",
                           name=op.f("ck_entry_discrepancies_decision_complete")),
        sa.CheckConstraint("first_value IS NOT NULL OR second_value IS NOT NULL",
                           name=op.f("ck_entry_discrepancies_values_differ")),
        sa.ForeignKeyConstraint(["campaign_id"], ["campaigns.id"],
                                name=op.f("fk_entry_discrepancies_campaign_id_campaigns"), ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["decided_by_id"], ["users.id"],
                                name=op.f("fk_entry_discrepancies_decided_by_id_users"), ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entry_discrepancies")),
        sa.UniqueConstraint("campaign_id", "serial", "question_key", name="uq_entry_discrepancies_question"),
    )
    with op.batch_alter_table("entry_discrepancies", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_entry_discrepancies_campaign_id"), ["campaign_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_entry_discrepancies_decided_by_id"), ["decided_by_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("entry_discrepancies", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_entry_discrepancies_decided_by_id"))
        batch_op.drop_index(batch_op.f("ix_entry_discrepancies_campaign_id"))
    op.drop_table("entry_discrepancies")
    with op.batch_alter_table("paper_entries", schema=None) as batch_op:
        for column in ("response_id", "keyed_at", "keyed_by_id", "unit_id", "campaign_id"):
            batch_op.drop_index(batch_op.f(f"ix_paper_entries_{column}"))
    op.drop_table("paper_entries")
