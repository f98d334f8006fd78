"""No internal code on a page: every page a signed-in administrator can open (the URL map, walked
with real records as in test_safe_methods) shows statuses, rule names, channels, device classes,
exclusion reasons and invitation states in words, never as the code the database stores."""
import re
from html.parser import HTMLParser

import pytest
from flask import url_for
from limits import parse

from survey import clock
from survey.campaigns.models import CHANNELS
from survey.db import utcnow
from survey.public.limits import limit_words
from survey.quality.rules import FLAG_NAMES
from survey.responses.models import DEVICE_CLASSES, EXCLUSION_REASONS, STATUSES
from survey.responses.operations import record_response, reject_response
from survey.responses.screening import log_exclusion, said
from tests.accounts.conftest import Staff
from tests.security.test_safe_methods import records  # noqa: F401 (a fixture)

INVITATION_STATES = ("unused", "used", "expired")
CODES = frozenset(STATUSES + DEVICE_CLASSES + FLAG_NAMES + EXCLUSION_REASONS + CHANNELS + INVITATION_STATES) - {"web"}
""""web" is a Vietnamese word too ("Tự trả lời trên web")."""
DETAILS = {"rate_limited": said("detail_rate_limited", action=said("action_submit"),
                                limit=limit_words(parse("10 per hour"))),
           "burst_device": said("detail_burst_device", count=4, minutes=60),
           "burst_unit": said("detail_burst_unit", count=31, minutes=10)}
"""An exclusion log's detail of each reason, as the code logs them."""
CODE = re.compile(r"(?<![\w/.-])(" + "|".join(sorted(CODES)) + r")(?![\w/.-])")


class VisibleText(HTMLParser):
    """The text a reader sees or hears: element text outside scripts and styles, alt and aria-label."""

    HIDDEN = frozenset({"script", "style", "template"})

    def __init__(self):
        super().__init__()
        self.parts, self.hidden = [], 0

    def handle_starttag(self, tag, attrs):
        self.hidden += tag in self.HIDDEN
        self.parts += [value for name, value in attrs if name in ("alt", "aria-label", "title") and value]

    def handle_endtag(self, tag):
        self.hidden -= tag in self.HIDDEN

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def visible_text(page: str) -> str:
    parser = VisibleText()
    parser.feed(page)
    return " ".join(parser.parts)


@pytest.fixture
def shown(session, records, make_submission):
    """Besides the records: a web response from a desktop, too short, rejected; a burst; the log."""
    campaign, arguments, _ = records
    quick, _ = record_response(session, make_submission(campaign, device_class="desktop", page_seconds={"main": 12}),
                               clock.today())
    reject_response(session, quick, None, "thử nghiệm")
    burst, _ = record_response(session, make_submission(campaign, device_class="tablet"), clock.today())
    burst.flag = "burst_unit"
    for reason in EXCLUSION_REASONS:
        log_exclusion(session, reason, DETAILS[reason], utcnow(), campaign_id=campaign.id,
                      unit_id=campaign.units[0].unit_id, response_id=burst.id)
    session.commit()
    return campaign, arguments, [quick.id, burst.id]


def test_the_codes_looked_for_are_found_in_text():
    assert CODE.findall(visible_text("<p>Trạng thái: submitted · too_short <b>desktop</b></p><script>unused</script>"
                                     '<img alt="rejected">')) == ["submitted", "too_short", "desktop", "rejected"]
    assert CODE.findall("an-giang/paper.csv dot-mot") == []


def page_urls(app, campaign, arguments, response_ids) -> list[str]:
    """Every GET route with the records in its URL (routes naming what the records lack are left
    to test_safe_methods, which fails on them), and the review page of each response made here."""
    urls = []
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            if "GET" in rule.methods and rule.arguments <= arguments.keys():
                values = {name: arguments[name] for name in rule.arguments}
                if "/bang-hoi/" in rule.rule:
                    values["slug"] = campaign.questionnaire_version.questionnaire.slug
                urls.append(url_for(rule.endpoint, **values))
        return urls + [url_for("supervisor.response", response_id=number) for number in response_ids]


def test_no_page_shows_an_internal_code(app, shown):
    campaign, arguments, response_ids = shown
    visitor = Staff(app.test_client())
    visitor.sign_in("quantri")
    found = {}
    for url in page_urls(app, campaign, arguments, response_ids):
        with visitor.client.get(url) as response:
            page = response.get_data(as_text=True) if response.mimetype == "text/html" else ""
        codes = sorted(set(CODE.findall(visible_text(page))))
        if codes:
            found[url] = codes
    assert found == {}
