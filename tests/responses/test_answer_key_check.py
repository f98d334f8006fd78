"""The check of an answer's foreign key to its response, (response_id, version_id) → responses (id,
questionnaire_version_id), runs once per answer row: its plan must find the one response by id, never
walk the responses of a version (issue 19; migration 2026_12_11_answers_key_check)."""
import pytest
from sqlalchemy import text

KEY_CHECK = ("PREPARE answer_key_check(int, int) AS SELECT 1 FROM ONLY responses x "
             "WHERE id = $1 AND questionnaire_version_id = $2 FOR KEY SHARE OF x")


def test_the_answers_key_is_checked_by_the_responses_id(session):
    """PostgreSQL plans the check once per connection, generic: as on a table not yet analysed."""
    if session.get_bind().dialect.name != "postgresql":
        pytest.skip("the plan of PostgreSQL's foreign-key check")
    connection = session.connection()
    connection.execute(text("SET LOCAL plan_cache_mode = force_generic_plan"))
    connection.execute(text(KEY_CHECK))
    try:
        plan = "\n".join(connection.scalars(text("EXPLAIN EXECUTE answer_key_check(1, 1)")))
    finally:
        connection.execute(text("DEALLOCATE answer_key_check"))
    condition = next(line for line in plan.splitlines() if "Index Cond" in line)
    assert "(id = $1)" in condition, plan
