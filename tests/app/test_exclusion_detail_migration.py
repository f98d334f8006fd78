"""The migration that stores the exclusion log's details as data keeps the entries logged as text."""
from alembic import command
from sqlalchemy import text

from tests.app.test_migrations import empty_database, run_on  # noqa: F401 (a fixture)


def test_an_entry_logged_as_text_is_kept_as_it_is(empty_database):
    url, schema = empty_database
    kept = []

    def upgrade_with_an_entry(config, connection):
        command.upgrade(config, "2026_12_11_answers_key_check")
        connection.execute(text("INSERT INTO exclusions (at, reason, detail) VALUES "
                                "(CURRENT_TIMESTAMP, 'rate_limited', '10 per 1 hour on questionnaire.submit')"))
        command.upgrade(config, "2026_12_12_exclusion_detail")
        kept.extend(connection.execute(text("SELECT detail, detail_key, detail_params FROM exclusions")))

    run_on(url, schema, upgrade_with_an_entry)
    assert [tuple(row) for row in kept] == [("10 per 1 hour on questionnaire.submit", None, None)]
