"""The deliverer of `flask webhooks deliver`: a loop beside gunicorn (one per host is plenty).

Each round: campaign.closed for campaigns whose last day has passed, delivery rows for new
events, then every due delivery posted and its outcome logged. Between rounds it sleeps
`poll` seconds; SIGTERM or Ctrl-C ends it after the round in progress.
"""
import signal
import time
from dataclasses import dataclass

from sqlalchemy.exc import DBAPIError

from survey import clock, db
from survey.db import utcnow
from survey.webhooks.delivery import Policy, claim, dispatch, record, send
from survey.webhooks.events import close_passed_campaigns


@dataclass(frozen=True)
class Round:
    closed: int
    dispatched: int
    posted: int
    delivered: int


def deliver_round(policy: Policy) -> Round:
    """One round; each step is its own transaction, none is open during a post."""
    db.session().expire_all()  # the loop's session outlives rounds: read what other processes changed
    with db.transaction() as session:
        closed = close_passed_campaigns(session, clock.today())
    with db.transaction() as session:
        dispatched = dispatch(session, utcnow())
    with db.transaction() as session:
        posts = claim(session, utcnow(), policy)
    delivered = 0
    for post in posts:
        outcome = send(post, policy)
        with db.transaction() as session:
            record(session, post, outcome, utcnow(), policy)
        delivered += outcome.ok
    return Round(len(closed), dispatched, len(posts), delivered)


def run(policy: Policy, poll: float, once: bool, report) -> None:
    """Rounds until stopped (or one round with `once`); `report` gets each round that did something,
    or the reason a round failed (the database unreachable: the loop carries on)."""
    stopping = []
    previous = signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    try:
        while True:
            try:
                done = deliver_round(policy)
            except DBAPIError as error:  # the database restarting: try again next round
                db.session().rollback()
                report(f"database unavailable, retrying in {poll:g} s: {type(error.orig).__name__}")
                done = Round(0, 0, 0, 0)
            if done.closed or done.dispatched or done.posted:
                report(done)
            if once or stopping:
                return
            time.sleep(poll)
            if stopping:
                return
    except KeyboardInterrupt:
        return
    finally:
        signal.signal(signal.SIGTERM, previous)
