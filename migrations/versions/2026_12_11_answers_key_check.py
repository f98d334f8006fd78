"""Drop the index on `responses.questionnaire_version_id` alone: an answer's foreign key to its
response, (response_id, version_id) → responses (id, questionnaire_version_id), is checked for every
answer row, and with that index beside the unique one on (id, questionnaire_version_id) PostgreSQL
could plan the check as a walk of every response of the version (its generic plan costs both alike
on a table not yet analysed): in the load bench one read of the responses per answer, 38 per send
(issue 19). No query selects responses by version alone; deleting a version (refused while responses
point at it) is the only reader, and it is rare.

Revision ID: 2026_12_11_answers_key_check
Revises: 2026_12_10_par_scoring
Create Date: 2026-12-11 09:00:00
"""
from collections.abc import Sequence

from alembic import op

revision: str = "2026_12_11_answers_key_check"
down_revision: str | None = "2026_12_10_par_scoring"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("responses", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_responses_questionnaire_version_id"))


def downgrade() -> None:
    with op.batch_alter_table("responses", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_responses_questionnaire_version_id"), ["questionnaire_version_id"],
                              unique=False)
