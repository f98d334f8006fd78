"""Web survey: drafts (partial saves), paradata and flags on responses, invitations, exclusion log.

Revision ID: 2026_11_26_web_survey
Revises: 2026_11_26_initial
Create Date: 2026-11-26 16:26:51.905836
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '2026_11_26_web_survey'
down_revision: str | None = '2026_11_26_initial'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('exclusions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('reason', sa.String(length=32), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=True),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('response_id', sa.Integer(), nullable=True),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.CheckConstraint("reason IN ('rate_limited', 'burst_device', 'burst_unit')", name=op.f('ck_exclusions_reason_known')),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], name=op.f('fk_exclusions_campaign_id_campaigns'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['response_id'], ['responses.id'], name=op.f('fk_exclusions_response_id_responses'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_exclusions_unit_id_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exclusions'))
    )
    with op.batch_alter_table('exclusions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_exclusions_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_exclusions_campaign_id'), ['campaign_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_exclusions_response_id'), ['response_id'], unique=False)

    op.create_table('invitations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token', sa.String(length=64), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('dossier_code', sa.String(length=64), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('response_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("dossier_code <> ''", name=op.f('ck_invitations_dossier_code_not_empty')),
    sa.CheckConstraint('(used_at IS NULL) = (response_id IS NULL)', name=op.f('ck_invitations_used_with_response')),
    sa.ForeignKeyConstraint(['campaign_id', 'unit_id'], ['campaign_units.campaign_id', 'campaign_units.unit_id'], name='fk_invitations_campaign_unit', ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], name=op.f('fk_invitations_campaign_id_campaigns'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['response_id'], ['responses.id'], name=op.f('fk_invitations_response_id_responses'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_invitations_unit_id_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invitations')),
    sa.UniqueConstraint('campaign_id', 'dossier_code', name='uq_invitations_dossier'),
    sa.UniqueConstraint('response_id', name='uq_invitations_response_id'),
    sa.UniqueConstraint('token', name='uq_invitations_token')
    )
    with op.batch_alter_table('invitations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_invitations_campaign_id'), ['campaign_id'], unique=False)

    op.create_table('drafts',
    sa.Column('uuid', sa.Uuid(), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('invitation_id', sa.Integer(), nullable=True),
    sa.Column('resume_code', sa.String(length=8), nullable=False),
    sa.Column('answers', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('section', sa.String(length=64), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('device_class', sa.String(length=16), nullable=False),
    sa.Column('device_hash', sa.String(length=64), nullable=True),
    sa.Column('page_seconds', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("device_class IN ('phone', 'tablet', 'desktop')", name=op.f('ck_drafts_device_class_known')),
    sa.ForeignKeyConstraint(['campaign_id', 'unit_id'], ['campaign_units.campaign_id', 'campaign_units.unit_id'], name='fk_drafts_campaign_unit', ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], name=op.f('fk_drafts_campaign_id_campaigns'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['invitation_id'], ['invitations.id'], name=op.f('fk_drafts_invitation_id_invitations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_drafts_unit_id_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('uuid', name=op.f('pk_drafts')),
    sa.UniqueConstraint('resume_code', name='uq_drafts_resume_code')
    )
    with op.batch_alter_table('drafts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_drafts_campaign_id'), ['campaign_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_drafts_invitation_id'), ['invitation_id'], unique=False)

    with op.batch_alter_table('responses', schema=None) as batch_op:
        batch_op.add_column(sa.Column('device_class', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('device_hash', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('page_seconds', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True))
        batch_op.add_column(sa.Column('flag', sa.String(length=32), nullable=True))
        batch_op.create_index(batch_op.f('ix_responses_device_hash'), ['device_hash'], unique=False)
        batch_op.create_check_constraint(
            op.f('ck_responses_device_class_known'), "device_class IN ('phone', 'tablet', 'desktop')")
        batch_op.create_check_constraint(op.f('ck_responses_flag_known'), "flag IN ('burst_device', 'burst_unit')")



def downgrade() -> None:
    with op.batch_alter_table('responses', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_responses_flag_known'), type_='check')
        batch_op.drop_constraint(op.f('ck_responses_device_class_known'), type_='check')
        batch_op.drop_index(batch_op.f('ix_responses_device_hash'))
        batch_op.drop_column('flag')
        batch_op.drop_column('page_seconds')
        batch_op.drop_column('device_hash')
        batch_op.drop_column('device_class')

    with op.batch_alter_table('drafts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_drafts_invitation_id'))
        batch_op.drop_index(batch_op.f('ix_drafts_campaign_id'))

    op.drop_table('drafts')
    with op.batch_alter_table('invitations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_invitations_campaign_id'))

    op.drop_table('invitations')
    with op.batch_alter_table('exclusions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_exclusions_response_id'))
        batch_op.drop_index(batch_op.f('ix_exclusions_campaign_id'))
        batch_op.drop_index(batch_op.f('ix_exclusions_at'))

    op.drop_table('exclusions')
