"""Initial schema: units, questionnaires and versions, campaigns, responses and answers, users.

Revision ID: 2026_11_26_initial
Revises:
Create Date: 2026-11-26 16:06:46.595116
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '2026_11_26_initial'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('questionnaires',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=64), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('draft', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("slug <> ''", name=op.f('ck_questionnaires_slug_not_empty')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_questionnaires')),
    sa.UniqueConstraint('slug', name=op.f('uq_questionnaires_slug'))
    )
    op.create_table('units',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=True),
    sa.Column('level', sa.String(length=16), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.CheckConstraint("code <> ''", name=op.f('ck_units_code_not_empty')),
    sa.CheckConstraint("level IN ('province', 'department', 'district', 'commune')", name=op.f('ck_units_level_known')),
    sa.CheckConstraint('parent_id IS NULL OR parent_id <> id', name=op.f('ck_units_not_own_parent')),
    sa.ForeignKeyConstraint(['parent_id'], ['units.id'], name=op.f('fk_units_parent_id_units'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_units')),
    sa.UniqueConstraint('code', name=op.f('uq_units_code'))
    )
    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_units_parent_id'), ['parent_id'], unique=False)

    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('full_name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("role IN ('admin', 'supervisor', 'surveyor', 'analyst')", name=op.f('ck_users_role_known')),
    sa.CheckConstraint("username <> ''", name=op.f('ck_users_username_not_empty')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('username', name=op.f('uq_users_username'))
    )
    op.create_table('questionnaire_versions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('questionnaire_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('definition', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('length(content_hash) = 64', name=op.f('ck_questionnaire_versions_content_hash_sha256')),
    sa.CheckConstraint('number >= 1', name=op.f('ck_questionnaire_versions_number_positive')),
    sa.ForeignKeyConstraint(['questionnaire_id'], ['questionnaires.id'], name=op.f('fk_questionnaire_versions_questionnaire_id_questionnaires'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_questionnaire_versions')),
    sa.UniqueConstraint('questionnaire_id', 'content_hash', name='uq_questionnaire_versions_content'),
    sa.UniqueConstraint('questionnaire_id', 'number', name='uq_questionnaire_versions_number')
    )
    op.create_table('user_units',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_user_units_unit_id_units'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_user_units_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'unit_id', name=op.f('pk_user_units'))
    )
    op.create_table('campaigns',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('questionnaire_version_id', sa.Integer(), nullable=False),
    sa.Column('opens_on', sa.Date(), nullable=True),
    sa.Column('closes_on', sa.Date(), nullable=True),
    sa.Column('double_entry', sa.Boolean(), nullable=False),
    sa.Column('min_cell_size', sa.Integer(), nullable=False),
    sa.CheckConstraint("slug <> ''", name=op.f('ck_campaigns_slug_not_empty')),
    sa.CheckConstraint('(opens_on IS NULL) = (closes_on IS NULL)', name=op.f('ck_campaigns_dates_both_or_neither')),
    sa.CheckConstraint('closes_on >= opens_on', name=op.f('ck_campaigns_closes_after_opening')),
    sa.CheckConstraint('min_cell_size >= 1', name=op.f('ck_campaigns_min_cell_size_positive')),
    sa.ForeignKeyConstraint(['questionnaire_version_id'], ['questionnaire_versions.id'], name=op.f('fk_campaigns_questionnaire_version_id_questionnaire_versions'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_campaigns')),
    sa.UniqueConstraint('slug', name=op.f('uq_campaigns_slug'))
    )
    with op.batch_alter_table('campaigns', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_campaigns_questionnaire_version_id'), ['questionnaire_version_id'], unique=False)

    op.create_table('version_questions',
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('section', sa.String(length=64), nullable=False),
    sa.Column('type', sa.String(length=32), nullable=False),
    sa.CheckConstraint("key <> ''", name=op.f('ck_version_questions_key_not_empty')),
    sa.ForeignKeyConstraint(['version_id'], ['questionnaire_versions.id'], name=op.f('fk_version_questions_version_id_questionnaire_versions'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('version_id', 'key', name=op.f('pk_version_questions')),
    sa.UniqueConstraint('version_id', 'position', name='uq_version_questions_position')
    )
    op.create_table('campaign_channels',
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.CheckConstraint("channel IN ('web', 'paper', 'interviewer')", name=op.f('ck_campaign_channels_channel_known')),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], name=op.f('fk_campaign_channels_campaign_id_campaigns'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('campaign_id', 'channel', name=op.f('pk_campaign_channels'))
    )
    op.create_table('campaign_units',
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('quota', sa.Integer(), nullable=True),
    sa.Column('transactions', sa.Integer(), nullable=True),
    sa.CheckConstraint('quota IS NULL OR quota >= 0', name=op.f('ck_campaign_units_quota_not_negative')),
    sa.CheckConstraint('transactions IS NULL OR transactions >= 0', name=op.f('ck_campaign_units_transactions_not_negative')),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], name=op.f('fk_campaign_units_campaign_id_campaigns'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_campaign_units_unit_id_units'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('campaign_id', 'unit_id', name=op.f('pk_campaign_units'))
    )
    op.create_table('quotas',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('question_key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.String(length=64), nullable=False),
    sa.Column('target', sa.Integer(), nullable=False),
    sa.CheckConstraint("question_key <> '' AND value <> ''", name=op.f('ck_quotas_stratum_not_empty')),
    sa.CheckConstraint('target >= 0', name=op.f('ck_quotas_target_not_negative')),
    sa.ForeignKeyConstraint(['campaign_id', 'unit_id'], ['campaign_units.campaign_id', 'campaign_units.unit_id'], name='fk_quotas_campaign_unit', ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quotas')),
    sa.UniqueConstraint('campaign_id', 'unit_id', 'question_key', 'value', name='uq_quotas_stratum')
    )
    op.create_table('responses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.Uuid(), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('questionnaire_version_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('rejection_reason', sa.Text(), nullable=True),
    sa.Column('paper_serial', sa.String(length=64), nullable=True),
    sa.Column('entered_by_id', sa.Integer(), nullable=True),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("(status = 'rejected') = (rejection_reason IS NOT NULL)", name=op.f('ck_responses_rejection_has_reason')),
    sa.CheckConstraint("channel <> 'paper' OR paper_serial IS NOT NULL", name=op.f('ck_responses_paper_has_serial')),
    sa.CheckConstraint("channel IN ('web', 'paper', 'interviewer')", name=op.f('ck_responses_channel_known')),
    sa.CheckConstraint("paper_serial <> ''", name=op.f('ck_responses_paper_serial_not_empty')),
    sa.CheckConstraint("status IN ('submitted', 'verified', 'rejected')", name=op.f('ck_responses_status_known')),
    sa.CheckConstraint('submitted_at >= started_at', name=op.f('ck_responses_submitted_after_start')),
    sa.ForeignKeyConstraint(['campaign_id', 'channel'], ['campaign_channels.campaign_id', 'campaign_channels.channel'], name='fk_responses_campaign_channel', ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['campaign_id', 'unit_id'], ['campaign_units.campaign_id', 'campaign_units.unit_id'], name='fk_responses_campaign_unit', ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], name=op.f('fk_responses_campaign_id_campaigns'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['entered_by_id'], ['users.id'], name=op.f('fk_responses_entered_by_id_users'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['questionnaire_version_id'], ['questionnaire_versions.id'], name=op.f('fk_responses_questionnaire_version_id_questionnaire_versions'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_responses_unit_id_units'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_responses')),
    sa.UniqueConstraint('campaign_id', 'paper_serial', name='uq_responses_paper_serial'),
    sa.UniqueConstraint('id', 'questionnaire_version_id', name='uq_responses_id_version'),
    sa.UniqueConstraint('uuid', name='uq_responses_uuid')
    )
    with op.batch_alter_table('responses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_responses_campaign_id'), ['campaign_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_responses_entered_by_id'), ['entered_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_responses_questionnaire_version_id'), ['questionnaire_version_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_responses_unit_id'), ['unit_id'], unique=False)

    op.create_table('answers',
    sa.Column('response_id', sa.Integer(), nullable=False),
    sa.Column('question_key', sa.String(length=64), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('number', sa.Float(), nullable=True),
    sa.CheckConstraint("value <> ''", name=op.f('ck_answers_value_not_empty')),
    sa.ForeignKeyConstraint(['response_id', 'version_id'], ['responses.id', 'responses.questionnaire_version_id'], name='fk_answers_response', ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['version_id', 'question_key'], ['version_questions.version_id', 'version_questions.key'], name='fk_answers_question', ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('response_id', 'question_key', name=op.f('pk_answers'))
    )
    with op.batch_alter_table('answers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_answers_version_id'), ['version_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('answers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_answers_version_id'))

    op.drop_table('answers')
    with op.batch_alter_table('responses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_responses_unit_id'))
        batch_op.drop_index(batch_op.f('ix_responses_questionnaire_version_id'))
        batch_op.drop_index(batch_op.f('ix_responses_entered_by_id'))
        batch_op.drop_index(batch_op.f('ix_responses_campaign_id'))

    op.drop_table('responses')
    op.drop_table('quotas')
    op.drop_table('campaign_units')
    op.drop_table('campaign_channels')
    op.drop_table('version_questions')
    with op.batch_alter_table('campaigns', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_campaigns_questionnaire_version_id'))

    op.drop_table('campaigns')
    op.drop_table('user_units')
    op.drop_table('questionnaire_versions')
    op.drop_table('users')
    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_units_parent_id'))

    op.drop_table('units')
    op.drop_table('questionnaires')
