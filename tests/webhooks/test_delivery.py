"""Webhook posts: signed, retried with exponential backoff after failures, given up after the limit,
logged; and `flask webhooks deliver --once` end to end against a local receiver."""
import json
import time
from datetime import timedelta

from sqlalchemy import select

from survey.db import utcnow
from survey.responses.operations import record_response
from survey.webhooks.delivery import Policy, claim, dispatch, record, send
from survey.webhooks.models import WebhookDelivery
from survey.webhooks.operations import add_subscription
from survey.webhooks.signing import SIGNATURE_HEADER, TIMESTAMP_HEADER, sign, verify
from tests.webhooks.conftest import LOCAL as POLICY


def stored_response(session, make_campaign, make_submission):
    campaign = make_campaign()
    response, _ = record_response(session, make_submission(campaign), campaign.opens_on)
    session.commit()
    return response


def attempt(session, now):
    """One claim-post-record pass at `now`; the deliveries touched."""
    posts = claim(session, now, POLICY)
    session.commit()
    done = [record(session, post, send(post, POLICY), now, POLICY) for post in posts]
    session.commit()
    return done


def test_a_post_is_signed_and_its_signature_verifies(session, make_campaign, make_submission, receiver):
    hook = receiver(200)
    subscription = add_subscription(session, hook.url, ["response.created"], None, secret="s" * 32)
    response = stored_response(session, make_campaign, make_submission)
    assert dispatch(session, utcnow()) == 1
    session.commit()
    [delivery] = attempt(session, utcnow())
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("delivered", 1, 200)
    headers, body = hook.posts[0]
    assert verify(subscription.secret, headers[TIMESTAMP_HEADER], body, headers[SIGNATURE_HEADER], utcnow().timestamp())
    assert not verify("another secret of 32 characters", headers[TIMESTAMP_HEADER], body,
                      headers[SIGNATURE_HEADER], utcnow().timestamp())
    assert not verify(subscription.secret, headers[TIMESTAMP_HEADER], body + b" ", headers[SIGNATURE_HEADER],
                      utcnow().timestamp())
    document = json.loads(body)
    assert document["event"] == "response.created" and headers["X-Survey-Event"] == "response.created"
    assert document["data"]["response"]["uuid"] == str(response.uuid)


def test_a_stale_timestamp_does_not_verify():
    body, stamp = b"{}", int(time.time()) - 3600
    assert not verify("k" * 20, str(stamp), body, sign("k" * 20, stamp, body), time.time())
    assert verify("k" * 20, str(stamp), body, sign("k" * 20, stamp, body), stamp + 10)


def test_a_failing_receiver_is_retried_with_backoff_until_it_succeeds(session, make_campaign, make_submission,
                                                                       receiver):
    hook = receiver(500, 503, 200)
    add_subscription(session, hook.url, ["response.created"], None)
    stored_response(session, make_campaign, make_submission)
    start = utcnow()
    dispatch(session, start)
    session.commit()
    [first] = attempt(session, start)
    assert (first.status, first.attempts, first.last_status_code) == ("pending", 1, 500)
    assert first.next_attempt_at == start + timedelta(seconds=30)
    assert attempt(session, start + timedelta(seconds=29)) == []  # not due yet
    [second] = attempt(session, start + timedelta(seconds=30))
    assert (second.attempts, second.last_status_code, second.last_error) == (2, 503, "status")
    assert second.next_attempt_at == start + timedelta(seconds=30 + 60)
    [third] = attempt(session, start + timedelta(seconds=90))
    assert (third.status, third.attempts, third.last_status_code, third.next_attempt_at) == ("delivered", 3, 200, None)
    assert len(hook.posts) == 3 and len({body for _, body in hook.posts}) == 1  # the same event each time


def test_a_receiver_that_never_answers_well_is_given_up(session, make_campaign, make_submission, receiver):
    hook = receiver(500)
    add_subscription(session, hook.url, ["response.created"], None)
    stored_response(session, make_campaign, make_submission)
    now = utcnow()
    dispatch(session, now)
    session.commit()
    for _ in range(POLICY.max_attempts):
        [delivery] = attempt(session, now)
        now = now + timedelta(hours=2)
    assert (delivery.status, delivery.attempts, delivery.next_attempt_at) == ("failed", 3, None)
    assert attempt(session, now + timedelta(days=1)) == []


def test_an_unreachable_receiver_is_logged_as_an_error(session, make_campaign, make_submission, receiver):
    hook = receiver(200)
    url = hook.url
    hook.close()
    add_subscription(session, url, ["response.created"], None)
    stored_response(session, make_campaign, make_submission)
    dispatch(session, utcnow())
    session.commit()
    [delivery] = attempt(session, utcnow())
    assert (delivery.status, delivery.last_status_code, delivery.last_error) == ("pending", None, "unreachable")


def test_backoff_doubles_and_is_capped():
    policy = Policy(base_delay=30, max_delay=100)
    assert [policy.delay(n).total_seconds() for n in (1, 2, 3, 4)] == [30, 60, 100, 100]


def test_only_subscriptions_listening_to_the_event_get_it(session, make_campaign, make_submission, receiver):
    deaf, listening = receiver(200), receiver(200)
    add_subscription(session, deaf.url, ["campaign.closed"], None)
    wanted = add_subscription(session, listening.url, ["response.created"], None)
    stored_response(session, make_campaign, make_submission)
    assert dispatch(session, utcnow()) == 1
    assert dispatch(session, utcnow()) == 0  # dispatched once: the event is not handed out again
    session.commit()
    attempt(session, utcnow())
    assert session.scalars(select(WebhookDelivery.subscription_id)).all() == [wanted.id]
    assert (len(listening.posts), deaf.posts) == (1, [])


def test_flask_webhooks_deliver_once_posts_the_outbox(cli, session, make_campaign, make_submission, receiver):
    hook = receiver(200)
    added = cli("webhooks", "add", hook.url, "--event", "response.created")
    assert added.exit_code == 0, added.output
    stored_response(session, make_campaign, make_submission)
    result = cli("webhooks", "deliver", "--once")
    assert result.exit_code == 0, result.output
    assert "1 delivered" in result.output and len(hook.posts) == 1
    assert session.scalar(select(WebhookDelivery.status)) == "delivered"


def test_the_loop_outlives_an_unreachable_database(app, session, monkeypatch):
    from sqlalchemy.exc import OperationalError

    from survey.webhooks import worker

    def down(_policy):
        raise OperationalError("SELECT 1", {}, ConnectionRefusedError("connection refused"))
    monkeypatch.setattr(worker, "deliver_round", down)
    said = []
    worker.run(POLICY, poll=0, once=True, report=said.append)
    assert said == ["database unavailable, retrying in 0 s: ConnectionRefusedError"]
