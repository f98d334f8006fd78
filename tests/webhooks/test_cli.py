"""`flask webhooks add | list | remove`: bad input is a message and exit 1, nothing written."""
from sqlalchemy import select

from survey.webhooks.models import WebhookSubscription


def test_add_list_remove(cli, session):
    added = cli("webhooks", "add", "https://mot-cua.example.vn/hook", "--event", "response.created",
                "--event", "campaign.closed")
    assert added.exit_code == 0, added.output
    identifier, secret = added.output.strip().split("\t")
    assert len(secret) >= 32
    listed = cli("webhooks", "list")
    assert "https://mot-cua.example.vn/hook\tresponse.created,campaign.closed\tactive" in listed.output
    assert cli("webhooks", "remove", identifier).exit_code == 0
    assert session.scalars(select(WebhookSubscription)).all() == []


def test_every_event_by_default_and_a_chosen_secret(cli, session):
    added = cli("webhooks", "add", "http://hook.example.vn:9/hook", "--secret", "a-secret-of-twenty-chars")
    assert added.exit_code == 0 and added.output.strip().endswith("a-secret-of-twenty-chars")
    assert len(session.scalar(select(WebhookSubscription)).events) == 4


def test_bad_input_lists_every_problem(cli, session):
    result = cli("webhooks", "add", "ftp://x", "--event", "response.deleted", "--secret", "short")
    assert result.exit_code == 1
    assert "url:" in result.output and "unknown event 'response.deleted'" in result.output
    assert "secret:" in result.output
    assert cli("webhooks", "remove", "999").exit_code == 1
    assert session.scalars(select(WebhookSubscription)).all() == []
