"""Every delivery error is caught and logged per subscriber with a generic reason: a URL with a
space, an address that is not public (refused before any connection, whatever the host resolves
to), a receiver answering garbage or redirecting; one bad receiver never stops the others."""
import pytest
from sqlalchemy import select

from survey.responses.operations import record_response
from survey.webhooks.delivery import Policy, Post, send
from survey.webhooks.models import WebhookDelivery, WebhookSubscription
from tests.webhooks.conftest import GARBAGE, LOCAL

NOWHERE = Policy(timeout=5)  # no host allowed


def outcome(url: str, policy: Policy) -> tuple[int | None, str | None]:
    """The status code and the error `send` logs for a post to `url`."""
    done = send(Post(delivery_id=1, event_id=1, event="response.created", url=url, secret="s" * 32, body=b"{}"),
                policy)
    return done.status_code, done.error


@pytest.mark.parametrize("url", ["http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/hook",
                                 "http://[::1]:{port}/hook", "http://[::ffff:127.0.0.1]:{port}/hook",
                                 "http://127.0.0.1:{port}/hook", "http://0.0.0.0:{port}/hook",
                                 "http://2130706433:{port}/hook", "http://[2002:7f00:1::]/hook", "http://224.0.0.1/"])
def test_an_address_that_is_not_public_is_refused_before_connecting(url, receiver, connections):
    hook = receiver(200)
    assert outcome(url.format(port=hook.port), NOWHERE) == (None, "not_allowed")
    assert connections == [] and hook.posts == []


@pytest.mark.parametrize("addresses", [["127.0.0.1"], ["::ffff:127.0.0.1"], ["93.184.216.34", "10.0.0.1"],
                                       ["169.254.169.254"]])
def test_a_name_resolving_to_an_address_that_is_not_public_is_refused(addresses, dns, connections):
    dns["hook.example.vn"] = addresses
    assert outcome("https://hook.example.vn/hook", NOWHERE) == (None, "not_allowed")
    assert connections == [] and dns.asked["hook.example.vn"] == 1


def test_an_allowed_name_is_posted_to_the_address_that_was_checked(receiver, dns, connections):
    hook = receiver(200)
    dns["receiver.test"] = [["127.0.0.1"], ["10.1.2.3"]]  # a second lookup would answer elsewhere
    policy = Policy(timeout=5, allowed_hosts=frozenset({"receiver.test"}))
    assert outcome(f"http://receiver.test:{hook.port}/hook?x=1", policy) == (200, None)
    assert dns.asked["receiver.test"] == 1 and connections == ["127.0.0.1"]
    assert hook.posts[0][0]["Host"] == f"receiver.test:{hook.port}" and hook.paths == ["/hook?x=1"]


def test_a_name_that_does_not_resolve_is_unreachable(dns, connections):
    dns["gone.example.vn"] = []
    assert outcome("https://gone.example.vn/hook", NOWHERE) == (None, "unreachable")
    assert connections == []


def test_a_url_with_a_space_is_logged_not_raised(connections):
    assert outcome("https://mot-cua.example.vn/ho ok", LOCAL) == (None, "url")
    assert outcome("http://exa mple.vn/hook", LOCAL) == (None, "url")
    assert connections == []


def test_a_receiver_answering_garbage_is_unreachable(receiver):
    hook = receiver(GARBAGE)
    assert outcome(hook.url, LOCAL) == (None, "unreachable")
    assert len(hook.posts) == 1


def test_a_redirect_is_an_answer_not_followed(receiver):
    hook = receiver(302, 200)
    assert outcome(hook.url, LOCAL) == (302, "redirect")
    assert hook.paths == ["/hook"]


def test_a_round_delivers_to_the_good_subscriber_whatever_the_bad_ones_do(cli, session, make_campaign,
                                                                          make_submission, receiver):
    good, garbage = receiver(200), receiver(GARBAGE)
    for url in (garbage.url, "https://mot-cua.example.vn/ho ok", "http://169.254.169.254/latest/", good.url):
        session.add(WebhookSubscription(url=url, events=["response.created"], secret="s" * 32, active=True))
    campaign = make_campaign()
    record_response(session, make_submission(campaign), campaign.opens_on)
    session.commit()
    result = cli("webhooks", "deliver", "--once")
    assert result.exit_code == 0, result.output
    assert "4 posted, 1 delivered" in result.output and len(good.posts) == 1
    logged = session.execute(select(WebhookSubscription.url, WebhookDelivery.status, WebhookDelivery.attempts,
                                    WebhookDelivery.last_error).join(WebhookDelivery.subscription)).all()
    assert sorted(logged) == sorted([(garbage.url, "pending", 1, "unreachable"),
                                     ("https://mot-cua.example.vn/ho ok", "pending", 1, "url"),
                                     ("http://169.254.169.254/latest/", "pending", 1, "not_allowed"),
                                     (good.url, "delivered", 1, None)])


def test_the_delivery_log_gives_a_generic_reason(cli, staff, make_user, session, make_campaign, make_submission,
                                                 receiver):
    closed = receiver(200)
    closed.close()  # its port now refuses connections
    session.add(WebhookSubscription(url=closed.url, events=["response.created"], secret="s" * 32, active=True))
    campaign = make_campaign()
    record_response(session, make_submission(campaign), campaign.opens_on)
    session.commit()
    assert cli("webhooks", "deliver", "--once").exit_code == 0
    make_user("quantri", "admin")
    staff.sign_in("quantri")
    assert staff.get("/quan-tri/webhook").status_code == 200
    assert "Không kết nối được hoặc bên nhận không trả lời hợp lệ" in staff.text()
    assert "refused" not in staff.text().lower() and "errno" not in staff.text().lower()
    session.scalar(select(WebhookDelivery)).last_error = "[Errno 111] Connection refused"  # logged before
    session.commit()
    staff.get("/quan-tri/webhook?lang=en")
    assert "Connection refused or no valid answer" in staff.text() and "Errno" not in staff.text()
