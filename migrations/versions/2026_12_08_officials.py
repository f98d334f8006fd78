"""The officials' register of the PAR INDEX leaders' survey: who is invited (name, position, unit,
respondent group, contact) and whether their single invitation was made; no link to it (issue 20).

Revision ID: 2026_12_08_officials
Revises: 2026_12_07_par_index_definitions
Create Date: 2026-12-08 09:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "2026_12_08_officials"
down_revision: str | None = "2026_12_07_par_index_definitions"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GROUPS = "('council_member', 'department_leader', 'division_leader', 'commune_leader', 'district_leader')"


def upgrade() -> None:
    op.create_table(
        "officials",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("position", sa.String(length=200), nullable=False),
        sa.Column("respondent_group", sa.String(length=32), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("phone", sa.String(length=32), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("invited_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(f"respondent_group IN {GROUPS}", name=op.f("ck_officials_group_known")),
        sa.CheckConstraint("name <> ''", name=op.f("ck_officials_name_not_empty")),
        sa.ForeignKeyConstraint(["campaign_id", "unit_id"], ["campaign_units.campaign_id", "campaign_units.unit_id"],
                                name="fk_officials_campaign_unit", ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["campaign_id"], ["campaigns.id"], name=op.f("fk_officials_campaign_id_campaigns"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_officials_unit_id_units"),
                                ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_officials")),
        sa.UniqueConstraint("campaign_id", "unit_id", "name", name="uq_officials_campaign_unit_name"),
    )
    op.create_index(op.f("ix_officials_campaign_id"), "officials", ["campaign_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_officials_campaign_id"), table_name="officials")
    op.drop_table("officials")
